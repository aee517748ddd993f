import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROD_BUILD, waitForOverlay } from '../../scripts/harness';
import { TOGGLE_SHORTCUT } from '../../wxt.config';
import { useExtension } from './browser';

// Playwright's key presses never reach extension commands; real X11 key events do. So this
// file runs a headed Chromium on the virtual display that the test command starts (xvfb-run)
// and types with xdotool.

const env = useExtension(PROD_BUILD, { headed: true });

const xdoKeys = TOGGLE_SHORTCUT.toLowerCase().replace(/\+/g, '+');

describe('keyboard shortcut', () => {
  it('is assigned by Chromium to toggle-reader', async () => {
    const commands = await env.session.worker.evaluate(() => chrome.commands.getAll());
    const toggle = commands.find((c) => c.name === 'toggle-reader');
    expect(toggle?.shortcut?.replace(/\s/g, '')).toBe(TOGGLE_SHORTCUT);
  });

  it('toggles the reader with a real key press', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.origin}/voa-aleppo.html`);
    await page.bringToFront();
    await page.locator('h1').click(); // focus the page's content, as a reader would
    execFileSync('xdotool', ['key', '--clearmodifiers', xdoKeys]);
    await waitForOverlay(page, true);
    execFileSync('xdotool', ['key', '--clearmodifiers', xdoKeys]);
    await waitForOverlay(page, false);
    await page.close();
  });
});
