// highlight.js draws findings on a contenteditable element with the CSS
// Custom Highlight API: Ranges registered in CSS.highlights under the names
// plumbline-<kind> (styled in plumbline.css with ::highlight()), so the
// element's DOM and text are never changed. It has the same interface as
// Overlay (overlay.js), so attach() treats both alike.

import { extractText, pieceIndex, offsetOf } from './textmap.js';

const KINDS = ['loaded', 'hedge', 'booster', 'attribution', 'number', 'name'];

/** supported says whether this browser has the Custom Highlight API. */
export function highlightsSupported(win = globalThis) {
  return Boolean(win.CSS && win.CSS.highlights && typeof win.Highlight === 'function');
}

// One Highlight per kind, shared by every attachment in the document.
const shared = new WeakMap(); // document → {kind → Highlight}
function highlightsOf(doc) {
  let h = shared.get(doc);
  if (!h) {
    const win = doc.defaultView;
    h = {};
    for (const k of [...KINDS, 'other', 'active']) {
      h[k] = new win.Highlight();
      win.CSS.highlights.set(`plumbline-${k}`, h[k]);
    }
    shared.set(doc, h);
  }
  return h;
}

/** HighlightOverlay highlights spans of a contenteditable element. */
export class HighlightOverlay {
  constructor(element) {
    this.field = element;
    this.doc = element.ownerDocument;
    this.h = highlightsOf(this.doc);
    this.ranges = [];           // every range this overlay added, with its kind
    this.findingRanges = new Map();
    this.rangeFindings = new Map();
    this.pieces = [];
    this.text = '';
    this.content = { querySelectorAll: () => [] }; // no elements to outline (see setActive)
  }

  sync() {}
  syncScroll() {}

  /** read refreshes the text and the offset map from the DOM. */
  read() {
    const r = extractText(this.field);
    this.text = r.text;
    this.pieces = r.pieces;
    return r.text;
  }

  at(off) {
    const ps = this.pieces;
    if (!ps.length) return [this.field, 0];
    const p = ps[Math.max(0, pieceIndex(ps, off))];
    return [p.node, Math.max(0, Math.min(p.node.data.length, off - p.start))];
  }

  rangeOf(start, end) {
    const r = this.doc.createRange();
    r.setStart(...this.at(start));
    r.setEnd(...this.at(end));
    return r;
  }

  clear() {
    for (const { range, kind } of this.ranges) this.h[kind].delete(range);
    this.h.active.clear();
    this.ranges = [];
    this.findingRanges = new Map();
    this.rangeFindings = new Map();
  }

  /** render registers one range per finding (text must be what read() returned). */
  render(text, findings) {
    this.clear();
    if (text !== this.text) this.read();
    if (text !== this.text) return; // the DOM moved on; the next analysis redraws
    for (const f of findings) {
      if (!(f.end > f.start)) continue;
      const range = this.rangeOf(f.start, f.end);
      const kind = KINDS.includes(f.kind) ? f.kind : 'other';
      this.h[kind].add(range);
      this.ranges.push({ range, kind });
      this.findingRanges.set(f, [range]);
      this.rangeFindings.set(range, [f]);
    }
  }

  marksOf(finding) { return this.findingRanges.get(finding) || []; }

  hitTest(x, y) {
    for (const { range } of this.ranges) {
      for (const r of range.getClientRects()) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return { mark: range, findings: this.rangeFindings.get(range) };
      }
    }
    return null;
  }

  setActive(finding) {
    this.h.active.clear();
    if (finding) for (const r of this.marksOf(finding)) this.h.active.add(r);
  }

  clientRectOf(start, end) {
    const rects = this.rangeOf(start, end).getClientRects();
    return rects.length ? rects[0] : this.field.getBoundingClientRect();
  }

  scrollTo(start, end) {
    const rect = this.rangeOf(start, end).getBoundingClientRect();
    const box = this.field.getBoundingClientRect();
    if (rect.top < box.top || rect.bottom > box.bottom) this.field.scrollTop += rect.top - box.top - this.field.clientHeight / 3;
    const node = this.at(start)[0];
    const el = node.nodeType === 1 ? node : node.parentElement;
    if (el && el.scrollIntoView) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** offsetOf maps a DOM point back to a text offset (-1 outside the text nodes). */
  offsetOf(node, off) { return offsetOf(this.pieces, node, off); }

  destroy() { this.clear(); }
}
