// overlay.js draws plumbline's findings behind a text field without
// touching its text or its value.
//
// How it works: a "backdrop" element is inserted just before the field, in
// the same containing block, absolutely positioned over the field's border
// box, with the field's font, padding, border widths, wrapping and scroll
// position copied from its computed style. It holds the same text as the
// field, as text nodes and <mark> elements (built with createTextNode and
// textContent only, never markup), in transparent ink. The field's own
// background is moved to the backdrop and the field is made transparent, so
// the marks' backgrounds and underlines show through under the field's real
// text. The field stays the real editor: the caret, selection, undo and IME
// are the browser's own.
//
// The marks sit under the field, so pointer events never reach them:
// hitTest() finds the mark under a point from the marks' client rects.

const COPIED = [
  'box-sizing', 'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch',
  'font-kerning', 'font-feature-settings', 'font-variation-settings', 'line-height', 'letter-spacing',
  'word-spacing', 'text-indent', 'text-transform', 'text-align', 'tab-size', 'direction', 'unicode-bidi',
  'writing-mode', 'hyphens', 'word-break', 'overflow-wrap', 'white-space',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-left-radius', 'border-top-right-radius', 'border-bottom-left-radius', 'border-bottom-right-radius',
];

const SEVERITY_RANK = { info: 0, warning: 1, error: 2 };

/** Overlay highlights spans of a <textarea> or <input>. */
export class Overlay {
  /** @param {HTMLTextAreaElement|HTMLInputElement} field */
  constructor(field) {
    this.field = field;
    this.doc = field.ownerDocument;
    this.single = field.tagName === 'INPUT';
    this.backdrop = this.doc.createElement('div');
    this.backdrop.className = 'pl-backdrop';
    this.backdrop.setAttribute('aria-hidden', 'true');
    this.content = this.doc.createElement('div');
    this.content.className = 'pl-backdrop-content';
    this.backdrop.append(this.content);
    this.text = '';
    this.findings = [];
    this.marks = [];              // every <mark>, in text order
    this.markFindings = new Map(); // mark → findings covering it (primary first)
    this.findingMarks = new Map(); // finding → its marks
    this.pieces = [];             // [{start, node}] text nodes in order, for offset → DOM
    this.rectCache = null;

    const s = field.style;
    this.saved = { backgroundColor: s.backgroundColor, backgroundImage: s.backgroundImage, position: s.position };
    const cs = getComputedStyle(field);
    this.backdrop.style.backgroundColor = cs.backgroundColor;
    this.backdrop.style.backgroundImage = cs.backgroundImage;
    if (cs.position === 'static') s.position = 'relative';
    s.backgroundColor = 'transparent';
    s.backgroundImage = 'none';
    field.classList.add('pl-field');
    field.parentNode.insertBefore(this.backdrop, field);

    this.onScroll = () => this.syncScroll();
    field.addEventListener('scroll', this.onScroll, { passive: true });
    // the field's size, and its parent's (siblings growing move the field)
    this.resizeObserver = new ResizeObserver(() => this.sync());
    this.resizeObserver.observe(field);
    if (field.parentElement) this.resizeObserver.observe(field.parentElement);
    this.sync();
  }

  /** sync copies the field's metrics and position to the backdrop. */
  sync() {
    const f = this.field, b = this.backdrop.style;
    const cs = getComputedStyle(f);
    for (const p of COPIED) b.setProperty(p, cs.getPropertyValue(p));
    b.position = 'absolute'; // also before plumbline.css has loaded (an embedding page may add it late)
    b.borderStyle = 'solid';
    b.borderColor = 'transparent';
    b.left = f.offsetLeft + 'px';
    b.top = f.offsetTop + 'px';
    b.width = f.offsetWidth + 'px';
    b.height = f.offsetHeight + 'px';
    b.boxSizing = 'border-box';
    // offsetParent and the containing block differ in a few layouts (a
    // table cell, an unpositioned body): correct by what is measured
    const fr = f.getBoundingClientRect(), br0 = this.backdrop.getBoundingClientRect();
    if (Math.abs(fr.left - br0.left) > 0.5) b.left = f.offsetLeft + (fr.left - br0.left) + 'px';
    if (Math.abs(fr.top - br0.top) > 0.5) b.top = f.offsetTop + (fr.top - br0.top) + 'px';
    // The field's scrollbar narrows its text box; the backdrop has none, so
    // it pads by the same width (on the right for left-to-right text).
    const bl = parseFloat(cs.borderLeftWidth) || 0, br = parseFloat(cs.borderRightWidth) || 0;
    const scrollbar = Math.max(0, f.offsetWidth - f.clientWidth - bl - br);
    const pr = parseFloat(cs.paddingRight) || 0;
    if (cs.direction === 'rtl') b.paddingLeft = (parseFloat(cs.paddingLeft) || 0) + scrollbar + 'px';
    else b.paddingRight = pr + scrollbar + 'px';
    if (this.single) {
      // an <input> centres its single line vertically and never wraps
      const contentHeight = f.clientHeight - (parseFloat(cs.paddingTop) || 0) - (parseFloat(cs.paddingBottom) || 0);
      b.whiteSpace = 'pre';
      b.lineHeight = contentHeight + 'px';
    }
    this.rectCache = null;
    this.syncScroll();
  }

  syncScroll() {
    this.backdrop.scrollTop = this.field.scrollTop;
    this.backdrop.scrollLeft = this.field.scrollLeft;
    this.rectCache = null;
  }

  /**
   * render shows text with marks for findings (objects with start, end in
   * UTF-16 code units, kind, severity). Overlapping findings are split into
   * segments; a segment's mark takes its kind from the most severe finding
   * over it (then the earliest, then the longest).
   */
  render(text, findings) {
    this.sync();
    this.text = text;
    this.findings = findings;
    this.marks = [];
    this.markFindings = new Map();
    this.findingMarks = new Map();
    this.pieces = [];
    this.rectCache = null;
    const doc = this.doc;
    const frag = doc.createDocumentFragment();
    const len = text.length;

    const bounds = new Set([0, len]);
    const list = [];
    for (const f of findings) {
      const start = Math.max(0, Math.min(len, f.start | 0)), end = Math.max(0, Math.min(len, f.end | 0));
      if (end <= start) continue;
      list.push({ f, start, end });
      bounds.add(start);
      bounds.add(end);
    }
    const points = [...bounds].sort((a, b) => a - b);
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let next = 0;
    let active = [];
    const addText = (start, end) => {
      const node = doc.createTextNode(text.slice(start, end));
      this.pieces.push({ start, node });
      return node;
    };
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      active = active.filter((x) => x.end > a);
      while (next < list.length && list[next].start <= a) {
        if (list[next].end > a) active.push(list[next]);
        next++;
      }
      if (active.length === 0) {
        frag.append(addText(a, b));
        continue;
      }
      const covering = active.map((x) => x.f).sort((x, y) =>
        (SEVERITY_RANK[y.severity] ?? 0) - (SEVERITY_RANK[x.severity] ?? 0) || x.start - y.start || y.end - x.end);
      const primary = covering[0];
      const mark = doc.createElement('mark');
      mark.className = 'pl-mark';
      mark.dataset.kind = String(primary.kind);
      mark.dataset.severity = String(primary.severity);
      if (covering.length > 1) mark.dataset.overlap = String(covering.length);
      mark.append(addText(a, b));
      frag.append(mark);
      this.marks.push(mark);
      this.markFindings.set(mark, covering);
      for (const f of covering) {
        const ms = this.findingMarks.get(f);
        if (ms) ms.push(mark); else this.findingMarks.set(f, [mark]);
      }
    }
    // a final newline needs something after it to give the last line height
    if (!this.single && text.endsWith('\n')) frag.append(doc.createTextNode('\u200b'));
    this.content.replaceChildren(frag);
    this.syncScroll();
  }

  /** clear removes every mark (and the text). */
  clear() { this.render('', []); }

  /** setActive outlines the marks of finding (null: none). */
  setActive(finding) {
    for (const m of this.content.querySelectorAll('.pl-active')) m.classList.remove('pl-active');
    if (finding) for (const m of this.marksOf(finding)) m.classList.add('pl-active');
  }

  /** marksOf returns the marks drawn for a finding (empty if hidden). */
  marksOf(finding) { return this.findingMarks.get(finding) || []; }

  /** hitTest returns the findings under the client point (x, y), most severe first. */
  hitTest(x, y) {
    if (!this.marks.length) return null;
    const origin = this.content.getBoundingClientRect();
    if (!this.rectCache) {
      this.rectCache = this.marks.map((m) => Array.from(m.getClientRects(), (r) => ({
        left: r.left - origin.left, right: r.right - origin.left, top: r.top - origin.top, bottom: r.bottom - origin.top,
      })));
    }
    const fr = this.field.getBoundingClientRect();
    if (x < fr.left || x > fr.right || y < fr.top || y > fr.bottom) return null;
    const px = x - origin.left, py = y - origin.top;
    for (let i = 0; i < this.marks.length; i++) {
      for (const r of this.rectCache[i]) {
        if (px >= r.left && px <= r.right && py >= r.top && py <= r.bottom) {
          return { mark: this.marks[i], findings: this.markFindings.get(this.marks[i]) };
        }
      }
    }
    return null;
  }

  /** rangeOf returns a DOM Range over [start, end) of the backdrop's text. */
  rangeOf(start, end) {
    const r = this.doc.createRange();
    const at = (off) => {
      let lo = 0, hi = this.pieces.length - 1;
      if (hi < 0) return [this.content, 0];
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.pieces[mid].start <= off) lo = mid; else hi = mid - 1;
      }
      const p = this.pieces[lo];
      return [p.node, Math.max(0, Math.min(p.node.data.length, off - p.start))];
    };
    r.setStart(...at(start));
    r.setEnd(...at(end));
    return r;
  }

  /** clientRectOf returns the client rect of span [start, end) as drawn now. */
  clientRectOf(start, end) {
    const rects = this.rangeOf(start, end).getClientRects();
    return rects.length ? rects[0] : this.field.getBoundingClientRect();
  }

  /** scrollTo scrolls the field so that [start, end) is in view (a third from the top). */
  scrollTo(start, end) {
    const origin = this.content.getBoundingClientRect();
    const rect = this.rangeOf(start, end).getBoundingClientRect();
    const top = rect.top - origin.top, f = this.field;
    if (top < f.scrollTop || rect.bottom - origin.top > f.scrollTop + f.clientHeight) {
      f.scrollTop = Math.max(0, top - f.clientHeight / 3);
    }
    const left = rect.left - origin.left;
    if (this.single && (left < f.scrollLeft || left > f.scrollLeft + f.clientWidth)) f.scrollLeft = Math.max(0, left - 20);
    this.syncScroll();
  }

  /** destroy removes the backdrop and gives the field back its styles. */
  destroy() {
    this.resizeObserver.disconnect();
    this.field.removeEventListener('scroll', this.onScroll);
    this.backdrop.remove();
    this.field.classList.remove('pl-field');
    Object.assign(this.field.style, this.saved);
    this.marks = [];
    this.markFindings = new Map();
    this.findingMarks = new Map();
  }
}

/**
 * shiftFindings keeps findings valid while the user edits, before the new
 * analysis arrives: findings wholly before the edit stay, findings wholly
 * after it move by the change in length, findings touching it are dropped.
 */
export function shiftFindings(findings, oldText, newText) {
  let p = 0;
  const max = Math.min(oldText.length, newText.length);
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  const editEnd = oldText.length - s, delta = newText.length - oldText.length;
  const out = [];
  for (const f of findings) {
    if (f.end <= p) out.push({ ...f });
    else if (f.start >= editEnd) out.push({ ...f, start: f.start + delta, end: f.end + delta });
    else continue;
    const last = out[out.length - 1];
    last.related = (f.related || []).flatMap((r) => {
      if (r.end <= p) return [r];
      if (r.start >= editEnd) return [{ ...r, start: r.start + delta, end: r.end + delta }];
      return [];
    });
  }
  return out;
}
