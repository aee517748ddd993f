import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_BUILD, openSettings, overlayInfo, waitForOverlay } from '../../scripts/harness';
import { useExtension } from './browser';

// The e2e build is the production build plus host access to 127.0.0.1, so the detector can be
// registered without a permission prompt that a headless browser cannot answer.

const env = useExtension(E2E_BUILD);

const setSites = (sites: string[]) =>
  env.session.worker.evaluate((list) => chrome.storage.sync.set({ autoOpenSites: list }), sites);

/** The detector's registration follows the list; wait until it says what we expect. */
async function registeredMatches(want: 'some' | 'none'): Promise<string[]> {
  for (let i = 0; i < 50; i++) {
    const scripts = await env.session.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    const matches = scripts.flatMap((s) => s.matches ?? []);
    if ((want === 'some') === matches.length > 0) return matches;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`registration never became ${want}`);
}

/** Nothing appears: give the detector the time it would have needed, then look. */
async function staysClosed(page: Page, ms = 1500) {
  await page.waitForTimeout(ms);
  expect(await overlayInfo(page)).toBeNull();
}

describe('auto-activation on listed sites', () => {
  it('registers the detector for exactly the listed, granted origins', async () => {
    await setSites(['127.0.0.1']);
    const matches = await registeredMatches('some');
    // The e2e build holds http://127.0.0.1/* only: https is not granted, so not registered.
    expect(matches).toEqual(['http://127.0.0.1/*']);
  });

  it('opens an article by itself, and never a section front', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.origin}/voa-aleppo.html`);
    await waitForOverlay(page, true);
    expect((await overlayInfo(page))?.title).toContain('Aleppo Has Been Retaken');

    await page.goto(`${env.server.origin}/pages/section-front.html`);
    await staysClosed(page);
    await page.close();
  });

  it('keeps an auto-opened page closed after Escape for that page view', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.origin}/voa-aleppo.html`);
    await waitForOverlay(page, true);
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);
    await staysClosed(page);
    await page.close();
  });

  it('follows a single-page app to another article', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.origin}/spa/`);
    await staysClosed(page);
    await page.evaluate(() => (window as unknown as { go(p: string): void }).go('/spa/story-two'));
    await waitForOverlay(page, true, 8000);
    expect((await overlayInfo(page))?.title).toBe('Library returns a book borrowed ninety years ago');
    await page.close();
  });

  it('stops opening once the site is removed from the list', async () => {
    await setSites([]);
    await registeredMatches('none');
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.origin}/voa-aleppo.html`);
    await staysClosed(page);
    await page.close();
  });

  it('adds a site from the options page, and removes it there', async () => {
    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await options.getByLabel('Site to add').fill('http://127.0.0.1:8080/some/page');
    await options.getByRole('button', { name: 'Add site' }).click();
    await options.getByText('127.0.0.1', { exact: true }).waitFor();
    expect(await env.session.worker.evaluate(() => chrome.storage.sync.get('autoOpenSites'))).toEqual({
      autoOpenSites: ['127.0.0.1'],
    });
    await registeredMatches('some');
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await registeredMatches('none');
    await options.close();
  });

  it('adds a site from the overlay through the confirmation page', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.origin}/voa-aleppo.html?from=overlay`);
    await env.session.clickAction(page);
    await waitForOverlay(page, true);
    await openSettings(page);
    const popup = env.session.context.waitForEvent('page', (p) => p.url().includes('/confirm.html'));
    await page.locator('reader-mode-overlay button.always-open').click();
    const confirm = await popup;
    expect(new URL(confirm.url()).searchParams.get('site')).toBe(env.server.origin);
    await confirm.getByRole('button', { name: 'Allow and always open' }).click();
    await registeredMatches('some');
    await setSites([]);
    await registeredMatches('none');
    await page.close();
  });

  it('ignores synthetic clicks from page scripts on "Always open on this site"', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.origin}/voa-aleppo.html?from=synthetic`);
    await env.session.clickAction(page);
    await waitForOverlay(page, true);
    await openSettings(page);
    let popups = 0;
    const count = () => popups++;
    env.session.context.on('page', count);
    await page.evaluate(() => {
      const button = document
        .querySelector('reader-mode-overlay')!
        .shadowRoot!.querySelector('button.always-open');
      (button as HTMLElement).click();
      button!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    await page.waitForTimeout(1000);
    env.session.context.off('page', count);
    expect(popups).toBe(0);
    expect(await env.session.worker.evaluate(() => chrome.storage.sync.get('autoOpenSites'))).toEqual({
      autoOpenSites: [],
    });
    await page.close();
  });
});
