import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { openReaderTab, openSettings, PROD_BUILD, waitForOverlay } from '../../scripts/harness';
import { useExtension } from './browser';

const env = useExtension(PROD_BUILD, { placeholderImages: true });
// Every test starts from the default preferences.
beforeEach(async () => {
  await env.session.worker.evaluate(() => chrome.storage.sync.clear());
});

let visits = 0;
/** Opens the reader, and its settings too (most tests here change one). */
async function openReader(path = '/voa-aleppo.html'): Promise<Page> {
  const page = await openReaderTab(env.session, `${env.server.origin}${path}?ui=${++visits}`);
  await openSettings(page);
  return page;
}

/** Reloads once the choices in `saved` reached storage, and opens the reader again. */
async function reopen(page: Page, saved: Record<string, unknown>): Promise<void> {
  await env.session.worker.evaluate(async (want) => {
    for (let i = 0; i < 50; i++) {
      const { readerPrefs } = await chrome.storage.sync.get('readerPrefs');
      const prefs = (readerPrefs ?? {}) as Record<string, unknown>;
      if (Object.entries(want).every(([k, v]) => prefs[k] === v)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }, saved);
  await page.reload();
  await env.session.clickAction(page);
  await waitForOverlay(page, true);
  await openSettings(page);
}

const overlay = (page: Page) => page.locator('reader-mode-overlay');

/** Escape closes the settings openReader opened, then the reader (reader.e2e.ts tests the order). */
async function closeWithEscape(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(overlay(page).locator('.settings').count()).resolves.toBe(0);
  await page.keyboard.press('Escape');
  await waitForOverlay(page, false);
}
const group = (page: Page, label: string) => overlay(page).locator(`[role="group"][aria-label="${label}"]`);
const pressed = (button: Locator) => button.getAttribute('aria-pressed');

/** Computed style of the first element matching `selector` inside the overlay's shadow root. */
function style(page: Page, selector: string, prop: string): Promise<string> {
  return page.evaluate(
    ([sel, p]) => {
      const el = document.querySelector('reader-mode-overlay')?.shadowRoot?.querySelector(sel);
      if (!el) throw new Error(`no ${sel} in the overlay`);
      return getComputedStyle(el).getPropertyValue(p);
    },
    [selector, prop],
  );
}

describe('overlay toolbar', () => {
  it("is one short row, at a phone's width too; Settings shows the rest below it and hides it again", async () => {
    const page = await env.session.context.newPage();
    await page.setViewportSize({ width: 390, height: 700 });
    await page.goto(`${env.server.origin}/voa-aleppo.html?ui=${++visits}`);
    await env.session.clickAction(page);
    await waitForOverlay(page, true);
    const bar = () =>
      page.evaluate(() => {
        const root = document.querySelector('reader-mode-overlay')!.shadowRoot!;
        const toolbar = root.querySelector('[role="toolbar"]')!;
        // Controls side by side share a row: a new row starts below the bottom of the last one.
        const boxes = [...toolbar.querySelectorAll(':scope > button, :scope > [role="group"]')]
          .map((el) => el.getBoundingClientRect())
          .sort((x, y) => x.top - y.top);
        let rows = 0;
        let bottom = Number.NEGATIVE_INFINITY;
        for (const box of boxes) {
          if (box.top >= bottom) rows++;
          bottom = Math.max(bottom, box.bottom);
        }
        return {
          rows,
          height: toolbar.getBoundingClientRect().height,
          groups: [...toolbar.querySelectorAll('[role="group"]')].map((g) => g.getAttribute('aria-label')),
        };
      });
    const settings = overlay(page).getByRole('button', { name: 'Settings', exact: true });
    const closed = await bar();
    expect(closed).toMatchObject({ rows: 1, groups: ['Text size'] });
    expect(closed.height).toBeLessThan(60);
    await expect(settings.getAttribute('aria-expanded')).resolves.toBe('false');

    // By keyboard: Enter on Settings opens the panel it controls.
    await settings.focus();
    await page.keyboard.press('Enter');
    await expect(settings.getAttribute('aria-expanded')).resolves.toBe('true');
    const panelId = await settings.getAttribute('aria-controls');
    const panel = overlay(page).locator(`[id="${panelId}"]`);
    await expect(panel.getAttribute('aria-label')).resolves.toBe('Settings');
    const open = await bar();
    expect(open.groups).toEqual([
      'Text size',
      'Settings',
      'Theme',
      'Font',
      'Line width',
      'Line height',
      'Listening speed',
    ]);
    expect(open.height).toBeGreaterThan(closed.height);
    // Still on top of the story when it scrolls.
    await page.evaluate(() => {
      const reader = document.querySelector('reader-mode-overlay')!.shadowRoot!.querySelector('.reader')!;
      reader.scrollTop = 800;
    });
    const panelTop = await panel.evaluate((el) => el.getBoundingClientRect().top);
    expect(panelTop).toBeGreaterThan(0);
    expect(panelTop).toBeLessThan(closed.height + 5);

    await settings.click();
    await expect(settings.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(panel.count()).resolves.toBe(0);
    expect((await bar()).height).toBe(closed.height);
    await page.close();
  });

  it('theme: Light, Sepia, Dark and Auto buttons, the active one pressed, applied at once and remembered; Auto follows the system', async () => {
    const page = await openReader();
    const themes = group(page, 'Theme');
    await expect(themes.locator('button').allTextContents()).resolves.toEqual([
      'Light',
      'Sepia',
      'Dark',
      'Auto',
    ]);
    const bg: Record<string, string> = {};
    for (const name of ['Light', 'Sepia', 'Dark']) {
      await themes.getByRole('button', { name, exact: true }).click();
      for (const other of ['Light', 'Sepia', 'Dark', 'Auto']) {
        await expect(pressed(themes.getByRole('button', { name: other, exact: true }))).resolves.toBe(
          other === name ? 'true' : 'false',
        );
      }
      bg[name] = await style(page, '.reader', 'background-color');
    }
    expect(new Set(Object.values(bg)).size).toBe(3);
    // Dark is dark: a low-luminance background behind light text.
    const [r, g, b] = bg.Dark.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(150);

    await themes.getByRole('button', { name: 'Auto', exact: true }).click();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await style(page, '.reader', 'background-color')).toBe(bg.Dark);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await style(page, '.reader', 'background-color')).toBe(bg.Light);

    await themes.getByRole('button', { name: 'Sepia', exact: true }).click();
    await reopen(page, { theme: 'sepia' });
    await expect(pressed(themes.getByRole('button', { name: 'Sepia', exact: true }))).resolves.toBe('true');
    expect(await style(page, '.reader', 'background-color')).toBe(bg.Sepia);
    await page.close();
  });

  it('font, line width and line height apply at once and are remembered across a reload', async () => {
    const page = await openReader();
    const font = group(page, 'Font');
    const width = group(page, 'Line width');
    const spacing = group(page, 'Line height');
    await expect(font.locator('button').allTextContents()).resolves.toEqual(['Serif', 'Sans-serif']);
    await expect(width.locator('button').allTextContents()).resolves.toEqual(['Narrow', 'Medium', 'Wide']);

    const family = () => style(page, '.article-body p', 'font-family');
    await font.getByRole('button', { name: 'Sans-serif' }).click();
    expect(await family()).toMatch(/sans-serif$/);
    await font.getByRole('button', { name: 'Serif', exact: true }).click();
    expect(await family()).toMatch(/(^|[^-])serif$/);

    const measure = async () => Number.parseFloat(await style(page, 'article', 'width'));
    const widths: number[] = [];
    for (const name of ['Narrow', 'Medium', 'Wide']) {
      await width.getByRole('button', { name }).click();
      await expect(pressed(width.getByRole('button', { name }))).resolves.toBe('true');
      widths.push(await measure());
    }
    expect(widths[0]).toBeLessThan(widths[1]);
    expect(widths[1]).toBeLessThan(widths[2]);

    const leading = async () => Number.parseFloat(await style(page, '.article-body p', 'line-height'));
    const heights: number[] = [];
    for (const name of await spacing.locator('button').allTextContents()) {
      await spacing.getByRole('button', { name }).click();
      heights.push(await leading());
    }
    expect(heights).toHaveLength(3);
    expect(heights[0]).toBeLessThan(heights[1]);
    expect(heights[1]).toBeLessThan(heights[2]);

    await font.getByRole('button', { name: 'Sans-serif' }).click();
    await width.getByRole('button', { name: 'Wide' }).click();
    const fontBefore = await family();
    await reopen(page, { font: 'sans', width: 'wide', lineHeight: 'loose' });
    await expect(pressed(font.getByRole('button', { name: 'Sans-serif' }))).resolves.toBe('true');
    await expect(pressed(width.getByRole('button', { name: 'Wide' }))).resolves.toBe('true');
    await expect(pressed(spacing.locator('button').last())).resolves.toBe('true');
    expect(await family()).toBe(fontBefore);
    expect(await measure()).toBe(widths[2]);
    expect(await leading()).toBe(heights[2]);
    await page.close();
  });

  it('every toolbar control is reachable with Tab and shows a visible focus outline', async () => {
    const page = await openReader();
    // From the dialog itself, as when the reader has just opened (the click left focus on Settings).
    await page.evaluate(() =>
      (
        document.querySelector('reader-mode-overlay')!.shadowRoot!.querySelector('.reader') as HTMLElement
      ).focus(),
    );
    const controls = await overlay(page).locator('[role="toolbar"] button').count();
    expect(controls).toBeGreaterThanOrEqual(20);
    const seen: { label: string; outline: string; width: number; inToolbar: boolean }[] = [];
    for (let i = 0; i < controls; i++) {
      await page.keyboard.press('Tab');
      seen.push(
        await page.evaluate(() => {
          const el = document.querySelector('reader-mode-overlay')!.shadowRoot!.activeElement as HTMLElement;
          const cs = getComputedStyle(el);
          return {
            label: el.getAttribute('aria-label') ?? el.textContent ?? '',
            outline: el.matches(':focus-visible') ? cs.outlineStyle : 'not focus-visible',
            width: Number.parseFloat(cs.outlineWidth),
            inToolbar: !!el.closest('[role="toolbar"]'),
          };
        }),
      );
    }
    const labels = await overlay(page)
      .locator('[role="toolbar"] button')
      .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? ''));
    expect(seen.map((s) => s.label)).toEqual(labels);
    for (const s of seen) {
      expect(s).toMatchObject({ inToolbar: true, outline: 'solid' });
      expect(s.width).toBeGreaterThanOrEqual(2);
    }
    // Enter on a focused control works like a click.
    const themes = group(page, 'Theme');
    await themes.getByRole('button', { name: 'Dark' }).focus();
    await page.keyboard.press('Enter');
    await expect(pressed(themes.getByRole('button', { name: 'Dark' }))).resolves.toBe('true');
    await page.close();
  });
});

/** The header's date is filled in after the story's first frame (see ArticleHeader). */
const dateShown = (page: Page) =>
  page.waitForFunction(
    () =>
      document.querySelector('reader-mode-overlay')?.shadowRoot?.querySelector('article header time')
        ?.textContent,
    undefined,
    { timeout: 5000 },
  );

describe('article header', () => {
  it('shows title, byline, site name, a localized <time>, reading time and a safe link to the original', async () => {
    const page = await openReader();
    await dateShown(page);
    const header = await page.evaluate(() => {
      const h = document.querySelector('reader-mode-overlay')!.shadowRoot!.querySelector('article header')!;
      const time = h.querySelector('time');
      const a = h.querySelector('a');
      return {
        title: h.querySelector('h1')?.textContent,
        byline: h.querySelector('.byline')?.textContent,
        site: h.querySelector('.site-name')?.textContent,
        datetime: time?.getAttribute('datetime'),
        date: time?.textContent,
        reading: h.querySelector('.reading-time')?.textContent,
        href: a?.href,
        rel: a?.rel.split(/\s+/).sort(),
        target: a?.target,
      };
    });
    expect(header.title).toBe('Syrian Army Says Aleppo Has Been Retaken; US, UN Remain Wary');
    expect(header.byline).toBe('VOA News');
    expect(header.site).toBe('Voice of America');
    expect(new Date(header.datetime!).toISOString()).toBe('2016-12-22T19:07:43.000Z');
    expect(header.date).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(header.datetime!)),
    );
    expect(header.date).toBe('December 22, 2016');
    expect(header.reading).toMatch(/^[1-9]\d* min read$/);
    expect(header.href).toBe(page.url());
    expect(header.rel).toEqual(['noopener', 'noreferrer']);
    expect(header.target).toBe('_blank');
    await page.close();
  });
});

describe('quotes panel', () => {
  /** Speakers and their quotes as marked in the article body, in reading order, unattributed last. */
  const marked = (page: Page) =>
    page.evaluate(() => {
      const root = document.querySelector('reader-mode-overlay')!.shadowRoot!;
      const groups = new Map<string, string[]>();
      for (const q of root.querySelectorAll('.article-body q:not([data-quote-cont])')) {
        const who = q.getAttribute('data-speaker') ?? '';
        groups.set(who, [...(groups.get(who) ?? []), (q.textContent ?? '').replace(/^\W+|\W+$/g, '')]);
      }
      const named = [...groups].filter(([who]) => who);
      const unnamed = [...groups].filter(([who]) => !who);
      return [...named, ...unnamed];
    });
  const listed = (panel: Locator) =>
    panel
      .locator('.quote-group')
      .evaluateAll((gs) =>
        gs.map((g) => [
          g.querySelector('h3')?.textContent ?? '',
          [...g.querySelectorAll('li button')].map((b) => (b.textContent ?? '').replace(/^\W+|\W+$/g, '')),
        ]),
      );

  it('lists each speaker with their quotes in order, unattributed last; a click scrolls to the quote and flashes it', async () => {
    const page = await openReader('/pages/quotes-mixed.html');
    await expect(overlay(page).getByRole('region', { name: 'Quotes' }).count()).resolves.toBe(0);
    await overlay(page).getByRole('button', { name: 'Quotes', exact: true }).click();
    const panel = overlay(page).getByRole('region', { name: 'Quotes' });
    await expect(panel.isVisible()).resolves.toBe(true);
    const expected = (await marked(page)).map(([who, qs]) => [who || 'Unattributed', qs]);
    expect(await listed(panel)).toEqual(expected);
    // "Porter said … she added" is the Mayor Jane Porter named before: one person, listed once.
    expect(expected.map(([who]) => who)).toEqual(['Jane Porter', 'Tom Reyes', 'Unattributed']);
    expect(expected[0][1]).toHaveLength(3);
    // The unattributed slogan comes first in the text but is listed last.
    expect(expected.at(-1)?.[1]).toEqual(['Homes, not highways']);

    // Jump to the last quote of the story.
    await page.setViewportSize({ width: 900, height: 420 });
    await panel.getByRole('button', { name: 'Nothing is off the table' }).click();
    await page.waitForFunction(() => {
      const root = document.querySelector('reader-mode-overlay')!.shadowRoot!;
      const q = [...root.querySelectorAll('.article-body q')].find((el) =>
        el.textContent?.includes('Nothing is off the table'),
      )!;
      const r = q.getBoundingClientRect();
      return q.classList.contains('flash') && r.top >= 0 && r.bottom <= innerHeight;
    });
    const animation = await page.evaluate(() => {
      const q = document.querySelector('reader-mode-overlay')!.shadowRoot!.querySelector('q.flash')!;
      return getComputedStyle(q).animationName;
    });
    expect(animation).toBe('flash');
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.close();
  });

  it('lists the sample story’s speakers in order (VOA fixture)', async () => {
    const page = await openReader();
    await overlay(page).getByRole('button', { name: 'Quotes', exact: true }).click();
    const panel = overlay(page).getByRole('region', { name: 'Quotes' });
    const expected = (await marked(page)).map(([who, qs]) => [who || 'Unattributed', qs]);
    expect(await listed(panel)).toEqual(expected);
    expect(expected.find(([who]) => who === 'John Kirby')?.[1]).toHaveLength(2);
    await page.close();
  });

  it('quote highlighting can be switched off, and stays off after a reload', async () => {
    const page = await openReader();
    const toggle = overlay(page).getByRole('button', { name: 'Highlight quotes' });
    const highlight = () => style(page, '.article-body q', 'background-color');
    await expect(pressed(toggle)).resolves.toBe('true');
    expect(await highlight()).not.toBe('rgba(0, 0, 0, 0)');
    await toggle.click();
    await expect(pressed(toggle)).resolves.toBe('false');
    expect(await highlight()).toBe('rgba(0, 0, 0, 0)');
    await reopen(page, { highlightQuotes: false });
    await expect(pressed(toggle)).resolves.toBe('false');
    expect(await highlight()).toBe('rgba(0, 0, 0, 0)');
    await page.close();
  });
});

describe('images', () => {
  it('are lazy-loaded, each caption sits once under its image, and they can be hidden (remembered)', async () => {
    const page = await openReader();
    const figures = await page.evaluate(async () => {
      const root = document.querySelector('reader-mode-overlay')!.shadowRoot!;
      const imgs = [...root.querySelectorAll('article img')] as HTMLImageElement[];
      const text = root.querySelector('article')!.textContent!.replace(/\s+/g, ' ');
      const out = [];
      for (const fig of root.querySelectorAll('article figure')) {
        const img = fig.querySelector('img');
        const cap = fig.querySelector('figcaption');
        if (!img || !cap) continue;
        img.scrollIntoView();
        await img.decode().catch(() => undefined);
        const caption = cap.textContent!.replace(/\s+/g, ' ').trim();
        out.push({
          below: cap.getBoundingClientRect().top >= img.getBoundingClientRect().bottom - 1,
          imgHeight: img.getBoundingClientRect().height,
          occurrences: text.split(caption).length - 1,
        });
      }
      return { lazy: imgs.map((i) => i.loading), figures: out };
    });
    expect(figures.lazy.length).toBeGreaterThanOrEqual(4);
    expect(new Set(figures.lazy)).toEqual(new Set(['lazy']));
    expect(figures.figures).toHaveLength(4);
    for (const f of figures.figures) expect(f).toMatchObject({ below: true, occurrences: 1 });
    for (const f of figures.figures) expect(f.imgHeight).toBeGreaterThan(50);

    const toggle = overlay(page).getByRole('button', { name: 'Images', exact: true });
    const shown = () =>
      page.evaluate(
        () =>
          [
            ...document.querySelector('reader-mode-overlay')!.shadowRoot!.querySelectorAll('article img'),
          ].filter((i) => i.getBoundingClientRect().height > 0).length,
      );
    expect(await shown()).toBeGreaterThanOrEqual(4);
    await toggle.click();
    await expect(pressed(toggle)).resolves.toBe('false');
    expect(await shown()).toBe(0);
    await reopen(page, { showImages: false });
    await expect(pressed(toggle)).resolves.toBe('false');
    expect(await shown()).toBe(0);
    await page.close();
  });
});

describe('read aloud', () => {
  it("Listen reads the story with the system's voices, or says plainly that there are none", async () => {
    const page = await openReader();
    const listen = overlay(page).getByRole('button', { name: 'Listen', exact: true });
    await expect(listen.getAttribute('aria-pressed')).resolves.toBe('false');
    // The system's own voices, the only ones Listen uses (a network voice would send the text away).
    const voices = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const local = () => speechSynthesis.getVoices().filter((v) => v.localService).length;
          if (speechSynthesis.getVoices().length) resolve(local());
          speechSynthesis.addEventListener('voiceschanged', () => resolve(local()));
          setTimeout(() => resolve(local()), 2000);
        }),
    );
    await listen.click();
    const speaking = overlay(page).locator('.speaking');
    if (voices > 0) {
      // The headline first, marked while it is read; Listen shows pressed until paused.
      await expect(speaking.first().textContent()).resolves.toContain('Aleppo Has Been Retaken');
      await expect(listen.getAttribute('aria-pressed')).resolves.toBe('true');
      await listen.click();
      await expect(listen.getAttribute('aria-pressed')).resolves.toBe('false');
    } else {
      // This machine's browser has no voice (Linux without a speech service): a word, not silence.
      const note = overlay(page).getByRole('status');
      await note.waitFor({ timeout: 5000 });
      await expect(note.textContent()).resolves.toBe('No voice to read aloud on this system');
      await expect(listen.count()).resolves.toBe(0);
      await expect(speaking.count()).resolves.toBe(0);
    }
    await closeWithEscape(page);
    await page.close();
  });
});

describe('print', () => {
  it('printing while the reader is open prints only the story; closing gives the page its print back', async () => {
    const page = await openReader();
    await group(page, 'Theme').getByRole('button', { name: 'Dark' }).click();
    await overlay(page).getByRole('button', { name: 'Quotes', exact: true }).click();
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const host = document.querySelector('reader-mode-overlay')!;
      const root = host.shadowRoot!;
      const shown = (el: Element | null) => !!el && getComputedStyle(el).display !== 'none';
      const article = root.querySelector('article')!;
      return {
        pageContent: [...document.body.children]
          .filter((el) => el !== host && shown(el))
          .map((el) => el.localName),
        toolbar: shown(root.querySelector('.toolbar')),
        panelOpen: !!root.querySelector('.quotes-panel'),
        panel: shown(root.querySelector('.quotes-panel')),
        article: shown(article),
        // The story flows over as many pages as it needs, not one screenful.
        hostCoversStory: host.getBoundingClientRect().height >= article.getBoundingClientRect().height,
        hostOverflow: getComputedStyle(host).overflow,
        // Dark theme or not, paper gets dark text on white.
        ink: getComputedStyle(root.querySelector('.article-body p')!).color,
        paper: getComputedStyle(root.querySelector('.reader')!).backgroundColor,
      };
    });
    expect(printed).toEqual({
      pageContent: [],
      toolbar: false,
      panelOpen: true,
      panel: false,
      article: true,
      hostCoversStory: true,
      hostOverflow: 'visible',
      ink: 'rgb(0, 0, 0)',
      paper: 'rgb(255, 255, 255)',
    });
    const pdf = await page.pdf();
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);

    await page.emulateMedia({ media: 'screen' });
    await closeWithEscape(page);
    await page.emulateMedia({ media: 'print' });
    const after = await page.evaluate(() => ({
      sheets: document.adoptedStyleSheets.length,
      main: getComputedStyle(document.querySelector('main, #content, article') ?? document.body).display,
    }));
    expect(after.sheets).toBe(0);
    expect(after.main).not.toBe('none');
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });
});

describe('right-to-left', () => {
  it('an Arabic article renders right-to-left, with lang on the article and its « » and ” “ quotes marked', async () => {
    const page = await openReader('/pages/rtl-arabic.html');
    await dateShown(page);
    const info = await page.evaluate(() => {
      const root = document.querySelector('reader-mode-overlay')!.shadowRoot!;
      const article = root.querySelector('article')!;
      const time = article.querySelector('time');
      return {
        dir: article.getAttribute('dir'),
        lang: article.getAttribute('lang'),
        direction: getComputedStyle(article.querySelector('.article-body p')!).direction,
        dialogDir: getComputedStyle(root.querySelector('[role="dialog"]')!).direction,
        quotes: [...article.querySelectorAll('q')].map(
          (q) =>
            `${q.previousSibling?.textContent?.at(-1)}${q.textContent}${q.nextSibling?.textContent?.[0]}`,
        ),
        highlighted: [...article.querySelectorAll('q')].map((q) => getComputedStyle(q).backgroundColor),
        datetime: time?.getAttribute('datetime'),
        date: time?.textContent,
        title: article.querySelector('h1')?.textContent,
      };
    });
    expect(info.dir).toBe('rtl');
    expect(info.lang).toBe('ar');
    expect(info.direction).toBe('rtl');
    // The chrome follows the interface language (English here), not the story's.
    expect(info.dialogDir).toBe('ltr');
    expect(info.title).toBe('افتتاح أكبر مكتبة عامة في المدينة بعد ثلاث سنوات من العمل');
    // The marks stay in the text around each <q>, as in the source.
    expect(info.quotes).toEqual([
      '«هذه المكتبة ملك لكل سكان المدينة، وأبوابها مفتوحة للجميع دون استثناء»',
      '”نريد أن تكون المكتبة مكانا يلتقي فيه الناس، لا مجرد مخزن للكتب“',
      '«كنا نضطر إلى السفر إلى العاصمة للوصول إلى المراجع التي نحتاجها في دراستنا»',
    ]);
    for (const bg of info.highlighted) expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    expect(info.date).toBe(
      new Intl.DateTimeFormat('ar', { dateStyle: 'long' }).format(new Date(info.datetime!)),
    );
    await page.close();
  });
});
