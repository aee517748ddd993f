import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { openReaderTab, openSettings, PROD_BUILD } from '../../scripts/harness';
import { useExtension } from './browser';

const env = useExtension(PROD_BUILD, { placeholderImages: true });
beforeEach(async () => {
  await env.session.worker.evaluate(() => chrome.storage.sync.clear());
});

let visits = 0;
function openReader(path = '/voa-aleppo.html'): Promise<Page> {
  return openReaderTab(env.session, `${env.server.origin}${path}?a11y=${++visits}`);
}

const overlay = (page: Page) => page.locator('reader-mode-overlay');

/** axe's serious and critical findings (WCAG 2.x A/AA and best practices), as short readable lines. */
async function axe(page: Page, include?: string) {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'best-practice',
  ]);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  const ran = [...result.passes, ...result.violations, ...result.incomplete].map((r) => r.id);
  return { serious, ran, passes: result.passes };
}

describe('accessibility (axe-core)', () => {
  for (const theme of ['Light', 'Sepia', 'Dark']) {
    it(`the open overlay has no serious or critical violation, contrast included, in the ${theme} theme`, async () => {
      const page = await openReader('/pages/quotes-mixed.html');
      // The settings open too, so their controls are checked (as is the panel's absence elsewhere).
      await openSettings(page);
      await overlay(page)
        .locator('[role="group"][aria-label="Theme"]')
        .getByRole('button', { name: theme, exact: true })
        .click();
      // The quotes panel open too, so its text and buttons are checked.
      await overlay(page).getByRole('button', { name: 'Quotes', exact: true }).click();
      const { serious, ran, passes } = await axe(page, 'reader-mode-overlay');
      expect(serious).toEqual([]);
      // The contrast rule did look at the overlay's text (inside the shadow root).
      expect(ran).toContain('color-contrast');
      const contrast = passes.find((p) => p.id === 'color-contrast');
      expect(contrast?.nodes.length ?? 0).toBeGreaterThan(20);
      await page.close();
    });
  }

  it('the sample story (figures, quotes by speaker) passes in the Dark theme', async () => {
    const page = await openReader();
    await openSettings(page);
    await overlay(page)
      .locator('[role="group"][aria-label="Theme"]')
      .getByRole('button', { name: 'Dark' })
      .click();
    const { serious } = await axe(page, 'reader-mode-overlay');
    expect(serious).toEqual([]);
    await page.close();
  });

  for (const name of ['options', 'welcome']) {
    it(`the ${name} page has no serious or critical violation`, async () => {
      const page = await env.session.context.newPage();
      await page.goto(`chrome-extension://${env.session.extensionId}/${name}.html`);
      await page.waitForSelector('h1');
      const { serious, ran } = await axe(page);
      expect(serious).toEqual([]);
      expect(ran).toContain('color-contrast');
      await page.close();
    });
  }
});

describe('dialog and keyboard', () => {
  it('the overlay is a labelled modal dialog and Tab from the last control wraps to the first (and back)', async () => {
    const page = await openReader();
    const dialog = overlay(page).getByRole('dialog', {
      name: 'Syrian Army Says Aleppo Has Been Retaken; US, UN Remain Wary',
    });
    await expect(dialog.getAttribute('aria-modal')).resolves.toBe('true');
    const active = () =>
      page.evaluate(() => {
        const root = document.querySelector('reader-mode-overlay')!.shadowRoot!;
        const el = root.activeElement as HTMLElement | null;
        const all = [
          ...root.querySelectorAll<HTMLElement>('button, a[href], [tabindex]:not([tabindex="-1"])'),
        ].filter((e) => e.offsetParent !== null);
        return {
          inside: document.activeElement === root.host && !!el,
          index: el ? all.indexOf(el) : -1,
          count: all.length,
        };
      });
    // Focus the last control of the dialog (a link in the story), then Tab.
    await page.evaluate(() => {
      const root = document.querySelector('reader-mode-overlay')!.shadowRoot!;
      const all = [...root.querySelectorAll<HTMLElement>('button, a[href]')].filter(
        (e) => e.offsetParent !== null,
      );
      all[all.length - 1].focus();
    });
    const last = await active();
    expect(last.index).toBe(last.count - 1);
    await page.keyboard.press('Tab');
    expect(await active()).toMatchObject({ inside: true, index: 0 });
    await page.keyboard.press('Shift+Tab');
    expect(await active()).toMatchObject({ inside: true, index: last.count - 1 });
    // A full round of Tabs never leaves the dialog.
    for (let i = 0; i < last.count + 2; i++) {
      await page.keyboard.press('Tab');
      expect((await active()).inside).toBe(true);
    }
    await page.close();
  });

  it('respects reduced motion: no animation or transition, and jumping to a quote scrolls at once', async () => {
    const page = await openReader('/pages/quotes-mixed.html');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 900, height: 420 });
    await overlay(page).getByRole('button', { name: 'Quotes', exact: true }).click();
    await overlay(page)
      .getByRole('region', { name: 'Quotes' })
      .getByRole('button', { name: 'Nothing is off the table' })
      .click();
    // Measured right after the click, without waiting: a smooth scroll would still be under way.
    const state = await page.evaluate(() => {
      const root = document.querySelector('reader-mode-overlay')!.shadowRoot!;
      const q = root.querySelector('q.flash')!;
      const r = q.getBoundingClientRect();
      const moving = [...root.querySelectorAll('*')].filter((el) => {
        const cs = getComputedStyle(el);
        return (
          cs.animationName !== 'none' ||
          cs.transitionDuration.split(',').some((d) => Number.parseFloat(d) > 0)
        );
      });
      return {
        text: q.textContent,
        inView: r.top >= 0 && r.bottom <= innerHeight,
        scrollBehavior: getComputedStyle(root.querySelector('.reader')!).scrollBehavior,
        moving: moving.map((el) => el.localName),
        animations: root.getAnimations().length,
        flashOutline: getComputedStyle(q).outlineStyle,
      };
    });
    expect(state.text).toContain('Nothing is off the table');
    expect(state.inView).toBe(true);
    expect(state.scrollBehavior).toBe('auto');
    expect(state.moving).toEqual([]);
    expect(state.animations).toBe(0);
    // Still marked, without motion.
    expect(state.flashOutline).toBe('solid');

    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.close();
  });
});
