// plumbline.js — the browser API of plumbline (plain ES module, no build).
//
//   import { initialize, analyze, attach, events } from './plumbline.js';
//   await initialize({ wasmURL: 'plumbline.wasm', workerURL: 'worker.js' }); // optional, once
//   const report = await analyze(text, { kinds: ['loaded'] });          // CONTRACT.md report, UTF-16 offsets
//   const handle = attach(textarea);                                    // inline highlights + cards
//   handle.detach();
//
// The Go analyser (plumbline.wasm) runs in a Web Worker, so the page never
// blocks. analyze() is "newest wins": a call made while another is waiting
// or running supersedes it, and the superseded promise rejects with an
// Error named "AbortError" (callers ignore those). A worker that crashes or
// takes too long is terminated and restarted, and `events` says so.

import { Overlay, shiftFindings } from './overlay.js';
import { Card, replacementOf } from './card.js';
import { attachEditable } from './editable.js';

export { replacementOf };

/** events dispatches 'status' CustomEvents: detail {state, message}; state is
 * 'starting' | 'ready' | 'busy' | 'restarting' | 'failed'. */
export const events = new EventTarget();

const INIT_OPTIONS = new Set(['wasmURL', 'workerURL', 'timeout']);
const MAX_RESTARTS = 3;

let config = null;
let ready = null; // Promise<{version, startMs}> while a worker is starting or running
let worker = null;
let workerReady = false;
let inflight = null;
let pending = new Map(); // key → the newest waiting request of that key (see analyze's key)
let nextId = 1;
let restarts = 0;
let version = 0;

function status(state, message = '') {
  events.dispatchEvent(new CustomEvent('status', { detail: { state, message } }));
}

function abortError() {
  const e = new Error('superseded by a newer analysis');
  e.name = 'AbortError';
  return e;
}

/**
 * initialize starts the worker and the wasm module. It is optional (the
 * first analyze or attach calls it with the defaults), may be called again
 * (it returns the same promise), and may be retried after a failure.
 * Relative URLs resolve against this module's URL.
 * @param {{wasmURL?: string|URL, workerURL?: string|URL, timeout?: number}} options
 *   timeout: ms an analysis may take (plus 5 ms per 1000 characters) before the worker is restarted.
 * @returns {Promise<{version: number, startMs: number}>}
 */
export function initialize(options = {}) {
  for (const k of Object.keys(options)) {
    if (!INIT_OPTIONS.has(k)) throw new Error(`plumbline.initialize: unknown option "${k}" (known: ${[...INIT_OPTIONS].join(', ')})`);
  }
  if (ready) return ready;
  config = {
    wasmURL: new URL(options.wasmURL ?? 'plumbline.wasm', import.meta.url).href,
    workerURL: new URL(options.workerURL ?? 'worker.js', import.meta.url).href,
    timeout: options.timeout ?? 15000,
  };
  restarts = 0;
  ready = startWorker();
  ready.catch(() => { ready = null; });
  return ready;
}

/** version is the report version of the running analyser (0 before it starts). */
export function analyserVersion() { return version; }

function startWorker() {
  status('starting', 'Starting the analyser…');
  return new Promise((resolve, reject) => {
    const w = new Worker(config.workerURL, { type: 'module', name: 'plumbline' });
    worker = w;
    workerReady = false;
    const fail = (message) => {
      clearTimeout(timer);
      if (worker !== w) return; // terminate() ended this worker: nothing to report
      w.terminate(); worker = null; workerReady = false;
      failPending(new Error(message));
      status('failed', message);
      reject(new Error(message));
    };
    const timer = setTimeout(() => fail('The analyser did not start within 30 s.'), 30000);
    w.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'ready') {
        clearTimeout(timer);
        version = m.version;
        workerReady = true;
        w.onmessage = onWorkerMessage;
        w.onerror = (ev) => { ev.preventDefault(); restart(`The analyser crashed (${ev.message || 'worker error'}).`); };
        status('ready', '');
        resolve({ version: m.version, startMs: m.startMs });
        pump();
      } else if (m.type === 'fatal') {
        fail(`The analyser could not start: ${m.message}`);
      }
    };
    w.onerror = (ev) => { ev.preventDefault(); fail(`The analyser could not start (${ev.message || 'worker error'}).`); };
    w.postMessage({ type: 'init', wasmURL: config.wasmURL });
  });
}

function failPending(err) {
  if (inflight) { clearTimeout(inflight.timer); inflight.reject(err); inflight = null; }
  for (const req of pending.values()) req.reject(err);
  pending.clear();
}

function restart(reason) {
  if (worker) worker.terminate();
  worker = null;
  workerReady = false;
  if (inflight) {
    clearTimeout(inflight.timer);
    inflight.reject(new Error(`${reason} It was restarted; the text was not analysed.`));
    inflight = null;
  }
  restarts++;
  if (restarts > MAX_RESTARTS) {
    const msg = `${reason} The analyser failed ${MAX_RESTARTS} times in a row; reload the page to try again.`;
    failPending(new Error(msg));
    ready = null;
    status('failed', msg);
    return;
  }
  status('restarting', `${reason} Restarting the analyser…`);
  ready = startWorker().then((r) => {
    status('ready', 'The analyser was restarted.');
    return r;
  });
  ready.catch(() => { ready = null; });
}

/**
 * analyze analyses text in the worker and resolves with the report (a plain
 * object, CONTRACT.md, offsets in UTF-16 code units). It rejects with the
 * analyser's Error for bad input (too large, bad option or lexicon), and with
 * an AbortError when a newer call superseded it. "Newer" is per key: calls
 * with different keys (each attachment passes its own) queue side by side,
 * so several fields on one page share the worker without starving each
 * other; calls without a key share one default key.
 * @param {string} text
 * @param {{kinds?: string[], minSeverity?: string, maxBytes?: number, lexicon?: object[]}} [options]
 * @param {*} [key]
 * @returns {Promise<object>}
 */
export function analyze(text, options, key = analyze) {
  if (typeof text !== 'string') return Promise.reject(new TypeError('plumbline.analyze: text must be a string'));
  if (!ready) {
    try { initialize(); } catch (e) { return Promise.reject(e); }
  }
  return new Promise((resolve, reject) => {
    const old = pending.get(key);
    if (old) { pending.delete(key); old.reject(abortError()); }
    pending.set(key, { key, text, options, resolve, reject });
    pump();
  });
}

function pump() {
  if (inflight || !pending.size || !worker || !workerReady) return;
  const req = pending.values().next().value; // oldest key first: fair between attachments
  pending.delete(req.key);
  req.id = nextId++;
  const limit = config.timeout + Math.round((5 * req.text.length) / 1000);
  req.timer = setTimeout(() => restart(`The analysis took longer than ${Math.round(limit / 1000)} s.`), limit);
  req.t0 = performance.now();
  inflight = req;
  status('busy', '');
  worker.postMessage({ type: 'analyze', id: req.id, text: req.text, options: req.options });
}

function onWorkerMessage(e) {
  const m = e.data, req = inflight;
  if (!req || m.id !== req.id) return; // a late answer from before a restart
  clearTimeout(req.timer);
  inflight = null;
  if (m.type === 'fatal') {
    inflight = req; // restart() rejects it with the reason
    restart(`The analyser stopped (${m.message}).`);
    return;
  }
  status('ready', '');
  if (pending.has(req.key)) {
    req.reject(abortError()); // stale: a newer text of the same key is waiting
  } else if (m.type === 'result') {
    restarts = 0;
    Object.defineProperty(m.report, 'timing', {
      value: { analyzeMs: m.ms, roundTripMs: performance.now() - req.t0 }, enumerable: false,
    });
    req.resolve(m.report);
  } else {
    req.reject(new Error(m.message));
  }
  pump();
}

/**
 * terminate stops the shared worker and frees the wasm module's memory
 * (waiting analyses reject with an AbortError); the next analyze() or
 * attach() starts a new one. For pages that detach every field for good.
 */
export function terminate() {
  const w = worker;
  worker = null;
  workerReady = false;
  ready = null;
  failPending(abortError());
  if (w) { w.onmessage = null; w.onerror = null; w.terminate(); }
}

// ---------------------------------------------------------------------------
// attach

const ATTACH_OPTIONS = new Set(['analyze', 'debounce', 'filter', 'card', 'cardHost', 'overlayLimit', 'stylesheet']);

function ensureStylesheet(doc) {
  const href = new URL('plumbline.css', import.meta.url).href;
  for (const l of doc.querySelectorAll('link[rel="stylesheet"]')) if (l.href === href) return;
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  doc.head.append(link);
}

/**
 * attach shows plumbline's findings inline on a <textarea> or <input>
 * (or a contenteditable element: see editable.js), without changing its
 * text or form value, re-analysing after each pause in editing.
 *
 * Options: analyze (options for analyze()), debounce (ms, default 250),
 * filter (finding → boolean: which findings to draw), card (default true:
 * show a card on hover, tap and focus), overlayLimit (characters, default
 * 1,000,000: beyond it no inline highlights, findings still reported),
 * stylesheet (default true: add plumbline.css to the document), cardHost
 * (an element to keep the card in, e.g. inside a shadow root that links
 * plumbline.css; default: <body>).
 *
 * The returned Attachment is an EventTarget: 'report' {report, text, findings},
 * 'analyzing' {text}, 'error' {message}, 'render' {findings}, 'card' {finding|null}.
 */
export function attach(element, options = {}) {
  for (const k of Object.keys(options)) {
    if (!ATTACH_OPTIONS.has(k)) throw new Error(`plumbline.attach: unknown option "${k}" (known: ${[...ATTACH_OPTIONS].join(', ')})`);
  }
  if (element instanceof HTMLElement && element.isContentEditable && !(element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement)) {
    return attachEditable(element, options); // editable.js: overlay over a contenteditable element
  }
  if (!(element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && /^(text|search|)$/.test(element.type)))) {
    throw new Error('plumbline.attach: element must be a <textarea> or a text <input>');
  }
  if (element.plumblineAttachment) return element.plumblineAttachment;
  return new Attachment(element, options);
}

class Attachment extends EventTarget {
  constructor(field, options) {
    super();
    this.field = field;
    this.doc = field.ownerDocument;
    this.options = { analyze: undefined, debounce: 250, filter: null, card: true, cardHost: null, overlayLimit: 1_000_000, stylesheet: true, ...options };
    if (this.options.stylesheet) ensureStylesheet(this.doc);
    this.overlay = new Overlay(field);
    this.card = this.options.card ? new Card(this.doc, {
      onApply: (f, r) => this.apply(f, r),
      onGoto: (span) => this.select(span),
    }) : null;
    this.report = null;
    this.reportText = null;
    this.all = [];      // findings valid for the current text (shifted while editing)
    this.visible = [];  // those the filter keeps
    this.drawnText = '';
    this.timer = 0;
    this.hover = null;  // {mark, findings} under the pointer
    this.pinned = false; // card opened by keyboard focus or tap: hover does not move it
    this.frame = 0;
    this.listeners = [];
    this.destroyed = false;

    const on = (target, type, fn, opts) => { target.addEventListener(type, fn, opts); this.listeners.push([target, type, fn, opts]); };
    on(field, 'input', (e) => this.onInput(e));
    on(field, 'pointermove', (e) => this.onPointerMove(e));
    on(field, 'pointerleave', () => this.scheduleHoverEnd());
    on(field, 'click', () => this.onCaret());
    on(field, 'scroll', () => { if (!this.pinned) this.hideCard(); else this.placeCard(); }, { passive: true });
    if (this.card) {
      on(this.card.el, 'pointerenter', () => clearTimeout(this.hoverEndTimer));
      on(this.card.el, 'pointerleave', () => this.scheduleHoverEnd());
    }
    on(this.doc, 'keydown', (e) => { if (e.key === 'Escape' && this.card && this.card.visible) { this.hideCard(); } });
    on(this.doc.defaultView, 'resize', () => { this.overlay.sync(); this.placeCard(); });
    field.plumblineAttachment = this;
    this.drawnText = field.value;
    this.overlay.render(this.drawnText, []);
    if (field.value) this.schedule(0);
  }

  /** text is the field's current text. */
  get text() { return this.field.value; }

  onInput(e) {
    const text = this.field.value;
    if (text.length <= this.options.overlayLimit && this.drawnText.length <= this.options.overlayLimit) {
      this.all = shiftFindings(this.all, this.drawnText, text);
    } else {
      this.all = [];
    }
    this.drawnText = text;
    this.draw();
    const immediate = !this.report || (e && (e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop'));
    this.schedule(immediate ? 0 : this.options.debounce);
  }

  schedule(ms) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), ms);
  }

  /** refresh re-analyses the text now (e.g. after changing options.analyze). */
  refresh() { this.schedule(0); }

  async run() {
    if (this.destroyed) return;
    const text = this.field.value;
    this.dispatchEvent(new CustomEvent('analyzing', { detail: { text } }));
    let report;
    try {
      report = await analyze(text, this.options.analyze, this);
    } catch (err) {
      if (err.name === 'AbortError' || this.destroyed) return;
      if (this.field.value !== text) return;
      this.report = null;
      this.all = [];
      this.draw();
      this.dispatchEvent(new CustomEvent('error', { detail: { message: err.message, text } }));
      return;
    }
    if (this.destroyed || this.field.value !== text) return; // stale: a newer analysis is coming
    this.report = report;
    this.reportText = text;
    this.all = report.findings;
    this.drawnText = text;
    this.draw();
    this.dispatchEvent(new CustomEvent('report', { detail: { report, text, findings: this.visible } }));
  }

  /** setFilter chooses which findings are drawn (null: all). */
  setFilter(fn) {
    this.options.filter = fn;
    this.draw();
  }

  draw() {
    const text = this.drawnText;
    this.visible = this.options.filter ? this.all.filter(this.options.filter) : this.all.slice();
    if (text.length > this.options.overlayLimit) {
      this.overlay.render('', []);
      this.overlayOff = true;
    } else {
      this.overlay.render(text, this.visible);
      this.overlayOff = false;
    }
    if (this.card && this.card.visible && !this.visible.includes(this.card.finding)) this.hideCard();
    this.dispatchEvent(new CustomEvent('render', { detail: { findings: this.visible, overlayOff: this.overlayOff } }));
  }

  onPointerMove(e) {
    if (!this.card || this.pinned) return;
    const x = e.clientX, y = e.clientY;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const hit = this.overlay.hitTest(x, y);
      if (hit) {
        clearTimeout(this.hoverEndTimer);
        if (!this.hover || this.hover.mark !== hit.mark) {
          this.hover = hit;
          this.showCard(hit.findings[0], { mark: hit.mark });
        }
      } else if (this.hover) {
        this.scheduleHoverEnd();
      }
    });
  }

  scheduleHoverEnd() {
    if (this.pinned) return;
    clearTimeout(this.hoverEndTimer);
    this.hoverEndTimer = setTimeout(() => {
      if (this.card && this.card.el.matches(':hover')) return;
      this.hover = null;
      if (!this.pinned) this.hideCard();
    }, 300);
  }

  /** onCaret shows the card of the finding at the caret after a click or tap. */
  onCaret() {
    const f = this.field;
    if (!this.card || f.selectionStart !== f.selectionEnd) return;
    const at = f.selectionStart;
    const hit = this.visible.find((x) => x.start <= at && at <= x.end && x.end > x.start);
    if (hit) this.showCard(hit, { pinned: true });
  }

  /**
   * showCard shows the card for finding next to its mark and outlines the
   * mark. host: an element to hold the card in the DOM (keyboard order).
   */
  showCard(finding, { mark, host, pinned = false, scroll = false } = {}) {
    if (!this.card) return;
    if (scroll) this.overlay.scrollTo(finding.start, finding.end);
    this.pinned = pinned;
    this.setActive(finding);
    const m = mark || this.overlay.marksOf(finding)[0];
    const rect = m ? m.getBoundingClientRect() : this.overlay.clientRectOf(finding.start, finding.end);
    this.card.show(finding, rect, host || this.options.cardHost);
    this.dispatchEvent(new CustomEvent('card', { detail: { finding } }));
  }

  placeCard() {
    if (!this.card || !this.card.visible) return;
    const f = this.card.finding;
    const m = this.overlay.marksOf(f)[0];
    this.card.place(m ? m.getBoundingClientRect() : this.overlay.clientRectOf(f.start, f.end));
  }

  hideCard() {
    if (!this.card || !this.card.visible) return;
    this.card.hide();
    this.pinned = false;
    this.hover = null;
    this.setActive(null);
    this.dispatchEvent(new CustomEvent('card', { detail: { finding: null } }));
  }

  setActive(finding) {
    for (const m of this.overlay.content.querySelectorAll('.pl-active')) m.classList.remove('pl-active');
    if (finding) for (const m of this.overlay.marksOf(finding)) m.classList.add('pl-active');
  }

  /** select selects span [start, end) in the field and scrolls it into view. */
  select(span) {
    const f = this.field;
    const end = Math.min(span.end, f.value.length), start = Math.min(span.start, end);
    f.focus({ preventScroll: true });
    f.setSelectionRange(start, end);
    this.overlay.scrollTo(start, end);
  }

  /**
   * apply replaces the finding's span with replacement, through the
   * browser's editing commands where possible so that Undo restores it.
   * Returns false when the text changed under the finding.
   */
  apply(finding, replacement) {
    const f = this.field;
    if (f.value.slice(finding.start, finding.end) !== finding.text) return false;
    this.hideCard();
    f.focus({ preventScroll: true });
    f.setSelectionRange(finding.start, finding.end);
    let done = false;
    try {
      done = this.doc.execCommand('insertText', false, replacement);
    } catch { /* not supported */ }
    if (!done || f.value.slice(finding.start, finding.start + replacement.length) !== replacement) {
      f.setRangeText(replacement, finding.start, finding.end, 'end');
      f.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
    }
    return true;
  }

  /** detach removes the highlights, card and listeners; the field is left as it was. */
  detach() {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.timer);
    clearTimeout(this.hoverEndTimer);
    if (this.frame) cancelAnimationFrame(this.frame);
    for (const [t, type, fn, opts] of this.listeners) t.removeEventListener(type, fn, opts);
    this.listeners = [];
    this.overlay.destroy();
    if (this.card) this.card.destroy();
    delete this.field.plumblineAttachment;
  }
}
