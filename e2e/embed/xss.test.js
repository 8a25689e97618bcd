// Script injection through a custom lexicon, in the widget: <plumb-line
// lexicon="url"> on a textarea and on a contenteditable element, and
// attach(field, {analyze: {lexicon}}) from JavaScript, under the strict
// CSP. Every lexicon entry's message, suggestion and category carries a
// payload (e2e/xss-payloads.js); the cards and the widget's summary must
// show them as plain text, and a lexicon error naming a hostile term must
// too. Nothing may run, no element may come from a payload, no dialog, no
// CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, stopSuite, openPage, snapshotOnFailure } from './helpers.js';
import { PAYLOADS, term, lexicon, lexiconText, domAudit } from '../xss-payloads.js';

let server, browser;
before(async () => ({ server, browser } = await startSuite()));
after(() => stopSuite({ server, browser }));

const n = PAYLOADS.length;
const at = (i) => PAYLOADS[((i % n) + n) % n];
const BAD_TERM = '<img src=x onerror="window.__xssT=1">';

test(`<plumb-line lexicon> and attach({analyze: {lexicon}}) with ${PAYLOADS.length} script payloads: cards, summary and errors are plain text, nothing runs`, async () => {
  const { context, page, problems, foreign } = await openPage(browser, server.url);
  try {
    await snapshotOnFailure(page, 'xss-widget', async () => {
      const json = (body) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
      await context.route('**/xss-lexicon.json', (r) => r.fulfill(json({ entries: lexicon() })));
      await context.route('**/xss-bad-lexicon.json', (r) => r.fulfill(json([{ term: BAD_TERM, category: '<svg onload=window.__xssT=2>' }])));
      await page.goto(server.url + 'xss.html');
      // every widget attached (the textarea and contenteditable ones are empty yet), and attach() from JavaScript
      await page.waitForFunction(() => ['ta', 'ce', 'bad'].every((id) => document.getElementById(id).attachment));
      await page.evaluate(async (lex) => {
        const { attach } = await import('/plumbline/plumbline.js');
        window.jsHandle = attach(document.getElementById('js-field'), { analyze: { lexicon: lex }, debounce: 0 });
      }, lexicon());
      const before = await page.evaluate(domAudit);

      const text = lexiconText();
      await page.evaluate((t) => {
        for (const id of ['ta-field', 'js-field']) {
          const f = document.getElementById(id);
          f.value = t;
          f.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        }
        document.getElementById('ce-field').textContent = t; // editable.js follows the DOM
      }, text);
      await page.waitForFunction((k) => ['ta', 'ce'].every((id) => document.getElementById(id).findings.length >= k) &&
        window.jsHandle.visible.length >= k, n, { timeout: 20000 });

      // open each finding's card by putting the caret in it (the tap path), in all three
      const cards = await page.evaluate(({ terms, text }) => {
        const deepCard = () => {
          const find = (root) => {
            const c = root.querySelector('.pl-card:not([hidden])');
            if (c) return c;
            for (const e of root.querySelectorAll('*')) if (e.shadowRoot) { const x = find(e.shadowRoot); if (x) return x; }
            return null;
          };
          return find(document);
        };
        const read = (c) => c && ({
          cat: c.querySelector('.pl-card-cat').textContent,
          msg: c.querySelector('.pl-card-msg').textContent,
          sugg: c.querySelector('.pl-card-sugg strong').textContent,
        });
        const out = { ta: [], ce: [], js: [] };
        for (const t of terms) {
          const o = text.indexOf(t) + 1;
          for (const [k, id] of [['ta', 'ta-field'], ['js', 'js-field']]) {
            const f = document.getElementById(id);
            f.focus();
            f.setSelectionRange(o, o);
            f.dispatchEvent(new MouseEvent('click', { bubbles: true }));
            out[k].push(read(deepCard()));
            document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })); // closes it
            document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
          }
          const ce = document.getElementById('ce-field');
          ce.focus();
          document.getSelection().collapse(ce.firstChild, o);
          ce.dispatchEvent(new MouseEvent('click', { bubbles: true }));
          out.ce.push(read(deepCard()));
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        }
        return out;
      }, { terms: PAYLOADS.map((_, i) => term(i)), text });
      for (const k of ['ta', 'ce', 'js']) {
        for (let i = 0; i < n; i++) {
          assert.deepEqual(cards[k][i], { cat: at(i + 2), msg: at(i), sugg: at(i + 1) }, `${k}: card of ${term(i)}`);
        }
      }

      // the widgets' summary lines count findings by kind; the bad lexicon's error names the hostile term as text
      const bar = await page.evaluate(() => Object.fromEntries(['ta', 'ce', 'bad'].map((id) => {
        const sr = document.getElementById(id).shadowRoot;
        return [id, { status: sr.querySelector('.pl-status').textContent, error: sr.querySelector('.pl-error').textContent }];
      })));
      for (const id of ['ta', 'ce']) {
        assert.equal(bar[id].status, `${n} findings: ${n} loaded terms`, `${id} summary`);
        assert.equal(bar[id].error, '');
      }
      await page.waitForFunction(() => document.getElementById('bad').shadowRoot.querySelector('.pl-error').textContent);
      const badError = await page.evaluate(() => document.getElementById('bad').shadowRoot.querySelector('.pl-error').textContent);
      assert.ok(badError.includes(`(term ${JSON.stringify(BAD_TERM)})`), `the error names the term as text: ${badError}`);

      const afterAudit = await page.evaluate(domAudit);
      assert.deepEqual(afterAudit.flags, [], 'no payload ran');
      assert.deepEqual(afterAudit.bad, [], 'no element with an event handler, srcdoc or javascript: URL');
      assert.deepEqual(afterAudit.counts, before.counts, 'no element from a payload (img, svg, iframe, script, …)');
      assert.equal(afterAudit.frames, before.frames, 'no frame');
      assert.deepEqual(await problems(), [], 'console errors, CSP violations, page errors or dialogs');
      assert.deepEqual(foreign(), [], 'requests to other origins');
    });
  } finally {
    await context.close();
  }
});
