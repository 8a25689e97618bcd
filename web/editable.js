// editable.js — plumbline's inline highlights over a contenteditable
// element (a rich-text editor such as Quill, TipTap, CKEditor or a plain
// <div contenteditable>), WITHOUT touching the element's DOM: rich-text
// editors own their DOM, and a <mark> wrapped around their text would be
// undone, copied into the document, or break the editor's model.
//
// How it works:
// 1. extractText(root) walks the element's text nodes and returns the text
//    the analyser sees plus a map back to the DOM: every text node's data is
//    copied as it is, a <br> is "\n", and the start and end of a block
//    element (p, div, li, h1…) is "\n" unless the text already ends with one
//    (so "<p>a</p><p><br></p><p>b</p>" is "a\n\nb\n", like Quill's getText()).
//    Only text nodes are recorded in the map ({start, node}); the newlines
//    are gaps between them, so a UTF-16 offset maps to (text node, offset).
// 2. The report's offsets are UTF-16 code units — JavaScript string indices —
//    so they index that text directly. For each finding, a Range is set on
//    each text node it covers and Range.getClientRects() gives the boxes of
//    the text as the editor lays it out (per line fragment).
// 3. Those boxes are drawn as absolutely positioned <div>s in a layer that
//    is NOT inside the element: a fixed-position host appended to <body>,
//    with a shadow root (styles in editable.css, never leaking either way),
//    clipped to the element's visible box, pointer-events: none.
// 4. A MutationObserver (characterData, childList, subtree) and 'input'
//    follow edits: the text is extracted again, the old findings are
//    shifted past the edit at once, and the text is re-analysed after a
//    pause. Scrolling (any scroller, captured at the document), window
//    resizes and a ResizeObserver on the element re-place the boxes.
// 5. detach() disconnects the observers, removes every listener it added,
//    the layer and the card. The worker is shared by every attachment on the
//    page (plumbline.js), and holds no reference to the element.

import { analyze, cancel, ensureStylesheet } from './plumbline.js';
import { shiftFindings } from './overlay.js';
import { Card } from './card.js';
import { extractText, textRanges, offsetOf } from './textmap.js';

export { extractText };

const OPTIONS = new Set(['analyze', 'debounce', 'filter', 'card', 'cardHost', 'overlayLimit', 'stylesheet']);
const SEVERITY_RANK = { info: 0, warning: 1, error: 2 };
const CULL_ABOVE = 300;    // findings: beyond this, only those near the visible part are measured
const VISIBLE_MARGIN = 12; // text nodes measured beyond the visible part, each way

function stylesheetURL() { return new URL('editable.css', import.meta.url).href; }
function cardStylesheetURL() { return new URL('plumbline.css', import.meta.url).href; }

/**
 * attachEditable is attach() for a contenteditable element (plumbline.js
 * dispatches to it). Same options and events as attach(): 'analyzing',
 * 'report' {report, text, findings}, 'render' {findings, overlayOff},
 * 'card' {finding|null}, 'error' {message, text}.
 * @param {HTMLElement} element
 */
export function attachEditable(element, options = {}) {
  for (const k of Object.keys(options)) {
    if (!OPTIONS.has(k)) throw new Error(`plumbline.attach: unknown option "${k}" (known: ${[...OPTIONS].join(', ')})`);
  }
  if (!(element instanceof HTMLElement) || !element.isContentEditable) {
    throw new Error('plumbline.attach: element must be contenteditable');
  }
  if (element.plumblineAttachment) return element.plumblineAttachment;
  return new EditableAttachment(element, options);
}

export class EditableAttachment extends EventTarget {
  constructor(element, options) {
    super();
    this.element = element;
    this.doc = element.ownerDocument;
    this.win = this.doc.defaultView;
    this.options = { analyze: undefined, debounce: 250, filter: null, card: true, overlayLimit: 1_000_000, stylesheet: true, ...options };
    // plumbline.css in the document defines the --pl-* colours (on :root) that the shadow root inherits
    if (this.options.stylesheet) ensureStylesheet(this.doc, cardStylesheetURL());
    this.report = null;
    this.all = [];
    this.visible = [];
    this.extracted = extractText(element);
    this.timer = 0;
    this.frame = 0;
    this.hoverFrame = 0;
    this.boxes = []; // [{finding, rects: [{left, top, right, bottom}] in client coordinates}]
    this.listeners = [];
    this.destroyed = false;
    this.pinned = false;

    // The layer: a fixed box in <body>, outside the editor, with a shadow root.
    this.host = this.doc.createElement('plumbline-layer');
    this.host.setAttribute('aria-hidden', 'true');
    const hs = this.host.style;
    hs.setProperty('all', 'initial');
    hs.position = 'fixed';
    hs.left = '0px';
    hs.top = '0px';
    hs.width = '0px';
    hs.height = '0px';
    hs.overflow = 'hidden';
    hs.pointerEvents = 'none';
    hs.zIndex = '999';
    hs.display = 'block';
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const link = this.doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheetURL();
    this.layer = this.doc.createElement('div');
    this.layer.className = 'pl-layer';
    // the card lives in the same shadow root, out of reach of the page's CSS
    const cardCSS = this.doc.createElement('link');
    cardCSS.rel = 'stylesheet';
    cardCSS.href = cardStylesheetURL();
    this.cardHost = this.doc.createElement('div');
    this.cardHost.className = 'pl-cards';
    this.shadow.append(cardCSS, link, this.layer, this.cardHost);
    this.doc.body.append(this.host);

    this.card = this.options.card ? new Card(this.doc, {
      onApply: (f, r) => this.apply(f, r),
      onGoto: (span) => this.select(span),
    }) : null;

    const on = (target, type, fn, opts) => { target.addEventListener(type, fn, opts); this.listeners.push([target, type, fn, opts]); };
    on(element, 'input', () => this.onEdit());
    on(element, 'pointermove', (e) => this.onPointerMove(e));
    on(element, 'pointerleave', () => this.scheduleHoverEnd());
    on(element, 'click', () => this.onCaret());
    on(this.doc, 'scroll', () => this.place(), { capture: true, passive: true });
    on(this.win, 'resize', () => this.place());
    on(this.doc, 'keydown', (e) => { if (e.key === 'Escape' && this.card && this.card.visible) this.hideCard(); });
    if (this.card) {
      on(this.card.el, 'pointerenter', () => clearTimeout(this.hoverEndTimer));
      on(this.card.el, 'pointerleave', () => this.scheduleHoverEnd());
    }
    this.mutations = new MutationObserver(() => this.onEdit());
    this.mutations.observe(element, { characterData: true, childList: true, subtree: true });
    this.resizeObserver = new ResizeObserver(() => this.place());
    this.resizeObserver.observe(element);
    element.plumblineAttachment = this;
    this.draw();
    if (this.extracted.text.trim()) this.schedule(0);
  }

  /** text is the element's text as analysed (see extractText). */
  get text() { return this.extracted.text; }

  onEdit() {
    if (this.destroyed) return;
    const old = this.extracted.text;
    this.extracted = extractText(this.element);
    const text = this.extracted.text;
    if (text === old) { this.place(); return; } // a change of markup only: boxes may have moved
    const small = text.length <= this.options.overlayLimit && old.length <= this.options.overlayLimit;
    this.all = small ? shiftFindings(this.all, old, text) : [];
    this.draw(false); // while typing: measure once per frame
    this.schedule(this.report ? this.options.debounce : 0);
  }

  schedule(ms) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), ms);
  }

  /** refresh re-analyses the text now (e.g. after changing options.analyze). */
  refresh() { this.schedule(0); }

  async run() {
    if (this.destroyed) return;
    const text = this.extracted.text;
    this.dispatchEvent(new CustomEvent('analyzing', { detail: { text } }));
    let report;
    try {
      report = await analyze(text, this.options.analyze, this);
    } catch (err) {
      if (err.name === 'AbortError' || this.destroyed || this.extracted.text !== text) return;
      this.report = null;
      this.all = [];
      this.draw();
      this.dispatchEvent(new CustomEvent('error', { detail: { message: err.message, text } }));
      return;
    }
    if (this.destroyed || this.extracted.text !== text) return; // stale: a newer analysis is coming
    this.report = report;
    this.all = report.findings;
    this.draw();
    this.dispatchEvent(new CustomEvent('report', { detail: { report, text, findings: this.visible } }));
  }

  /** setFilter chooses which findings are drawn (null: all). */
  setFilter(fn) {
    this.options.filter = fn;
    this.draw();
  }

  /** draw redraws the boxes of the current findings, now or (now = false) at the next frame. */
  draw(now = true) {
    this.visible = this.options.filter ? this.all.filter(this.options.filter) : this.all.slice();
    this.overlayOff = this.extracted.text.length > this.options.overlayLimit;
    if (this.card && this.card.visible && !this.visible.includes(this.card.finding)) this.hideCard();
    if (now) this.layout(); else this.place();
    this.dispatchEvent(new CustomEvent('render', { detail: { findings: this.visible, overlayOff: this.overlayOff } }));
  }

  /** place re-positions the boxes at the next animation frame (scroll, resize, reflow). */
  place() {
    if (this.destroyed || this.frame) return;
    this.frame = this.win.requestAnimationFrame(() => { this.frame = 0; this.layout(); });
  }

  /** clip returns the part of the element's padding box that is visible (client coordinates). */
  clip() {
    const el = this.element;
    const r = el.getBoundingClientRect();
    let left = r.left + el.clientLeft, top = r.top + el.clientTop;
    let right = left + el.clientWidth, bottom = top + el.clientHeight;
    for (let a = el.parentElement; a && a !== this.doc.body && a !== this.doc.documentElement; a = a.parentElement) {
      const ov = getComputedStyle(a).overflow;
      if (ov === 'visible') continue;
      const ar = a.getBoundingClientRect();
      left = Math.max(left, ar.left + a.clientLeft); top = Math.max(top, ar.top + a.clientTop);
      right = Math.min(right, ar.left + a.clientLeft + a.clientWidth); bottom = Math.min(bottom, ar.top + a.clientTop + a.clientHeight);
    }
    const vw = this.doc.documentElement.clientWidth, vh = this.doc.documentElement.clientHeight;
    left = Math.max(0, left); top = Math.max(0, top); right = Math.min(vw, right); bottom = Math.min(vh, bottom);
    return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
  }

  /** layout computes each visible finding's boxes from the live DOM and draws them. */
  layout() {
    if (this.destroyed) return;
    const doc = this.doc;
    const c = this.clip();
    const hs = this.host.style;
    hs.left = c.left + 'px';
    hs.top = c.top + 'px';
    hs.width = c.width + 'px';
    hs.height = c.height + 'px';
    this.boxes = [];
    const frag = doc.createDocumentFragment();
    if (!this.overlayOff && this.element.isConnected) {
      const { pieces, text } = this.extracted;
      // most severe drawn last (on top)
      const order = this.visible.slice().sort((x, y) =>
        (SEVERITY_RANK[x.severity] ?? 0) - (SEVERITY_RANK[y.severity] ?? 0) || x.start - y.start);
      const [lo, hi] = order.length > CULL_ABOVE ? this.visibleSpan(c) : [0, text.length];
      for (const f of order) {
        if (f.end < lo || f.start > hi) continue;
        const start = Math.max(0, Math.min(text.length, f.start | 0)), end = Math.max(0, Math.min(text.length, f.end | 0));
        const rects = [];
        for (const range of textRanges(doc, pieces, start, end)) {
          for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) rects.push(r);
        }
        const box = { finding: f, rects: rects.map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })), els: [] };
        this.boxes.push(box);
        for (const r of box.rects) {
          const d = doc.createElement('div');
          d.className = 'pl-hl';
          d.dataset.kind = String(f.kind);
          d.dataset.severity = String(f.severity);
          d.dataset.start = String(f.start);
          d.dataset.end = String(f.end);
          if (this.card && this.card.finding === f) d.classList.add('pl-active');
          const s = d.style;
          s.left = (r.left - c.left) + 'px';
          s.top = (r.top - c.top) + 'px';
          s.width = (r.right - r.left) + 'px';
          s.height = (r.bottom - r.top) + 'px';
          box.els.push(d);
          frag.append(d);
        }
      }
    }
    this.layer.replaceChildren(frag);
    if (this.card && this.card.visible) this.placeCard();
  }

  /**
   * visibleSpan returns text offsets [lo, hi] that cover what is visible in
   * clip c, found by binary search over the text nodes' boxes (document
   * order is top-to-bottom in normal flow), widened by VISIBLE_MARGIN text
   * nodes each way for layouts where it is not. Used only when there are
   * many findings, so that scrolling measures a screenful, not the document.
   */
  visibleSpan(c) {
    const { pieces, text } = this.extracted;
    if (pieces.length < 2 * VISIBLE_MARGIN) return [0, text.length];
    const range = this.doc.createRange();
    const box = (i) => { range.selectNodeContents(pieces[i].node); return range.getBoundingClientRect(); };
    const first = (pred) => { // first index whose box satisfies pred (monotonic), or pieces.length
      let a = 0, b = pieces.length;
      while (a < b) { const m = (a + b) >> 1; if (pred(box(m))) b = m; else a = m + 1; }
      return a;
    };
    const i = Math.max(0, first((r) => r.bottom >= c.top) - VISIBLE_MARGIN);
    const j = Math.min(pieces.length - 1, first((r) => r.top > c.top + c.height) + VISIBLE_MARGIN);
    return [pieces[i].start, pieces[j].start + pieces[j].node.data.length];
  }

  /** hitTest returns the finding whose box holds the client point (x, y), most severe first. */
  hitTest(x, y) {
    let best = null;
    for (const b of this.boxes) {
      if (!b.rects.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)) continue;
      if (!best || (SEVERITY_RANK[b.finding.severity] ?? 0) > (SEVERITY_RANK[best.finding.severity] ?? 0)) best = b;
    }
    return best;
  }

  onPointerMove(e) {
    if (!this.card || this.pinned || this.hoverFrame) return;
    const x = e.clientX, y = e.clientY;
    this.hoverFrame = this.win.requestAnimationFrame(() => {
      this.hoverFrame = 0;
      if (this.destroyed) return;
      const hit = this.hitTest(x, y);
      if (hit) {
        clearTimeout(this.hoverEndTimer);
        if (this.card.finding !== hit.finding) this.showCard(hit.finding);
      } else if (this.card.visible) {
        this.scheduleHoverEnd();
      }
    });
  }

  scheduleHoverEnd() {
    if (this.pinned) return;
    clearTimeout(this.hoverEndTimer);
    this.hoverEndTimer = setTimeout(() => {
      if (this.destroyed || (this.card && this.card.el.matches(':hover'))) return;
      if (!this.pinned) this.hideCard();
    }, 300);
  }

  /** onCaret shows the card of the finding at the caret after a click or tap. */
  onCaret() {
    if (!this.card) return;
    const sel = this.doc.getSelection();
    if (!sel || !sel.isCollapsed || !sel.anchorNode) return;
    const at = offsetOf(this.extracted.pieces, sel.anchorNode, sel.anchorOffset);
    if (at < 0) return;
    const hit = this.visible.find((x) => x.start <= at && at <= x.end && x.end > x.start);
    if (hit) this.showCard(hit, { pinned: true });
  }

  rectOf(finding) {
    const b = this.boxes.find((x) => x.finding === finding);
    if (b && b.rects.length) return b.rects[0];
    return this.element.getBoundingClientRect();
  }

  showCard(finding, { pinned = false } = {}) {
    if (!this.card) return;
    this.pinned = pinned;
    this.card.show(finding, this.rectOf(finding), this.options.cardHost || this.cardHost);
    this.markActive();
    this.dispatchEvent(new CustomEvent('card', { detail: { finding } }));
  }

  placeCard() { if (this.card && this.card.visible) this.card.place(this.rectOf(this.card.finding)); }

  hideCard() {
    if (!this.card || !this.card.visible) return;
    this.card.hide();
    this.pinned = false;
    this.markActive();
    this.dispatchEvent(new CustomEvent('card', { detail: { finding: null } }));
  }

  markActive() {
    const active = this.card && this.card.visible ? this.card.finding : null;
    for (const b of this.boxes) for (const d of b.els) d.classList.toggle('pl-active', b.finding === active);
  }

  /** rangeOf returns a DOM Range over [start, end) of the element's text (null if it maps to no text). */
  rangeOf(start, end) {
    const ranges = textRanges(this.doc, this.extracted.pieces, start, end);
    if (!ranges.length) return null;
    const r = this.doc.createRange();
    r.setStart(ranges[0].startContainer, ranges[0].startOffset);
    r.setEnd(ranges[ranges.length - 1].endContainer, ranges[ranges.length - 1].endOffset);
    return r;
  }

  /** select selects span [start, end) in the element (the editor sees an ordinary selection). */
  select(span) {
    const r = this.rangeOf(span.start, span.end);
    if (!r) return;
    this.element.focus({ preventScroll: true });
    const sel = this.doc.getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
    const el = r.startContainer.parentElement;
    if (el && el.scrollIntoView) el.scrollIntoView({ block: 'nearest' });
  }

  /**
   * apply replaces the finding's span with replacement by selecting it and
   * running the browser's insertText command — the same path as typing, so
   * the editor (which owns the DOM) sees an ordinary edit and Undo works.
   * plumbline never writes into the element itself: if the command is not
   * available, nothing changes and apply returns false.
   */
  apply(finding, replacement) {
    if (this.extracted.text.slice(finding.start, finding.end) !== finding.text) return false;
    this.hideCard();
    this.select(finding);
    let done = false;
    try { done = this.doc.execCommand('insertText', false, replacement); } catch { /* not supported */ }
    return done;
  }

  /** detach removes the highlights, card, observers and listeners; the element is left as it was. */
  detach() {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.timer);
    cancel(this); // its analysis, if still waiting for the worker
    clearTimeout(this.hoverEndTimer);
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    if (this.hoverFrame) this.win.cancelAnimationFrame(this.hoverFrame);
    this.mutations.disconnect();
    this.resizeObserver.disconnect();
    for (const [t, type, fn, opts] of this.listeners) t.removeEventListener(type, fn, opts);
    this.listeners = [];
    this.host.remove();
    if (this.card) this.card.destroy();
    this.boxes = [];
    this.extracted = { text: '', pieces: [] };
    delete this.element.plumblineAttachment;
  }
}
