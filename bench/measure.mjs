// One measurement of `make bench`, run by bench/run.mjs in a fresh Node
// process each so that engines do not share a heap or a JIT:
//
//   node bench/measure.mjs wasm-warm   OUT WASM WASM_EXEC   per-call time on every text
//   node bench/measure.mjs core-warm   OUT CORE WASM_EXEC   the same for bench/wasmcore (analysis only)
//   node bench/measure.mjs wasm-cold   OUT WASM WASM_EXEC   instantiate → first result (sample)
//   node bench/measure.mjs wasm-memory OUT WASM WASM_EXEC   memory over 1,000 analyses (needs --expose-gc)
//   node bench/measure.mjs core-memory OUT CORE WASM_EXEC   the same with the Go heap (bench/wasmcore)
//   node bench/measure.mjs write-good  OUT                  the peer on the texts marked "peers"
//   node bench/measure.mjs retext-intensify OUT
//
// OUT is the folder bench/texts wrote (manifest.json and the texts). The
// result is one JSON object on stdout. Warm time: a few untimed calls, then
// calls until BUDGET_MS has passed (at least MIN_RUNS): the mean per call.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const [mode, out, wasmPath, wasmExec] = process.argv.slice(2);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS || 1000);
const MIN_RUNS = 3;

const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
const readText = (t) => fs.readFileSync(path.join(out, t.file), 'utf8');

async function timeCalls(fn, text, { warm = 2, budget = BUDGET_MS, minRuns = MIN_RUNS } = {}) {
  for (let i = 0; i < warm; i++) await fn(text);
  const times = [];
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  while (times.length < minRuns || performance.now() - start < budget) {
    const t0 = performance.now();
    await fn(text);
    times.push(performance.now() - t0);
    if (times.length >= 10000) break;
  }
  const cpu = process.cpuUsage(cpu0);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  times.sort((a, b) => a - b);
  // cpuMsPerOp: CPU time of the whole process (all threads) per call; less
  // sensitive than wall time to other work on a shared machine
  return { n: times.length, msPerOp: mean, msMin: times[0], msMedian: times[times.length >> 1], cpuMsPerOp: (cpu.user + cpu.system) / 1000 / times.length };
}

// loadWasm starts the Go program; its main sets globalThis.plumbline (or
// globalThis.plumblineCore for bench/wasmcore).
async function loadWasm(global = 'plumbline') {
  const bytes = fs.readFileSync(wasmPath);
  globalThis.require = require;
  globalThis.fs ??= fs;
  globalThis.path ??= path;
  globalThis.crypto ??= require('node:crypto').webcrypto;
  require(path.resolve(wasmExec));
  const t0 = performance.now();
  const module = await WebAssembly.compile(bytes);
  const t1 = performance.now();
  const go = new globalThis.Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  const t2 = performance.now();
  go.run(instance); // runs main until it blocks (select {}); never resolves
  for (let i = 0; !globalThis[global]; i++) { // in case main yields first
    if (i > 1000) throw new Error(`globalThis.${global} was not set by the wasm main`);
    await new Promise((r) => setTimeout(r, 1));
  }
  const t3 = performance.now();
  const api = globalThis[global];
  // the page's path (web/runtime.js): analyzePacked, then the contract's objects rebuilt in JavaScript
  const { unpackSentences, unpackFindings, unpackQuantities } = await import(new URL('../web/runtime.js', import.meta.url));
  const analyze = (text) => {
    const r = api.analyzePacked ? api.analyzePacked(text) : api.analyze(text);
    if (r instanceof Error) throw r; // the raw API returns its Error (see wasm/main.go)
    if (api.analyzePacked) {
      r.sentences = unpackSentences(r.sentences);
      r.findings = unpackFindings(r.findings, text);
      r.quantities = unpackQuantities(r.quantities, text);
    }
    return r;
  };
  return { analyze, instance, times: { compileMs: t1 - t0, instantiateMs: t2 - t1, startMs: t3 - t2 }, t0 };
}

const modes = {
  async 'wasm-warm'() {
    return warm(await loadWasm(), (rep) => rep.findings.length);
  },

  async 'core-warm'() {
    return warm(await loadWasm('plumblineCore'), (n) => n);
  },

  async 'wasm-cold'() {
    const sample = manifest.find((t) => t.name === 'sample') ?? manifest[0];
    const text = readText(sample);
    const { analyze, times, t0 } = await loadWasm();
    const t3 = performance.now();
    const rep = analyze(text);
    const t4 = performance.now();
    return { text: sample.name, bytes: Buffer.byteLength(text), ...times, firstCallMs: t4 - t3, totalMs: t4 - t0, findings: rep.findings.length };
  },

  async 'wasm-memory'() {
    return memory('plumbline');
  },

  async 'core-memory'() {
    return memory('plumblineCore');
  },

  async 'write-good'() {
    const writeGood = require('write-good');
    return peer((text) => writeGood(text));
  },

  async 'retext-intensify'() {
    const { retext } = await import('retext');
    const { default: retextIntensify } = await import('retext-intensify');
    const processor = retext().use(retextIntensify).freeze();
    return peer(async (text) => (await processor.process(text)).messages);
  },
};

// memory analyses the sample article 1,001 times and reads the memory
// after the first call and every 250 calls after it.
async function memory(global) {
  if (!globalThis.gc) throw new Error('run with node --expose-gc');
  const sample = manifest.find((t) => t.name === 'sample') ?? manifest[0];
  const text = readText(sample);
  const { analyze, instance } = await loadWasm(global);
  const mem = instance.exports.mem;
  const goHeap = globalThis[global].memStats;
  const snap = (calls) => {
    globalThis.gc();
    const p = { calls, wasmMemoryBytes: mem.buffer.byteLength, jsHeapUsedBytes: process.memoryUsage().heapUsed };
    if (goHeap) Object.assign(p, goHeap());
    return p;
  };
  analyze(text);
  const points = [snap(1)];
  for (let i = 2; i <= 1001; i++) {
    analyze(text);
    if ((i - 1) % 250 === 0) points.push(snap(i));
  }
  return { text: sample.name, bytes: Buffer.byteLength(text), points };
}

async function warm({ analyze }, count) {
  const results = [];
  for (const t of manifest) {
    const text = readText(t);
    const big = text.length > 2e6;
    const r = await timeCalls(analyze, text, { warm: big ? 1 : 3, minRuns: big ? 2 : MIN_RUNS });
    r.findings = count(analyze(text));
    results.push({ name: t.name, bytes: Buffer.byteLength(text), ...r });
    process.stderr.write(`${mode.padEnd(10)} ${t.name.padEnd(12)} ${r.msMin.toFixed(3).padStart(10)} ms (min)\n`);
  }
  return { results };
}

async function peer(lint) {
  const results = [];
  for (const t of manifest.filter((t) => t.peers)) {
    const text = readText(t);
    const findings = (await lint(text)).length;
    const r = await timeCalls(lint, text, { warm: 1, minRuns: 3 });
    results.push({ name: t.name, bytes: Buffer.byteLength(text), ...r, findings });
    process.stderr.write(`${mode.padEnd(6)} ${t.name.padEnd(12)} ${r.msPerOp.toFixed(3).padStart(10)} ms/op\n`);
  }
  return { results };
}

if (!modes[mode]) {
  console.error(`usage: node bench/measure.mjs (${Object.keys(modes).join('|')}) OUT [WASM WASM_EXEC]`);
  process.exit(2);
}
const result = await modes[mode]();
process.stdout.write(JSON.stringify(result) + '\n');
process.exit(0);
