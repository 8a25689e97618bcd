// app.js — the demo page: one textarea with inline findings (attach), a
// findings list for the keyboard, the summary panel, filters and exports.
// Every piece of user text goes into the DOM through textContent.

import { initialize, attach, events } from './plumbline.js';
import { kindLabel } from './card.js';
import { SAMPLE_ARTICLE } from './sample.js';
import { toContractJSON, toMarkdown } from './export.js';

const $ = (id) => document.getElementById(id);
const textarea = $('text');
const statusEl = $('status');
const LIST_LIMIT = 400;      // findings listed at once
const HEAT_BARS = 240;       // sentences drawn in the heat strip (more are binned)
const SEVERITY_RANK = { info: 0, warning: 1, error: 2 };
const SVG = 'http://www.w3.org/2000/svg';

// Timing, read by the browser tests and shown in the status line.
const timing = { firstResultMs: null, lastAnalyzeMs: null, lastRoundTripMs: null };
window.plumblineTiming = timing;
// for the browser tests and the console: the current report and the attachment
window.plumblinePage = { report: () => report, text: () => reportText, timing };

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function setStatus(message, warn = false) {
  statusEl.textContent = message;
  statusEl.classList.toggle('warn', warn);
}

// ---- theme -----------------------------------------------------------------
const themeButton = $('theme');
function applyTheme(theme) {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  const dark = theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  // a toggle keeps its name; aria-pressed says whether the dark theme is on
  themeButton.setAttribute('aria-pressed', String(dark));
}
let storedTheme = null;
try { storedTheme = localStorage.getItem('plumbline-theme'); } catch { /* storage off */ }
applyTheme(storedTheme === 'dark' || storedTheme === 'light' ? storedTheme : null);
themeButton.addEventListener('click', () => {
  const next = themeButton.getAttribute('aria-pressed') === 'true' ? 'light' : 'dark';
  applyTheme(next);
  try { localStorage.setItem('plumbline-theme', next); } catch { /* storage off */ }
});

// ---- filters ---------------------------------------------------------------
const kindBoxes = [...document.querySelectorAll('#legend input[type=checkbox]')];
const severitySelect = $('severity');
function currentFilter() {
  const kinds = new Set(kindBoxes.filter((b) => b.checked).map((b) => b.value));
  const known = new Set(kindBoxes.map((b) => b.value));
  const min = SEVERITY_RANK[severitySelect.value] ?? 0;
  // kinds the legend does not know yet are shown
  return (f) => (kinds.has(f.kind) || !known.has(f.kind)) && (SEVERITY_RANK[f.severity] ?? 0) >= min;
}

// ---- the editor ------------------------------------------------------------
// The page analyses up to 2 MiB (a long report is ~50 KB); a larger paste gets
// the analyser's limit message at once instead of a long wait.
const PAGE_MAX_BYTES = 2 << 20;
const handle = attach(textarea, { filter: currentFilter(), analyze: { maxBytes: PAGE_MAX_BYTES }, overlayLimit: 500000 });
for (const b of kindBoxes) b.addEventListener('change', () => handle.setFilter(currentFilter()));
severitySelect.addEventListener('change', () => handle.setFilter(currentFilter()));

let report = null, reportText = '';
let busyTimer = 0;
let restartNotice = ''; // told with the next result

initialize().then(
  (r) => { if (!textarea.value) setStatus(`Ready (analyser started in ${Math.round(r.startMs)} ms).`); },
  (err) => setStatus(err.message, true),
);
events.addEventListener('status', (e) => {
  const { state, message } = e.detail;
  if (state === 'restarting' || state === 'failed') {
    restartNotice = state === 'restarting' ? 'The analyser stopped and was restarted. ' : '';
    setStatus(message, true);
  }
  else if (state === 'ready' && message) setStatus(message);
});

handle.addEventListener('analyzing', () => {
  clearTimeout(busyTimer);
  busyTimer = setTimeout(() => setStatus('Analysing…'), 300);
});

handle.addEventListener('report', (e) => {
  clearTimeout(busyTimer);
  report = e.detail.report;
  reportText = e.detail.text;
  const t = report.timing || {};
  if (timing.firstResultMs === null) timing.firstResultMs = performance.now();
  timing.lastAnalyzeMs = t.analyzeMs;
  timing.lastRoundTripMs = t.roundTripMs;
  document.documentElement.dataset.analyzed = String(Number(document.documentElement.dataset.analyzed || 0) + 1);
  const n = report.findings.length;
  let msg = `${report.stats.words.toLocaleString()} words, ${n.toLocaleString()} finding${n === 1 ? '' : 's'} — analysed in ${Math.round(t.analyzeMs ?? 0)} ms.`;
  if (handle.overlayOff) msg += ' Inline highlights are off for texts this long; use the findings list.';
  setStatus(restartNotice + msg, Boolean(restartNotice));
  restartNotice = '';
  $('export-json').disabled = false;
  $('export-md').disabled = false;
  renderSummary();
});

handle.addEventListener('error', (e) => {
  clearTimeout(busyTimer);
  report = null;
  const m = String(e.detail.message);
  setStatus(m.charAt(0).toUpperCase() + m.slice(1) + (/at most/.test(m) ? '. Split it into parts to check it.' : ''), true);
  $('export-json').disabled = true;
  $('export-md').disabled = true;
  renderSummary();
});

// the list follows reports and filters; while the user types only the marks move
handle.addEventListener('render', (e) => { if (e.detail.reason !== 'edit') renderList(e.detail.findings); });

// ---- findings list ---------------------------------------------------------
const list = $('findings');
function renderList(findings) {
  const frag = document.createDocumentFragment();
  const shown = findings.slice(0, LIST_LIMIT);
  for (const f of shown) {
    const li = el('li');
    const b = el('button', 'finding');
    b.type = 'button';
    b.dataset.kind = String(f.kind);
    b.dataset.severity = String(f.severity);
    const badge = el('span', 'pl-badge', kindLabel(f.kind));
    badge.dataset.kind = String(f.kind);
    b.append(badge, el('q', '', String(f.text)), el('span', 'msg', String(f.message)));
    b.addEventListener('focus', () => {
      b.setAttribute('aria-current', 'true');
      handle.showCard(f, { host: li, pinned: true, scroll: true });
    });
    b.addEventListener('blur', (ev) => {
      b.removeAttribute('aria-current');
      const to = ev.relatedTarget;
      if (!to || !li.contains(to)) handle.hideCard();
    });
    b.addEventListener('click', () => handle.select(f));
    li.addEventListener('focusout', (ev) => {
      if (ev.relatedTarget && !li.contains(ev.relatedTarget) && handle.card && handle.card.el.parentNode === li) handle.hideCard();
    });
    li.append(b);
    frag.append(li);
  }
  if (findings.length > shown.length) {
    frag.append(el('li', 'more', `…and ${(findings.length - shown.length).toLocaleString()} more (use the filters to narrow the list).`));
  }
  list.replaceChildren(frag);
  const total = handle.all.length;
  $('finding-count').textContent = total === findings.length ? `(${total})` : `(${findings.length} of ${total} shown)`;
  const counts = {};
  for (const f of handle.all) counts[f.kind] = (counts[f.kind] || 0) + 1;
  for (const c of document.querySelectorAll('[data-count]')) c.textContent = String(counts[c.dataset.count] || 0);
}

// ---- summary ---------------------------------------------------------------
const SCORE_LABELS = [['overall', 'Overall'], ['loaded', 'Loaded wording'], ['hedging', 'Hedging & sources'], ['numbers', 'Numbers'], ['names', 'Names']];

function renderSummary() {
  const scores = $('scores');
  scores.replaceChildren();
  $('heat').replaceChildren();
  $('categories').replaceChildren();
  if (!report) {
    $('verdict').textContent = 'Paste an article to see how plumb it is.';
    $('sources').textContent = '';
    $('numbers').replaceChildren(el('p', 'hint', 'No numbers yet.'));
    return;
  }
  $('verdict').textContent = report.summary.verdict;
  for (const [k, label] of SCORE_LABELS) {
    const v = report.scores[k];
    if (typeof v !== 'number') continue;
    const id = `score-${k}`;
    const name = el('label', k === 'overall' ? 'overall' : '', label);
    name.htmlFor = id;
    const meter = el('meter');
    meter.id = id;
    Object.assign(meter, { min: 0, max: 100, low: 25, high: 50, optimum: 0, value: v });
    meter.title = `${label}: ${v.toFixed(1)} of 100`;
    scores.append(name, meter, el('span', 'num' + (k === 'overall' ? ' overall' : ''), String(Math.round(v))));
    scores.dataset[k] = String(v);
  }
  renderHeat();
  const sum = report.summary;
  $('sources').textContent = `Anonymous sources: ${sum.anonymousSources} · named sources: ${sum.namedSources}`;
  const cats = Object.entries(sum.byCategory || {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const ul = $('categories');
  if (!cats.length) ul.append(el('li', 'hint', 'Nothing flagged.'));
  for (const [key, n] of cats) {
    const [kind, ...rest] = key.split('/');
    const li = el('li');
    const sw = el('span', 'swatch');
    sw.dataset.kind = kind;
    li.dataset.kind = kind;
    li.append(sw, el('span', '', `${kindLabel(kind)}: ${rest.join('/')}`), el('span', 'n', String(n)));
    ul.append(li);
  }
  renderNumbers();
}

function heatColor(score) {
  // from the panel's neutral grey to the heat colour, by score
  return score <= 0 ? 'var(--border)' : 'var(--heat)';
}

function renderHeat() {
  const sentences = report.sentences;
  const box = $('heat');
  if (!sentences.length) return;
  const bins = [];
  const per = Math.max(1, Math.ceil(sentences.length / HEAT_BARS));
  for (let i = 0; i < sentences.length; i += per) {
    const group = sentences.slice(i, i + per);
    let top = group[0];
    for (const s of group) if (s.score > top.score) top = s;
    bins.push({ first: i, last: i + group.length - 1, score: top.score, span: top });
  }
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${bins.length} 10`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-labelledby', 'heat-h');
  bins.forEach((b, i) => {
    const h = 1.5 + (8.5 * Math.min(100, b.score)) / 100;
    const r = document.createElementNS(SVG, 'rect');
    r.setAttribute('x', String(i + 0.08));
    r.setAttribute('width', '0.84');
    r.setAttribute('y', String(10 - h));
    r.setAttribute('height', String(h));
    r.setAttribute('fill', heatColor(b.score));
    r.setAttribute('fill-opacity', String(b.score <= 0 ? 1 : 0.35 + (0.65 * Math.min(100, b.score)) / 100));
    const label = b.first === b.last ? `Sentence ${b.first + 1}` : `Sentences ${b.first + 1}–${b.last + 1}`;
    r.setAttribute('aria-label', `${label}: score ${Math.round(b.score)}`);
    r.setAttribute('role', 'button');
    if (b.score > 0) r.setAttribute('tabindex', '0');
    r.dataset.sentence = String(b.first);
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${label}: score ${Math.round(b.score)}`;
    r.append(title);
    const jump = () => handle.select(b.span);
    r.addEventListener('click', jump);
    r.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); jump(); } });
    svg.append(r);
  });
  box.append(svg);
}

function renderNumbers() {
  const box = $('numbers');
  const qs = report.quantities || [];
  if (!qs.length) {
    box.replaceChildren(el('p', 'hint', 'No repeated quantities found.'));
    return;
  }
  const table = el('table');
  const head = el('tr');
  head.append(el('th', '', 'Quantity'), el('th', '', 'Mentions'));
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const q of qs.slice(0, 200)) {
    const tr = el('tr');
    const values = new Set(q.mentions.map((m) => `${m.value}${m.unit || ''}`));
    if (values.size > 1) tr.className = 'conflict';
    const td = el('td');
    for (const m of q.mentions) {
      const b = el('button', 'link', String(m.text));
      b.type = 'button';
      b.dataset.start = String(m.start);
      b.setAttribute('aria-label', `Go to “${String(m.text)}” (${String(q.subject)})`);
      b.addEventListener('click', () => handle.select(m));
      td.append(b);
    }
    tr.append(el('td', '', String(q.subject)), td);
    tbody.append(tr);
  }
  table.append(thead, tbody);
  box.replaceChildren(table);
}

// ---- pastes over the limit -------------------------------------------------
// A textarea holding megabytes lays out for seconds; a paste the analyser
// would refuse anyway is stopped before it lands, with the reason.
function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}
const mb = (n) => `${(n / (1 << 20)).toFixed(1)} MB`;
textarea.addEventListener('paste', (e) => {
  const data = e.clipboardData && e.clipboardData.getData('text/plain');
  if (!data || data.length < PAGE_MAX_BYTES / 4) return; // surely small enough
  const kept = textarea.value.length - (textarea.selectionEnd - textarea.selectionStart);
  const bytes = utf8Length(data) + utf8Length(textarea.value.slice(0, kept));
  if (bytes <= PAGE_MAX_BYTES) return;
  e.preventDefault();
  setStatus(`Not pasted: the text would be ${mb(bytes)}; plumbline checks at most ${mb(PAGE_MAX_BYTES)} at a time. Split it into parts to check it.`, true);
});

// ---- actions ---------------------------------------------------------------
$('sample').addEventListener('click', () => {
  textarea.focus();
  textarea.select();
  // through the editing commands, so that Undo brings the old text back
  if (!document.execCommand('insertText', false, SAMPLE_ARTICLE) || textarea.value !== SAMPLE_ARTICLE) {
    textarea.value = SAMPLE_ARTICLE;
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }
  textarea.setSelectionRange(0, 0);
  textarea.scrollTop = 0;
});

function download(name, type, data) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

$('export-json').addEventListener('click', () => {
  if (report) download('plumbline-report.json', 'application/json', toContractJSON(report, reportText));
});
$('export-md').addEventListener('click', () => {
  if (report) download('plumbline-report.md', 'text/markdown', toMarkdown(report, reportText));
});
