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
// Error named "AbortError" (callers ignore those); each attach()ed element
// has its own such channel. A worker that crashes or takes too long is
// terminated and restarted (the request is retried once on the new worker),
// and `events` says so.

import { Overlay, shiftFindings } from './overlay.js';
import { HighlightOverlay, highlightsSupported } from './highlight.js';
import { Card, replacementOf } from './card.js';
import { attachEditable } from './editable.js';

export { replacementOf };

/** events dispatches 'status' CustomEvents: detail {state, message}; state is
 * 'starting' | 'ready' | 'busy' | 'restarting' | 'failed' | 'stopped'. */
export const events = new EventTarget();

const INIT_OPTIONS = new Set(['wasmURL', 'workerURL', 'timeout']);
const MAX_RESTARTS = 3;

let config = null;
let ready = null; // Promise<{version, startMs}> while a worker is starting or running
let worker = null;
let workerReady = false;
let inflight = null;
let pending = new Map(); // channel → the newest request not yet sent
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

/**
 * terminate stops the worker (pending analyses reject); a later initialize,
 * analyze or attach starts a new one. Attachments stay attached.
 */
export function terminate() {
  if (worker) worker.terminate();
  worker = null;
  workerReady = false;
  failPending(new Error('plumbline: the analyser was stopped (terminate)'));
  ready = null;
  status('stopped', '');
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
      if (worker === w) { w.terminate(); worker = null; workerReady = false; }
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
    // retry the request once on the new worker, unless a newer one waits
    const req = inflight;
    clearTimeout(req.timer);
    inflight = null;
    if (pending.has(req.channel)) req.reject(abortError());
    else if (req.retried) req.reject(new Error(`${reason} The analyser failed twice on this text and was restarted.`));
    else { req.retried = true; pending.set(req.channel, req); }
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
 * an AbortError when a newer call superseded it (on the same channel: any
 * value; attachments each use their own).
 * @param {string} text
 * @param {{kinds?: string[], minSeverity?: string, maxBytes?: number, lexicon?: object[]}} [options]
 * @param {*} [channel]
 * @returns {Promise<object>}
 */
export function analyze(text, options, channel = 'analyze') {
  return request(text, options, channel);
}

/**
 * cancel drops the analysis waiting on channel (its promise rejects with an
 * AbortError), so that a detached attachment's text is not sent to the
 * worker. One already running in the worker finishes; its result is ignored.
 * @param {*} channel
 */
export function cancel(channel) {
  const req = pending.get(channel);
  if (!req) return;
  pending.delete(channel);
  req.reject(abortError());
}

// request is analyze on a channel: newest wins within a channel, so that
// several attached elements do not supersede each other.
function request(text, options, channel) {
  if (typeof text !== 'string') return Promise.reject(new TypeError('plumbline.analyze: text must be a string'));
  if (!ready) {
    try { initialize(); } catch (e) { return Promise.reject(e); }
  }
  return new Promise((resolve, reject) => {
    const old = pending.get(channel);
    if (old) { old.reject(abortError()); pending.delete(channel); }
    pending.set(channel, { text, options, resolve, reject, channel });
    pump();
  });
}

function pump() {
  if (inflight || !pending.size || !worker || !workerReady) return;
  const [channel, req] = pending.entries().next().value;
  pending.delete(channel);
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
  if (pending.has(req.channel)) {
    req.reject(abortError()); // stale: a newer text is waiting
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

// ---------------------------------------------------------------------------
// attach

const ATTACH_OPTIONS = new Set(['analyze', 'debounce', 'filter', 'card', 'cardHost', 'overlayLimit', 'stylesheet']);

/** ensureStylesheet links the stylesheet href (default plumbline.css) into doc once. */
export function ensureStylesheet(doc, href = new URL('plumbline.css', import.meta.url).href) {
  for (const l of doc.querySelectorAll('link[rel="stylesheet"]')) if (l.href === href) return;
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  doc.head.append(link);
}

/**
 * attach shows plumbline's findings inline on a <textarea>, a text <input>
 * or a contenteditable element, without changing its text or form value,
 * re-analysing after each pause in editing. Textareas and inputs get a
 * backdrop of marks behind them (overlay.js); contenteditable elements get
 * CSS Custom Highlights (highlight.js), which leave their DOM alone.
 *
 * Options: analyze (options for analyze()), debounce (ms, default 250),
 * filter (finding → boolean: which findings to draw), card (default true:
 * show a card on hover, tap and focus), overlayLimit (characters, default
 * 1,000,000: beyond it no inline highlights, findings still reported),
 * stylesheet (default true: add plumbline.css to the document), cardHost
 * (an element to keep the card in, e.g. inside a shadow root that links
 * plumbline.css; default: <body>). Without the Custom Highlight API, a
 * contenteditable element gets editable.js's boxes instead.
 *
 * The returned Attachment is an EventTarget: 'report' {report, text, findings},
 * 'analyzing' {text}, 'error' {message}, 'render' {findings, reason},
 * 'card' {finding|null}. attachment.detach() removes everything it added.
 */
export function attach(element, options = {}) {
  for (const k of Object.keys(options)) {
    if (!ATTACH_OPTIONS.has(k)) throw new Error(`plumbline.attach: unknown option "${k}" (known: ${[...ATTACH_OPTIONS].join(', ')})`);
  }
  const win = element && element.ownerDocument && element.ownerDocument.defaultView;
  const isField = win && (element instanceof win.HTMLTextAreaElement ||
    (element instanceof win.HTMLInputElement && /^(text|search|)$/.test(element.type)));
  const isEditable = win && element instanceof win.HTMLElement && element.isContentEditable;
  if (!isField && !isEditable) {
    throw new Error('plumbline.attach: element must be a <textarea>, a text <input> or a contenteditable element');
  }
  if (isEditable && !highlightsSupported(win)) {
    return attachEditable(element, options); // no CSS Custom Highlight API: boxes over the text (editable.js)
  }
  if (element.plumblineAttachment) return element.plumblineAttachment;
  return new Attachment(element, options, isField ? fieldAdapter(element) : editableAdapter(element));
}

// An adapter reads and edits the element's text by UTF-16 offsets.
function fieldAdapter(field) {
  return {
    overlay: new Overlay(field),
    text: () => field.value,
    selection: () => [field.selectionStart, field.selectionEnd],
    select(start, end) {
      field.focus({ preventScroll: true });
      field.setSelectionRange(start, end);
    },
    fallbackReplace(start, end, text) {
      field.setRangeText(text, start, end, 'end');
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
    },
  };
}

function editableAdapter(el) {
  const overlay = new HighlightOverlay(el);
  const doc = el.ownerDocument;
  const offsetOf = (node, off) => {
    const at = overlay.offsetOf(node, off);
    return at < 0 ? null : at;
  };
  return {
    overlay,
    text: () => overlay.read(),
    selection() {
      const sel = doc.getSelection();
      if (!sel || !sel.rangeCount) return [null, null];
      const r = sel.getRangeAt(0);
      return [offsetOf(r.startContainer, r.startOffset), offsetOf(r.endContainer, r.endOffset)];
    },
    select(start, end) {
      el.focus({ preventScroll: true });
      const sel = doc.getSelection();
      sel.removeAllRanges();
      sel.addRange(overlay.rangeOf(start, end));
    },
    fallbackReplace(start, end, text) {
      const r = overlay.rangeOf(start, end);
      r.deleteContents();
      r.insertNode(doc.createTextNode(text));
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
    },
  };
}

let attachments = 0;

class Attachment extends EventTarget {
  constructor(field, options, adapter) {
    super();
    this.field = field;
    this.doc = field.ownerDocument;
    this.options = { analyze: undefined, debounce: 250, filter: null, card: true, cardHost: null, overlayLimit: 1_000_000, stylesheet: true, ...options };
    if (this.options.stylesheet) ensureStylesheet(this.doc);
    this.adapter = adapter;
    this.overlay = adapter.overlay;
    this.channel = `attach-${++attachments}`;
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
    on(this.doc, 'keydown', (e) => {
      if (e.key !== 'Escape' || !this.card || !this.card.visible) return;
      // Escape inside the card returns focus to what opened it (e.g. the finding in a list)
      const host = this.card.el.parentElement;
      const inCard = this.card.contains(this.doc.activeElement);
      this.hideCard();
      if (inCard && host && host !== this.doc.body) {
        const back = host.querySelector('button, [tabindex]');
        if (back) {
          this.quietUntil = performance.now() + 100; // its focus handler must not reopen the card
          back.focus();
        }
      }
    });
    on(this.doc.defaultView, 'resize', () => { this.overlay.sync(); this.placeCard(); });
    on(this.doc, 'scroll', () => { if (this.pinned) this.placeCard(); else this.hideCard(); }, { capture: true, passive: true });
    // a tap or click anywhere else closes the card
    on(this.doc, 'pointerdown', (e) => {
      if (this.card && this.card.visible && !this.card.contains(e.target) && e.target !== field) this.hideCard();
    }, { capture: true });
    field.plumblineAttachment = this;
    this.drawnText = this.adapter.text();
    this.editFrame = 0;
    this.overlay.render(this.drawnText, []);
    if (this.drawnText) this.schedule(0);
  }

  /** text is the element's current text (for contenteditable: as analysed, see textmap.js extractText). */
  get text() { return this.adapter.text(); }

  onInput(e) {
    // redraw once per frame however many keys arrive in it
    if (!this.editFrame) {
      this.editFrame = requestAnimationFrame(() => {
        this.editFrame = 0;
        const text = this.adapter.text();
        if (text === this.drawnText) return;
        if (text.length <= this.options.overlayLimit && this.drawnText.length <= this.options.overlayLimit) {
          this.all = shiftFindings(this.all, this.drawnText, text);
        } else {
          this.all = [];
        }
        this.drawnText = text;
        this.draw('edit');
      });
    }
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
    const text = this.adapter.text();
    this.dispatchEvent(new CustomEvent('analyzing', { detail: { text } }));
    let report;
    try {
      report = await request(text, this.options.analyze, this.channel);
    } catch (err) {
      if (err.name === 'AbortError' || this.destroyed) return;
      if (this.adapter.text() !== text) return;
      this.report = null;
      this.all = [];
      this.drawnText = text;
      this.draw('error');
      this.dispatchEvent(new CustomEvent('error', { detail: { message: err.message, text } }));
      return;
    }
    if (this.destroyed || this.adapter.text() !== text) return; // stale: a newer analysis is coming
    this.report = report;
    this.reportText = text;
    this.all = report.findings;
    this.drawnText = text;
    this.draw('report');
    this.dispatchEvent(new CustomEvent('report', { detail: { report, text, findings: this.visible } }));
  }

  /** setFilter chooses which findings are drawn (null: all). */
  setFilter(fn) {
    this.options.filter = fn;
    this.draw('filter');
  }

  /**
   * draw redraws the marks; reason ('edit', 'report', 'filter', 'error')
   * travels with the 'render' event, so that a host can skip heavy work
   * while the user types.
   */
  draw(reason = 'filter') {
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
    this.dispatchEvent(new CustomEvent('render', { detail: { findings: this.visible, overlayOff: this.overlayOff, reason } }));
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
    if (!this.card) return;
    const [start, end] = this.adapter.selection();
    if (start === null || start !== end) return;
    const hit = this.visible.find((x) => x.start <= start && start <= x.end && x.end > x.start);
    if (hit) this.showCard(hit, { pinned: true });
    else this.hideCard();
  }

  /**
   * showCard shows the card for finding next to its mark and outlines the
   * mark. host: an element to hold the card in the DOM (keyboard order).
   */
  showCard(finding, { mark, host, pinned = false, scroll = false } = {}) {
    if (!this.card || performance.now() < (this.quietUntil || 0)) return;
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

  setActive(finding) { this.overlay.setActive(finding); }

  /** select selects span [start, end) in the element and scrolls it into view. */
  select(span) {
    const len = this.adapter.text().length;
    const end = Math.min(span.end, len), start = Math.min(span.start, end);
    this.adapter.select(start, end);
    this.overlay.scrollTo(start, end);
  }

  /**
   * apply replaces the finding's span with replacement, through the
   * browser's editing commands where possible so that Undo restores it.
   * Returns false when the text changed under the finding.
   */
  apply(finding, replacement) {
    if (this.adapter.text().slice(finding.start, finding.end) !== finding.text) return false;
    this.hideCard();
    this.adapter.select(finding.start, finding.end);
    let done = false;
    try {
      done = this.doc.execCommand('insertText', false, replacement);
    } catch { /* not supported */ }
    if (!done || this.adapter.text().slice(finding.start, finding.start + replacement.length) !== replacement) {
      this.adapter.fallbackReplace(finding.start, finding.end, replacement);
    }
    return true;
  }

  /** detach removes the highlights, card and listeners; the field is left as it was. */
  detach() {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.timer);
    cancel(this.channel);
    clearTimeout(this.hoverEndTimer);
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.editFrame) cancelAnimationFrame(this.editFrame);
    for (const [t, type, fn, opts] of this.listeners) t.removeEventListener(type, fn, opts);
    this.listeners = [];
    this.overlay.destroy();
    if (this.card) this.card.destroy();
    delete this.field.plumblineAttachment;
  }
}
