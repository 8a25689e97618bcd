// editable.js (attachEditable, also what attach() uses without the CSS Custom
// Highlight API, and what <plumb-line> uses) on a plain contenteditable element with mixed markup (inline
// formatting splitting a word, <br>, lists, a non-editable island, empty
// blocks, an emoji): the text plumbline extracts maps back to the DOM so
// that every highlight covers exactly the finding's text, and the element's
// DOM is never changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, stopSuite, openPage, snapshotOnFailure } from './helpers.js';

let server, browser;
before(async () => ({ server, browser } = await startSuite()));
after(() => stopSuite({ server, browser }));

test('contenteditable: offsets map back to the DOM text exactly; the DOM is untouched', async () => {
  const { context, page, problems, foreign } = await openPage(browser, server.url);
  try {
    await snapshotOnFailure(page, 'editable', async () => {
      await page.goto(server.url + 'editable.html');
      await page.waitForFunction(() => window.reports.length > 0);
      const r = await page.evaluate(() => {
        const ed = document.getElementById('ed');
        const layer = document.querySelector('plumbline-layer');
        const out = [];
        for (const f of window.att.visible) {
          // the DOM text under the highlight, from the attachment's own map
          const range = window.att.rangeOf(f.start, f.end);
          const boxes = [...layer.shadowRoot.querySelectorAll(`.pl-hl[data-start="${f.start}"]`)].length;
          out.push({ kind: f.kind, text: f.text, dom: range ? range.toString() : null, boxes });
        }
        return { out, text: window.att.text, extracted: window.extracted, same: ed.innerHTML === window.before };
      });
      assert.equal(r.text, 'The tyrant’s day\nCafé 😀 owners said the thugs\ncame, perhaps at noon.\nso-called experts\nmilitants at the riot (reportedly)\nThen chaos.\n\nSources said the vermin fled.\n');
      const found = r.out.map((x) => `${x.kind}:${x.text}`);
      for (const want of ['loaded:tyrant', 'loaded:thugs', 'hedge:perhaps', 'loaded:so-called experts', 'loaded:militants', 'hedge:reportedly',
        'loaded:chaos', 'attribution:Sources said', 'loaded:vermin']) {
        assert.ok(found.includes(want), `${want} in ${JSON.stringify(found)}`);
      }
      for (const x of r.out) {
        assert.equal(x.dom, x.text, `the DOM under "${x.text}"`);
        assert.ok(x.boxes >= 1, `"${x.text}" is drawn`);
      }
      // "thugs" is split over <b>th</b>ugs: one box per text node
      assert.equal(r.out.find((x) => x.text === 'thugs').boxes, 2);
      assert.ok(r.same, 'the element\'s DOM is unchanged');
      // an edit through the DOM (as an editor would make) is followed
      await page.evaluate(() => { document.querySelector('#ed li').firstChild.data = 'so-called thugs'; });
      await page.waitForFunction(() => window.reports.at(-1).text.includes('so-called thugs'));
      const n = await page.evaluate(() => window.att.visible.filter((f) => f.text === 'thugs').length);
      assert.equal(n, 2);
      assert.deepEqual(await problems(), []);
      assert.deepEqual(foreign(), []);
    });
  } finally {
    await context.close();
  }
});

test('attach() on a contenteditable in a browser without the CSS Custom Highlight API falls back to editable.js', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  try {
    await snapshotOnFailure(page, 'editable-fallback', async () => {
      await page.addInitScript(() => { delete window.Highlight; });
      await page.goto(server.url + 'editable.html');
      const kind = await page.evaluate(async () => {
        const { attach } = await import('/plumbline/plumbline.js');
        const div = document.createElement('div');
        div.contentEditable = 'true';
        div.textContent = 'Witnesses said the thugs left.';
        document.body.append(div);
        const a = attach(div);
        await new Promise((resolve) => a.addEventListener('report', resolve, { once: true }));
        return a.constructor.name;
      });
      assert.equal(kind, 'EditableAttachment');
      const n = await page.evaluate(() => [...document.querySelectorAll('plumbline-layer')]
        .map((l) => l.shadowRoot.querySelectorAll('.pl-hl[data-kind="loaded"]').length).reduce((a, b) => a + b, 0));
      assert.ok(n >= 2, `highlights drawn by editable.js (${n})`); // #ed's and the new element's
      assert.deepEqual(await problems(), []);
    });
  } finally {
    await context.close();
  }
});
