import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSettings, overlayInfo, PROD_BUILD, waitForOverlay } from '../../scripts/harness';
import { useExtension } from './browser';

const env = useExtension(PROD_BUILD);

let visits = 0;
async function openArticle(path = '/voa-aleppo.html'): Promise<Page> {
  const page = await env.session.context.newPage();
  // A unique query per tab: the toolbar click finds its tab by URL.
  await page.goto(`${env.server.origin}${path}?visit=${++visits}`);
  return page;
}

const overflow = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).overflow);

describe('toolbar button (production build, activeTab only)', () => {
  it('opens the story in the overlay and closes it on a second click', async () => {
    const page = await openArticle();
    await page.locator('#skip-links a').first().focus();
    const scrollBefore = await overflow(page);
    await env.session.clickAction(page);
    await waitForOverlay(page, true);
    const info = await overlayInfo(page);
    expect(info?.count).toBe(1);
    expect(info?.title).toBe('Syrian Army Says Aleppo Has Been Retaken; US, UN Remain Wary');
    expect(info?.text).toContain('The war-torn city of Aleppo has been recaptured');
    expect(info?.text).not.toContain('Accessibility links');
    // Focus moves in to the dialog in an effect after the frame that shows it, which may come after
    // the frame in which the story's later part joins (what waitForOverlay waits for).
    await expect.poll(async () => (await overlayInfo(page))?.activeInside, { timeout: 2000 }).toBe(true);
    expect(await overflow(page)).toBe('hidden');
    const shape = await page.evaluate(() => {
      const host = document.querySelector('reader-mode-overlay')!;
      const root = host.shadowRoot!;
      const r = host.getBoundingClientRect();
      return {
        mode: root.mode,
        articles: root.querySelectorAll('article').length,
        figures: [...root.querySelectorAll('article figure')].filter(
          (f) => f.querySelector('img') && f.querySelector('figcaption'),
        ).length,
        quotes: root.querySelectorAll('article q').length,
        speakers: [...root.querySelectorAll('article q[data-speaker]')].map((q) =>
          q.getAttribute('data-speaker'),
        ),
        covers: r.width >= innerWidth && r.height >= innerHeight,
      };
    });
    expect(shape.mode).toBe('open');
    expect(shape.articles).toBe(1);
    expect(shape.figures).toBe(4);
    expect(shape.quotes).toBeGreaterThanOrEqual(5);
    expect(shape.speakers).toContain('John Kirby');
    expect(shape.covers).toBe(true);

    await env.session.clickAction(page);
    await waitForOverlay(page, false);
    expect(await overflow(page)).toBe(scrollBefore);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Skip to main content');
    await page.close();
  });

  it('paints a screenful first and the rest of the story in the next frame, in order', async () => {
    const textAt = async (width: number, height: number) => {
      const page = await openArticle();
      await page.setViewportSize({ width, height });
      // What the first frame holds: the overlay's content as it stands when the story appears.
      await page.evaluate(() => {
        const w = window as unknown as { __firstRest?: boolean };
        const seen = new MutationObserver(() => {
          const root = document.querySelector('reader-mode-overlay')?.shadowRoot;
          if (!root) return;
          if (root.querySelector('article')) {
            w.__firstRest = !!root.querySelector('article [data-reader-rest]');
            seen.disconnect();
          } else seen.observe(root, { childList: true, subtree: true });
        });
        seen.observe(document.body, { childList: true });
      });
      await env.session.clickAction(page);
      await waitForOverlay(page, true);
      const firstRest = await page.evaluate(
        () => (window as unknown as { __firstRest?: boolean }).__firstRest,
      );
      // The story's body (the header's date is filled in when the page is idle, see ArticleHeader).
      const text = await page.evaluate(
        () =>
          document.querySelector('reader-mode-overlay')?.shadowRoot?.querySelector('.article-body')
            ?.textContent ?? '',
      );
      await page.close();
      return { firstRest, text };
    };
    const small = await textAt(320, 240);
    const large = await textAt(2560, 1600);
    expect(small.firstRest).toBe(true);
    expect(large.firstRest).toBe(false);
    expect(small.text.length).toBeGreaterThan(3000);
    expect(small.text).toBe(large.text);
  });

  it('closes on Escape (open settings first) and on the visible close button', async () => {
    const page = await openArticle();
    await env.session.clickAction(page);
    await waitForOverlay(page, true);
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);

    // With the settings open, Escape closes them first and leaves the reader open.
    await env.session.clickAction(page);
    await waitForOverlay(page, true);
    await openSettings(page);
    const settings = page.locator('reader-mode-overlay button.settings-toggle');
    await page.keyboard.press('Escape');
    await expect(settings.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('reader-mode-overlay .settings').count()).resolves.toBe(0);
    expect(
      await page.evaluate(
        () => document.querySelector('reader-mode-overlay')?.shadowRoot?.activeElement?.className,
      ),
    ).toContain('settings-toggle');
    expect((await overlayInfo(page))?.count).toBe(1);
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);

    await env.session.clickAction(page);
    await waitForOverlay(page, true);
    const close = page.locator('reader-mode-overlay button.close');
    await expect(close.isVisible()).resolves.toBe(true);
    await close.click();
    await waitForOverlay(page, false);
    await page.close();
  });

  it('offers five text sizes that strictly increase, with +/- keys, and remembers the choice', async () => {
    const page = await openArticle();
    await env.session.clickAction(page);
    await waitForOverlay(page, true);
    const group = page.locator('reader-mode-overlay [role="group"][aria-label="Text size"]');
    await expect(group.locator('button').allTextContents()).resolves.toEqual(['XS', 'S', 'M', 'L', 'XL']);
    const bodySize = () =>
      page.evaluate(() => {
        const p = document
          .querySelector('reader-mode-overlay')!
          .shadowRoot!.querySelector('.article-body p')!;
        return Number.parseFloat(getComputedStyle(p).fontSize);
      });
    const sizes: number[] = [];
    for (const name of ['XS', 'S', 'M', 'L', 'XL']) {
      await group.getByRole('button', { name, exact: true }).click();
      await expect(
        group.getByRole('button', { name, exact: true }).getAttribute('aria-pressed'),
      ).resolves.toBe('true');
      sizes.push(await bodySize());
    }
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThan(sizes[i - 1]);

    await page.keyboard.press('-');
    await expect(
      group.getByRole('button', { name: 'L', exact: true }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.keyboard.press('+');
    await expect(
      group.getByRole('button', { name: 'XL', exact: true }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.keyboard.press('-');

    await page.reload();
    await env.session.clickAction(page);
    await waitForOverlay(page, true);
    await expect(
      group.getByRole('button', { name: 'L', exact: true }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    expect(await bodySize()).toBe(sizes[3]);
    await page.close();
  });

  it('shows a polite notice on a page without a story', async () => {
    const page = await openArticle('/pages/not-article.html');
    await env.session.clickAction(page);
    await waitForOverlay(page, true);
    const info = await overlayInfo(page);
    expect(info?.status).toContain('No article found on this page');
    expect(info?.title).toBeNull();
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);
    await page.close();
  });

  it('marks pages the browser forbids with a badge instead of failing silently', async () => {
    const page = await env.session.context.newPage();
    await page.goto('chrome://version');
    await env.session.clickAction(page);
    const badge = await env.session.worker.evaluate(async () => {
      for (let i = 0; i < 50; i++) {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        const text = await chrome.action.getBadgeText({ tabId: tab.id });
        if (text) return { text, title: await chrome.action.getTitle({ tabId: tab.id }) };
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    });
    expect(badge?.text).toBe('!');
    expect(badge?.title).toMatch(/not available/);
    await page.close();
  });
});
