// plumbline inside a real CMS: Decap CMS 3 (npm decap-cms), run fully in the
// browser with its offline test-repo backend. The body field of a
// collection is a custom Decap widget (createClass/h) rendering a
// <textarea> wrapped in <plumb-line> (dist/ served as a CMS theme would).
// Type a loaded term, see the highlight, publish: the saved body is exactly
// what was typed (plus the trailing newline the CMS adds); reopen the entry:
// highlighted again. The admin page's CSP allows 'unsafe-eval' and inline
// styles for the CMS's own code (host policy); no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, stopSuite, openPage, snapshotOnFailure, sameBox } from './helpers.js';

let server, browser;
before(async () => ({ server, browser } = await startSuite()));
after(() => stopSuite({ server, browser }));

const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };

test('decap cms: type, see the highlight, publish, the saved body is what was typed', async () => {
  const { context, page, problems, foreign } = await openPage(browser, server.url);
  try {
    await snapshotOnFailure(page, 'decap', async () => {
      const nav0 = Date.now();
      await page.goto(server.url + 'decap/');
      await page.getByRole('button', { name: 'Login' }).click({ timeout: 20000 });
      await page.click('a[href$="/collections/posts/new"]', { timeout: 20000 });
      await page.getByLabel('Title').fill('Night in the old town');
      const field = page.locator('plumb-line textarea');
      await field.click();
      // typed key by key, with a paragraph break, an emoji and typographic quotes
      // (a violence label such as "terrorists" counts only near words of unrest: "at the riot")
      const typed = 'Police said the terrorists at the riot fled 😀.\nWitnesses said “thugs ran”, and thugs, perhaps, hid.';
      const t0 = Date.now();
      await page.keyboard.type(typed);
      const typedMs = Date.now() - t0;
      await page.waitForSelector('plumb-line .pl-backdrop mark[data-kind="loaded"]', { timeout: 15000 });
      const firstMs = Date.now() - t0;
      const total = Date.now() - nav0;
      await page.waitForFunction((t) => window.plumblineReports.some((r) => r.text === t), typed);
      const finalMs = Date.now() - t0 - typedMs;
      console.log(`# decap: typing ${typed.length} characters took ${typedMs} ms; first highlight on screen ${firstMs} ms after the first key ` +
        `(${total} ms after navigation, incl. login and new entry); report of the final text ${finalMs} ms after the last key`);
      const marks = await page.$$eval('plumb-line .pl-backdrop mark', (ms) => ms.map((m) => `${m.dataset.kind}:${m.textContent}`));
      assert.ok(marks.includes('loaded:terrorists'), JSON.stringify(marks));
      assert.ok(marks.includes('loaded:thugs'), JSON.stringify(marks));
      // the highlight layer is over the CMS's textarea, which holds exactly the typed text
      const geo = await page.evaluate(() => {
        const b = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
        const ta = document.querySelector('plumb-line textarea');
        return { value: ta.value, field: b(ta), backdrop: b(document.querySelector('plumb-line .pl-backdrop')), text: document.querySelector('plumb-line .pl-backdrop-content').textContent };
      });
      assert.equal(geo.value, typed);
      assert.equal(geo.text, typed);
      assert.ok(sameBox(geo.backdrop, geo.field, 0.5), `${JSON.stringify(geo.backdrop)} vs ${JSON.stringify(geo.field)}`);
      // the host hears the report (e.g. to warn before publishing)
      const last = await page.evaluate(() => window.plumblineReports.at(-1));
      assert.equal(last.text, typed);
      assert.equal(last.loaded, 3, 'terrorists, “thugs” (scare quotes: the author\'s own label) and thugs');
      // publish
      await page.getByRole('button', { name: 'Publish' }).first().click();
      await page.getByText('Publish now', { exact: true }).click();
      await page.waitForFunction(() => window.repoFiles && window.repoFiles.posts && Object.keys(window.repoFiles.posts).length > 0, null, { timeout: 15000 });
      const saved = await page.evaluate(() => Object.entries(window.repoFiles.posts).map(([name, f]) => ({ name, content: f.content })));
      assert.equal(saved.length, 1);
      assert.equal(saved[0].name, 'night-in-the-old-town.md');
      const m = saved[0].content.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
      assert.ok(m, `front matter + body: ${JSON.stringify(saved[0].content)}`);
      assert.equal(m[1], 'title: Night in the old town');
      assert.equal(m[2], typed + '\n', 'the saved body is exactly what was typed, plus the CMS\'s trailing newline');
      // reopen the published entry from the collection: highlighted again
      await page.goto(server.url + 'decap/#/collections/posts');
      await page.getByText('Night in the old town').first().click({ timeout: 15000 });
      await page.waitForSelector('plumb-line .pl-backdrop mark[data-kind="loaded"]', { timeout: 15000 });
      assert.equal(await page.$eval('plumb-line textarea', (t) => t.value), typed + '\n');
      assert.deepEqual(await problems(), [], 'console errors, CSP violations, page errors or dialogs');
      assert.deepEqual(foreign(), [], 'requests to other origins');
    });
  } finally {
    await context.close();
  }
});
