// The JavaScript contract of plumbline.wasm under Node, without a browser:
// globalThis.plumbline = { version, analyze } after start; analyze returns a
// plain object with UTF-16 offsets and throws an Error for bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const web = new URL('../web/', import.meta.url);
await import(new URL('wasm_exec.js', web));
const { start } = await import(new URL('runtime.js', web));
const { api } = await start(await readFile(new URL('plumbline.wasm', web)));

test('globalThis.plumbline has version and analyze', () => {
  assert.equal(globalThis.plumbline, api);
  assert.equal(api.version, 1);
  assert.equal(typeof api.analyze, 'function');
});

test('offsets are JavaScript string indices', () => {
  const text = 'Naïve café 😀 report: the regime’s thugs caused chaos, perhaps.';
  const report = api.analyze(text);
  assert.equal(typeof report, 'object');
  const seen = report.findings.map((f) => [f.kind, text.slice(f.start, f.end)]);
  for (const [kind, word] of [['loaded', 'regime'], ['loaded', 'thugs'], ['loaded', 'chaos'], ['hedge', 'perhaps']]) {
    assert.ok(seen.some(([k, w]) => k === kind && w === word), `${kind} "${word}" in ${JSON.stringify(seen)}`);
  }
  for (const f of report.findings) assert.equal(text.slice(f.start, f.end), f.text);
  assert.equal(report.stats.length, text.length);
});

test('bad input throws an Error with the reason', () => {
  assert.throws(() => api.analyze('some text', { maxBytes: 3 }), { name: 'Error', message: /at most 3 bytes/ });
  assert.throws(() => api.analyze('x', { lexicon: [{ term: 'foo', category: 'c' }] }), /options\.lexicon\[0\] \(term "foo"\): empty message/);
  assert.throws(() => api.analyze(42), /must be a string/);
  assert.throws(() => api.analyze('x', { colour: 1 }), /unknown option "colour"/);
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
