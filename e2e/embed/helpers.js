// Set-up for the embedding tests: a static server for the host pages
// (e2e/embed/fixtures), the built dist/ folder as a host would copy it
// (/plumbline/), and the third-party hosts' prebuilt files from this
// folder's own node_modules (/vendor/quill/, /vendor/decap/); and the
// system Chromium driven by playwright-core (no browser download).
//
// Every page gets the strict CSP of `plumbline serve`, except the Decap CMS
// admin page, whose own code needs 'unsafe-eval' and inline styles: that is
// the host's policy, not the widget's.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage as basePage, snapshotOnFailure as baseSnapshot, startSuite as baseSuite, stopSuite } from '../helpers.js';

export { stopSuite };

/** startSuite starts the fixtures' server and Chromium (see ../helpers.js). */
export const startSuite = () => baseSuite(startServer);

const here = fileURLToPath(new URL('.', import.meta.url));
export const root = path.resolve(here, '../..');

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
// Decap CMS: its config validator compiles code at run time ('unsafe-eval'), its
// CSS-in-JS injects <style> elements, and its preview pane is an about:srcdoc frame.
export const DECAP_CSP = "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; frame-src 'self' about:; child-src 'self' about:; object-src 'none'; base-uri 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
};

const MOUNTS = [
  ['/plumbline/', path.join(root, 'dist')],
  ['/vendor/quill/', path.join(here, 'node_modules/quill/dist')],
  ['/vendor/decap/', path.join(here, 'node_modules/decap-cms/dist')],
  ['/', path.join(here, 'fixtures')],
];

/**
 * startServer serves the fixtures on 127.0.0.1 (a free port). POSTs to
 * /submit are recorded in `submissions` (raw body and content type).
 */
export function startServer() {
  const submissions = [];
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    if (req.method === 'POST' && url.pathname === '/submit') {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      submissions.push({ type: req.headers['content-type'], body: Buffer.concat(chunks) });
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': STRICT_CSP });
      res.end('<!doctype html><link rel="icon" href="data:,"><title>Saved</title><h1 id="saved">Saved</h1>');
      return;
    }
    let file = null;
    for (const [prefix, dir] of MOUNTS) {
      if (!url.pathname.startsWith(prefix)) continue;
      let rel = decodeURIComponent(url.pathname.slice(prefix.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const full = path.resolve(dir, rel);
      if (!full.startsWith(dir + path.sep)) break;
      file = full;
      break;
    }
    let body;
    try {
      if (!file) throw new Error('no route');
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain', 'Content-Security-Policy': STRICT_CSP });
      res.end('not found');
      return;
    }
    const csp = url.pathname.startsWith('/decap/') ? DECAP_CSP : STRICT_CSP;
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, submissions, requests, stop: () => new Promise((r) => server.close(r)) });
    });
  });
}


/** openPage is ../helpers.js's openPage with this folder's defaults (the
 * Decap preview is an about:srcdoc frame). */
export function openPage(browser, origin, { viewport = { width: 1200, height: 900 }, ignore = [] } = {}) {
  return basePage(browser, origin, { viewport, ignore, allowAbout: true });
}

/** snapshotOnFailure saves a screenshot (e2e/artifacts/embed-<name>.png) when fn throws. */
export const snapshotOnFailure = (page, name, fn) => baseSnapshot(page, `embed-${name}`, fn);

/** near asserts two client rects match within tol pixels on every side. */
export function sameBox(a, b, tol = 1) {
  return ['left', 'top', 'right', 'bottom'].every((k) => Math.abs(a[k] - b[k]) <= tol);
}
