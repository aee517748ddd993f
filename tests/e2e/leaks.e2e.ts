/**
 * No leaks (issue #5): opening and closing the reader 50 times on one page grows the page's JS heap
 * (the renderer's whole isolate: the page's world and the reader's isolated world) by less than 1 MB
 * after garbage collection, and closing takes away every node and event listener the reader added.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROD_BUILD } from '../../scripts/harness';
import { useExtension } from './browser';

const env = useExtension(PROD_BUILD);

const CYCLES = 50;

const isOpen = (page: Page, want: boolean) =>
  page.waitForFunction(
    (w) => {
      const root = document.querySelector('reader-mode-overlay, [data-reader-mode-overlay]')?.shadowRoot;
      return !!root?.querySelector('article') === w;
    },
    want,
    { timeout: 10_000 },
  );

/**
 * Event listeners on the page's window, document, <html> and <body>, in every JS world of the page:
 * DevTools reports only the listeners of the world the object was looked up in, so the reader's
 * isolated world is asked too.
 */
async function listenerCount(cdp: CDPSession, contexts: Set<number>): Promise<number> {
  let n = 0;
  for (const contextId of contexts) {
    for (const expr of ['window', 'document', 'document.documentElement', 'document.body']) {
      const { result } = await cdp
        .send('Runtime.evaluate', { expression: expr, contextId })
        .catch(() => ({ result: { objectId: undefined } }));
      if (!result.objectId) continue;
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      n += listeners.length;
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    }
  }
  return n;
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

const pageShape = (page: Page) =>
  page.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    html: document.documentElement.outerHTML.length,
    rootStyle: document.documentElement.getAttribute('style'),
    bodyStyle: document.body.getAttribute('style'),
    adopted: document.adoptedStyleSheets.length,
  }));

describe(`${CYCLES} open/close cycles on one page`, () => {
  it('leave no node, listener or style behind, and grow the heap by less than 1 MB', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.origin}/voa-aleppo.html?leaks=1`);
    const cdp = await env.session.context.newCDPSession(page);
    const contexts = new Set<number>();
    cdp.on('Runtime.executionContextCreated', (e) => {
      // The page's own world and the extension's isolated world (not Playwright's utility worlds).
      if (e.context.auxData?.isDefault || e.context.origin.startsWith('chrome-extension://'))
        contexts.add(e.context.id);
    });
    cdp.on('Runtime.executionContextDestroyed', (e) => contexts.delete(e.executionContextId));
    await cdp.send('Runtime.enable');
    await cdp.send('HeapProfiler.enable');
    const shapeBefore = await pageShape(page);

    const cycle = async () => {
      await env.session.clickAction(page);
      await isOpen(page, true);
      await env.session.clickAction(page);
      await isOpen(page, false);
    };

    // The first click injects the reader: its code and its long-lived listeners (the extension's
    // message port, the content-script context's own) stay by design. Warm up, then take stock.
    await cycle();
    await cycle();
    const listenersIdle = await listenerCount(cdp, contexts);
    expect(await pageShape(page)).toEqual(shapeBefore);

    // While open the reader does add listeners and nodes: the counts can see them.
    await env.session.clickAction(page);
    await isOpen(page, true);
    expect(await listenerCount(cdp, contexts)).toBeGreaterThan(listenersIdle);
    expect((await pageShape(page)).elements).toBeGreaterThan(shapeBefore.elements);
    await env.session.clickAction(page);
    await isOpen(page, false);

    const heapBefore = await heapAfterGc(cdp);
    for (let i = 0; i < CYCLES; i++) await cycle();
    const heapAfter = await heapAfterGc(cdp);

    expect(await pageShape(page)).toEqual(shapeBefore);
    expect(await listenerCount(cdp, contexts)).toBe(listenersIdle);
    expect(heapAfter - heapBefore).toBeLessThan(1024 * 1024);
    console.info(
      `heap after GC: ${(heapBefore / 1024).toFixed(0)} kB → ${(heapAfter / 1024).toFixed(0)} kB over ${CYCLES} cycles`,
    );
    await cdp.detach();
    await page.close();
  }, 180_000);
});
