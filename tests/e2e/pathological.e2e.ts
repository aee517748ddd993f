/**
 * Pathological pages (issue #4): pages whose story sits in a hostile shape still show it within 5 s,
 * pages with no story show the "no article" notice, no task on the page's main thread runs over 1 s
 * while the reader opens, and nothing is thrown.
 *
 * The pages are generated here (a 10 MB page is not committed) and served from memory.
 *
 * What is measured, honestly: long tasks come from a PerformanceObserver('longtask') installed in the
 * page after it has loaded and settled, so they are the tasks of the page's event loop from the click
 * until the story is shown: the reader's content script (an isolated world on the same thread) and the
 * browser's own style, layout and paint work the overlay causes; nothing of the page's own loading.
 * Errors are every exception thrown and every console.error/warn in any world of the page (CDP
 * Runtime events, which cover the content script's isolated world too).
 */
import { createServer, type Server } from 'node:http';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, PROD_BUILD, type Session } from '../../scripts/harness';

const STORY_TITLE = 'Harbour Town Rebuilds Its Sea Wall After The Winter Storms';
const PARAGRAPHS = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraph ${i + 1} of the story: the harbour master said the new wall would be finished before the ` +
    'autumn tides, and fishermen who lost boats in the storms described how the water rose over the quay ' +
    `in a single night while the town slept, a account the council confirmed in its report number ${i + 1}.`,
);
const storyHtml = (extra = '') =>
  `<article><h1>${STORY_TITLE}</h1><p class="byline">By Ana Ruiz</p>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}${extra}</article>`;

const page = (body: string, head = `<title>${STORY_TITLE}</title>`) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

/** About 10 MB and 200,000 elements: the story, buried in a mountain of page furniture. */
function hugePage(): string {
  const rows: string[] = [];
  for (let i = 0; i < 50_000; i++)
    rows.push(
      `<li class="teaser-item"><a href="/n/${i}"><span>Teaser headline number ${i}</span></a><em>${'·'.repeat(120)}</em></li>`,
    );
  const half = rows.length / 2;
  return page(
    `<nav><ul>${rows.slice(0, half).join('')}</ul></nav>${storyHtml()}<aside><ul>${rows.slice(half).join('')}</ul></aside>`,
  );
}

/**
 * The story at the bottom of 10,000 nested elements, built by the page's script (HTML parsers stop
 * nesting at 512). The nest is not rendered (display: none from a style sheet, which the reader does
 * not read): Chromium's own renderer crashes laying out a few thousand nested boxes, with or without
 * the extension, and that is not what this test is about.
 */
function deepPage(): string {
  const script = `
    let at = document.getElementById('root');
    for (let i = 0; i < 10000; i++) { const d = document.createElement('div'); at.appendChild(d); at = d; }
    at.innerHTML = ${JSON.stringify(storyHtml())};
    document.getElementById('root').setAttribute('data-depth', '10000');`;
  return page(
    `<div id="root"></div><script>${script}</script>`,
    `<title>${STORY_TITLE}</title><style>#root { display: none }</style>`,
  );
}

const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

/** 5,000 images in and around the story. */
function imagesPage(): string {
  const imgs = (n: number, from: number) =>
    Array.from(
      { length: n },
      (_, i) => `<img src="/img/${from + i}.gif" alt="Photo ${from + i}" width="1" height="1">`,
    ).join('');
  return page(
    `<div class="gallery">${imgs(4000, 0)}</div>${storyHtml(`<figure>${imgs(1000, 4000)}</figure>`)}`,
  );
}

/** A 100 kB <title>: the page's headline wins. */
function longTitlePage(): string {
  return page(storyHtml(), `<title>${'Breaking '.repeat(12_000)}</title>`);
}

const PAGES: Record<string, { type: string; body: string | Buffer }> = {};
let server: Server;
let origin = '';
let session: Session;

beforeAll(async () => {
  PAGES['/huge.html'] = { type: 'text/html; charset=utf-8', body: hugePage() };
  PAGES['/deep.html'] = { type: 'text/html; charset=utf-8', body: deepPage() };
  PAGES['/images.html'] = { type: 'text/html; charset=utf-8', body: imagesPage() };
  PAGES['/title.html'] = { type: 'text/html; charset=utf-8', body: longTitlePage() };
  PAGES['/frameset.html'] = {
    type: 'text/html; charset=utf-8',
    body: '<!doctype html><html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="/empty.html"><frame src="/empty.html"></frameset></html>',
  };
  PAGES['/empty.html'] = { type: 'text/html; charset=utf-8', body: '' };
  PAGES['/doc.xml'] = {
    type: 'application/xml',
    body: `<?xml version="1.0"?><feed><title>${STORY_TITLE}</title>${PARAGRAPHS.map((p) => `<entry>${p}</entry>`).join('')}</feed>`,
  };
  PAGES['/drawing.svg'] = {
    type: 'image/svg+xml',
    body: `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><title>${STORY_TITLE}</title><text x="10" y="20">${PARAGRAPHS[0]}</text></svg>`,
  };
  PAGES['/notes.txt'] = { type: 'text/plain; charset=utf-8', body: PARAGRAPHS.join('\n\n') };
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/img/')) return void res.writeHead(200, { 'content-type': 'image/gif' }).end(GIF);
    const hit = PAGES[path];
    if (!hit) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': hit.type }).end(hit.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  session = await launch(PROD_BUILD);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await new Promise((r) => server?.close(r));
});

interface Opened {
  shown: 'article' | 'notice' | null;
  title: string | null;
  text: string;
  ms: number;
  longTasks: number[];
  errors: string[];
}

let visits = 0;

/** Loads `path`, clicks the toolbar button, waits for the overlay's story or notice. */
async function openReader(path: string, timeout = 5000): Promise<Opened> {
  const tab: Page = await session.context.newPage();
  const cdp: CDPSession = await session.context.newCDPSession(tab);
  const errors: string[] = [];
  cdp.on('Runtime.exceptionThrown', (e) =>
    errors.push(`exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`),
  );
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type === 'error' || e.type === 'warning' || e.type === 'assert')
      errors.push(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description).join(' ')}`);
  });
  try {
    await tab.goto(`${origin}${path}?visit=${++visits}`, { waitUntil: 'load', timeout: 60_000 });
    await cdp.send('Runtime.enable');
    // Let the page's own load work finish before watching for long tasks.
    await tab.waitForTimeout(300);
    await tab.evaluate(`(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    })()`);
    const start = Date.now();
    await session.clickAction(tab);
    const shown = (await tab
      .waitForFunction(
        () => {
          const root = (
            document.querySelector('reader-mode-overlay, [data-reader-mode-overlay]') as HTMLElement | null
          )?.shadowRoot;
          if (root?.querySelector('article')) return 'article';
          if (root?.querySelector('[role="status"]')) return 'notice';
          return null;
        },
        undefined,
        { timeout, polling: 50 },
      )
      .then((h) => h.jsonValue())
      .catch(() => null)) as Opened['shown'];
    const ms = Date.now() - start;
    // One more frame, so a long task that drew the view is reported.
    await tab.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))');
    const info = (await tab.evaluate(`(() => {
      const root = document.querySelector('reader-mode-overlay, [data-reader-mode-overlay]')?.shadowRoot;
      const article = root?.querySelector('article');
      return {
        title: article?.querySelector('h1')?.textContent ?? null,
        text: (article ?? root?.querySelector('[role="status"]'))?.textContent ?? '',
        longTasks: window.__longTasks,
      };
    })()`)) as Pick<Opened, 'title' | 'text' | 'longTasks'>;
    // The figures themselves, so a run near its limits shows how near (CI logs keep them).
    const longest = Math.round(Math.max(0, ...info.longTasks));
    console.log(`[pathological] ${path}: ${shown ?? 'nothing'} after ${ms} ms, longest task ${longest} ms`);
    return { shown, ms, errors, ...info };
  } finally {
    await cdp.detach().catch(() => undefined);
    await tab.close();
  }
}

const maxTask = (o: Opened) => Math.max(0, ...o.longTasks);

/** What every page that holds a story must give: the story, within 5 s, no task over 1 s, no error. */
function expectStory(o: Opened): void {
  expect(o.shown).toBe('article');
  expect(o.title).toBe(STORY_TITLE);
  expect(o.ms).toBeLessThan(5000);
  expect(maxTask(o)).toBeLessThan(1000);
  expect(o.errors).toEqual([]);
}

describe('pathological pages that hold a story', () => {
  it('a 10 MB page with 200,000 elements: the story within 5 s, no task over 1 s', async () => {
    const html = PAGES['/huge.html'].body as string;
    expect(html.length).toBeGreaterThan(10_000_000);
    expect(html.match(/<[a-z]/g)?.length).toBeGreaterThan(200_000);
    const o = await openReader('/huge.html');
    expectStory(o);
    expect(o.text).toContain(PARAGRAPHS[11]);
    expect(o.text).not.toContain('Teaser headline number');
  }, 90_000);

  it('a story nested 10,000 elements deep', async () => {
    const o = await openReader('/deep.html');
    expectStory(o);
    expect(o.text).toContain(PARAGRAPHS[11]);
  });

  it('5,000 images', async () => {
    const o = await openReader('/images.html');
    expectStory(o);
    expect(o.text).toContain(PARAGRAPHS[11]);
  });

  it('a 100 kB <title> gives way to the headline', async () => {
    const o = await openReader('/title.html');
    expectStory(o);
    expect(o.text).not.toContain('Breaking Breaking');
  });
});

describe('pages without a story show the notice', () => {
  it.each([
    ['a frameset', '/frameset.html'],
    ['an XML document', '/doc.xml'],
    ['an SVG document', '/drawing.svg'],
    ['a text/plain page', '/notes.txt'],
    ['an empty page', '/empty.html'],
  ])('%s', async (_name, path) => {
    const o = await openReader(path);
    expect(o.shown).toBe('notice');
    expect(o.text).toContain('No article found on this page');
    expect(maxTask(o)).toBeLessThan(1000);
    expect(o.errors).toEqual([]);
  });
});
