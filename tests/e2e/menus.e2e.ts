import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, launch, PROD_BUILD, type Session, startServer } from '../../scripts/harness';
import { answerPrompt, requireDisplay } from './permission-prompt';

// The toolbar button's own context menu, used for real: a headed Chromium on the virtual
// display (xvfb-run), the button pinned to the toolbar, a real right-click on it and real key
// presses in the menu (xdotool). The DevTools protocol cannot reach this menu.
let server: FixtureServer;
let session: Session;
let profile: string;

/** Chromium's id for an unpacked extension: the SHA-256 of its path, in the letters a to p. */
function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

beforeAll(async () => {
  requireDisplay();
  server = await startServer();
  // Pin the button (as a person does from the puzzle menu) so it sits on the toolbar.
  profile = mkdtempSync(join(tmpdir(), 'reader-menus-'));
  mkdirSync(join(profile, 'Default'));
  const pinned = { extensions: { pinned_extensions: [unpackedId(PROD_BUILD)] } };
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify(pinned));
  session = await launch(PROD_BUILD, { headless: false, userDataDir: profile });
});
afterAll(async () => {
  await session?.close();
  rmSync(profile, { recursive: true, force: true });
  await server?.close();
});

/**
 * Right-clicks the pinned button and picks the n-th of our items with the keyboard. The button
 * is the first icon left of the puzzle (extensions) icon: 150 px from the window's right edge
 * at this window size (checked by the pinned-id assertion below and by what each item does).
 */
async function pickFromMenu(page: Page, item: 1 | 2 | 3): Promise<void> {
  await page.bringToFront();
  const geometry = execFileSync('xdotool', [
    'search',
    '--onlyvisible',
    '--name',
    'Chromium',
    'getwindowgeometry',
    '--shell',
    '%1',
  ]).toString();
  const g = Object.fromEntries(
    geometry
      .trim()
      .split('\n')
      .map((l) => l.split('=')),
  );
  const x = Number(g.X) + Number(g.WIDTH) - 150;
  const y = Number(g.Y) + 62;
  execFileSync('xdotool', ['mousemove', String(x), String(y), 'click', '3']);
  await page.waitForTimeout(1200); // the menu is drawn a moment after the click
  execFileSync('xdotool', ['key', ...Array(item).fill('Down'), 'Return']);
}

const sites = () =>
  session.worker.evaluate(async () => (await chrome.storage.sync.get('autoOpenSites')).autoOpenSites ?? []);
const granted = () => session.worker.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);

describe('toolbar button context menu (real right-click)', () => {
  it('pins the button we right-click', () => {
    expect(session.extensionId).toBe(unpackedId(PROD_BUILD));
  });

  it('"Always open on this site" asks for the site, then lists it', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/voa-aleppo.html?menu-add`);
    expect(await granted()).toEqual([]);
    await pickFromMenu(page, 1);
    await answerPrompt(page, 'allow');
    await expect.poll(sites).toEqual(['127.0.0.1']);
    expect(await granted()).toEqual(['http://127.0.0.1/*']);
    await page.close();
  });

  it('"Stop opening on this site" unlists it and gives the access back', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/pages/section-front.html?menu-remove`);
    await pickFromMenu(page, 2);
    await expect.poll(sites).toEqual([]);
    await expect.poll(granted).toEqual([]);
    await page.close();
  });

  it('"Options" opens the options page', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/pages/section-front.html?menu-options`);
    const opened = session.context.waitForEvent('page', (p) => p.url().endsWith('/options.html'));
    await pickFromMenu(page, 3);
    const options = await opened;
    await options.getByRole('heading', { name: 'Calm Reader options' }).waitFor();
    await options.close();
    await page.close();
  });
});
