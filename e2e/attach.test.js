// attach() on the three kinds of element an embedding page may have: a
// <textarea> (the demo page itself), an <input> and a contenteditable
// element; and detach() leaving nothing behind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, stopSuite, visit as visitPage } from './helpers.js';

let server, browser;
before(async () => ({ server, browser } = await startSuite()));
after(() => stopSuite({ server, browser }));

const visit = (name, fn) => visitPage(browser, server.url, name, fn);

test('attach on an <input>: marks behind it, value untouched, detach restores it', async () => {
  await visit('attach-input', async (page) => {
    const r = await page.evaluate(async () => {
      const { attach } = await import('./plumbline.js');
      const input = document.createElement('input');
      input.type = 'text';
      input.name = 'headline';
      input.value = 'Tyrant thugs perhaps caused chaos';
      input.style.width = '600px';
      document.querySelector('.editor-col').prepend(input);
      const styleBefore = input.getAttribute('style');
      const h = attach(input);
      await new Promise((res) => h.addEventListener('report', res, { once: true }));
      const marks = [...input.previousElementSibling.querySelectorAll('mark')].map((m) => `${m.dataset.kind}:${m.textContent}`);
      const value = input.value;
      const mark = input.previousElementSibling.querySelector('mark');
      const mr = mark.getBoundingClientRect(), ir = input.getBoundingClientRect();
      // the backdrop follows a resize and a move of the field
      input.style.width = '420px';
      input.style.marginLeft = '37px';
      await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
      const b = input.previousElementSibling.getBoundingClientRect(), i2 = input.getBoundingClientRect();
      const follows = Math.abs(b.width - i2.width) < 1 && Math.abs(b.left - i2.left) < 1 && Math.abs(b.top - i2.top) < 1;
      const expected = document.createElement('input'); // the page's own style changes, without plumbline's
      expected.style.cssText = styleBefore; // CSSOM: allowed by the CSP, unlike setAttribute('style')
      Object.assign(expected.style, { width: '420px', marginLeft: '37px' });
      h.detach();
      return { marks, value, follows, inside: mr.top >= ir.top && mr.bottom <= ir.bottom + 1 && mr.left >= ir.left,
        backdropLeft: document.querySelectorAll('.pl-backdrop').length, styleAfter: input.getAttribute('style'), styleBefore: expected.getAttribute('style'),
        attached: 'plumblineAttachment' in input };
    });
    assert.deepEqual(r.marks, ['loaded:Tyrant', 'loaded:thugs', 'hedge:perhaps', 'loaded:chaos']);
    assert.equal(r.value, 'Tyrant thugs perhaps caused chaos');
    assert.ok(r.inside, 'marks are drawn inside the input box');
    assert.ok(r.follows, 'the backdrop follows the resized and moved input');
    assert.equal(r.backdropLeft, 1, "only the page's own textarea keeps its backdrop");
    assert.equal(r.styleAfter, r.styleBefore, 'inline style restored');
    assert.equal(r.attached, false);
  });
});

test('attach on a contenteditable element: highlights without touching its DOM; edits followed; detach cleans up', async () => {
  await visit('attach-editable', async (page) => {
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.id = 'ed';
      div.contentEditable = 'true';
      div.style.width = '600px';
      const p1 = document.createElement('p');
      p1.textContent = 'Officials said the militants at the protest caused chaos.'; // a violence label counts near unrest
      const p2 = document.createElement('p');
      p2.textContent = 'It was reported that the café 😀 owner was clearly scared.';
      div.append(p1, p2);
      document.querySelector('.editor-col').prepend(div);
    });
    const r = await page.evaluate(async () => {
      const { attach } = await import('./plumbline.js');
      const div = document.getElementById('ed');
      const html = div.innerHTML;
      const h = attach(div);
      window.__ed = h;
      await new Promise((res) => h.addEventListener('report', res, { once: true }));
      const hl = (k) => [...CSS.highlights.get(`plumbline-${k}`)].map((range) => range.toString());
      return { html, after: div.innerHTML, loaded: hl('loaded'), attribution: hl('attribution'), booster: hl('booster') };
    });
    assert.equal(r.after, r.html, 'the DOM is unchanged');
    assert.deepEqual(r.loaded, ['militants', 'chaos']);
    assert.deepEqual(r.attribution, ['Officials said', 'It was reported']); // unnamed officials: an anonymous source
    assert.deepEqual(r.booster, ['clearly'], 'offsets after an emoji still line up');

    // hover a highlight: the card
    const at = await page.evaluate(() => {
      const range = [...CSS.highlights.get('plumbline-loaded')][1];
      const b = range.getClientRects()[0];
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await page.mouse.move(at.x, at.y + 30);
    await page.mouse.move(at.x, at.y, { steps: 2 });
    await page.waitForSelector('.pl-card:not([hidden])');
    assert.match(await page.textContent('.pl-card:not([hidden])'), /catastrophe/);
    await page.keyboard.press('Escape');

    // type into it: re-analysed
    await page.click('#ed p');
    await page.keyboard.press('End');
    await page.keyboard.type(' A tragedy.');
    await page.waitForFunction(() => [...CSS.highlights.get('plumbline-loaded')].some((r) => r.toString() === 'tragedy'));

    const left = await page.evaluate(() => {
      window.__ed.detach();
      return ['loaded', 'attribution', 'booster', 'active'].map((k) => CSS.highlights.get(`plumbline-${k}`).size);
    });
    assert.deepEqual(left, [0, 0, 0, 0], 'detach removes its highlights');
  });
});

test('detach stops following edits and several attachments do not supersede each other', async () => {
  await visit('attach-many', async (page) => {
    const r = await page.evaluate(async () => {
      const { attach } = await import('./plumbline.js');
      const mk = (v) => { const t = document.createElement('textarea'); t.value = v; document.querySelector('.editor-col').prepend(t); return t; };
      const a = mk('The tyrant spoke.'), b = mk('Perhaps it rained.');
      const ha = attach(a, { debounce: 0 }), hb = attach(b, { debounce: 0 });
      const got = await Promise.all([ha, hb].map((h) => new Promise((res) => h.addEventListener('report', (e) => res(e.detail.report.findings.map((f) => f.text)), { once: true }))));
      let after = 0;
      ha.addEventListener('analyzing', () => after++);
      ha.detach();
      a.value = 'The thugs spoke.';
      a.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((res) => setTimeout(res, 400));
      return { got, after, marksA: a.previousElementSibling && a.previousElementSibling.classList.contains('pl-backdrop') };
    });
    assert.deepEqual(r.got, [['tyrant'], ['Perhaps']]);
    // terminate() stops the worker; the next analysis starts a new one
    const before = page.workers().length;
    assert.ok(before >= 1);
    const again = await page.evaluate(async () => {
      const m = await import('./plumbline.js');
      m.terminate();
      await new Promise((res) => setTimeout(res, 200));
      return (await m.analyze('The thugs spoke.')).findings.map((f) => f.text);
    });
    assert.deepEqual(again, ['thugs']);
    assert.equal(page.workers().length, before, 'the stopped worker is gone, one new worker runs');
    assert.equal(r.after, 0, 'no analysis after detach');
    assert.equal(r.marksA, false, 'backdrop removed');
  });
});
