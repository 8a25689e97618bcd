// Shared set-up for the browser tests: the real server (bin/plumbline
// serve) on a free port, and the system Chromium driven by playwright-core
// (no browser download). Each page records console errors, CSP violations,
// page errors, dialogs and every request, so tests can assert none leaked.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** startServer runs bin/plumbline serve on 127.0.0.1:0 and resolves with its URL. */
export function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(`${root}bin/plumbline`, ['serve', '-addr', '127.0.0.1:0', '-dir', `${root}web`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => { proc.kill(); reject(new Error(`server did not start: ${out}`)); }, 10000);
    const onData = (d) => {
      out += d;
      const m = out.match(/at (http:\/\/[^\s]+\/)/);
      if (m) { clearTimeout(timer); resolve({ url: m[1], stop: () => proc.kill() }); }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${out}`)); });
  });
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** startSuite starts a test file's server (start: a startServer) and Chromium. */
export async function startSuite(start = startServer) {
  return { server: await start(), browser: await launch() };
}

/** stopSuite closes what startSuite started (either may be missing after a failed start). */
export async function stopSuite({ server, browser }) {
  await browser?.close();
  await server?.stop();
}

/**
 * openPage opens a new page with the watchers installed. The returned
 * `problems()` lists console errors, CSP violations, page errors and dialogs
 * (but console and page errors matching one of `ignore`); `foreign()` lists
 * requests to any origin other than the server's (about: too, unless
 * allowAbout: a CMS preview may be an about:srcdoc frame).
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 860 }, colorScheme = 'light', ignore = [], allowAbout = false } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const issues = [], requests = [];
  const ignored = (t) => ignore.some((re) => re.test(t));
  page.on('console', (m) => {
    const t = m.text();
    if ((m.type() === 'error' || /Content.Security.Policy/i.test(t)) && !ignored(t)) issues.push(`console ${m.type()}: ${t}`);
  });
  page.on('pageerror', (e) => { if (!ignored(e.message)) issues.push(`page error: ${e.message}`); });
  page.on('dialog', (d) => { issues.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  context.on('request', (r) => requests.push(r.url())); // the page's and its workers', once each
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const problems = async () => {
    let csp = [];
    try { csp = await page.evaluate(() => window.__cspViolations || []); } catch { /* page closed */ }
    return [...issues, ...csp.map((v) => `CSP violation: ${v}`)];
  };
  const local = allowAbout ? /^(blob|data|about):/ : /^(blob|data):/;
  const foreign = () => [...new Set(requests)].filter((u) => !u.startsWith(origin) && !local.test(u));
  return { context, page, problems, foreign, requests };
}

/** snapshotOnFailure saves a screenshot in e2e/artifacts/ when fn throws. */
export async function snapshotOnFailure(page, name, fn) {
  try {
    return await fn();
  } catch (err) {
    mkdirSync(artifacts, { recursive: true });
    const file = `${artifacts}${name.replace(/[^a-z0-9]+/gi, '-')}.png`;
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    err.message += `\n(screenshot: ${file})`;
    throw err;
  }
}

/** setText replaces the textarea's text as a paste would. */
export async function setText(page, text) {
  await page.evaluate((t) => {
    const ta = document.getElementById('text');
    ta.value = t;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** waitForAnalysis waits until the page has finished n analyses in all. */
export async function waitForAnalysis(page, n, timeout = 15000) {
  await page.waitForFunction((k) => Number(document.documentElement.dataset.analyzed || 0) >= k, n, { timeout });
}

/** report returns the page's current report (null before the first). */
export function report(page) {
  return page.evaluate(() => (window.plumblinePage ? window.plumblinePage.report() : null));
}

/**
 * visit opens url in a fresh context, runs fn(page, context), then asserts
 * that nothing leaked: no console error, CSP violation, page error or dialog
 * (except what `allow` matches) and no request to another origin. A failure
 * saves a screenshot named `name`. With goto: false, fn navigates itself;
 * other options go to openPage (viewport, colorScheme).
 */
export async function visit(browser, url, name, fn, { allow = /$^/, goto = true, ...pageOptions } = {}) {
  const { context, page, problems, foreign } = await openPage(browser, url, pageOptions);
  try {
    await snapshotOnFailure(page, name, async () => {
      if (goto) await page.goto(url);
      await fn(page, context);
      assert.deepEqual((await problems()).filter((p) => !allow.test(p)), [], 'console errors, CSP violations, page errors or dialogs');
      assert.deepEqual(foreign(), [], 'requests to other origins');
    });
  } finally {
    await context.close();
  }
}
