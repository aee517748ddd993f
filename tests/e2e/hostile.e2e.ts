/**
 * Hostile pages in real Chromium with the production build: every page in tests/fixtures/hostile
 * carries payloads that call back to /__xss if they ever run. The page's own copies fire while it
 * loads (that is their point); the reader must never add a single execution once it is open.
 *
 * How "after the reader opens" is made to mean "from the reader": before the toolbar click the
 * page is given time to settle (load, error, animation and autofocus handlers fire), focus is
 * taken out of the page (so no page-side blur/focusout fires when the reader takes focus), and
 * once the reader is open it covers the viewport in the top layer, so the pointer and the keyboard
 * can only reach the reader. Every element inside the reader is then poked (the events the page
 * names in its on* attributes, hover, Tab, clicks on every link) and any /__xss request in that
 * phase fails the test. A control payload injected into the reader's shadow root proves, on every
 * page, that an execution there would be seen.
 *
 * All test-side DOM access goes through a private isolated world (Page.createIsolatedWorld), so a
 * page that tampers with built-ins (12-prototype-tampering) cannot fool the test either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURES,
  type FixtureServer,
  launch,
  PROD_BUILD,
  type Session,
  startServer,
} from '../../scripts/harness';

const HOSTILE_DIR = join(FIXTURES, 'hostile');
const PAGES = readdirSync(HOSTILE_DIR)
  .filter((f) => /^\d\d-[\w-]+\.html$/.test(f))
  .sort();
const README = readFileSync(join(HOSTILE_DIR, 'README.md'), 'utf8');
/** Payload ids per page, from the README table (the unit tests check it against the pages). */
const PAYLOADS = new Map<string, string[]>();
for (const m of README.matchAll(/^\| `(h(\d\d)-[a-z0-9-]+)` \|/gm)) {
  const list = PAYLOADS.get(m[2]) ?? [];
  list.push(m[1]);
  PAYLOADS.set(m[2], list);
}

/** Test names after the attacks each page carries. */
const ATTACKS: Record<string, string> = {
  '01': 'event-handler attributes (onerror/onload/ontoggle/autofocus onfocus/onanimationstart/onbegin, <body onload>)',
  '02': 'javascript:/vbscript:/data: URLs in href, src, srcset, action/formaction, poster, cite, background, ping',
  '03': 'SVG <animate>/<set> href, <svg><script>, foreignObject, MathML mglyph/style namespace confusion (CVE-2020-26870 class)',
  '04': 'mXSS via <noscript>, <template>, raw-text elements and comments that reparse (CVE-2020-26870 class)',
  '05': 'iframe srcdoc, data:/javascript: frames, object/embed, meta refresh and <base href> hijacks',
  '06': 'DOM clobbering of document.getElementById, document.body, cookie, createElement, form properties',
  '07': 'CSS requests and handlers: @import, url(), @font-face, onanimationstart/ontransitionend, clickjack layer',
  '08': 'forms and widgets: formaction, autofocus handlers, dialog onclose, popover onbeforetoggle, contenteditable',
  '09': 'parser obfuscation: slash/form-feed separators, case, entities, broken tags, script variants',
  '10': 'links and images: javascript: srcset candidates, data:svg/html, blob:/file: links, reverse tabnabbing',
  '11': 'page CSS aimed at the overlay (display:none, all:unset, ::backdrop, root filter, max-z-index cover)',
  '12': 'tampered built-ins and DOM prototypes, customElements.define of the overlay tag',
};

/**
 * Pages on which the reader is known to fail today, with the reason. The test still runs and is
 * reported as an expected failure; once the bug is fixed vitest reports it as passing unexpectedly
 * (a failure), and the entry must go.
 */
const KNOWN_BUGS: Record<string, string> = {};

interface Hit {
  id: string;
  url: string;
  phase: string;
}

let server: FixtureServer;
let session: Session;
const hits: Hit[] = [];
let phase = 'idle';
let blockNavigation = false;
let visits = 0;
const summary: { page: string; payloads: number; liveInPage: number; afterReader: number }[] = [];

beforeAll(async () => {
  server = await startServer();
  session = await launch(PROD_BUILD);
  // Every beacon, from any frame or origin (data: documents beacon to http://xss.invalid/__xss).
  await session.context.route(
    (url) => url.pathname.startsWith('/__xss'),
    (route) => {
      const url = route.request().url();
      hits.push({ id: url.match(/h\d\d-[a-z0-9-]+|control-[a-z0-9-]+/)?.[0] ?? url, url, phase });
      return route.fulfill({ status: 204 });
    },
  );
  // While the reader's links are being clicked, navigations go nowhere (204: the tab stays put).
  await session.context.route('**/*', (route) => {
    const req = route.request();
    if (blockNavigation && req.isNavigationRequest() && !new URL(req.url()).pathname.startsWith('/__xss')) {
      return route.fulfill({ status: 204 });
    }
    return route.fallback();
  });
});

afterAll(async () => {
  if (summary.length) {
    const tried = summary.reduce((n, s) => n + s.payloads, 0);
    const live = summary.reduce((n, s) => n + s.liveInPage, 0);
    const after = summary.reduce((n, s) => n + s.afterReader, 0);
    console.info(
      `[hostile-e2e] ${summary.length} pages, ${tried} payloads tried in Chromium; ${live} ids fired in the raw pages before the reader opened; ${after} executions after the reader opened`,
    );
  }
  await session?.close();
  await server?.close();
});

// ------------------------------------------------------------------------------------------------
// A private isolated world: pristine built-ins, the page's DOM.

interface World {
  cdp: CDPSession;
  contextId: number;
}

async function isolatedWorld(cdp: CDPSession): Promise<World> {
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'hostile-e2e',
  })) as { executionContextId: number };
  return { cdp, contextId: executionContextId };
}

/** Runs `fn(arg)` in the isolated world; fn must be self-contained. */
async function inWorld<A, R>(world: World, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('the tab stopped responding (a script, e.g. the content script, is stuck)')),
      20000,
    );
  });
  const evaluation = world.cdp.send('Runtime.evaluate', {
    expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
    contextId: world.contextId,
    returnByValue: true,
    awaitPromise: true,
  });
  const res = (await Promise.race([evaluation, hung]).finally(() => clearTimeout(timer))) as {
    result: { value: R };
    exceptionDetails?: { exception?: { description?: string }; text: string };
  };
  if (res.exceptionDetails) {
    throw new Error(res.exceptionDetails.exception?.description ?? res.exceptionDetails.text);
  }
  return res.result.value;
}

// ------------------------------------------------------------------------------------------------
// Console errors and uncaught exceptions, attributed to the extension or to the page.

interface Logged {
  from: 'extension' | 'page';
  kind: string;
  text: string;
  at: number;
}

interface ConsoleWatch {
  entries: Logged[];
  /** Entries from the extension (its content-script world or its files) after `since`. */
  fromExtension(since?: number): Logged[];
  /** The content script's execution context (its isolated world), once it has been injected. */
  extensionContext(): number | undefined;
}

async function watchConsole(page: Page, cdp: CDPSession): Promise<ConsoleWatch> {
  const extOrigin = `chrome-extension://${session.extensionId}`;
  const contexts = new Map<number, { origin: string; name: string; type: string }>();
  const entries: Logged[] = [];
  let seq = 0;
  const attribute = (ctx: number | undefined, ...texts: (string | undefined)[]): Logged['from'] => {
    const c = ctx === undefined ? undefined : contexts.get(ctx);
    if (c && (c.origin.startsWith(extOrigin) || (c.type === 'isolated' && c.name !== 'hostile-e2e'))) {
      return 'extension';
    }
    return texts.some((t) => t?.includes(extOrigin)) ? 'extension' : 'page';
  };
  type Frame = { url: string };
  cdp.on('Runtime.executionContextCreated', (e: unknown) => {
    const { context } = e as {
      context: { id: number; origin: string; name: string; auxData?: { type?: string } };
    };
    contexts.set(context.id, {
      origin: context.origin,
      name: context.name,
      type: context.auxData?.type ?? '',
    });
  });
  cdp.on('Runtime.executionContextDestroyed', (e: unknown) => {
    contexts.delete((e as { executionContextId: number }).executionContextId);
  });
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  cdp.on('Runtime.consoleAPICalled', (e: unknown) => {
    const ev = e as {
      type: string;
      executionContextId: number;
      args: { value?: unknown; description?: string }[];
      stackTrace?: { callFrames: Frame[] };
    };
    if (!['error', 'warning', 'assert'].includes(ev.type)) return;
    const text = ev.args
      .map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? '')))
      .join(' ');
    const urls = ev.stackTrace?.callFrames.map((f) => f.url) ?? [];
    entries.push({
      from: attribute(ev.executionContextId, ...urls),
      kind: `console.${ev.type}`,
      text,
      at: ++seq,
    });
  });
  cdp.on('Runtime.exceptionThrown', (e: unknown) => {
    const d = (
      e as {
        exceptionDetails: {
          executionContextId?: number;
          url?: string;
          text: string;
          exception?: { description?: string };
          stackTrace?: { callFrames: Frame[] };
        };
      }
    ).exceptionDetails;
    const text = d.exception?.description ?? d.text;
    entries.push({
      from: attribute(
        d.executionContextId,
        d.url,
        text,
        ...(d.stackTrace?.callFrames.map((f) => f.url) ?? []),
      ),
      kind: 'exception',
      text,
      at: ++seq,
    });
  });
  cdp.on('Log.entryAdded', (e: unknown) => {
    const { entry } = e as { entry: { level: string; source: string; text: string; url?: string } };
    if (entry.level !== 'error') return;
    entries.push({
      from: attribute(undefined, entry.url, entry.text),
      kind: `log.${entry.source}`,
      text: entry.text,
      at: ++seq,
    });
  });
  // Playwright's own channels too (content-script errors show in the page's console in Chromium).
  page.on('pageerror', (err) => {
    const text = `${err.stack ?? err}`;
    entries.push({ from: attribute(undefined, text), kind: 'pageerror', text, at: ++seq });
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    entries.push({
      from: attribute(undefined, msg.location().url, msg.text()),
      kind: 'console',
      text: msg.text(),
      at: ++seq,
    });
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return {
    entries,
    fromExtension: (since = 0) => entries.filter((e) => e.from === 'extension' && e.at > since),
    extensionContext: () => {
      for (const [id, c] of contexts) {
        if (c.type === 'isolated' && c.name !== 'hostile-e2e' && c.name !== '') return id;
      }
      return undefined;
    },
  };
}

// ------------------------------------------------------------------------------------------------
// Visiting a page and opening the reader.

interface Visit {
  page: Page;
  cdp: CDPSession;
  world: World;
  console: ConsoleWatch;
  /** Console entry count when the reader was asked to open. */
  mark: number;
  liveInPage: string[];
  headers: Record<string, string>;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForReader(world: World, timeout = 15000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    const ready = await inWorld(world, () => {
      const host = document.querySelector('reader-mode-overlay, [data-reader-mode-overlay]');
      return !!host?.shadowRoot?.querySelector('article h1, [role="status"]');
    });
    if (ready) return;
    await settle(100);
  }
  throw new Error('the reader did not open');
}

/** Opens `path`, lets the page's own payloads fire, takes focus out of the page, opens the reader. */
async function visit(path: string, beforeOpen?: (page: Page, world: World) => Promise<void>): Promise<Visit> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const watch = await watchConsole(page, cdp);
  phase = 'page';
  const sep = path.includes('?') ? '&' : '?';
  const response = await page.goto(`${server.origin}${path}${sep}visit=${++visits}`, { waitUntil: 'load' });
  await settle(1500);
  const world = await isolatedWorld(cdp);
  await inWorld(world, () => {
    (document.activeElement as HTMLElement | null)?.blur?.();
  });
  await settle(400);
  if (beforeOpen) {
    await beforeOpen(page, world);
    await settle(500); // beacons the hook set off arrive before the reset
  }
  const liveInPage = [...new Set(hits.filter((h) => h.phase === 'page').map((h) => h.id))];
  hits.length = 0;
  phase = 'reader';
  const mark = watch.entries.length ? watch.entries[watch.entries.length - 1].at : 0;
  await session.clickAction(page);
  await waitForReader(world);
  return {
    page,
    cdp,
    world,
    console: watch,
    mark,
    liveInPage,
    headers: response?.headers() ?? {},
  };
}

async function finish(v: Visit): Promise<void> {
  phase = 'idle';
  blockNavigation = false;
  hits.length = 0;
  await v.cdp.detach().catch(() => {});
  await Promise.race([v.page.close().catch(() => {}), settle(5000)]);
}

/** Every on* event name the page's markup uses, plus the usual ones. */
function eventTypes(html: string): string[] {
  const types = new Set(['load', 'error', 'focus', 'mouseover', 'toggle', 'animationstart']);
  for (const m of html.matchAll(/\son([a-z]+)\s*=/gi)) types.add(m[1].toLowerCase());
  types.delete('click'); // links are clicked one by one below, with navigation held
  return [...types];
}

/** Hover, scroll, Tab and poke every element of the reader; click every link in it. */
async function exerciseReader(v: Visit, events: string[]): Promise<void> {
  const { page, world } = v;
  const size = page.viewportSize() ?? { width: 1200, height: 900 };
  for (let y = 40; y < size.height; y += 110) {
    for (let x = 30; x < size.width; x += 140) await page.mouse.move(x, y);
  }
  await page.mouse.move(size.width / 2, size.height / 2);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 600);
  for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
  await inWorld(
    world,
    (types: string[]) => {
      // The extracted story only: a synthetic click on the toolbar's close button would close the reader.
      const root = document.querySelector('reader-mode-overlay, [data-reader-mode-overlay]')?.shadowRoot;
      if (!root) return;
      for (const el of root.querySelectorAll('article, article *')) {
        for (const type of types) el.dispatchEvent(new Event(type));
      }
    },
    events,
  );
  blockNavigation = true;
  const opened = new Set(session.context.pages());
  await inWorld(world, () => {
    const root = document.querySelector('reader-mode-overlay, [data-reader-mode-overlay]')?.shadowRoot;
    for (const a of root?.querySelectorAll('a[href], area[href]') ?? []) (a as HTMLElement).click();
  });
  await settle(1200);
  blockNavigation = false;
  for (const p of session.context.pages()) if (!opened.has(p)) await p.close();
}

/** The overlay as the page's document sees it, read from the isolated world. */
async function readerState(world: World) {
  return inWorld(world, () => {
    const hosts = document.querySelectorAll('reader-mode-overlay, [data-reader-mode-overlay]');
    const host = hosts[0] as HTMLElement | undefined;
    const root = host?.shadowRoot;
    const article = root?.querySelector('article');
    const pageH1 = document.querySelector('article h1') ?? document.querySelector('h1');
    const long = (sel: string) =>
      [...document.querySelectorAll(sel)].map((p) => p.textContent ?? '').filter((t) => t.length > 250);
    const story = long('article > p').length >= 5 ? long('article > p') : long('p');
    return {
      hosts: hosts.length,
      popoverOpen: !!host?.matches(':popover-open'),
      title: article?.querySelector('h1')?.textContent?.trim() ?? null,
      /** Elements inside the title: metadata must be rendered as text, never as markup. */
      titleElements: article?.querySelector('h1')?.children.length ?? -1,
      pageTitle: pageH1?.textContent?.trim() ?? null,
      text: article?.textContent ?? '',
      story,
      status: root?.querySelector('[role="status"]')?.textContent ?? null,
    };
  });
}

async function expectStory(world: World): Promise<void> {
  const s = await readerState(world);
  expect(s.hosts).toBe(1);
  expect(s.popoverOpen).toBe(true);
  expect(s.status).toBeNull();
  // The title comes from the page's metadata or its <h1>; markup in it stays text.
  expect(s.title).toBeTruthy();
  expect(s.titleElements).toBe(0);
  expect(s.title!.slice(0, 20)).toBe(s.pageTitle!.slice(0, 20));
  expect(s.story.length).toBeGreaterThanOrEqual(2);
  for (const p of s.story) expect(s.text.replace(/\s+/g, ' ')).toContain(p.replace(/\s+/g, ' '));
}

// ------------------------------------------------------------------------------------------------

describe('hostile pages in Chromium: no payload runs once the reader is open', () => {
  it('the beacon counter sees a payload injected into the reader (control)', async () => {
    const v = await visit('/voa-aleppo.html');
    await inWorld(v.world, () => {
      const root = document.querySelector('reader-mode-overlay, [data-reader-mode-overlay]')!.shadowRoot!;
      const t = Document.prototype.createElement.call(document, 'template') as HTMLTemplateElement; // document.createElement may be clobbered
      t.innerHTML = `<img src="/missing-control.png" onerror="fetch('/__xss?id=control-img')"><a href="javascript:fetch('/__xss?id=control-link')">x</a>`;
      root.querySelector('article')!.append(t.content);
      (root.querySelector('a[href^="javascript:"]') as HTMLElement).click();
    });
    await expect
      .poll(() => hits.map((h) => h.id).sort(), { timeout: 5000 })
      .toEqual(['control-img', 'control-link']);
    await finish(v);
  });

  for (const file of PAGES) {
    const nn = file.slice(0, 2);
    const ids = PAYLOADS.get(nn) ?? [];
    const test = KNOWN_BUGS[file] ? it.fails : it;
    const name = `${ATTACKS[nn] ?? file} (${file}, ${ids.length} payloads)`;
    test(KNOWN_BUGS[file] ? `${name} — KNOWN BUG: ${KNOWN_BUGS[file]}` : name, async () => {
      expect(ids.length, `${file}: payload ids in the README`).toBeGreaterThan(0);
      const html = readFileSync(join(HOSTILE_DIR, file), 'utf8');
      const v = await visit(`/hostile/${file}`);
      await expectStory(v.world);
      await exerciseReader(v, eventTypes(html));
      await settle(500);
      // A relative URL in the story resolves against the document's base URL, as every relative URL
      // in the page itself does: a request under a <base href> the page set for the whole document
      // is the page's own (reported, not counted). Script payloads (?id=) always count.
      const base = await inWorld(v.world, () => document.baseURI);
      const underPageBase = (h: Hit) => h.url.includes('/__xss/') && h.url.startsWith(base);
      const after = hits.filter((h) => h.phase === 'reader' && !underPageBase(h));
      const followedBase = hits.filter((h) => h.phase === 'reader' && underPageBase(h));
      if (followedBase.length) {
        console.info(`[hostile-e2e] ${file}: story image requested under the page's own <base href> ${base}`);
      }
      summary.push({
        page: file,
        payloads: ids.length,
        liveInPage: v.liveInPage.length,
        afterReader: after.length,
      });
      expect(
        after.map((h) => h.url),
        'payload executions after the reader opened',
      ).toEqual([]);
      // The reader is still there and still shows the story after all that.
      await expectStory(v.world);
      expect(v.console.fromExtension(v.mark), 'console errors from the extension').toEqual([]);

      // Control, on this very page: an execution inside the reader would have been counted.
      await inWorld(
        v.world,
        (tag: string) => {
          const root = document.querySelector('reader-mode-overlay, [data-reader-mode-overlay]')!.shadowRoot!;
          const t = Document.prototype.createElement.call(document, 'template') as HTMLTemplateElement; // document.createElement may be clobbered
          t.innerHTML = `<img src="/missing-control.png" onerror="fetch('/__xss?id=control-${tag}')">`;
          root.querySelector('article')!.append(t.content);
        },
        nn,
      );
      await expect.poll(() => hits.map((h) => h.id), { timeout: 5000 }).toContain(`control-${nn}`);
      await finish(v);
    });
  }
});

describe('DOM clobbering of form properties, one at a time', () => {
  const story = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Paragraph ${i + 1}: the harbour ferry, the council vote and the people who live by the water were all in the news this week, and the paper's reporters spent long evenings on the quay and in the council chamber, notebooks open, to tell the whole story properly and fairly to every reader.</p>`,
  ).join('');
  const page = (form: string) =>
    `<!DOCTYPE html><html lang="en"><head><title>Harbour story</title></head><body><main><article><h1>Harbour story</h1>${story}${form}${story}</article></main></body></html>`;
  const cases: [name: string, form: string, bug?: string][] = [
    ['<form><input name="parentNode"> shadows form.parentNode', '<form><input name="parentNode"></form>'],
    ['<form><input name="nodeName"> shadows form.nodeName', '<form><input name="nodeName"></form>'],
    ['<form><input name="attributes"> shadows form.attributes', '<form><input name="attributes"></form>'],
    [
      '<form><input name="firstElementChild"> shadows form.firstElementChild',
      '<form><input name="firstElementChild"></form>',
    ],
    [
      '<form><input name="nextElementSibling"> shadows form.nextElementSibling',
      '<form><input name="nextElementSibling"></form>',
    ],
    [
      '<img name="querySelectorAll"> shadows document.querySelectorAll',
      '<img name="querySelectorAll" alt="">',
    ],
  ];
  for (const [name, form, bug] of cases) {
    const slug = name.replace(/[^a-z]+/gi, '-').toLowerCase();
    const test = bug ? it.fails : it;
    test(bug ? `${name} — KNOWN BUG: ${bug}` : name, async () => {
      await session.context.route(`${server.origin}/inline/${slug}.html*`, (route) =>
        route.fulfill({ contentType: 'text/html', body: page(form) }),
      );
      const v = await visit(`/inline/${slug}.html`);
      await expectStory(v.world);
      expect(v.console.fromExtension(v.mark)).toEqual([]);
      await finish(v);
    });
  }
});

describe('console: nothing is thrown by the extension', () => {
  it('the watcher attributes an error thrown in the content script world to the extension (control)', async () => {
    const v = await visit('/voa-aleppo.html');
    const ctx = v.console.extensionContext();
    expect(ctx, 'the content script world was seen').toBeDefined();
    await v.cdp.send('Runtime.evaluate', {
      expression: `console.error('calm-reader control'); setTimeout(() => { throw new Error('calm-reader control throw'); });`,
      contextId: ctx,
    });
    await expect
      .poll(() => v.console.fromExtension(v.mark).map((e) => e.text), { timeout: 5000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('calm-reader control')]));
    await expect
      .poll(() => v.console.fromExtension(v.mark).filter((e) => e.text.includes('control throw')), {
        timeout: 5000,
      })
      .not.toEqual([]);
    await finish(v);
  });
});

// ------------------------------------------------------------------------------------------------
// Styles and pixels.

const STYLE_PROPS = [
  'color',
  'background-color',
  'font-size',
  'font-family',
  'font-style',
  'font-weight',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-shadow',
  'text-indent',
  'text-align',
  'white-space',
  'visibility',
  'opacity',
  'filter',
  'transform',
  'cursor',
  '-webkit-text-fill-color',
  'user-select',
  'zoom',
];

/** Computed styles of the reader's root, its story paragraphs, toolbar and article, and of the host. */
async function readerStyles(world: World) {
  return inWorld(
    world,
    (props: string[]) => {
      const host = document.querySelector('reader-mode-overlay, [data-reader-mode-overlay]') as HTMLElement;
      const root = host.shadowRoot!;
      const pick = (el: Element | null) => {
        if (!el) return null;
        const cs = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      };
      const toolbar = root.querySelector('.toolbar');
      const buttons = [...(toolbar?.querySelectorAll('button') ?? [])].map((b) => b.getBoundingClientRect());
      const article = root.querySelector('article')!;
      return {
        reader: pick(root.querySelector('.reader')),
        paragraph: pick(root.querySelector('.article-body p')),
        title: pick(root.querySelector('article h1')),
        articleMaxWidth: getComputedStyle(article).maxWidth,
        articleWidth: article.getBoundingClientRect().width,
        toolbarDisplay: toolbar ? getComputedStyle(toolbar).display : null,
        toolbarHeight: toolbar?.getBoundingClientRect().height ?? 0,
        buttons: buttons.length,
        /** Buttons sharing the first button's row: a laid-out toolbar, not a stack of unstyled buttons. */
        buttonsInFirstRow: buttons.filter((b) => Math.abs(b.top - (buttons[0]?.top ?? -1)) < 4).length,
        sheets: root.adoptedStyleSheets.length + root.querySelectorAll('style').length,
      };
    },
    STYLE_PROPS,
  );
}

/** Decodes a PNG screenshot in a blank tab and reads pixels: [r, g, b] at points, and the dark-pixel share of a region. */
async function readPixels(
  png: Buffer,
  points: { x: number; y: number }[],
  region: { x: number; y: number; w: number; h: number },
) {
  const scratch = await session.context.newPage();
  try {
    return await scratch.evaluate(
      async ({ b64, points, region }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const g = canvas.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const at = points.map(({ x, y }) => [...g.getImageData(x, y, 1, 1).data.slice(0, 3)]);
        const data = g.getImageData(region.x, region.y, region.w, region.h).data;
        let dark = 0;
        let magenta = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, gr, b] = [data[i], data[i + 1], data[i + 2]];
          if (0.299 * r + 0.587 * gr + 0.114 * b < 100) dark++;
          if (r > 200 && gr < 80 && b > 200) magenta++;
        }
        const n = data.length / 4;
        return { at, dark: dark / n, magenta: magenta / n };
      },
      { b64: png.toString('base64'), points, region },
    );
  } finally {
    await scratch.close();
  }
}

const isMagenta = ([r, g, b]: number[]) => r > 200 && g < 80 && b > 200;

describe('page CSS cannot hide, cover, blur or restyle the overlay (11-page-css-vs-overlay.html)', () => {
  it('display:none/all:unset/opacity/transform/zoom on the host and :popover-open, ::backdrop, filter on html/body, a z-index 2147483647 cover layer, inherited restyling', async () => {
    // Baseline: the same reader, same preferences, on a page without hostile CSS.
    const calm = await visit('/voa-aleppo.html');
    const baseline = await readerStyles(calm.world);
    const calmShot = await calm.page.screenshot();
    await finish(calm);

    let before: Awaited<ReturnType<typeof readPixels>> | undefined;
    const v = await visit('/hostile/11-page-css-vs-overlay.html', async (page) => {
      // Control: before the reader opens, the page's cover layer is what one sees.
      before = await readPixels(await page.screenshot(), [{ x: 600, y: 450 }], {
        x: 300,
        y: 150,
        w: 600,
        h: 600,
      });
    });
    expect(isMagenta(before!.at[0]), 'the cover layer shows before the reader opens (control)').toBe(true);
    await expectStory(v.world);

    const size = v.page.viewportSize()!;
    const geometry = await inWorld(
      v.world,
      ({ w, h }) => {
        const host = document.querySelector('reader-mode-overlay, [data-reader-mode-overlay]') as HTMLElement;
        const points = [
          [2, 2],
          [w / 2, 2],
          [w - 3, 2],
          [2, h / 2],
          [w / 2, h / 2],
          [w - 3, h / 2],
          [2, h - 3],
          [w / 2, h - 3],
          [w - 3, h - 3],
          [w / 4, h / 3],
        ];
        const r = host.getBoundingClientRect();
        const cs = getComputedStyle(host);
        return {
          onTop: points.map(([x, y]) => document.elementFromPoint(x, y) === host),
          rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
          popoverOpen: host.matches(':popover-open'),
          host: {
            display: cs.display,
            visibility: cs.visibility,
            opacity: cs.opacity,
            transform: cs.transform,
            filter: cs.filter,
            clipPath: cs.clipPath,
            /** The zoom the host is drawn at, its ancestors' zoom included. */
            effectiveZoom: (host as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1,
            contentVisibility: cs.contentVisibility,
          },
        };
      },
      { w: size.width, h: size.height },
    );
    expect(geometry.onTop, 'document.elementFromPoint returns the overlay host').toEqual(
      geometry.onTop.map(() => true),
    );
    expect(geometry.rect.left).toBeLessThanOrEqual(0);
    expect(geometry.rect.top).toBeLessThanOrEqual(0);
    expect(geometry.rect.right).toBeGreaterThanOrEqual(size.width);
    expect(geometry.rect.bottom).toBeGreaterThanOrEqual(size.height);
    expect(geometry.popoverOpen).toBe(true);
    expect(geometry.host).toEqual({
      display: 'block',
      visibility: 'visible',
      opacity: '1',
      transform: 'none',
      filter: 'none',
      clipPath: 'none',
      effectiveZoom: 1,
      contentVisibility: 'visible',
    });

    // Inherited properties set on the host from outside do not restyle the story.
    const hostile = await readerStyles(v.world);
    expect(hostile.reader).toEqual(baseline.reader);
    expect(hostile.paragraph).toEqual(baseline.paragraph);
    expect(hostile.title).toEqual(baseline.title);
    expect(hostile.articleMaxWidth).toBe(baseline.articleMaxWidth);

    // Pixels: no cover colour anywhere in the reading area, and the text is as crisp (as much
    // dark ink) as on the calm page — a blur or opacity would wash it out.
    const region = { x: 200, y: 120, w: 800, h: 700 };
    const grid = [];
    for (let y = 20; y < size.height; y += 80) for (let x = 20; x < size.width; x += 80) grid.push({ x, y });
    const now = await readPixels(await v.page.screenshot(), grid, region);
    const calmPx = await readPixels(calmShot, [], region);
    expect(now.at.filter(isMagenta), 'cover-colour pixels on screen').toEqual([]);
    expect(now.magenta).toBe(0);
    expect(now.dark).toBeGreaterThan(calmPx.dark * 0.5);
    expect(v.console.fromExtension(v.mark)).toEqual([]);
    await finish(v);
  });
});

describe('a page that tampers with built-ins before the reader opens (12-prototype-tampering.html)', () => {
  it('Array.prototype.map/forEach/push, JSON.parse/stringify, appendChild/cloneNode/querySelectorAll, attachShadow, createElement, customElements.define: the reader still opens with the story', async () => {
    let cdp: CDPSession | undefined;
    const mainWorld = async (expression: string) =>
      (
        (await cdp!.send('Runtime.evaluate', { expression, returnByValue: true })) as {
          result: { value: unknown };
        }
      ).result.value;
    const broken: unknown[] = [];
    const v = await visit('/hostile/12-prototype-tampering.html', async (page) => {
      // Control, before the reader opens: the page's own world really is broken.
      cdp = await session.context.newCDPSession(page);
      broken.push(
        await mainWorld('[1, 2, 3].map((x) => x).length'),
        await mainWorld('JSON.stringify({ a: 1 })'),
        await mainWorld('document.querySelectorAll("p").length'),
        await mainWorld('typeof document.createElement("div").attachShadow'),
      );
    });
    expect(broken).toEqual([0, '"tampered"', 0, 'undefined']);

    await expectStory(v.world);
    await settle(500);
    expect(
      hits.filter((h) => h.phase === 'reader').map((h) => h.url),
      'tampered built-ins called, or the page got hold of the overlay',
    ).toEqual([]);
    const state = await inWorld(v.world, () => {
      const host = document.querySelector('reader-mode-overlay, [data-reader-mode-overlay]') as HTMLElement;
      return {
        connected: host.isConnected,
        shadowMode: host.shadowRoot?.mode ?? null,
        paragraphs: host.shadowRoot?.querySelectorAll('article p').length ?? 0,
      };
    });
    expect(state).toEqual({ connected: true, shadowMode: 'open', paragraphs: expect.any(Number) });
    expect(state.paragraphs).toBeGreaterThanOrEqual(5);
    const constructed = await mainWorld('window.h12Constructed');
    await cdp!.detach();
    console.info(`[hostile-e2e] page-defined <reader-mode-overlay> constructor ran ${constructed} time(s)`);
    expect(v.console.fromExtension(v.mark)).toEqual([]);
    await finish(v);
  });
});

describe("a page served with Content-Security-Policy: default-src 'none'", () => {
  it('still gets a styled reader: fonts, measure and toolbar layout come from our stylesheet', async () => {
    const calm = await visit('/voa-aleppo.html');
    const baseline = await readerStyles(calm.world);
    await finish(calm);

    const v = await visit('/voa-aleppo.html?csp=strict', async (_page, world) => {
      await inWorld(world, () => {
        const seen: string[] = [];
        (window as unknown as { cspSeen: string[] }).cspSeen = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective), true);
      });
    });
    expect(v.headers['content-security-policy']).toBe("default-src 'none'");
    await expectStory(v.world);
    const styles = await readerStyles(v.world);
    expect(styles.sheets).toBeGreaterThan(0);
    expect(styles.paragraph).toEqual(baseline.paragraph);
    expect(styles.reader).toEqual(baseline.reader);
    expect(styles.paragraph!['font-size']).toBe('19px');
    expect(styles.articleMaxWidth).toBe(baseline.articleMaxWidth);
    expect(styles.articleMaxWidth).not.toBe('none');
    expect(styles.articleWidth).toBeLessThan(v.page.viewportSize()!.width * 0.8);
    expect(styles.toolbarDisplay).toBe('flex');
    expect(styles.buttons).toBeGreaterThan(5);
    expect(styles.buttonsInFirstRow).toBeGreaterThan(3);
    expect(styles.toolbarHeight).toBeLessThan(120);
    const violations = await inWorld(v.world, () => (window as unknown as { cspSeen: string[] }).cspSeen);
    // The page's CSP may block the story's images (img-src); styles and scripts of ours must pass.
    expect(violations.filter((d) => !d.startsWith('img-src') && !d.startsWith('media-src'))).toEqual([]);
    expect(v.console.fromExtension(v.mark)).toEqual([]);
    await finish(v);
  });
});
