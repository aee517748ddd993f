import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FixtureServer,
  launch,
  openSettings,
  PROD_BUILD,
  ROOT,
  type Session,
  startServer,
  waitForOverlay,
} from '../../scripts/harness';

const messages = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe.each([
  { lang: 'ar', dir: 'rtl' },
  { lang: 'fr', dir: 'ltr' },
])('interface language $lang', ({ lang, dir }) => {
  let session: Session;
  const m = messages(lang);
  const en = messages('en');
  beforeAll(async () => {
    session = await launch(PROD_BUILD, { lang });
  });
  afterAll(async () => {
    await session?.close();
  });

  it(`the browser runs in ${lang}`, async () => {
    const ui = await session.worker.evaluate(() => chrome.i18n.getUILanguage());
    // Linux Chromium needs its translations installed to switch language (Debian: chromium-l10n).
    expect(ui, 'is chromium-l10n installed?').toMatch(new RegExp(`^${lang}\\b`));
  });

  it(`the overlay speaks ${lang}${dir === 'rtl' ? ' and its chrome is mirrored' : ''}`, async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/voa-aleppo.html?lang=${lang}`);
    await session.clickAction(page);
    await waitForOverlay(page, true);
    const host = page.locator('reader-mode-overlay');
    const dialog = host.getByRole('dialog');
    await expect(dialog.getAttribute('dir')).resolves.toBe(dir);
    await expect(dialog.getAttribute('lang')).resolves.toMatch(new RegExp(`^${lang}\\b`));

    await openSettings(page);
    await expect(host.getByRole('group', { name: m.settings.message }).count()).resolves.toBe(1);
    const themes = host.locator(`[role="group"][aria-label="${m.theme.message}"]`);
    await expect(themes.locator('button').allTextContents()).resolves.toEqual(
      ['themeLight', 'themeSepia', 'themeDark', 'themeAuto'].map((k) => m[k].message),
    );
    for (const k of ['themeLight', 'themeDark', 'theme', 'settings'])
      expect(m[k].message).not.toBe(en[k].message);
    await expect(host.getByRole('button', { name: m.close.message }).count()).resolves.toBe(1);
    await expect(host.getByRole('button', { name: m.quotes.message, exact: true }).count()).resolves.toBe(1);
    await expect(host.getByRole('toolbar', { name: m.toolbarLabel.message }).count()).resolves.toBe(1);
    await expect(host.locator('.original').textContent()).resolves.toBe(m.viewOriginal.message);

    const layout = await page.evaluate(() => {
      const root = document.querySelector('reader-mode-overlay')!.shadowRoot!;
      const x = (sel: string) => root.querySelector(sel)!.getBoundingClientRect().x;
      return {
        toolbar: getComputedStyle(root.querySelector('[role="toolbar"]')!).direction,
        closeX: x('.close'),
        lastX: x('[role="toolbar"] > button:last-of-type'),
        article: root.querySelector('article')!.getAttribute('dir'),
        articleLang: root.querySelector('article')!.getAttribute('lang'),
      };
    });
    expect(layout.toolbar).toBe(dir);
    // Mirrored: the close button, first in the toolbar, sits on the reading-start side.
    if (dir === 'rtl') expect(layout.closeX).toBeGreaterThan(layout.lastX);
    else expect(layout.closeX).toBeLessThan(layout.lastX);
    // The English story itself stays left-to-right, in English.
    expect(layout.article).toBe('ltr');
    expect(layout.articleLang).toBe('en');

    // Translated, every control still has an accessible name (and the rest of axe's rules hold).
    const axe = await new AxeBuilder({ page }).include('reader-mode-overlay').analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.close();
  });
});
