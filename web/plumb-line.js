// plumb-line.js — the <plumb-line> custom element: plumbline on any field
// of any page with two lines of HTML (plain ES module, no build):
//
//   <script type="module" src="/plumbline/plumb-line.js"></script>
//   <plumb-line for="body"></plumb-line>     <!-- or wrap: <plumb-line><textarea>…</textarea></plumb-line> -->
//
// Attributes (all optional):
//   for           id of the field: a <textarea>, a text <input>, a contenteditable
//                 element, or an element holding one (e.g. a Quill container).
//                 Without it: the first such field inside the element.
//   kinds         finding kinds to show, separated by spaces or commas ("loaded hedge").
//   min-severity  info | warning | error: hide findings below it.
//   lang          language of the widget's own words (en, fr, de; others fall
//                 back to English). The findings' messages come from the Go
//                 analyser in English and are NOT translated, nor is the card.
//   lexicon       URL of a JSON lexicon (an array of entries, or {"entries": [...]}),
//                 same origin only, fetched once per page and URL.
//   wasm          URL of plumbline.wasm (default: beside this module). The first
//                 widget to start the analyser decides: one worker per page.
// Events (bubbling, composed, on the element):
//   plumbline:report  detail {report, text, findings}  after every analysis
//   plumbline:error   detail {message, source: 'analyze'|'lexicon'|'target'|'start', url?}
// Properties: report (the last report or null), text, attachment.
//
// The element's own UI (a one-line summary and error box) lives in its
// shadow root with its own stylesheet (plumb-line.css); the highlights come
// from attach() (plumbline.js, editable.js). Only pl- classes and --pl-
// custom properties ever reach the host document.

import { initialize, attach } from './plumbline.js';
import { attachEditable } from './editable.js';

/**
 * strings: the widget's words per language. {n} is a number, {message},
 * {url}, {reason} text. A host may add a language: strings.es = {...}.
 */
export const strings = {
  en: {
    starting: 'Starting the checker…',
    clean: 'No findings.',
    findings: { one: '{n} finding', other: '{n} findings' },
    kinds: {
      loaded: { one: 'loaded term', other: 'loaded terms' },
      hedge: { one: 'hedge', other: 'hedges' },
      booster: { one: 'booster', other: 'boosters' },
      attribution: { one: 'vague attribution', other: 'vague attributions' },
      number: { one: 'number problem', other: 'number problems' },
      name: { one: 'name variant', other: 'name variants' },
    },
    analyzeError: 'Could not check this text: {message}',
    lexiconError: 'Could not load the custom lexicon {url}: {reason}. Checking with the built-in lexicon only.',
    startError: 'The checker could not start: {message}',
    noTarget: 'No field to check ({what}).',
  },
  fr: {
    starting: 'Démarrage du vérificateur…',
    clean: 'Aucun signalement.',
    findings: { one: '{n} signalement', other: '{n} signalements' },
    kinds: {
      loaded: { one: 'terme connoté', other: 'termes connotés' },
      hedge: { one: 'atténuation', other: 'atténuations' },
      booster: { one: 'intensif', other: 'intensifs' },
      attribution: { one: 'attribution vague', other: 'attributions vagues' },
      number: { one: 'problème de chiffres', other: 'problèmes de chiffres' },
      name: { one: 'variante de nom', other: 'variantes de nom' },
    },
    analyzeError: 'Impossible de vérifier ce texte : {message}',
    lexiconError: 'Impossible de charger le lexique {url} : {reason}. Vérification avec le lexique intégré seulement.',
    startError: 'Le vérificateur n’a pas pu démarrer : {message}',
    noTarget: 'Aucun champ à vérifier ({what}).',
  },
  de: {
    starting: 'Prüfung wird gestartet…',
    clean: 'Keine Befunde.',
    findings: { one: '{n} Befund', other: '{n} Befunde' },
    kinds: {
      loaded: { one: 'wertender Begriff', other: 'wertende Begriffe' },
      hedge: { one: 'Abschwächung', other: 'Abschwächungen' },
      booster: { one: 'Verstärkung', other: 'Verstärkungen' },
      attribution: { one: 'vage Quellenangabe', other: 'vage Quellenangaben' },
      number: { one: 'Zahlenproblem', other: 'Zahlenprobleme' },
      name: { one: 'Namensvariante', other: 'Namensvarianten' },
    },
    analyzeError: 'Dieser Text konnte nicht geprüft werden: {message}',
    lexiconError: 'Das Lexikon {url} konnte nicht geladen werden: {reason}. Geprüft wird nur mit dem eingebauten Lexikon.',
    startError: 'Die Prüfung konnte nicht starten: {message}',
    noTarget: 'Kein Feld zu prüfen ({what}).',
  },
};

const FIELD = 'textarea, input, [contenteditable]:not([contenteditable="false"])';
const SEVERITY_RANK = { info: 0, warning: 1, error: 2 };

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

/** isField tells whether el can be attached to. */
function isField(el) {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && /^(text|search|)$/.test(el.type)) ||
    (el instanceof HTMLElement && el.isContentEditable);
}

/**
 * stylesheetReady adds plumbline.css (namespaced: pl- classes, --pl- custom
 * properties) to the document once, and resolves when it has loaded, so that
 * the highlights are measured with their final styles.
 */
let sheet = null;
function stylesheetReady() {
  if (sheet) return sheet;
  const href = new URL('plumbline.css', import.meta.url).href;
  let link = [...document.querySelectorAll('link[rel="stylesheet"]')].find((l) => l.href === href);
  if (link && link.sheet) return (sheet = Promise.resolve());
  if (!link) {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
  sheet = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true }); // the highlights still work, unstyled
  });
  return sheet;
}

// lexicons: URL → Promise<entries>, fetched once per page.
const lexicons = new Map();

/** loadLexicon fetches a same-origin JSON lexicon once and returns its entries. */
export function loadLexicon(url) {
  const href = new URL(url, document.baseURI).href;
  if (!lexicons.has(href)) {
    const p = (async () => {
      if (new URL(href).origin !== location.origin) throw new Error('it is not on this site (only same-origin lexicons are loaded)');
      const res = await fetch(href, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      let data;
      try { data = JSON.parse(await res.text()); } catch (e) { throw new Error(`not valid JSON (${e.message})`); }
      const entries = Array.isArray(data) ? data : data && Array.isArray(data.entries) ? data.entries : null;
      if (!entries) throw new Error('expected a JSON array of entries or {"entries": [...]}');
      return entries;
    })();
    lexicons.set(href, p);
  }
  return lexicons.get(href);
}

export class PlumbLineElement extends HTMLElement {
  static observedAttributes = ['for', 'kinds', 'min-severity', 'lang', 'lexicon', 'wasm'];

  constructor() {
    super();
    this.attachment = null;
    this.report = null;
    this.target = null;
    this.generation = 0;
    this.state = { kind: 'idle' };
    this.problems = new Map(); // source → message shown in the error box
    this.waitObserver = null;
    this.off = [];
  }

  /** text is the text of the attached field as last analysed ('' before). */
  get text() { return this.attachment ? this.attachment.text : ''; }

  /** findings are the findings shown now. */
  get findings() { return this.attachment ? this.attachment.visible.slice() : []; }

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL('plumb-line.css', import.meta.url).href;
      const slot = document.createElement('slot');
      this.bar = document.createElement('div');
      this.bar.className = 'pl-bar';
      this.bar.setAttribute('part', 'bar');
      this.status = document.createElement('span');
      this.status.className = 'pl-status';
      this.status.setAttribute('role', 'status');
      this.status.setAttribute('part', 'status');
      this.errorBox = document.createElement('div');
      this.errorBox.className = 'pl-error';
      this.errorBox.setAttribute('role', 'alert');
      this.errorBox.setAttribute('part', 'error');
      this.errorBox.hidden = true;
      this.bar.append(this.status);
      // the finding card of a <textarea>/<input> stays in this shadow root, out of the page's CSS
      // (a contenteditable field's card is in its own layer's shadow root: editable.js)
      const cardCSS = document.createElement('link');
      cardCSS.rel = 'stylesheet';
      cardCSS.href = new URL('plumbline.css', import.meta.url).href;
      this.cardHost = document.createElement('div');
      this.cardHost.className = 'pl-cards';
      root.append(cardCSS, link, slot, this.bar, this.errorBox, this.cardHost);
    }
    this.restart();
  }

  disconnectedCallback() { this.teardown(); }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected || !this.shadowRoot) return;
    if (name === 'lang') { this.render(); return; }
    this.restart();
  }

  /** restart (re)attaches after a microtask, so that attribute changes made together count once. */
  restart() {
    const gen = ++this.generation;
    queueMicrotask(() => { if (gen === this.generation && this.isConnected) this.setup(gen); });
  }

  teardown() {
    this.generation++;
    if (this.waitObserver) { this.waitObserver.disconnect(); this.waitObserver = null; }
    clearTimeout(this.targetTimer);
    for (const f of this.off) f();
    this.off = [];
    if (this.attachment) { this.attachment.detach(); this.attachment = null; }
    this.target = null;
  }

  /** words returns the string table for the element's language. */
  words() {
    const lang = (this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || 'en').toLowerCase();
    return strings[lang] || strings[lang.split('-')[0]] || strings.en;
  }

  lang2() {
    const w = this.words();
    return Object.keys(strings).find((k) => strings[k] === w) || 'en';
  }

  findTarget() {
    const id = this.getAttribute('for');
    if (id) {
      const root = this.getRootNode();
      const el = root.getElementById ? root.getElementById(id) : document.getElementById(id);
      if (!el) return null;
      return isField(el) ? el : [...el.querySelectorAll(FIELD)].find(isField) || null;
    }
    return [...this.querySelectorAll(FIELD)].find(isField) || null;
  }

  async setup(gen) {
    this.teardown();
    this.generation = gen;
    this.problems.clear();
    this.report = null;
    this.state = { kind: 'starting' };
    this.render();
    const target = this.findTarget();
    if (!target) {
      // the host (a CMS, a framework) may render the field a little later
      const root = this.getRootNode();
      this.waitObserver = new MutationObserver(() => {
        if (gen !== this.generation) return;
        if (this.findTarget()) { this.waitObserver.disconnect(); this.waitObserver = null; this.setup(gen); }
      });
      this.waitObserver.observe(root === document ? document.documentElement : root, { childList: true, subtree: true });
      // say so only if it is still missing after a while (not while a framework renders it)
      const id = this.getAttribute('for');
      this.targetTimer = setTimeout(() => {
        if (gen === this.generation) this.fail('target', fill(this.words().noTarget, { what: id ? `#${id}` : 'textarea, input or contenteditable' }));
      }, 3000);
      return;
    }
    const wasm = this.getAttribute('wasm');
    try {
      initialize(wasm ? { wasmURL: new URL(wasm, document.baseURI).href } : {}).catch((e) => {
        if (gen === this.generation) this.fail('start', fill(this.words().startError, { message: e.message }));
      });
    } catch (e) {
      this.fail('start', fill(this.words().startError, { message: e.message }));
      return;
    }
    const options = {};
    const kinds = (this.getAttribute('kinds') || '').split(/[\s,]+/).filter(Boolean);
    if (kinds.length) options.kinds = kinds;
    const min = this.getAttribute('min-severity');
    if (min) options.minSeverity = min.trim();
    const lexURL = this.getAttribute('lexicon');
    if (lexURL) {
      try {
        options.lexicon = await loadLexicon(lexURL);
      } catch (e) {
        if (gen !== this.generation) return;
        this.fail('lexicon', fill(this.words().lexiconError, { url: lexURL, reason: e.message }), { url: lexURL });
      }
      if (gen !== this.generation) return;
    }
    await stylesheetReady();
    if (gen !== this.generation) return;
    this.target = target;
    if (target.plumblineAttachment) target.plumblineAttachment.detach(); // one owner at a time
    // A contenteditable field (a rich-text editor) gets editable.js's layer: it follows the editor's DOM
    // with a MutationObserver (editors change it without 'input' events: toolbar formatting, API calls,
    // collaborative edits) and keeps its card in its own shadow root. Text fields get attach()'s backdrop.
    const a = target.isContentEditable ? attachEditable(target, { analyze: options })
      : attach(target, { analyze: options, cardHost: this.cardHost });
    this.attachment = a;
    const on = (type, fn) => { a.addEventListener(type, fn); this.off.push(() => a.removeEventListener(type, fn)); };
    on('report', (e) => {
      this.report = e.detail.report;
      this.problems.delete('analyze');
      this.problems.delete('start');
      this.state = { kind: 'report' };
      this.render();
      this.emit('plumbline:report', { report: e.detail.report, text: e.detail.text, findings: e.detail.findings });
    });
    on('error', (e) => {
      this.report = null;
      this.state = { kind: 'error' };
      this.fail('analyze', fill(this.words().analyzeError, { message: e.detail.message }), {}, e.detail.message);
    });
    if (!a.text || !a.text.trim()) { this.state = { kind: 'report' }; this.render(); }
  }

  /** fail shows message in the error box and dispatches plumbline:error (unless silent). */
  fail(source, message, extra = {}, raw) {
    this.problems.set(source, message);
    this.render();
    if (!extra.silent) {
      const detail = { message: raw || message, source };
      if (extra.url) detail.url = extra.url;
      this.emit('plumbline:error', detail);
    }
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  render() {
    if (!this.shadowRoot) return;
    const w = this.words();
    const plural = new Intl.PluralRules(this.lang2());
    const pick = (forms, n) => forms[plural.select(n)] || forms.other;
    this.bar.lang = this.lang2();
    this.errorBox.lang = this.lang2();
    let text = '';
    let level = 'none';
    if (this.state.kind === 'starting') {
      text = w.starting;
    } else if (this.state.kind === 'report') {
      const findings = this.findings;
      if (!findings.length) {
        text = w.clean;
      } else {
        const counts = new Map();
        for (const f of findings) {
          counts.set(f.kind, (counts.get(f.kind) || 0) + 1);
          if ((SEVERITY_RANK[f.severity] ?? 0) > (SEVERITY_RANK[level] ?? -1)) level = f.severity;
        }
        const parts = [...counts].map(([k, n]) => `${n} ${w.kinds[k] ? pick(w.kinds[k], n) : k}`);
        text = `${fill(pick(w.findings, findings.length), { n: findings.length })}: ${parts.join(', ')}`;
      }
    }
    this.status.textContent = text;
    this.bar.dataset.level = level;
    this.bar.hidden = !text;
    const problems = [...this.problems.values()];
    this.errorBox.replaceChildren(...problems.map((m) => {
      const p = document.createElement('p');
      p.textContent = m;
      return p;
    }));
    this.errorBox.hidden = problems.length === 0;
  }
}

if (!customElements.get('plumb-line')) customElements.define('plumb-line', PlumbLineElement);
