/**
 * Main-thread time of a bundled page script in real Chromium, which is where the detector's budget
 * applies (jsdom is 20–100× slower and says little about it). Each page is served from memory at its
 * own URL with page scripts off and every other request aborted, the bundle is evaluated in the page,
 * and both the bundle's evaluation and the entry function are timed: the call once cold (what a
 * content script pays on a page load, with its evaluation) and as the median of a few warm repeats.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

export interface TimedPage {
  id: string;
  /** Evaluating the bundle in the page (parsing and running its top level): main-thread time too. */
  evalMs: number;
  coldMs: number;
  warmMs: number;
  /** Whatever the timed function returned on the cold run (for a consistency check against jsdom). */
  result: unknown;
}

/** Find a Chromium/Chrome binary on PATH (or take the one given). */
export function findChromium(given?: string): string | null {
  if (given) return existsSync(given) ? given : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
  }
  return null;
}

/** Bundle `entry` into a script that sets `globalThis[globalName]` to its exports (minified, as shipped). */
export async function bundleForPage(entry: string, globalName: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    globalName,
    write: false,
    target: 'chrome110',
  });
  // page.evaluate runs a string in a function scope: publish the global explicitly.
  return `${out.outputFiles[0].text}\nglobalThis[${JSON.stringify(globalName)}] = ${globalName};`;
}

/**
 * Time `globalName[fn](document, url)` on each page. `pages` are loaded lazily through `html()` so
 * a large sample does not sit in memory at once.
 */
export async function timeInChromium(opts: {
  executablePath: string;
  script: string;
  globalName: string;
  fn: string;
  pages: { id: string; url: string; html: () => string }[];
  warmRuns?: number;
  /** Extra Chromium flags (e.g. --js-flags=... for experiments). */
  args?: string[];
  /**
   * Before the cold call, use the generic DOM and JS machinery once on a scratch document (first
   * textContent, regex, selector query, TreeWalker, JSON.parse and URL in a fresh JS world cost
   * ~0.1–0.4 ms each, once, whoever calls them first). What remains is the function's own cost:
   * compiling it and walking this page.
   */
  prime?: boolean;
}): Promise<TimedPage[]> {
  const browser = await chromium.launch({
    executablePath: opts.executablePath,
    args: ['--no-sandbox', ...(opts.args ?? [])],
  });
  const out: TimedPage[] = [];
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const p of opts.pages) {
      const url = /^https?:/.test(p.url) ? p.url : 'https://example.invalid/page';
      const body = p.html();
      await page.unrouteAll();
      await page.route('**/*', (route) =>
        route.request().url() === url && route.request().resourceType() === 'document'
          ? route.fulfill({
              status: 200,
              contentType: 'text/html; charset=utf-8',
              // Cross-origin isolation lifts performance.now() from 100 µs steps to 5 µs.
              headers: {
                'Cross-Origin-Opener-Policy': 'same-origin',
                'Cross-Origin-Embedder-Policy': 'require-corp',
              },
              body,
            })
          : route.abort(),
      );
      try {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      } catch {
        continue; // A page Chromium refuses to load is skipped, not timed.
      }
      // Timed inside the page: the script's own evaluation, without the round trip to it.
      await page.evaluate(
        `globalThis.__evalStart = performance.now();\n${opts.script}\n;globalThis.__evalMs = performance.now() - globalThis.__evalStart;`,
      );
      const evalMs = (await page.evaluate('globalThis.__evalMs')) as number;
      const r = (await page.evaluate(
        ([g, fn, u, reps, prime]) => {
          // biome-ignore lint/suspicious/noExplicitAny: the bundle's global is untyped here.
          const f = (globalThis as any)[g][fn] as (d: Document, url: string) => unknown;
          if (prime) {
            const d = document.implementation.createHTMLDocument('');
            d.body.innerHTML = '<h1 class="a">Title</h1><p>One, two.</p><h2><a href="#x">Next</a></h2>';
            const p = d.getElementsByTagName('p')[0];
            /o/i.test(`${p.textContent}${p.getAttribute('class')}`);
            d.querySelectorAll('h1,h2').length;
            p.closest('li');
            const w = d.createTreeWalker(d.body, 4);
            w.nextNode();
            JSON.parse('{"a":[1]}');
            new URL('https://example.invalid/a/b?c=1').searchParams.get('c');
          }
          let t = performance.now();
          const result = f(document, u);
          const cold = performance.now() - t;
          const warm: number[] = [];
          for (let i = 0; i < reps; i++) {
            t = performance.now();
            f(document, u);
            warm.push(performance.now() - t);
          }
          warm.sort((a, b) => a - b);
          return { cold, warm: warm[warm.length >> 1] ?? cold, result };
        },
        [opts.globalName, opts.fn, url, opts.warmRuns ?? 5, !!opts.prime] as const,
      )) as { cold: number; warm: number; result: unknown };
      out.push({ id: p.id, evalMs, coldMs: r.cold, warmMs: r.warm, result: r.result });
    }
  } finally {
    await browser.close();
  }
  return out;
}
