/**
 * Chromium's reader reads the story in the extension's pipeline document (lib/bg/pipeline-doc.ts):
 * one document for every tab, created when needed, created again when it has gone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { overlayInfo, PROD_BUILD, waitForOverlay } from '../../scripts/harness';
import { useExtension } from './browser';

const env = useExtension(PROD_BUILD);
const TITLE = 'Syrian Army Says Aleppo Has Been Retaken; US, UN Remain Wary';

let visits = 0;
async function openStory(): Promise<Page> {
  const page = await env.session.context.newPage();
  await page.goto(`${env.server.origin}/voa-aleppo.html?pipeline-doc=${++visits}`);
  await env.session.clickAction(page);
  await waitForOverlay(page, true);
  return page;
}

/** The extension's offscreen documents, as the browser lists them (DevTools targets). */
async function pipelineDocuments(): Promise<{ targetId: string; url: string }[]> {
  const browser = env.session.context.browser();
  if (!browser) throw new Error('no browser handle');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets' as never)) as {
    targetInfos: { targetId: string; url: string }[];
  };
  await cdp.detach();
  return targetInfos.filter((t) => t.url === `chrome-extension://${env.session.extensionId}/offscreen.html`);
}

describe('the pipeline document (Chromium)', () => {
  it('is one document for every tab', async () => {
    const a = await openStory();
    const b = await openStory();
    for (const page of [a, b]) expect((await overlayInfo(page))?.title).toBe(TITLE);
    expect(await pipelineDocuments()).toHaveLength(1);
    await a.close();
    await b.close();
  });

  it("reads what the click captured on a tab's first open, and what the reader sends after that", async () => {
    // What the background hears from the tab (lib/bg/read-ahead.ts): the new reader asks for the
    // story read ahead; once it is open, a second open sends the page itself.
    const worker = env.session.context.serviceWorkers()[0];
    await worker.evaluate(() => {
      const heard: unknown[] = [];
      (globalThis as { heard?: unknown[] }).heard = heard;
      chrome.runtime.onMessage.addListener((msg: { type?: unknown }) => void heard.push(msg?.type));
    });
    const heard = () => worker.evaluate(() => (globalThis as { heard?: unknown[] }).heard);
    const page = await openStory();
    expect((await overlayInfo(page))?.title).toBe(TITLE);
    expect(await heard()).toEqual(['reader:ahead']);
    await env.session.clickAction(page);
    await waitForOverlay(page, false);
    await env.session.clickAction(page);
    await waitForOverlay(page, true);
    expect((await overlayInfo(page))?.title).toBe(TITLE);
    expect(await heard()).toEqual(['reader:ahead', 'reader:extract']);
    await page.close();
  });

  it('is created again when it has gone, and the story still opens', async () => {
    await (await openStory()).close();
    const browser = env.session.context.browser()!;
    const cdp = await browser.newBrowserCDPSession();
    for (const t of await pipelineDocuments())
      await cdp.send('Target.closeTarget' as never, { targetId: t.targetId } as never);
    await cdp.detach();
    expect(await pipelineDocuments()).toHaveLength(0);
    const page = await openStory();
    expect((await overlayInfo(page))?.title).toBe(TITLE);
    expect(await pipelineDocuments()).toHaveLength(1);
    await page.close();
  });
});
