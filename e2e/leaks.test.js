// attach()/detach() many times over: nothing may stay behind — no event
// listener on the field, the document or the window, no DOM node, no JS
// heap growth beyond a small bound, no analysis sent for an attachment
// that is gone — and the page still works afterwards. Listeners are read
// with the Chrome DevTools Protocol (DOMDebugger.getEventListeners), the
// heap after a forced garbage collection (HeapProfiler.collectGarbage).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, stopSuite, visit as visitPage } from './helpers.js';

let server, browser;
before(async () => ({ server, browser } = await startSuite()));
after(() => stopSuite({ server, browser }));

const TEXT = 'The tyrant’s thugs perhaps caused chaos downtown, sources said. It was reported that 12 people were hurt.';

const visit = (name, fn) => visitPage(browser, server.url, name, fn);

/** probe measures listeners (per target), DOM nodes and the JS heap after a forced GC. */
function prober(page, cdp) {
  const listeners = async (expr) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
    const { listeners: ls } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    return ls.map((l) => l.type).sort();
  };
  return async (fieldExpr) => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return {
      field: await listeners(fieldExpr),
      document: await listeners('document'),
      window: await listeners('window'),
      nodes: await page.evaluate(() => document.querySelectorAll('*').length),
      highlights: await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)),
      heap: usedSize,
      perfMemory: await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : null)),
    };
  };
}

/**
 * cycles runs n attach()+detach() cycles on the element with id in the
 * page: most back to back; every 10th lets the analysis start before
 * detaching; every 100th waits for its report and opens a card.
 */
async function cycles(page, id, n) {
  return page.evaluate(async ({ id, n }) => {
    const { attach, events } = await import('./plumbline.js');
    const el = document.getElementById(id);
    let reports = 0, cards = 0, busyDuring = 0;
    const during = (e) => { if (e.detail.state === 'busy') busyDuring++; };
    events.addEventListener('status', during);
    for (let i = 0; i < n; i++) {
      const h = attach(el, { debounce: 0 });
      if (i % 100 === 99) {
        const rep = await new Promise((res) => h.addEventListener('report', (e) => res(e.detail.report), { once: true }));
        reports++;
        h.showCard(rep.findings[0], { pinned: true });
        if (h.card && h.card.visible) cards++;
      } else if (i % 10 === 9) {
        await new Promise((res) => setTimeout(res, 0)); // run() has sent the text
      }
      h.detach();
    }
    events.removeEventListener('status', during);
    // how many analyses start once every attachment is gone
    let busy = 0;
    const count = (e) => { if (e.detail.state === 'busy') busy++; };
    events.addEventListener('status', count);
    await new Promise((res) => setTimeout(res, 1500));
    events.removeEventListener('status', count);
    return { reports, cards, busyAfter: busy, busyDuring };
  }, { id, n });
}

test('1,000 attach()/detach() cycles on a textarea and 200 on a contenteditable leave no listeners, nodes or heap behind', async () => {
  await visit('leaks', async (page, context) => {
    const cdp = await context.newCDPSession(page);
    await page.evaluate(async (text) => {
      const col = document.querySelector('.editor-col');
      const ta = document.createElement('textarea');
      ta.id = 'leak-ta';
      ta.value = text;
      const ce = document.createElement('div');
      ce.id = 'leak-ce';
      ce.contentEditable = 'true';
      const p = document.createElement('p');
      p.textContent = text;
      ce.append(p);
      col.prepend(ta, ce);
      // warm up: modules, the worker, the shared highlight registry
      const { attach } = await import('./plumbline.js');
      for (const el of [ta, ce]) {
        const h = attach(el, { debounce: 0 });
        await new Promise((res) => h.addEventListener('report', res, { once: true }));
        h.detach();
      }
      await new Promise((res) => setTimeout(res, 300));
    }, TEXT);
    const probe = prober(page, cdp);

    for (const [id, n] of [['leak-ta', 1000], ['leak-ce', 200]]) {
      // warm-up: the first batch grows the heap once (compiled code, type feedback), the next do not
      await cycles(page, id, n);
      const b = await probe(`document.getElementById('${id}')`);
      // the probe sees an attachment's listeners and nodes (so equal counts below mean something)
      await page.evaluate(async (id) => { window.__probeHandle = (await import('./plumbline.js')).attach(document.getElementById(id)); }, id);
      const on = await probe(`document.getElementById('${id}')`);
      await page.evaluate(() => { window.__probeHandle.detach(); delete window.__probeHandle; });
      assert.ok(on.field.length + on.document.length + on.window.length > b.field.length + b.document.length + b.window.length && on.nodes > b.nodes,
        `${id}: an attachment adds listeners and nodes (${JSON.stringify(on.field)}, ${on.nodes} nodes)`);
      const t0 = Date.now();
      const r = await cycles(page, id, n);
      const a = await probe(`document.getElementById('${id}')`);
      console.log(`# ${id}: ${n} cycles in ${Date.now() - t0} ms; listeners field ${b.field.length}→${a.field.length}, ` +
        `document ${b.document.length}→${a.document.length}, window ${b.window.length}→${a.window.length}; ` +
        `nodes ${b.nodes}→${a.nodes}; heap ${b.heap}→${a.heap} (${a.heap - b.heap >= 0 ? '+' : ''}${a.heap - b.heap} bytes); ` +
        `performance.memory ${b.perfMemory}→${a.perfMemory}; analyses after the last detach: ${r.busyAfter}, during the cycles: ${r.busyDuring}`);
      assert.equal(r.reports, n / 100, 'the cycles that waited got their report');
      assert.equal(r.cards, n / 100, 'and showed a card');
      assert.deepEqual(a.field, b.field, `${id}: listeners on the field`);
      assert.deepEqual(a.document, b.document, `${id}: listeners on the document`);
      assert.deepEqual(a.window, b.window, `${id}: listeners on the window`);
      assert.equal(a.nodes, b.nodes, `${id}: DOM nodes`);
      assert.equal(a.highlights, b.highlights, `${id}: highlight ranges`);
      // one leaked attachment (overlay, marks, card, closures) is several KB: n of them would be megabytes
      assert.ok(a.heap - b.heap < 256 << 10, `${id}: JS heap grew by ${a.heap - b.heap} bytes over ${n} cycles (bound 256 KiB)`);
      assert.ok(r.busyAfter <= 1, `${id}: ${r.busyAfter} analyses ran for attachments already detached`);
    }

    // an analysis still waiting for the worker when its attachment is detached is dropped, not run
    const queued = await page.evaluate(async (text) => {
      const { attach, events } = await import('./plumbline.js');
      let busy = 0;
      const count = (e) => { if (e.detail.state === 'busy') busy++; };
      events.addEventListener('status', count);
      const big = document.createElement('textarea');
      big.value = (text + ' ').repeat(3000); // ~300 KB: the worker is busy with it for a while
      document.querySelector('.editor-col').prepend(big);
      const hb = attach(big, { debounce: 0 });
      const done = new Promise((res) => hb.addEventListener('report', res, { once: true }));
      await new Promise((res) => setTimeout(res, 0)); // its analysis is running
      const ta = document.getElementById('leak-ta');
      for (let i = 0; i < 20; i++) {
        const h = attach(ta, { debounce: 0 });
        await new Promise((res) => setTimeout(res, 0)); // queued behind the big one
        h.detach();
      }
      await done;
      await new Promise((res) => setTimeout(res, 500));
      events.removeEventListener('status', count);
      hb.detach();
      big.remove();
      return busy;
    }, TEXT);
    assert.equal(queued, 1, `analyses run: only the big text's, none of the 20 detached attachments' (got ${queued})`);

    // the page still works: one more attachment shows highlights
    const marks = await page.evaluate(async () => {
      const { attach } = await import('./plumbline.js');
      const ta = document.getElementById('leak-ta');
      const h = attach(ta);
      await new Promise((res) => h.addEventListener('report', res, { once: true }));
      return [...ta.previousElementSibling.querySelectorAll('mark')].map((m) => m.textContent);
    });
    assert.ok(marks.includes('thugs') && marks.includes('perhaps'), `highlights after the cycles: ${marks}`);
  });
});
