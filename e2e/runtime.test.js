// The JavaScript contract of plumbline.wasm under Node, without a browser:
// globalThis.plumbline = { version, analyze } after start; analyze returns a
// plain object with UTF-16 offsets and throws an Error for bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const web = new URL('../web/', import.meta.url);
await import(new URL('wasm_exec.js', web));
const { start } = await import(new URL('runtime.js', web));
let rawAnalyze;
{
  // catch the raw Go function as main sets it, before start() wraps it
  let value;
  Object.defineProperty(globalThis, 'plumbline', {
    configurable: true,
    get: () => value,
    set: (v) => { if (!rawAnalyze && v && v.analyze) rawAnalyze = v.analyze; value = v; },
  });
}
const { api } = await start(await readFile(new URL('plumbline.wasm', web)));

test('globalThis.plumbline has version and analyze', () => {
  assert.equal(globalThis.plumbline, api);
  assert.equal(api.version, 1);
  assert.equal(typeof api.analyze, 'function');
});

test('offsets are JavaScript string indices', () => {
  const text = 'Naïve café 😀 report: the tyrant’s thugs caused chaos, perhaps.';
  const report = api.analyze(text);
  assert.equal(typeof report, 'object');
  const seen = report.findings.map((f) => [f.kind, text.slice(f.start, f.end)]);
  for (const [kind, word] of [['loaded', 'tyrant'], ['loaded', 'thugs'], ['loaded', 'chaos'], ['hedge', 'perhaps']]) {
    assert.ok(seen.some(([k, w]) => k === kind && w === word), `${kind} "${word}" in ${JSON.stringify(seen)}`);
  }
  for (const f of report.findings) assert.equal(text.slice(f.start, f.end), f.text);
  assert.equal(report.stats.length, text.length);
});

test('the packed report (analyzePacked, unpacked by runtime.js) equals the object report field for field', async () => {
  const { unpackSentences, unpackQuantities } = await import(new URL('runtime.js', web));
  const { SAMPLE_ARTICLE } = await import(new URL('sample.js', web));
  const texts = [
    SAMPLE_ARTICLE,
    'Café 😀 naïve: “the tyrant’s thugs”, perhaps hundreds, caused chaos at the protest. Sources said so.',
    'Of the 50 delegates, 30 voted in favour, 15 voted against and 10 abstained. Kowalczyk, Kowalczyk, Kowalcyzk.',
    'Naïve 😀 count: of the 50 délégués, 30 allegedly voted in favour and 25 voted against; the 3 km² site cost €12 million, up from €10 million.',
    '',
  ];
  for (const text of texts) {
    const packed = api.analyze(text);
    const objects = rawAnalyze(text);
    objects.sentences = unpackSentences(objects.sentences);
    objects.quantities = unpackQuantities(objects.quantities, text);
    assert.ok(objects.findings.length > 0 || text === '', 'the texts have findings');
    assert.deepEqual(packed, objects);
  }
});

test('the report equals the native CLI report, offsets converted to UTF-16 (an independent check of the packing)', async (t) => {
  const cli = new URL('../bin/plumbline', import.meta.url);
  if (!existsSync(cli)) return t.skip('bin/plumbline is not built (make build)');
  const { SAMPLE_ARTICLE } = await import(new URL('sample.js', web));
  for (const text of [
    SAMPLE_ARTICLE,
    'Naïve 😀 count: of the 50 délégués, 30 allegedly voted in favour and 25 voted against; the 3 km² site cost €12 million, up from €10 million.',
    'Café 😀: “the tyrant’s thugs”, perhaps hundreds. Kowalczyk, Kowalczyk, Kowalcyzk. Of the 12 ministers, 7 resigned; the 7 ministers left.',
  ]) {
    const want = JSON.parse(execFileSync(cli.pathname, ['--json', '-'], { input: text, encoding: 'utf8' }));
    const bytes = Buffer.from(text);
    const u16 = (b) => bytes.subarray(0, b).toString('utf8').length;
    const span = (x) => ({ ...x, start: u16(x.start), end: u16(x.end) });
    want.sentences = want.sentences.map(span);
    want.quantities = want.quantities.map((q) => ({ ...q, mentions: q.mentions.map(span) }));
    want.findings = want.findings.map((f) => ({ ...span(f), related: (f.related ?? []).map(span) }));
    const got = structuredClone(api.analyze(text));
    assert.equal(got.stats.length, text.length);
    delete got.stats.length;
    assert.ok(got.quantities.length > 0 && got.findings.length > 0, 'the texts have quantities and findings');
    assert.deepEqual(got, want);
  }
});

test('quantities carry each mention\'s kind and the summary its hedging counts, as the CLI report does', () => {
  const rep = api.analyze('Of the 50 delegates, 30 voted in favour. Perhaps 20 more will come, sources said.');
  const mentions = rep.quantities.flatMap((q) => q.mentions);
  assert.ok(mentions.length > 0 && mentions.every((m) => typeof m.kind === 'string' && m.kind !== ''), JSON.stringify(rep.quantities));
  assert.ok(rep.summary.hedgedSentences >= 1 && rep.summary.hedgesPerSentence > 0, JSON.stringify(rep.summary));
});

test('sentences are {start, end, score} objects with UTF-16 offsets', () => {
  const text = 'Café 😀 one. The tyrant’s thugs caused chaos. Naïve end.';
  const { sentences } = api.analyze(text);
  assert.ok(Array.isArray(sentences));
  assert.deepEqual(sentences.map((s) => text.slice(s.start, s.end)), ['Café 😀 one.', 'The tyrant’s thugs caused chaos.', 'Naïve end.']);
  assert.deepEqual(Object.keys(sentences[1]), ['start', 'end', 'score']);
  assert.ok(sentences[1].score > sentences[0].score, JSON.stringify(sentences));
});

test('bad input throws an Error with the reason', () => {
  assert.throws(() => api.analyze('some text', { maxBytes: 3 }), { name: 'Error', message: /at most 3 bytes/ });
  assert.throws(() => api.analyze('x', { lexicon: [{ term: 'foo', category: 'c' }] }), /options\.lexicon\[0\] \(term "foo"\): empty message/);
  assert.throws(() => api.analyze(42), /must be a string/);
  assert.throws(() => api.analyze('x', { colour: 1 }), /unknown option "colour"/);
});

test('hostile options objects throw in the caller, and the runtime lives on', () => {
  const hostile = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
  assert.throws(() => api.analyze('The tyrant spoke.', hostile), { name: 'Error', message: 'trap' });
  const getter = { get kinds() { throw new TypeError('getter'); } };
  assert.throws(() => api.analyze('The tyrant spoke.', getter), { name: 'TypeError', message: 'getter' });
  assert.throws(() => api.analyze('The tyrant spoke.', { maxBytes: Infinity }), /options\.maxBytes must be a whole number/);
  assert.throws(() => api.analyze('The tyrant spoke.', { kinds: [() => 1] }), /options\.kinds\[0\] must be a string/);
  assert.equal(api.analyze('The tyrant spoke.').findings.length, 1);
});

test('a JavaScript exception while Go works is recovered into a thrown Error (raw module)', () => {
  // the raw Go function, below runtime.js's wrapper: Object.keys on a proxy that throws
  // happens inside Go; the panic is recovered and returned as an Error
  const raw = rawAnalyze;
  const r = raw('x', new Proxy({}, { ownKeys() { throw new Error('trap'); } }));
  assert.ok(r instanceof Error);
  assert.match(r.message, /plumbline: internal error: .*trap/);
  assert.equal(raw('The tyrant spoke.').findings.length, 1);
});

test('repeated calls after errors keep working', () => {
  const text = 'Sources said the militants were clearly to blame. '.repeat(20);
  const n = api.analyze(text).findings.length;
  assert.ok(n > 0);
  for (let i = 0; i < 20; i++) {
    assert.throws(() => api.analyze(text, { minSeverity: 'bad' }));
    assert.equal(api.analyze(text).findings.length, n);
  }
});
