import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originPatterns } from '../../lib/hosts';
import { SUGGESTED_NEWS_SITES } from '../../lib/news-sites';
import { launch, PROD_BUILD, type Session } from '../../scripts/harness';
import { answerPrompt, requireDisplay } from './permission-prompt';

// First run, on the production build (nothing granted up front); the browser's permission
// prompt is answered with real key presses (headed, under xvfb).
let session: Session;
let welcome: Page;

beforeAll(async () => {
  requireDisplay();
  session = await launch(PROD_BUILD, { headless: false });
  welcome = await session.context.newPage();
  await welcome.goto(`chrome-extension://${session.extensionId}/welcome.html`);
  await welcome.bringToFront();
  // Count the permission requests the page makes (the page's own API object, wrapped in place).
  await welcome.evaluate(() => {
    const w = window as unknown as { requests: string[][] };
    w.requests = [];
    const api = chrome.permissions;
    const request = api.request.bind(api);
    api.request = ((p: chrome.permissions.Permissions) => {
      w.requests.push(p.origins ?? []);
      return request(p);
    }) as typeof api.request;
  });
});
afterAll(async () => {
  await session?.close();
});

const granted = () => session.worker.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);
const requests = () => welcome.evaluate(() => (window as unknown as { requests: string[][] }).requests);

describe('first run', () => {
  it('opens the welcome page on install', async () => {
    const url = `chrome-extension://${session.extensionId}/welcome.html`;
    await expect.poll(() => session.openedAtStart).toContain(url);
  });

  it('shows the shortcut the browser actually assigned', async () => {
    const commands = await session.worker.evaluate(() => chrome.commands.getAll());
    const shortcut = commands.find((c) => c.name === 'toggle-reader')?.shortcut;
    expect(shortcut).toBeTruthy();
    expect(await welcome.locator('kbd').textContent()).toBe(shortcut);
  });

  it('suggests about thirty major news sites, voanews.com among them, and grants none of them', async () => {
    const listed = await welcome.locator('ul.sites li').allTextContents();
    expect(listed).toEqual([...SUGGESTED_NEWS_SITES]);
    expect(listed.length).toBeGreaterThanOrEqual(30);
    expect(listed).toContain('voanews.com');
    expect(await granted()).toEqual([]);
    expect(await session.worker.evaluate(() => chrome.storage.sync.get('autoOpenSites'))).toEqual({});
  });

  it('refusing the prompt grants and lists nothing', async () => {
    await welcome.getByRole('button', { name: 'Always open these news sites' }).click();
    await answerPrompt(welcome, 'deny');
    await welcome.getByRole('status').filter({ hasText: 'Access was not granted' }).waitFor();
    expect(await granted()).toEqual([]);
    expect(await session.worker.evaluate(() => chrome.storage.sync.get('autoOpenSites'))).toEqual({});
  });

  it('one click, one request for all their origins: granted and listed', async () => {
    await welcome.getByRole('button', { name: 'Always open these news sites' }).click();
    await answerPrompt(welcome, 'allow');
    await welcome.getByRole('status').filter({ hasText: 'Done' }).waitFor({ timeout: 10000 });
    const all = SUGGESTED_NEWS_SITES.flatMap((h) => originPatterns(h));
    // Two clicks in this file (refused, then allowed): one request each, each for every origin.
    expect(await requests()).toEqual([all, all]);
    expect((await granted()).sort()).toEqual([...all].sort());
    const { autoOpenSites } = await session.worker.evaluate(() => chrome.storage.sync.get('autoOpenSites'));
    expect(autoOpenSites).toEqual([...SUGGESTED_NEWS_SITES]);
    await expect
      .poll(async () => {
        const scripts = await session.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
        return scripts.flatMap((s) => s.matches ?? []).sort();
      })
      .toEqual([...all].sort());
  });
});
