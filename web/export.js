// export.js turns a report from the browser API (UTF-16 offsets) back into
// the contract's JSON (UTF-8 byte offsets, as `plumbline --json` prints)
// and into a Markdown summary for people. No DOM: tested under Node.

/**
 * byteOffsets returns a function mapping a UTF-16 offset in text to its
 * UTF-8 byte offset. One pass over text builds a checkpoint every 256 code
 * units; each lookup scans at most 256 units. A lone surrogate counts 3
 * bytes (TextEncoder writes U+FFFD).
 */
export function byteOffsets(text) {
  const STRIDE = 256;
  const n = text.length;
  const step = (i) => {
    const c = text.charCodeAt(i);
    if (c < 0x80) return [1, 1];
    if (c < 0x800) return [2, 1];
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return [4, 2];
    }
    return [3, 1];
  };
  // checkpoint k: the last character boundary at or before k*STRIDE, and its byte offset
  const cpPos = [], cpBytes = [];
  let bytes = 0, next = 0;
  for (let i = 0; i < n;) {
    const [b, u] = step(i);
    while (next < i + u) { cpPos.push(i); cpBytes.push(bytes); next += STRIDE; }
    bytes += b;
    i += u;
  }
  const total = bytes;
  return (off) => {
    if (off <= 0) return 0;
    if (off >= n) return total;
    const k = Math.floor(off / STRIDE);
    let i = cpPos[k], b = cpBytes[k];
    while (i < off) {
      const [bb, u] = step(i);
      if (i + u > off) break; // inside a surrogate pair: round down
      b += bb;
      i += u;
    }
    return b;
  };
}

/** toContractJSON returns the report with byte offsets, as `plumbline --json` prints it. */
export function toContractJSON(report, text) {
  const b = byteOffsets(text);
  const span = (s) => ({ ...s, start: b(s.start), end: b(s.end) });
  const out = {
    ...report,
    stats: { ...report.stats },
    sentences: report.sentences.map(span),
    quantities: report.quantities.map((q) => ({ ...q, mentions: q.mentions.map(span) })),
    findings: report.findings.map((f) => ({ ...span(f), related: (f.related || []).map(span) })),
  };
  delete out.stats.length; // UTF-16 length: meaningful only in JavaScript
  return JSON.stringify(out, null, 2) + '\n';
}

/** lineCol returns 1-based line and column (in code points) of UTF-16 offset off. */
export function lineColumns(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (off) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= off) lo = mid; else hi = mid - 1;
    }
    return [lo + 1, [...text.slice(starts[lo], off)].length + 1];
  };
}

/** md escapes text for a Markdown table cell or paragraph. */
export function md(s) {
  return String(s)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '') // controls, bidi overrides
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_{}[\]()#+!|<>~-])/g, '\\$1')
    .trim();
}

/** toMarkdown renders the report for people: verdict, scores, findings, numbers. */
export function toMarkdown(report, text, title = 'plumbline report') {
  const lc = lineColumns(text);
  const s = report.scores, sum = report.summary || {};
  const lines = [`# ${md(title)}`, ''];
  lines.push(`**${md(sum.verdict || '')}**`, '');
  lines.push(`${report.stats.words} words, ${report.stats.sentences} sentences.`, '');
  lines.push('| Score | 0 = plumb, 100 = extremely loaded |', '|---|---:|');
  for (const [k, label] of [['overall', 'Overall'], ['loaded', 'Loaded wording'], ['hedging', 'Hedging and sourcing'], ['numbers', 'Numbers'], ['names', 'Names']]) {
    if (typeof s[k] === 'number') lines.push(`| ${label} | ${s[k].toFixed(1)} |`);
  }
  lines.push('', `Anonymous sources: ${sum.anonymousSources ?? 0}; named sources: ${sum.namedSources ?? 0}.`, '');
  lines.push(`## Findings (${report.findings.length})`, '');
  if (report.findings.length) {
    lines.push('| Line:col | Kind | Severity | Text | Why | Suggestion |', '|---|---|---|---|---|---|');
    for (const f of report.findings) {
      const [l, c] = lc(f.start);
      lines.push(`| ${l}:${c} | ${md(f.kind)}/${md(f.category)} | ${md(f.severity)} | ${md(f.text)} | ${md(f.message)} | ${md(f.suggestion || '')} |`);
    }
    lines.push('');
  }
  if (report.quantities.length) {
    lines.push('## Numbers', '', '| Quantity | Mentions |', '|---|---|');
    for (const q of report.quantities) {
      const ms = q.mentions.map((m) => `${md(m.text)} (line ${lc(m.start)[0]})`).join(', ');
      lines.push(`| ${md(q.subject)} | ${ms} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
