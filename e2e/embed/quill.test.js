// plumbline on a real rich-text editor from npm: Quill 2 (contenteditable
// .ql-editor), under the strict CSP, with dist/ served as a host would copy
// it. Type a loaded term, see the highlight over the word (its box is the
// box of the word's own text in the editor), check that the editor's DOM and
// content are exactly those of a control editor typed the same way without
// plumbline, and that the highlights follow edits, new paragraphs,
// scrolling and resizing; detach leaves no listeners behind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, stopSuite, openPage, snapshotOnFailure, sameBox } from './helpers.js';

let server, browser;
before(async () => ({ server, browser } = await startSuite()));
after(() => stopSuite({ server, browser }));

async function visit(name, fn) {
  const { context, page, problems, foreign } = await openPage(browser, server.url);
  try {
    await snapshotOnFailure(page, name, async () => {
      await page.goto(server.url + 'quill.html');
      await page.waitForFunction(() => window.editor && window.control);
      await fn(page, context);
      assert.deepEqual(await problems(), [], 'console errors, CSP violations, page errors or dialogs');
      assert.deepEqual(foreign(), [], 'requests to other origins');
    });
  } finally {
    await context.close();
  }
}

/** typeIn clicks into the editor and types (real key events; Enter makes a paragraph). */
async function typeIn(page, id, text) {
  await page.click(`#${id} .ql-editor`);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i) await page.keyboard.press('Enter');
    if (lines[i]) await page.keyboard.type(lines[i]);
  }
}

/**
 * boxes compares each highlight with the box of the same words measured
 * independently: a Range over the first occurrence of the finding's text
 * in the editor's text nodes (visible part only).
 */
function boxes(page, kind) {
  return page.evaluate((k) => {
    const layer = document.querySelector('plumbline-layer');
    const clip = layer.getBoundingClientRect();
    const hls = [...layer.shadowRoot.querySelectorAll(`.pl-hl${k ? `[data-kind="${k}"]` : ''}`)];
    const att = document.querySelector('#editor .ql-editor').plumblineAttachment;
    return hls.map((d) => {
      const r = d.getBoundingClientRect();
      const start = Number(d.dataset.start), end = Number(d.dataset.end);
      const word = att.text.slice(start, end);
      // find the word's text node by walking the editor (independent of plumbline's map)
      const walker = document.createTreeWalker(document.querySelector('#editor .ql-editor'), NodeFilter.SHOW_TEXT);
      let expected = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf(word);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + word.length);
        const b = range.getBoundingClientRect();
        expected = { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
        break;
      }
      return {
        kind: d.dataset.kind, word, expected,
        got: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
        clip: { left: clip.left, top: clip.top, right: clip.right, bottom: clip.bottom },
      };
    });
  }, kind);
}

/** nextFrame resolves after the page has rendered a frame. */
function nextFrame(page) {
  return page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res))));
}

/**
 * assertAligned asserts that each word has a highlight over its text. The
 * highlights follow scrolling, resizing and edits at the next animation
 * frame(s): the boxes are measured again, frame by frame, until they line up
 * or `timeout` ms pass (on a busy machine a frame can take long), then the
 * assertions run on the last measurement.
 */
async function assertAligned(page, words, timeout = 5000) {
  const aligned = (bs) => words.every((w) => { const b = bs.find((x) => x.word === w); return b && b.expected && sameBox(b.got, b.expected, 1); });
  let bs = await boxes(page);
  for (const t0 = Date.now(); !aligned(bs) && Date.now() - t0 < timeout;) {
    await nextFrame(page);
    bs = await boxes(page);
  }
  for (const w of words) {
    const b = bs.find((x) => x.word === w);
    assert.ok(b, `a highlight for "${w}" in ${JSON.stringify(bs.map((x) => x.word))}`);
    assert.ok(sameBox(b.got, b.expected, 1), `"${w}": highlight ${JSON.stringify(b.got)} vs text ${JSON.stringify(b.expected)}`);
  }
  return bs;
}

test('quill: type a loaded term, the highlight sits over it, and the editor is unchanged', async () => {
  await visit('quill-type', async (page) => {
    const text = 'Witnesses said the tyrant sent thugs at noon.';
    const t0 = Date.now();
    await typeIn(page, 'editor', text);
    await page.waitForSelector('plumbline-layer .pl-hl[data-kind="loaded"]');
    console.log(`# quill: last key → highlight on screen within ${Date.now() - t0} ms of the first key (incl. typing ${text.length} keys)`);
    await typeIn(page, 'control', text);
    await page.waitForFunction((t) => window.reports.includes(t + '\n'), text);
    await assertAligned(page, ['tyrant', 'thugs']);
    // the editor's DOM and model are exactly the control's (typed the same, no plumbline)
    const state = await page.evaluate(() => ({
      html: window.editor.root.innerHTML, controlHTML: window.control.root.innerHTML,
      delta: JSON.stringify(window.editor.getContents()), controlDelta: JSON.stringify(window.control.getContents()),
      text: window.editor.getText(),
      foreign: window.editor.root.querySelectorAll('mark, [class^="pl-"], [class*=" pl-"], plumbline-layer').length,
      attrs: [...window.editor.root.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' '),
      controlAttrs: [...window.control.root.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' '),
    }));
    assert.equal(state.text, text + '\n');
    assert.equal(state.html, state.controlHTML);
    assert.equal(state.delta, state.controlDelta);
    assert.equal(state.foreign, 0, 'no plumbline element inside the editor');
    assert.equal(state.attrs, state.controlAttrs, 'the editor element\'s attributes are untouched');
    // analysing again, hovering and showing the card cause no mutation of the editor at all
    await page.evaluate(() => {
      window.mutations = [];
      new MutationObserver((ms) => window.mutations.push(...ms.map((m) => m.type))).observe(window.editor.root,
        { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const n = await page.evaluate(() => window.reports.length);
    await page.evaluate(() => document.querySelector('#editor .ql-editor').plumblineAttachment.refresh());
    await page.waitForFunction((k) => window.reports.length > k, n);
    const b = (await boxes(page, 'loaded')).find((x) => x.word === 'tyrant');
    await page.mouse.move((b.got.left + b.got.right) / 2, (b.got.top + b.got.bottom) / 2);
    await page.waitForSelector('plumbline-layer .pl-card:not([hidden])');
    const card = await page.$eval('plumbline-layer', (l) => l.shadowRoot.querySelector('.pl-card').textContent);
    assert.match(card, /tyrant/);
    assert.deepEqual(await page.evaluate(() => window.mutations), [], 'plumbline mutated the editor');
    // the card's "Replace" goes through the editor like typing: Quill's model has the new word
    await page.click('plumbline-layer .pl-card .pl-apply');
    await page.waitForFunction(() => window.editor.getText().includes('the ruler sent'));
    const after = await page.evaluate(() => ({ text: window.editor.getText(), ops: window.editor.getContents().ops.map((o) => o.insert).join('') }));
    assert.equal(after.text, 'Witnesses said the ruler sent thugs at noon.\n');
    assert.equal(after.ops, after.text, 'Quill\'s model follows the replacement');
  });
});

test('quill: highlights follow edits, paragraphs, scrolling and resizing', async () => {
  await visit('quill-follow', async (page) => {
    await typeIn(page, 'editor', 'The tyrant fell.\nPerhaps the militants at the protest fled.'); // a violence label counts near unrest
    await page.waitForFunction(() => window.reports.some((t) => t.includes('militants')));
    await assertAligned(page, ['tyrant', 'Perhaps', 'militants']);
    // the text plumbline analyses is Quill's own text (paragraphs → "\n")
    assert.equal(await page.evaluate(() => window.reports.at(-1)), await page.evaluate(() => window.editor.getText()));
    // an edit before the words moves them
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Late news: ');
    await page.waitForFunction(() => window.reports.at(-1).startsWith('Late news: '));
    await assertAligned(page, ['tyrant', 'Perhaps', 'militants']);
    // bold formatting (markup changes, text does not): still aligned
    await page.evaluate(() => window.editor.formatText(0, 10, 'bold', true));
    await assertAligned(page, ['tyrant', 'militants']);
    // many lines: the editor scrolls; a word scrolled out of view is clipped away
    await page.keyboard.press('Control+End');
    for (let i = 0; i < 14; i++) await page.keyboard.press('Enter');
    await page.keyboard.type('Then chaos.');
    await page.waitForFunction(() => window.reports.at(-1).includes('chaos'));
    const scrolled = await page.evaluate(() => window.editor.root.scrollTop);
    assert.ok(scrolled > 0, 'the editor scrolled');
    let bs = await assertAligned(page, ['chaos']);
    const clip = bs[0].clip;
    const editorBox = await page.$eval('#editor .ql-editor', (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; });
    assert.ok(clip.top >= editorBox.top - 0.5 && clip.bottom <= editorBox.bottom + 0.5, 'the layer is clipped to the editor');
    const tyrant = bs.find((x) => x.word === 'tyrant');
    assert.ok(!tyrant || tyrant.got.bottom <= clip.top + 0.5, 'the scrolled-out word is above the visible box');
    // scroll back: the first words are aligned again
    await page.evaluate(() => { window.editor.root.scrollTop = 0; });
    await assertAligned(page, ['tyrant', 'militants']);
    // the page scrolls: still aligned
    await page.evaluate(() => { document.body.style.height = '3000px'; window.scrollTo(0, 60); });
    await assertAligned(page, ['tyrant', 'militants']);
    // resize: a narrower editor rewraps the text
    await page.evaluate(() => { document.querySelector('#editor').closest('.col').style.width = '170px'; });
    await assertAligned(page, ['tyrant', 'militants']);
  });
});

for (const [fn, how] of [['attachEditable', 'editable.js boxes'], ['attach', 'attach(): CSS Custom Highlights']]) {
  test(`quill: ${fn}()/detach() (${how}) leave no listeners, observers or layers behind`, async () => {
    await visit(`quill-detach-${fn}`, async (page, context) => {
      const cdp = await context.newCDPSession(page);
      const count = async () => {
        const out = {};
        for (const [name, expr] of [['editor', 'window.api.root'], ['document', 'document'], ['window', 'window']]) {
          const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
          const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
          out[name] = listeners.map((l) => l.type).sort().join(',');
        }
        return out;
      };
      await typeIn(page, 'api', 'The so-called experts agreed.');
      const before = await count();
      const html = await page.evaluate(() => window.api.root.innerHTML);
      await page.evaluate(async (f) => {
        const m = f === 'attach' ? await import('/plumbline/plumbline.js') : await import('/plumbline/editable.js');
        window.att = m[f](window.api.root);
        window.apiReports = 0;
        window.att.addEventListener('report', () => window.apiReports++);
      }, fn);
      await page.waitForFunction(() => window.apiReports > 0);
      const during = await count();
      assert.notDeepEqual(during, before, 'attach added listeners');
      const kinds = await page.evaluate(() => window.att.visible.map((f) => `${f.kind}:${f.text}`));
      assert.ok(kinds.includes('loaded:so-called experts'), JSON.stringify(kinds));
      assert.equal(await page.evaluate(() => window.api.root.innerHTML), html, 'the editor\'s DOM is unchanged');
      await page.evaluate(() => window.att.detach());
      assert.deepEqual(await count(), before, 'listeners left after detach');
      assert.equal(await page.evaluate(() => document.querySelectorAll('plumbline-layer').length), 1, 'only #editor\'s layer remains');
      // the editor keeps working and plumbline no longer reacts
      await typeIn(page, 'api', ' More thugs.');
      await page.waitForTimeout(600);
      assert.equal(await page.evaluate(() => window.apiReports), 1);
      assert.equal(await page.evaluate(() => window.api.getText()), 'The so-called experts agreed. More thugs.\n');
    });
  });
}

test('quill: a long text with many findings: every finding in view is drawn, scrolled anywhere', async () => {
  await visit('quill-many', async (page) => {
    const para = 'The tyrant’s thugs caused chaos downtown. Perhaps the mayor was reportedly told, and sources said the militants clearly knew. ';
    await page.evaluate((p) => { window.editor.setText(Array.from({ length: 160 }, () => p).join('\n')); }, para);
    await page.waitForFunction(() => window.reports.length && window.reports.at(-1).length > 20000, null, { timeout: 20000 });
    for (const frac of [0, 0.37, 0.71, 1]) {
      await page.evaluate((f) => { const r = window.editor.root; r.scrollTop = f * (r.scrollHeight - r.clientHeight); }, frac);
      // the layer is laid out again at the next animation frame after the scroll: measure
      // frame by frame until every finding in view has its box (or 5 s pass), then assert
      const measure = () => page.evaluate(() => {
        const a = document.querySelector('#editor .ql-editor').plumblineAttachment;
        const clip = document.querySelector('plumbline-layer').getBoundingClientRect();
        const drawn = new Set([...document.querySelector('plumbline-layer').shadowRoot.querySelectorAll('.pl-hl')].map((d) => d.dataset.start));
        let inView = 0, missing = 0;
        for (const f of a.visible) {
          const range = a.rangeOf(f.start, f.end);
          const b = range && range.getBoundingClientRect();
          if (!b || b.bottom <= clip.top || b.top >= clip.bottom) continue;
          inView++;
          if (!drawn.has(String(f.start))) missing++;
        }
        return { total: a.visible.length, drawn: drawn.size, inView, missing };
      });
      let r = await measure();
      for (const t0 = Date.now(); (r.missing > 0 || r.inView === 0) && Date.now() - t0 < 5000;) {
        await nextFrame(page);
        r = await measure();
      }
      assert.ok(r.total > 1000, JSON.stringify(r));
      assert.ok(r.inView > 0, JSON.stringify(r));
      assert.equal(r.missing, 0, `findings in view without a box at ${frac}: ${JSON.stringify(r)}`);
      assert.ok(r.drawn < r.total / 2, `only near the view is measured: ${JSON.stringify(r)}`);
    }
  });
});
