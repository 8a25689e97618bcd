// export.js: UTF-16 → UTF-8 offsets and the Markdown report, under Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byteOffsets, toContractJSON, toMarkdown, md, lineColumns } from '../web/export.js';

const naive = (text, off) => Buffer.byteLength(text.slice(0, off), 'utf8');

test('byteOffsets matches a naive conversion at every boundary', () => {
  const texts = ['', 'plain', 'café 😀 naïve', '😀'.repeat(300) + 'é'.repeat(300) + 'x', 'a'.repeat(255) + '😀' + 'b'.repeat(300),
    'lone \ud800 high and \udc00 low', '漢字'.repeat(200)];
  for (const t of texts) {
    const b = byteOffsets(t);
    for (let i = 0; i <= t.length; i++) {
      const inPair = i > 0 && i < t.length && /[\ud800-\udbff]/.test(t[i - 1]) && /[\udc00-\udfff]/.test(t[i]);
      if (inPair) assert.equal(b(i), naive(t, i - 1), `inside pair at ${i}`);
      else assert.equal(b(i), naive(t, i), `offset ${i} of ${JSON.stringify(t.slice(0, 20))}`);
    }
  }
  // "naïve" is byte 11, UTF-16 index 8 (shared/notes/go-wasm.md)
  assert.equal(byteOffsets('café 😀 naïve')(8), 11);
});

test('byteOffsets on random strings', () => {
  const alphabet = ['a', ' ', 'é', '漢', '😀', '\u202e', '\n', '\ud800'];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let n = 0; n < 200; n++) {
    let t = '';
    const len = Math.floor(rnd() * 700);
    for (let i = 0; i < len; i++) t += alphabet[Math.floor(rnd() * alphabet.length)];
    const b = byteOffsets(t);
    for (let i = 0; i <= t.length; i++) {
      const inPair = i > 0 && i < t.length && /[\ud800-\udbff]/.test(t[i - 1]) && /[\udc00-\udfff]/.test(t[i]);
      assert.equal(b(i), naive(t, inPair ? i - 1 : i));
    }
  }
});

const text = 'Café 😀: the regime | <b>said</b>\nperhaps `17` died.';
const at = (w) => [text.indexOf(w), text.indexOf(w) + w.length];
const [r0, r1] = at('regime'), [p0, p1] = at('perhaps'), [n0, n1] = at('17');
const report = {
  version: 1, stats: { bytes: 0, words: 9, sentences: 2, length: text.length },
  scores: { overall: 30, loaded: 40, hedging: 20, numbers: 0, names: 0 },
  sentences: [{ start: 0, end: text.indexOf('\n'), score: 20 }],
  quantities: [{ subject: 'died', mentions: [{ start: n0, end: n1, text: '17', value: 17 }] }],
  findings: [
    { kind: 'loaded', category: 'name-calling', severity: 'warning', start: r0, end: r1, text: 'regime', message: 'a label | denial', suggestion: 'government', related: [] },
    { kind: 'hedge', category: 'hedge', severity: 'warning', start: p0, end: p1, text: 'perhaps', message: 'hedge', related: [{ start: n0, end: n1, text: '17' }] },
  ],
  summary: { byKind: { loaded: 1, hedge: 1 }, byCategory: {}, anonymousSources: 0, namedSources: 0, verdict: 'Leaning.' },
};

test('toContractJSON converts every offset to bytes', () => {
  const out = JSON.parse(toContractJSON(report, text));
  const buf = Buffer.from(text, 'utf8');
  for (const f of out.findings) {
    assert.equal(buf.subarray(f.start, f.end).toString(), f.text);
    for (const r of f.related) assert.equal(buf.subarray(r.start, r.end).toString(), r.text);
  }
  const m = out.quantities[0].mentions[0];
  assert.equal(buf.subarray(m.start, m.end).toString(), '17');
  assert.equal(out.stats.length, undefined);
  assert.equal(report.findings[0].start, 13, 'the input report is not modified');
});

test('toMarkdown escapes user text and gives line:column', () => {
  const out = toMarkdown(report, text);
  assert.match(out, /\| 1:13 \| loaded\/name\\-calling \| warning \| regime \| a label \\\| denial \| government \|/);
  assert.match(out, /\| 2:1 \| hedge/);
  assert.ok(!out.includes('<b>'), 'no raw HTML from the text');
  assert.equal(md('a\u202eb|c'), 'ab\\|c');
  assert.deepEqual(lineColumns('ab\n😀x')(5), [2, 2]);
});
