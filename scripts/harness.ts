/**
 * End-to-end harness: a local fixture server, Debian's Chromium with the built extension
 * loaded, and a real toolbar click through the DevTools protocol.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const PROD_BUILD = join(ROOT, '.output/chrome-mv3');
export const E2E_BUILD = join(ROOT, '.output/chrome-mv3-e2e');
/** The production build with the pipeline in the page, as Firefox's reader runs it. */
export const PAGE_PIPELINE_BUILD = join(ROOT, '.output/chrome-mv3-page-pipeline');

/** Debian ships a wrapper script at /usr/bin/chromium; Playwright needs the real binary beside it. */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_BIN,
    '/usr/lib/chromium/chromium',
    '/usr/lib/chromium-browser/chromium-browser',
  ];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found)
    throw new Error(
      'Chromium not found: install it with `apt-get install -y chromium` (or set CHROMIUM_BIN)',
    );
  return found;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

export interface FixtureServer {
  origin: string;
  /** Requests to /__xss?id=… : a payload that ran. */
  xssHits: string[];
  close(): Promise<void>;
}

/** Serves tests/fixtures; `/__xss` counts payload executions; `?csp=strict` adds a strict CSP. */
export async function startServer(): Promise<FixtureServer> {
  const xssHits: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__xss') {
      xssHits.push(url.searchParams.get('id') ?? '?');
      res.writeHead(204).end();
      return;
    }
    // Single-page-app fixtures route every /spa/... path to one document.
    const path = url.pathname.startsWith('/spa/') ? '/pages/spa.html' : url.pathname;
    const file = normalize(join(FIXTURES, decodeURIComponent(path)));
    if (!file.startsWith(FIXTURES) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    };
    if (url.searchParams.get('csp') === 'strict') headers['content-security-policy'] = "default-src 'none'";
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    xssHits,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  /** Extension pages the browser opened by itself at start (the welcome tab on install), closed. */
  openedAtStart: string[];
  /** A real toolbar-button click on the tab showing `page`. */
  clickAction(page: Page): Promise<void>;
  close(keepProfile?: boolean): Promise<void>;
}

export async function launch(
  extensionDir: string,
  /**
   * `lang`: the browser's interface language (Linux Chromium reads LANGUAGE and needs its locale
   * files: Debian's chromium-l10n package).
   */
  opts: { headless?: boolean; userDataDir?: string; lang?: string } = {},
): Promise<Session> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build at ${extensionDir}: run npm run build / build:e2e first`);
  }
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'reader-e2e-'));
  // A new profile installs the extension, which opens its welcome tab (see below).
  const installing = !existsSync(join(userDataDir, 'Default'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1200, height: 900 },
    ...(opts.lang ? { env: { ...process.env, LANGUAGE: opts.lang } } : {}),
    args: [
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  // The welcome tab opened on install would steal focus from the tests' pages, and closing it
  // later hands the front to whichever tab the browser picks, leaving a test's page hidden (where
  // it draws no frames). So on install, the session starts once the welcome tab has come and gone.
  const openedAtStart: string[] = [];
  const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
  const welcome = installing
    ? context.waitForEvent('page', { predicate: isWelcome, timeout: 15000 }).catch(() => null)
    : null;
  let welcomed = false;
  for (const p of context.pages()) {
    if (!p.url().startsWith('chrome-extension://')) continue;
    welcomed ||= isWelcome(p);
    openedAtStart.push(p.url());
    await p.close();
  }
  context.on('page', (p) => {
    if (!isWelcome(p) || openedAtStart.includes(p.url())) return;
    openedAtStart.push(p.url());
    void p.close();
  });
  const late = welcomed ? null : await welcome;
  if (late && !late.isClosed()) await late.waitForEvent('close', { timeout: 15000 }).catch(() => undefined);

  const clickAction = async (page: Page) => {
    // A tab opened behind the test's back (the welcome page on install) may have taken the front;
    // a person clicks the button of the tab they are looking at.
    await page.bringToFront();
    const browser = context.browser();
    if (!browser) throw new Error('no browser handle');
    const cdp = await browser.newBrowserCDPSession();
    try {
      // Extensions.triggerAction wants the *tab* target (the page target's wrapper); tab
      // targets carry the page's URL, which is unique among the tests' open tabs.
      const { targetInfos } = (await cdp.send(
        'Target.getTargets' as never,
        { filter: [{ type: 'tab' }] } as never,
      )) as {
        targetInfos: { targetId: string; url: string }[];
      };
      const tabs = targetInfos.filter((t) => t.url === page.url());
      if (tabs.length !== 1) throw new Error(`expected one tab showing ${page.url()}, found ${tabs.length}`);
      await cdp.send(
        'Extensions.triggerAction' as never,
        { id: extensionId, targetId: tabs[0].targetId } as never,
      );
    } finally {
      await cdp.detach();
    }
  };

  return {
    context,
    worker,
    extensionId,
    userDataDir,
    openedAtStart,
    clickAction,
    async close(keepProfile = false) {
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `url` in a new tab and the reader on it with a real toolbar click. The URL must be unique
 * among open tabs (the click finds its tab by URL): callers add a query such as `?t=3`.
 */
export async function openReaderTab(session: Session, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await session.clickAction(page);
  await waitForOverlay(page, true);
  return page;
}

/** Opens the overlay's settings (theme, font, …: behind the toolbar's Settings button) unless open. */
export async function openSettings(page: Page): Promise<void> {
  const toggle = page.locator('reader-mode-overlay button.settings-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator('reader-mode-overlay .settings').waitFor();
}

/** The overlay's state as the page sees it (open shadow root). */
export async function overlayInfo(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('reader-mode-overlay');
    const root = host?.shadowRoot;
    if (!host || !root) return null;
    const article = root.querySelector('article');
    return {
      count: document.querySelectorAll('reader-mode-overlay').length,
      title: article?.querySelector('h1')?.textContent ?? null,
      status: root.querySelector('[role="status"]')?.textContent ?? null,
      text: article?.textContent ?? '',
      activeInside: document.activeElement === host,
    };
  });
}

export async function waitForOverlay(page: Page, present: boolean, timeout = 5000): Promise<void> {
  try {
    await page.waitForFunction(
      (want) => {
        const host = document.querySelector('reader-mode-overlay');
        const root = host?.shadowRoot;
        // Shown, and whole: the story's later part joins a frame after the first (first-screen.ts).
        const ready =
          !!root?.querySelector('article, [role="status"]') && !root.querySelector('[data-reader-rest]');
        return want ? ready : !host;
      },
      present,
      // Polled on a timer: frame-driven polling (the default) stops in a tab that is not in front.
      { timeout, polling: 100 },
    );
  } catch (err) {
    // What the page held instead, so that a failure says which step did not happen.
    const seen = await page
      .evaluate(() => {
        const root = document.querySelector('reader-mode-overlay')?.shadowRoot;
        if (!root) return `no overlay; page ${document.visibilityState}`;
        const rest = root.querySelector('[data-reader-rest]') ? ', the rest still deferred' : '';
        return `overlay holding: ${root.textContent?.slice(0, 120) ?? ''}${rest}`;
      })
      .catch((e: Error) => `page unreadable: ${e.message}`);
    throw new Error(`${(err as Error).message}\n(${seen})`);
  }
}
