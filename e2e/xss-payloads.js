// Script-injection payloads in the style of the OWASP XSS filter evasion
// cheat sheet, for the tests that feed them to plumbline as text and as a
// user lexicon's message, suggestion and category. Each payload that could
// run sets its own window flag (window.__xssN), so a test can tell which
// one ran; none may.

export const PAYLOADS = [
  '<img src=x onerror="window.__xss1=1;alert(1)">',
  '<svg onload=window.__xss2=1>',
  '"><script>window.__xss3=1</script>',
  'javascript:window.__xss4=1//',
  '<a href="javascript:window.__xss5=1">click</a>',
  '</textarea><script>window.__xss6=1</script>',
  '<iframe srcdoc="<script>parent.__xss7=1</script>"></iframe>',
  '\u202eexe.gpj evil', // RTL override with no closing pop: reverses what follows it
  '${window.__xss9=1}`${(window.__xss9=2)}`',
  "{{constructor.constructor('window.__xss10=1')()}}",
  '<details open ontoggle="window.__xss11=1">',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss12=1>',
  '<input autofocus onfocus=window.__xss13=1>',
  '<body onload=window.__xss14=1>',
  '<object data="javascript:window.__xss15=1"></object>',
  '<a href="&#106;avascript:window.__xss16=1">x</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss17=1">',
  '<base href="javascript:window.__xss18=1//">',
  "';window.__xss19=1;//\\\";window.__xss19=2;//",
  '<style>*{background:url("javascript:window.__xss20=1")}</style>',
  '<video><source onerror="window.__xss21=1">',
  '<div style="background:url(javascript:window.__xss22=1)">x</div>',
  '<embed src="javascript:window.__xss23=1">',
  '<form action="javascript:window.__xss24=1"><button>go</button></form>',
];

/** term i: a made-up word no built-in lexicon has. */
export const term = (i) => `plx${String.fromCharCode(97 + i)}qo`;

/**
 * lexicon returns one entry per payload: entry i's message is payload i,
 * its suggestion payload i+1 and its category payload i+2 (mod n), so
 * every payload reaches every field.
 */
export function lexicon() {
  const n = PAYLOADS.length;
  return PAYLOADS.map((p, i) => ({
    term: term(i), kind: 'loaded', category: PAYLOADS[(i + 2) % n], weight: 1,
    message: p, suggestion: PAYLOADS[(i + 1) % n],
  }));
}

/** text uses every term once, one sentence each. */
export const lexiconText = () => PAYLOADS.map((_, i) => `The ${term(i)} spoke.`).join(' ');

/**
 * domAudit (run in the page, passed as a function) walks the document and
 * every open shadow root and returns what a payload could have created:
 * counts per tag of the dangerous tags, elements with an on* or srcdoc
 * attribute or an attribute mentioning __xss, javascript: URLs, and the
 * __xss flags set on window.
 */
export function domAudit() {
  const TAGS = ['img', 'svg', 'iframe', 'script', 'object', 'embed', 'details', 'math', 'mglyph', 'style', 'base', 'meta',
    'input', 'body', 'video', 'source', 'a', 'form', 'textarea', 'link', 'table', 'marquee'];
  const counts = Object.fromEntries(TAGS.map((t) => [t, 0]));
  const bad = [];
  const walk = (root) => {
    for (const e of root.querySelectorAll('*')) {
      const tag = e.localName;
      if (tag in counts && !(tag === 'svg' && e.closest('#heat'))) counts[tag]++;
      for (const a of e.attributes) {
        if (/^on/i.test(a.name) || a.name === 'srcdoc' || /__xss/.test(a.value) || /^\s*javascript:/i.test(a.value)) {
          bad.push(`<${tag} ${a.name}="${a.value}">`);
        }
      }
      if (e.shadowRoot) walk(e.shadowRoot);
    }
  };
  walk(document);
  const flags = Object.keys(window).filter((k) => k.startsWith('__xss'));
  return { counts, bad, flags, frames: window.frames.length };
}
