// <plumb-line> on a plain form under the strict CSP, served from dist/ as a
// host would copy it: type, see the highlight over the typed word, submit,
// and the server receives exactly what was typed. Also: the host page's CSS
// and the widget's do not leak into each other, and the element's attributes
// (kinds, min-severity, lang, lexicon, wasm) and events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, stopSuite, openPage, snapshotOnFailure, sameBox } from './helpers.js';

let server, browser;
before(async () => ({ server, browser } = await startSuite()));
after(() => stopSuite({ server, browser }));

async function visit(name, path, fn, opts) {
  const { context, page, problems, foreign, requests } = await openPage(browser, server.url, opts);
  try {
    await snapshotOnFailure(page, name, async () => {
      await page.goto(server.url + path);
      await fn(page, { requests, context });
      assert.deepEqual(await problems(), [], 'console errors, CSP violations, page errors or dialogs');
      assert.deepEqual(foreign(), [], 'requests to other origins');
    });
  } finally {
    await context.close();
  }
}

function markRect(page, kind) {
  return page.$eval(`.pl-backdrop mark[data-kind="${kind}"]`, (m) => {
    const r = m.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: m.textContent };
  });
}

test('form: type, see the highlight, submit: the server gets exactly what was typed', async () => {
  await visit('form-submit', 'form.html', async (page) => {
    // typed, not pasted: real key events; with non-ASCII text and an emoji (UTF-16 offsets)
    const typed = 'Café owners 😀 said the thugs — “so-called protesters” — smashed windows, perhaps.';
    await page.click('#title');
    await page.keyboard.type('Night in the old town');
    await page.click('#body');
    await page.keyboard.type(typed);
    await page.waitForSelector('.pl-backdrop mark[data-kind="loaded"]');
    await page.waitForFunction((t) => window.reports.some((r) => r.text === t), typed);
    const marks = await page.$$eval('.pl-backdrop mark', (ms) => ms.map((m) => [m.dataset.kind, m.textContent]));
    assert.ok(marks.some(([k, t]) => k === 'loaded' && t === 'thugs'), JSON.stringify(marks));
    assert.ok(marks.some(([k, t]) => k === 'hedge' && t === 'perhaps'), JSON.stringify(marks));
    // the mark sits over the word: the backdrop holds the field's exact text, in the field's box and metrics
    const value = await page.$eval('#body', (t) => t.value);
    assert.equal(value, typed);
    const backdropText = await page.$eval('.pl-backdrop-content', (c) => c.textContent);
    assert.equal(backdropText, typed, 'the backdrop mirrors the field');
    const r = await markRect(page, 'loaded');
    const field = await page.$eval('#body', (t) => { const b = t.getBoundingClientRect(); return { left: b.left, top: b.top, right: b.right, bottom: b.bottom }; });
    assert.ok(r.left >= field.left && r.right <= field.right && r.top >= field.top && r.bottom <= field.bottom, 'mark inside the field');
    const backdrop = await page.$eval('.pl-backdrop', (b) => { const x = b.getBoundingClientRect(); return { left: x.left, top: x.top, right: x.right, bottom: x.bottom }; });
    assert.ok(sameBox(backdrop, field, 0.5), `backdrop ${JSON.stringify(backdrop)} over the field ${JSON.stringify(field)}`);
    // the widget's summary
    const status = await page.$eval('plumb-line', (el) => el.shadowRoot.querySelector('.pl-status').textContent);
    assert.match(status, /^\d+ findings: .*loaded term/);
    await Promise.all([page.waitForNavigation(), page.click('#send')]);
    await page.waitForSelector('#saved');
    const sub = server.submissions.at(-1);
    assert.equal(sub.type, 'application/x-www-form-urlencoded');
    const form = new URLSearchParams(sub.body.toString('utf8'));
    assert.equal(form.get('body'), typed, 'submitted exactly as typed');
    assert.equal(form.get('title'), 'Night in the old town');
  });
});

test('form: the host page CSS and the widget CSS do not leak into each other', async () => {
  await visit('form-css', 'form.html', async (page) => {
    const hostStyles = () => page.evaluate(() => {
      const pick = (el) => { const s = getComputedStyle(el); return [s.color, s.backgroundColor, s.borderTopWidth, s.paddingTop, s.fontSize, s.fontFamily, s.letterSpacing, s.textDecorationLine, s.outlineStyle].join('|'); };
      return ['p.note mark', 'p.note', 'button.card', '#send', 'h1', 'textarea', 'label'].map((q) => pick(document.querySelector(q)));
    });
    // before plumbline starts: load the page with the element removed… simpler: compare with a fresh
    // page where the module has not run yet is not possible under CSP; instead compare against the
    // styles host.css alone gives, re-computed after detaching plumbline's stylesheets.
    await page.click('#body');
    await page.keyboard.type('The tyrant acted.');
    await page.waitForSelector('.pl-backdrop mark[data-kind="loaded"]');
    const withWidget = await hostStyles();
    const sheets = await page.evaluate(() => {
      const ls = [...document.querySelectorAll('link[rel="stylesheet"]')].filter((l) => l.href.includes('/plumbline/'));
      for (const l of ls) l.disabled = true;
      return ls.map((l) => new URL(l.href).pathname);
    });
    assert.deepEqual(sheets, ['/plumbline/plumbline.css'], 'only namespaced plumbline.css is added to the document');
    const without = await hostStyles();
    // textarea: the overlay makes its background transparent on purpose (the backdrop paints it)
    assert.deepEqual(withWidget.filter((_, i) => i !== 5), without.filter((_, i) => i !== 5), 'plumbline CSS changed host elements');
    await page.evaluate(() => { for (const l of document.querySelectorAll('link[rel="stylesheet"]')) l.disabled = false; });
    // re-enabling a <link> loads its sheet again, asynchronously: wait until every sheet is back
    await page.waitForFunction(() => [...document.querySelectorAll('link[rel="stylesheet"]')].every((l) => l.sheet !== null));
    // the page's aggressive rules (p/div/span borders, colours, * letter-spacing) do not reach the bar
    const bar = await page.$eval('plumb-line', (el) => {
      const b = el.shadowRoot.querySelector('.pl-bar'), s = getComputedStyle(b);
      return { border: s.borderTopWidth, padding: s.paddingTop, color: s.color, letterSpacing: s.letterSpacing, font: s.fontFamily };
    });
    assert.equal(bar.border, '0px');
    assert.equal(bar.padding, '0px');
    assert.notEqual(bar.color, 'rgb(10, 20, 30)');
    assert.equal(bar.letterSpacing, 'normal');
    assert.doesNotMatch(bar.font, /Georgia/);
    // and host rules like div {padding} do not shift the highlight: the backdrop text box is the field's
    const shift = await page.evaluate(() => {
      const c = document.querySelector('.pl-backdrop-content'), s = getComputedStyle(c);
      return [s.paddingTop, s.borderTopWidth, s.letterSpacing];
    });
    assert.deepEqual(shift, ['0px', '0px', '0.5px'], 'backdrop content inherits the field metrics, not the host rules');
  });
});

test('form: the card opens inside the widget, out of the host CSS; removing the element detaches; terminate() ends the worker', async () => {
  await visit('form-detach', 'form.html', async (page, { context }) => {
    await page.click('#body');
    await page.keyboard.type('The tyrant acted.');
    await page.waitForSelector('.pl-backdrop mark[data-kind="loaded"]');
    const m = await page.$eval('.pl-backdrop mark[data-kind="loaded"]', (x) => { const r = x.getBoundingClientRect(); return [(r.left + r.right) / 2, (r.top + r.bottom) / 2]; });
    await page.mouse.move(m[0], m[1]);
    await page.waitForSelector('plumb-line .pl-card:not([hidden])');
    const card = await page.$eval('plumb-line', (el) => {
      const c = el.shadowRoot.querySelector('.pl-card');
      const p = c.querySelector('p'), s = getComputedStyle(p);
      return { text: c.textContent, border: s.borderTopWidth, color: s.color, size: s.fontSize };
    });
    assert.match(card.text, /tyrant/);
    assert.equal(card.border, '0px', 'host rule p {border} does not reach the card');
    assert.notEqual(card.color, 'rgb(120, 0, 120)');
    assert.equal(await page.evaluate(() => document.querySelectorAll('body > .pl-card').length), 0, 'no card left in <body>');
    await page.mouse.move(5, 5);
    const cdp = await context.newCDPSession(page);
    const listeners = async (expr) => {
      const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
      return (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })).listeners.map((l) => l.type).sort();
    };
    assert.ok((await listeners("document.getElementById('body')")).length > 0);
    assert.equal(page.workers().length, 1);
    await page.evaluate(async () => {
      document.getElementById('check').remove();
      const { terminate } = await import('/plumbline/plumbline.js');
      terminate();
    });
    assert.deepEqual(await listeners("document.getElementById('body')"), [], 'listeners left on the textarea');
    const left = await page.evaluate(() => ({
      backdrops: document.querySelectorAll('.pl-backdrop').length,
      style: document.getElementById('body').getAttribute('style') || '',
      cls: document.getElementById('body').className,
      value: document.getElementById('body').value,
    }));
    assert.deepEqual(left, { backdrops: 0, style: '', cls: '', value: 'The tyrant acted.' });
    for (let i = 0; i < 20 && page.workers().length; i++) await page.waitForTimeout(50);
    assert.equal(page.workers().length, 0, 'the worker is gone');
  });
});

test('elements: kinds, min-severity, lang, custom lexicon, lexicon errors; one worker and one wasm fetch for the page', async () => {
  await visit('widgets', 'widgets.html', async (page, { requests }) => {
    await page.waitForFunction(() => window.done && window.done());
    const state = await page.evaluate(() => window.state());
    // kinds="hedge": only hedges drawn and reported
    assert.deepEqual([...new Set(state.hedgeOnly.kinds)], ['hedge'], JSON.stringify(state.hedgeOnly));
    // min-severity="error": a text with only warnings shows nothing
    assert.deepEqual(state.errorsOnly.kinds, []);
    // lang="fr": the widget's words in French (the analyser's messages stay English)
    assert.match(state.french.status, /^\d+ signalements? : |^\d+ signalements?:/);
    assert.match(state.french.status, /termes? connotés?/);
    assert.equal(state.french.lang, 'fr');
    // lexicon="custom-lexicon.json": a term only the custom lexicon has
    assert.ok(state.custom.texts.includes('jackbooted'), JSON.stringify(state.custom));
    assert.ok(state.custom.marks.includes('jackbooted'), JSON.stringify(state.custom));
    // lexicon="missing.json": shown clearly, event dispatched, and the built-in lexicon still works
    assert.match(state.missing.error, /Could not load the custom lexicon missing\.json: HTTP 404/);
    assert.equal(state.missing.events[0].source, 'lexicon');
    assert.ok(state.missing.kinds.includes('loaded'));
    // lexicon with an invalid entry: the analyser's message names the entry
    assert.match(state.invalid.error, /Could not check this text: .*lexicon\[0\]/);
    assert.equal(state.invalid.events[0].source, 'analyze');
    // one worker and one fetch of the wasm for six widgets
    const wasm = requests.filter((u) => u.includes('/plumbline.wasm'));
    assert.equal(wasm.length, 1, `wasm fetched ${wasm.length} times`);
    assert.ok(wasm[0].endsWith('/plumbline/plumbline.wasm?from=attribute'), `the wasm attribute gives the URL: ${wasm[0]}`);
    // for="later": no such field yet → said after a while; attaches when the field appears
    await page.waitForFunction(() => window.state().orphan.events.some((e) => e.source === 'target'), null, { timeout: 6000 });
    assert.match((await page.evaluate(() => window.state())).orphan.error, /No field to check \(#later\)/);
    await page.evaluate(() => {
      const ta = document.createElement('textarea');
      ta.id = 'later';
      ta.value = 'The thugs came back.';
      document.body.append(ta);
    });
    await page.waitForFunction(() => window.state().orphan.reports > 0);
    const orphan = (await page.evaluate(() => window.state())).orphan;
    assert.deepEqual(orphan.texts, ['thugs']);
    assert.equal(orphan.error, '', 'the message is gone once attached');
    assert.equal(page.workers().length, 1, 'one worker for the page');
  }, { ignore: [/status of 404/] }); // missing.json, on purpose
});
