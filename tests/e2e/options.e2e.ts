import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSettings, overlayInfo, PROD_BUILD, waitForOverlay } from '../../scripts/harness';
import { useExtension } from './browser';
import { answerPrompt } from './permission-prompt';

// The production build, so no site is granted up front: every grant below goes through the
// browser's real permission prompt, answered with real key presses (headed, under xvfb).
let options: Page;

const env = useExtension(PROD_BUILD, { headed: true });
beforeAll(async () => {
  options = await env.session.context.newPage();
  await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
  await options.bringToFront();
});

const granted = () =>
  env.session.worker.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);
const stored = () =>
  env.session.worker.evaluate(() => chrome.storage.sync.get(['readerPrefs', 'autoOpenSites']));

/** The detector's registration, once it settles on what we expect. */
async function registeredMatches(want: string[]): Promise<void> {
  let last: string[] = [];
  for (let i = 0; i < 50; i++) {
    const scripts = await env.session.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    last = scripts.flatMap((s) => s.matches ?? []).sort();
    if (JSON.stringify(last) === JSON.stringify([...want].sort())) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(last).toEqual([...want].sort());
}

/** The toolbar button's badge on the tab showing `page` (we hold that site's access). */
function badgeOf(page: Page): Promise<string> {
  return env.session.worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
    return chrome.action.getBadgeText({ tabId: tab.id });
  }, page.url());
}

async function waitForBadge(page: Page, want: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  let last = await badgeOf(page);
  while (last !== want && Date.now() < end) {
    await page.waitForTimeout(100);
    last = await badgeOf(page);
  }
  expect(last).toBe(want);
}

async function addSite(text: string, answer: 'allow' | 'deny') {
  await options.bringToFront();
  await options.getByLabel('Site to add').fill(text);
  await options.getByRole('button', { name: 'Add site' }).click();
  await answerPrompt(options, answer);
}

describe('options: sites that open in reader view', () => {
  it('grants nothing at install', async () => {
    expect(await granted()).toEqual([]);
    await registeredMatches([]);
  });

  it('refusing the permission prompt lists nothing and grants nothing', async () => {
    await addSite(env.server.origin, 'deny');
    expect(await options.getByRole('alert').textContent()).toBe('Access to 127.0.0.1 was not granted.');
    expect((await stored()).autoOpenSites ?? []).toEqual([]);
    expect(await granted()).toEqual([]);
    await registeredMatches([]);
  });

  it('adding asks for exactly that origin, lists it and registers the detector there', async () => {
    await addSite(env.server.origin, 'allow');
    await options.locator('ul.sites li', { hasText: '127.0.0.1' }).waitFor();
    // http was asked for (the address typed), and http is enough: no second prompt offered.
    expect(await options.getByRole('button', { name: 'Allow access to 127.0.0.1' }).count()).toBe(0);
    expect((await stored()).autoOpenSites).toEqual(['127.0.0.1']);
    expect(await granted()).toEqual(['http://127.0.0.1/*']);
    await registeredMatches(['http://127.0.0.1/*']);
  });

  it('an article on that site opens by itself, and its toolbar button shows the badge', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.origin}/voa-aleppo.html?listed`);
    await waitForOverlay(page, true);
    await waitForBadge(page, '≡');
    await page.goto(`${env.server.origin}/pages/section-front.html?listed`);
    await page.waitForTimeout(1500);
    expect(await overlayInfo(page)).toBeNull();
    expect(await badgeOf(page)).toBe('');
    await page.close();
  });

  it('removing gives the access back and unregisters the detector', async () => {
    await options.bringToFront();
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await options.getByText('No sites yet.').waitFor();
    expect((await stored()).autoOpenSites).toEqual([]);
    await registeredMatches([]);
    expect(await granted()).toEqual([]);
  });
});

describe('options: reader defaults', () => {
  it('sets every reader setting, and the reader opens with them', async () => {
    await options.bringToFront();
    const group = (name: string) => options.getByRole('group', { name, exact: true });
    await group('Text size').getByRole('button', { name: 'XL', exact: true }).click();
    await group('Theme').getByRole('button', { name: 'Sepia' }).click();
    await group('Font').getByRole('button', { name: 'Sans-serif' }).click();
    await group('Line width').getByRole('button', { name: 'Wide' }).click();
    await group('Line height').getByRole('button', { name: 'Loose' }).click();
    await group('Listening speed').getByRole('button', { name: '1.25×' }).click();
    await options.getByLabel('Highlight quotes').uncheck();
    await options.getByLabel('Images').uncheck();
    await expect
      .poll(async () => (await stored()).readerPrefs)
      .toEqual({
        textSize: 'XL',
        theme: 'sepia',
        font: 'sans',
        width: 'wide',
        lineHeight: 'loose',
        showImages: false,
        highlightQuotes: false,
        speechRate: '1.25',
      });
    expect(await group('Theme').getByRole('button', { name: 'Sepia' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    const page = await env.session.context.newPage();
    await page.goto(`${env.server.origin}/voa-aleppo.html?defaults`);
    await env.session.clickAction(page);
    await waitForOverlay(page, true);
    const reader = page.locator('reader-mode-overlay .reader');
    expect(await reader.evaluate((el) => ({ ...(el as HTMLElement).dataset }))).toMatchObject({
      size: 'XL',
      theme: 'sepia',
      font: 'sans',
      width: 'wide',
      lineHeight: 'loose',
      images: 'hidden',
      quotes: 'plain',
    });
    await openSettings(page);
    const speed = page.locator('reader-mode-overlay [role="group"][aria-label="Listening speed"]');
    expect(await speed.getByRole('button', { name: '1.25×' }).getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });
});

describe('options: export and import', () => {
  it('exports the settings as a JSON file', async () => {
    await options.bringToFront();
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export settings' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('calm-reader-settings.json');
    const data = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(data).toMatchObject({ format: 'calm-reader-settings', version: 1, autoOpenSites: [] });
    expect(data.prefs).toEqual((await stored()).readerPrefs);
  });

  it('imports a settings file', async () => {
    const file = {
      format: 'calm-reader-settings',
      version: 1,
      prefs: {
        textSize: 'S',
        theme: 'dark',
        font: 'serif',
        width: 'narrow',
        lineHeight: 'tight',
        showImages: true,
        highlightQuotes: true,
      },
      autoOpenSites: ['voanews.com'],
    };
    await options.getByLabel('Import settings').setInputFiles({
      name: 'settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await options.getByRole('status').filter({ hasText: 'Settings imported.' }).waitFor();
    // A file written before the listening speed existed: the usual pace is filled in.
    expect(await stored()).toEqual({
      readerPrefs: { ...file.prefs, speechRate: '1' },
      autoOpenSites: ['voanews.com'],
    });
    // Listed, but not granted: the import cannot grant access, the person does, here.
    expect(await granted()).toEqual([]);
    await options.getByRole('button', { name: 'Allow access to voanews.com' }).click();
    await answerPrompt(options, 'allow');
    await options.getByRole('button', { name: 'Allow access to voanews.com' }).waitFor({ state: 'detached' });
    const voa = [
      'http://*.voanews.com/*',
      'http://voanews.com/*',
      'https://*.voanews.com/*',
      'https://voanews.com/*',
    ];
    expect((await granted()).sort()).toEqual(voa);
    await registeredMatches(voa);
  });

  it('a bad file gives a clear message and loses no settings', async () => {
    const before = await stored();
    for (const [name, text] of [
      ['broken.json', '{"format": "calm-reader-settings", '],
      ['other.json', JSON.stringify({ hello: 'world' })],
      ['future.json', JSON.stringify({ format: 'calm-reader-settings', version: 99, prefs: {} })],
    ]) {
      await options.getByLabel('Import settings').setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await options
        .getByRole('alert')
        .filter({ hasText: `"${name}" is not a Calm Reader settings file. Nothing was changed.` })
        .waitFor();
      expect(await stored()).toEqual(before);
    }
  });
});

describe('options: the reader badge on every site (opt-in)', () => {
  const box = () => options.getByLabel('Show the reader badge on stories on every site');

  it('is off by default, with no all-sites access and no detector anywhere', async () => {
    await options.bringToFront();
    await options.getByLabel('Import settings').setInputFiles({
      name: 'reset.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ format: 'calm-reader-settings', version: 1, prefs: {}, autoOpenSites: [] }),
      ),
    });
    await options.getByRole('button', { name: 'Remove voanews.com' }).click();
    await options.getByText('No sites yet.').waitFor();
    expect(await box().isChecked()).toBe(false);
    expect(await granted()).toEqual([]);
    await registeredMatches([]);
  });

  it('refusing the all-sites prompt leaves it off', async () => {
    await box().click();
    await answerPrompt(options, 'deny');
    await options.getByRole('alert').filter({ hasText: 'Access to all sites was not granted' }).waitFor();
    expect(await box().isChecked()).toBe(false);
    expect(await granted()).toEqual([]);
    await registeredMatches([]);
  });

  it('ticking asks for all sites; then articles anywhere get the badge, and never open by themselves', async () => {
    await box().click();
    await answerPrompt(options, 'allow');
    await expect.poll(() => box().isChecked()).toBe(true);
    expect((await granted()).sort()).toEqual(['http://*/*', 'https://*/*']);
    await registeredMatches(['http://*/*', 'https://*/*']);

    const page = await env.session.context.newPage();
    await page.goto(`${env.server.origin}/voa-aleppo.html?everywhere`);
    await waitForBadge(page, '≡');
    expect(await overlayInfo(page)).toBeNull(); // not an auto-open site: badge only
    await page.goto(`${env.server.origin}/pages/section-front.html?everywhere`);
    await page.waitForTimeout(1500);
    expect(await badgeOf(page)).toBe('');
    await page.close();
  });

  it('unticking gives the access back and unregisters the detector', async () => {
    await options.bringToFront();
    await box().click();
    await expect.poll(() => box().isChecked()).toBe(false);
    await registeredMatches([]);
    expect(await granted()).toEqual([]);
  });

  it('turning it off keeps the access of the auto-open sites', async () => {
    await addSite(env.server.origin, 'allow');
    await options.locator('ul.sites li', { hasText: '127.0.0.1' }).waitFor();
    await box().click();
    await answerPrompt(options, 'allow');
    await expect.poll(() => box().isChecked()).toBe(true);
    await registeredMatches(['http://*/*', 'https://*/*']);
    await box().click();
    await expect.poll(() => box().isChecked()).toBe(false);
    await registeredMatches(['http://127.0.0.1/*']);
    expect(await granted()).toEqual(['http://127.0.0.1/*']);
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await registeredMatches([]);
    expect(await granted()).toEqual([]);
  });
});
