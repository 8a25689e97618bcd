// Script injection through a user lexicon, on the demo page: the analyser
// copies a lexicon entry's message, suggestion and category into every
// finding it makes, and the page shows them in the findings list, the card,
// the summary and the exports. A lexicon is data a host or a user supplies
// (the attach() option `analyze.lexicon`), so each field carries payloads
// from e2e/xss-payloads.js; every one must stay plain text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startSuite, stopSuite, setText, waitForAnalysis, report, visit as visitPage } from './helpers.js';
import { PAYLOADS, term, lexicon, lexiconText, domAudit } from './xss-payloads.js';

let server, browser;
before(async () => ({ server, browser } = await startSuite()));
after(() => stopSuite({ server, browser }));

const visit = (name, fn) => visitPage(browser, server.url, name, fn);

const n = PAYLOADS.length;
const at = (i) => PAYLOADS[((i % n) + n) % n];

/** unescapeMd undoes export.js md(): backslash escapes; whitespace runs are one space. */
const unescapeMd = (s) => s.replace(/\\(.)/g, '$1');
const mdForm = (s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();

test(`a user lexicon whose message, suggestion and category carry ${PAYLOADS.length} script payloads: list, card, summary and exports show plain text, nothing runs`, async () => {
  await visit('xss-lexicon', async (page) => {
    await page.waitForFunction(() => document.getElementById('text').plumblineAttachment);
    const before = await page.evaluate(domAudit);
    // the page's own attachment, with the lexicon as attach()'s analyze option
    await page.evaluate((lex) => {
      const h = document.getElementById('text').plumblineAttachment;
      h.options.analyze = { ...h.options.analyze, lexicon: lex };
    }, lexicon());
    const text = lexiconText();
    await setText(page, text);
    await waitForAnalysis(page, 1);

    // the report carries the strings exactly
    const rep = await report(page);
    for (let i = 0; i < n; i++) {
      const f = rep.findings.find((x) => x.text === term(i));
      assert.ok(f, `a finding for ${term(i)}`);
      assert.equal(f.message, at(i));
      assert.equal(f.suggestion, at(i + 1));
      assert.equal(f.category, at(i + 2));
    }

    // findings list and card (keyboard focus on each list entry opens its card)
    await page.evaluate(() => {
      // b comes after a in reading order: right of a's last line box, or on a later line
      window.__after = (a, b) => {
        const rs = a.getClientRects(), last = rs[rs.length - 1], r = b.getClientRects()[0];
        return r.left >= last.right - 1 || r.top >= last.bottom - 1;
      };
      // el's text is drawn left to right (its first letter left of its last)
      window.__inOrder = (el) => {
        const t = el.firstChild, range = document.createRange();
        range.setStart(t, 0); range.setEnd(t, 1);
        const first = range.getBoundingClientRect().left;
        range.setStart(t, t.length - 1); range.setEnd(t, t.length);
        return first < range.getBoundingClientRect().left;
      };
    });
    const seen = await page.evaluate((terms) => {
      const out = [];
      for (const t of terms) {
        const b = [...document.querySelectorAll('#findings button.finding')].find((x) => x.querySelector('q').textContent === t);
        if (!b) { out.push(null); continue; }
        b.focus();
        const card = document.querySelector('.pl-card:not([hidden])');
        const cat = card.querySelector('.pl-card-cat'), sev = card.querySelector('.pl-sev');
        out.push({
          listMsg: b.querySelector('.msg').textContent,
          cat: cat.textContent, msg: card.querySelector('.pl-card-msg').textContent,
          sugg: card.querySelector('.pl-card-sugg strong').textContent,
          apply: card.querySelector('.pl-apply')?.textContent ?? null,
          // an override in the category must not reverse the severity label after it
          sevAfterCat: window.__after(cat, sev) && window.__inOrder(sev),
        });
        b.blur();
      }
      return out;
    }, PAYLOADS.map((_, i) => term(i)));
    for (let i = 0; i < n; i++) {
      const s = seen[i];
      assert.ok(s, `list entry for ${term(i)}`);
      assert.equal(s.listMsg, at(i), `list message ${i}`);
      assert.equal(s.msg, at(i), `card message ${i}`);
      assert.equal(s.cat, at(i + 2), `card category ${i}`);
      assert.equal(s.sugg, at(i + 1), `card suggestion ${i}`);
      assert.ok(s.sevAfterCat, `card ${i}: the severity label stays after the category ${JSON.stringify(at(i + 2))}`);
    }

    // hover: the card of the first term, from its highlight
    const box = await page.evaluate((t) => {
      const m = [...document.querySelectorAll('.pl-backdrop mark')].find((x) => x.textContent === t);
      const r = m.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, term(0));
    await page.mouse.move(box.x, box.y + 40);
    await page.mouse.move(box.x, box.y, { steps: 3 });
    await page.waitForSelector('.pl-card:not([hidden])');
    assert.equal(await page.textContent('.pl-card:not([hidden]) .pl-card-msg'), at(0));

    // summary: each category by name, the count after it
    const cats = await page.evaluate(() => [...document.querySelectorAll('#categories li')].map((li) => {
      const [, label, count] = li.children;
      return { label: label.textContent, countAfter: window.__after(label, count) };
    }));
    for (let i = 0; i < n; i++) {
      const c = cats.find((x) => x.label === `Loaded term: ${at(i)}`);
      assert.ok(c, `summary lists category ${JSON.stringify(at(i))}`);
      assert.ok(c.countAfter, `summary: the count stays after category ${JSON.stringify(at(i))}`);
    }

    // exports: the JSON has the strings exactly; the Markdown escapes them
    const [dj] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const json = JSON.parse(await readFile(await dj.path(), 'utf8'));
    for (let i = 0; i < n; i++) {
      const f = json.findings.find((x) => x.text === term(i));
      assert.deepEqual([f.message, f.suggestion, f.category], [at(i), at(i + 1), at(i + 2)]);
    }
    const [dm] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
    const md = await readFile(await dm.path(), 'utf8');
    assert.doesNotMatch(md, /(^|[^\\])</m, 'no unescaped < in the Markdown');
    assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(md), 'no bidi controls in the Markdown');
    for (let i = 0; i < n; i++) {
      const row = md.split('\n').find((l) => l.includes(` ${term(i)} `));
      assert.ok(row, `Markdown row for ${term(i)}`);
      const plain = unescapeMd(row);
      for (const p of [at(i), at(i + 1), at(i + 2)]) assert.ok(plain.includes(mdForm(p)), `Markdown row ${i} has ${JSON.stringify(p)}`);
    }

    // applying a payload suggestion inserts it as text
    const i0 = rep.findings.find((x) => x.text === term(0));
    await page.evaluate((o) => { const t = document.getElementById('text'); t.focus(); t.setSelectionRange(o, o); t.dispatchEvent(new MouseEvent('click', { bubbles: true })); }, i0.start + 1);
    await page.click('.pl-card:not([hidden]) .pl-apply');
    await page.waitForFunction((s) => document.getElementById('text').value.includes(s), at(1));
    await waitForAnalysis(page, 2);
    const backdrop = await page.evaluate(() => document.querySelector('.pl-backdrop-content').textContent);
    assert.ok(backdrop.includes(at(1)), 'the inserted suggestion is mirrored as text');

    const afterAudit = await page.evaluate(domAudit);
    assert.deepEqual(afterAudit.flags, [], 'no payload ran');
    assert.deepEqual(afterAudit.bad, [], 'no element with an event handler, srcdoc or javascript: URL');
    assert.deepEqual(afterAudit.counts, before.counts, 'no element from a payload (img, svg, iframe, script, …)');
    assert.equal(afterAudit.frames, before.frames, 'no frame');
  });
});

test('analyze() with the payload lexicon returns the strings as they are', async () => {
  await visit('xss-analyze', async (page) => {
    const r = await page.evaluate(async ({ lex, text }) => {
      const { analyze } = await import('./plumbline.js');
      const rep = await analyze(text, { lexicon: lex });
      return rep.findings.map((f) => [f.text, f.message, f.suggestion, f.category]);
    }, { lex: lexicon(), text: lexiconText() });
    for (let i = 0; i < n; i++) assert.deepEqual(r.find((x) => x[0] === term(i)), [term(i), at(i), at(i + 1), at(i + 2)]);
    assert.deepEqual((await page.evaluate(domAudit)).flags, []);
  });
});
