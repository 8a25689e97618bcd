// card.js: the small card that explains one finding — why it was flagged,
// the neutral alternative (with a button to apply it), and links to the
// related spans. Built with createElement and textContent only.

export const KIND_LABELS = {
  loaded: 'Loaded term',
  hedge: 'Hedge',
  booster: 'Booster',
  attribution: 'Attribution',
  number: 'Number',
  name: 'Name',
};

/** kindLabel names a kind for people ("Loaded term"); unknown kinds as they are. */
export function kindLabel(kind) { return KIND_LABELS[kind] || String(kind); }

/**
 * replacementOf returns the text that can replace the finding's span, or
 * null when the suggestion is advice rather than wording ("name the
 * source", "(describe what happened)"). A parenthetical after the wording
 * is dropped: "attackers (or say who…)" → "attackers"; of alternatives
 * separated by commas, the first is taken: "government, administration" →
 * "government". The case of the first letter follows the original.
 */
export function replacementOf(finding) {
  if (!finding || typeof finding.suggestion !== 'string') return null;
  if (finding.kind !== 'loaded' && finding.kind !== 'name') return null;
  const words = finding.suggestion.replace(/\s*\(.*$/s, '').split(',')[0].trim();
  if (!words) return null;
  const orig = String(finding.text || '');
  if (orig && orig[0] !== orig[0].toLowerCase() && words[0] === words[0].toLowerCase()) {
    return words[0].toUpperCase() + words.slice(1);
  }
  return words;
}

function el(doc, tag, className, text) {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Card is one reusable floating card. */
export class Card {
  /**
   * @param {Document} doc
   * @param {{onApply?: (finding, replacement: string) => void, onGoto?: (span) => void}} actions
   */
  constructor(doc, actions = {}) {
    this.doc = doc;
    this.actions = actions;
    this.finding = null;
    this.el = el(doc, 'div', 'pl-card');
    this.el.setAttribute('role', 'dialog');
    this.el.setAttribute('aria-label', 'Finding details');
    this.el.hidden = true;
    doc.body.append(this.el);
  }

  get visible() { return !this.el.hidden; }

  /**
   * show fills the card for finding and places it next to rect (a client
   * rect). With host, the card is moved into host in the DOM (so that Tab
   * from the focused finding reaches its buttons) but still floats.
   */
  show(finding, rect, host) {
    const doc = this.doc, c = this.el;
    this.finding = finding;
    c.replaceChildren();
    c.dataset.kind = String(finding.kind);
    const head = el(doc, 'div', 'pl-card-head');
    const badge = el(doc, 'span', 'pl-badge', kindLabel(finding.kind));
    badge.dataset.kind = String(finding.kind);
    head.append(badge, el(doc, 'span', 'pl-card-cat', String(finding.category || '')));
    const sev = el(doc, 'span', 'pl-sev', String(finding.severity || ''));
    sev.dataset.severity = String(finding.severity || '');
    head.append(sev);
    c.append(head);
    c.append(el(doc, 'q', 'pl-card-text', String(finding.text || '')));
    c.append(el(doc, 'p', 'pl-card-msg', String(finding.message || '')));
    if (finding.quoted) c.append(el(doc, 'p', 'pl-card-note', 'Inside a quotation: the speaker’s words, not the author’s.'));
    if (finding.suggestion) {
      const p = el(doc, 'p', 'pl-card-sugg');
      const replacement = replacementOf(finding);
      p.append(el(doc, 'span', 'pl-card-label', replacement ? 'Neutral alternative: ' : 'Suggestion: '));
      p.append(el(doc, 'strong', '', String(finding.suggestion)));
      c.append(p);
      if (replacement && this.actions.onApply) {
        const b = el(doc, 'button', 'pl-apply', `Replace with “${replacement}”`);
        b.type = 'button';
        b.addEventListener('click', () => this.actions.onApply(finding, replacement));
        c.append(b);
      }
    }
    const related = Array.isArray(finding.related) ? finding.related : [];
    if (related.length && this.actions.onGoto) {
      const box = el(doc, 'div', 'pl-card-related');
      box.append(el(doc, 'span', 'pl-card-label', finding.kind === 'name' ? 'Other spelling: ' : 'Related: '));
      for (const r of related) {
        const b = el(doc, 'button', 'pl-related', `“${String(r.text)}”`);
        b.type = 'button';
        b.setAttribute('aria-label', `Go to “${String(r.text)}”`);
        b.addEventListener('click', () => this.actions.onGoto(r));
        box.append(b);
      }
      c.append(box);
    }
    if (host && c.parentNode !== host) host.append(c);
    else if (!host && c.parentNode !== doc.body) doc.body.append(c);
    c.hidden = false;
    this.place(rect);
  }

  /** place puts the card below rect, or above it when there is no room. */
  place(rect) {
    const c = this.el, s = c.style;
    const view = this.doc.documentElement;
    const vw = view.clientWidth, vh = view.clientHeight;
    s.left = '0px';
    s.top = '0px';
    const w = c.offsetWidth, h = c.offsetHeight;
    let left = Math.min(Math.max(8, rect.left), Math.max(8, vw - w - 8));
    let top = rect.bottom + 6;
    if (top + h > vh - 8 && rect.top - h - 6 >= 8) top = rect.top - h - 6;
    s.left = Math.round(left) + 'px';
    s.top = Math.round(Math.max(8, Math.min(top, vh - h - 8))) + 'px';
  }

  hide() {
    this.el.hidden = true;
    this.finding = null;
  }

  contains(node) { return this.el.contains(node); }

  destroy() { this.el.remove(); }
}
