// runtime.js starts plumbline.wasm (the Go analyser) in the current realm —
// the Web Worker (worker.js) or Node — and returns its API:
//
//   const { api, alive } = await start(fetch('plumbline.wasm'));
//   api.analyze(text, options) // → report object, UTF-16 offsets; throws Error
//
// wasm_exec.js (copied from GOROOT by `make wasm`) must have been loaded
// first: it defines globalThis.Go.
//
// Why a wrapper: a Go function called from JavaScript cannot throw into its
// caller, and the page's CSP forbids building a wrapper with new Function.
// So the Go analyze RETURNS an Error object for bad input, and the analyze
// installed here throws it, as CONTRACT.md says. globalThis.plumbline is
// replaced by the wrapped API, so every later caller gets the contract.

/**
 * @param {Response|Promise<Response>|BufferSource} source plumbline.wasm
 * @returns {Promise<{api: {version: number, analyze: Function}, alive: () => boolean, startMs: number}>}
 */
export async function start(source) {
  if (typeof globalThis.Go !== 'function') {
    throw new Error('plumbline: load wasm_exec.js before starting plumbline.wasm');
  }
  const t0 = performance.now();
  const go = new globalThis.Go();
  let instance;
  source = await source;
  if (typeof Response !== 'undefined' && source instanceof Response) {
    if (!source.ok) throw new Error(`plumbline: cannot load ${source.url}: HTTP ${source.status}`);
    const type = source.headers.get('Content-Type') || '';
    if (type.startsWith('application/wasm') && WebAssembly.instantiateStreaming) {
      ({ instance } = await WebAssembly.instantiateStreaming(source, go.importObject));
    } else {
      ({ instance } = await WebAssembly.instantiate(await source.arrayBuffer(), go.importObject));
    }
  } else {
    ({ instance } = await WebAssembly.instantiate(source, go.importObject));
  }
  // run() executes main synchronously until it blocks in select {}; by the
  // time it returns its promise, globalThis.plumbline is set.
  let exited = false;
  go.run(instance).then(() => { exited = true; }, () => { exited = true; });
  const raw = globalThis.plumbline;
  if (!raw || typeof raw.analyze !== 'function') {
    throw new Error('plumbline: plumbline.wasm started but did not set globalThis.plumbline');
  }
  const rawAnalyze = raw.analyze;
  const rawPacked = raw.analyzePacked || null;
  const api = Object.freeze({
    version: raw.version,
    analyze(text, options) {
      // Options become plain data here, in JavaScript: a getter or proxy
      // that throws must throw in its caller, not while Go is reading it
      // (syscall/js does not catch exceptions from property reads).
      if (options !== undefined && options !== null && typeof options === 'object') {
        options = JSON.parse(JSON.stringify(options));
      }
      const result = rawPacked ? rawPacked(text, options) : rawAnalyze(text, options);
      if (result instanceof Error) throw result;
      result.sentences = unpackSentences(result.sentences);
      result.findings = unpackFindings(result.findings, text);
      result.quantities = unpackQuantities(result.quantities, text);
      return result;
    },
  });
  globalThis.plumbline = api;
  return { api, alive: () => !exited && !go.exited, startMs: performance.now() - t0 };
}

/**
 * unpackSentences turns the Float64Array of [start, end, score] triples that
 * the Go side sends (one copy instead of an object per sentence) into the
 * contract's [{start, end, score}].
 */
export function unpackSentences(packed) {
  if (!ArrayBuffer.isView(packed)) return packed;
  const out = new Array(packed.length / 3);
  for (let i = 0, j = 0; j < packed.length; i++, j += 3) {
    out[i] = { start: packed[j], end: packed[j + 1], score: packed[j + 2] };
  }
  return out;
}

/**
 * unpackStrings splits the string table of a packed report: one string and
 * the UTF-16 end of each entry (wasm/main.go stringTable).
 */
export function unpackStrings({ text, ends }) {
  const out = new Array(ends.length);
  for (let i = 0, from = 0; i < ends.length; i++) {
    out[i] = text.slice(from, ends[i]);
    from = ends[i];
  }
  return out;
}

/**
 * unpackQuantities rebuilds the contract's quantities from the packed form
 * of both Go functions (wasm/main.go packedQuantities); each mention's text is
 * the input's slice.
 */
export function unpackQuantities(packed, text) {
  const S = unpackStrings(packed.strings);
  const N = packed.nums;
  const out = [];
  for (let j = 0; j < N.length;) {
    const mentions = new Array(N[j + 1]);
    const q = { subject: S[N[j]] ?? '', mentions };
    j += 2;
    for (let k = 0; k < mentions.length; k++, j += 5) {
      const m = { start: N[j], end: N[j + 1], text: text.slice(N[j], N[j + 1]), value: N[j + 2] };
      if (N[j + 3] >= 0) m.kind = S[N[j + 3]];
      if (N[j + 4] >= 0) m.unit = S[N[j + 4]];
      mentions[k] = m;
    }
    out.push(q);
  }
  return out;
}

/**
 * unpackFindings rebuilds the contract's finding objects from the packed
 * form of analyzePacked (wasm/main.go packedFindings): numbers, related
 * spans and a string table; each text is the input's slice, so it is
 * exactly text.slice(start, end).
 */
export function unpackFindings(packed, text) {
  if (Array.isArray(packed) || !packed || !packed.nums) return packed;
  const { nums: N, related: R } = packed;
  const S = unpackStrings(packed.strings);
  const out = new Array(N.length / 12);
  for (let i = 0, j = 0, r = 0; j < N.length; i++, j += 12) {
    const f = {
      start: N[j], end: N[j + 1], text: text.slice(N[j], N[j + 1]),
      kind: S[N[j + 5]], category: S[N[j + 6]], severity: S[N[j + 7]], message: S[N[j + 8]],
    };
    if (N[j + 9] >= 0) f.suggestion = S[N[j + 9]];
    const related = new Array(N[j + 11]);
    for (let k = 0; k < related.length; k++, r += 2) related[k] = { start: R[r], end: R[r + 1], text: text.slice(R[r], R[r + 1]) };
    f.related = related;
    f.weight = N[j + 2];
    if (N[j + 4]) f.quoted = true;
    f.sentence = N[j + 3];
    if (N[j + 10] >= 0) f.rule = S[N[j + 10]];
    out[i] = f;
  }
  return out;
}
