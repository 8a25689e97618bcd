// textmap.js — the text of a contenteditable element as plumbline analyses
// it, and the map from that text's UTF-16 offsets back to DOM text nodes.
// Both contenteditable paths use it: CSS Custom Highlights (highlight.js)
// and drawn boxes (editable.js), so they always agree on the text.

const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO']);

/**
 * extractText returns the text of root as the analyser sees it and the map
 * back to the DOM: pieces [{start, node}] (text nodes in document order,
 * with the UTF-16 offset of their first code unit in text).
 * @param {Node} root
 * @returns {{text: string, pieces: {start: number, node: Text}[]}}
 */
export function extractText(root) {
  const parts = [];
  const pieces = [];
  let length = 0;
  let last = ''; // last code unit emitted
  const newline = () => { parts.push('\n'); length++; last = '\n'; };
  const walk = (node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) { // text
        const d = n.data;
        if (!d) continue;
        pieces.push({ start: length, node: n });
        parts.push(d);
        length += d.length;
        last = d[d.length - 1];
      } else if (n.nodeType === 1) {
        const tag = n.tagName.toUpperCase();
        if (SKIPPED.has(tag)) continue;
        if (tag === 'BR') { newline(); continue; }
        const block = BLOCKS.has(tag);
        if (block && length && last !== '\n') newline();
        walk(n);
        if (block && length && last !== '\n') newline();
      }
    }
  };
  walk(root);
  return { text: parts.join(''), pieces };
}

/** pieceIndex returns the index of the last piece starting at or before offset (-1 if none). */
export function pieceIndex(pieces, offset) {
  let lo = 0, hi = pieces.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid].start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/**
 * textRanges returns one Range per text node covered by [start, end) —
 * ranges over text only, so their client rects never include an element's
 * box.
 */
export function textRanges(doc, pieces, start, end) {
  const out = [];
  if (end <= start || !pieces.length) return out;
  let i = Math.max(0, pieceIndex(pieces, start));
  for (; i < pieces.length; i++) {
    const p = pieces[i], len = p.node.data.length;
    if (p.start >= end) break;
    const a = Math.max(0, start - p.start), b = Math.min(len, end - p.start);
    if (b <= a) continue;
    const r = doc.createRange();
    r.setStart(p.node, a);
    r.setEnd(p.node, b);
    out.push(r);
  }
  return out;
}

/** offsetOf maps a DOM point inside root back to a text offset (-1 if not in a recorded text node). */
export function offsetOf(pieces, node, offset) {
  for (const p of pieces) if (p.node === node) return p.start + Math.min(offset, p.node.data.length);
  return -1;
}
