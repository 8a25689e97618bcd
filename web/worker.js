// worker.js runs the Go analyser off the page's main thread (a module
// worker). Messages in:  {type: 'init', wasmURL}, {type: 'analyze', id, text, options}
// Messages out: {type: 'ready', version, startMs}, {type: 'result', id, report, ms},
// {type: 'error', id, message} (bad input: the page shows the message),
// {type: 'fatal', id?, message} (the runtime is gone: the page restarts the worker).
import './wasm_exec.js';
import { start } from './runtime.js';

let runtime = null;

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    try {
      runtime = await start(fetch(msg.wasmURL));
      self.postMessage({ type: 'ready', version: runtime.api.version, startMs: runtime.startMs });
    } catch (err) {
      self.postMessage({ type: 'fatal', message: String((err && err.message) || err) });
    }
    return;
  }
  if (msg.type === 'analyze') {
    if (!runtime) {
      self.postMessage({ type: 'fatal', id: msg.id, message: 'the analyser is not started' });
      return;
    }
    const t0 = performance.now();
    try {
      const report = runtime.api.analyze(msg.text, msg.options);
      self.postMessage({ type: 'result', id: msg.id, report, ms: performance.now() - t0 });
    } catch (err) {
      const message = String((err && err.message) || err);
      const fatal = !runtime.alive() || err instanceof WebAssembly.RuntimeError || err instanceof RangeError;
      self.postMessage({ type: fatal ? 'fatal' : 'error', id: msg.id, message });
    }
  }
};
