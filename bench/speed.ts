/**
 * Speed and weight benchmark: the reader's open time in real Chromium, against bare Readability.
 *
 *   npx tsx bench/speed.ts [CORPUS_DIR] [--limit N] [--all-types] [--no-build] [--cycles N]
 *                          [--warm-worker] [--cold-pipeline] [--detector-sample N] [--cli-sample N]
 *                          [--out FILE] [--no-write]
 *
 * CORPUS_DIR is a WCXB corpus (its article pages unless --all-types), a folder of Readability test
 * pages (`NAME/source.html[.gz]`), or, by default, the project's tests/fixtures/readability.
 *
 * It builds the benchmark build (`wxt build --mode bench`: the production build plus `performance.mark`
 * calls per stage, which the production build does not contain), launches Chromium with it, serves each
 * page from a local server (every other request is aborted, so only the page's own HTML loads) and per
 * page measures:
 * - bare parse: in a fresh load of the page, `new Readability(document.cloneNode(true)).parse()`, the
 *   first call in that page (Readability bundled and minified, evaluated in the page first);
 * - open time: in another fresh load, from the real toolbar click (CDP Extensions.triggerAction) to the
 *   first frame after the story (or the notice) is in the overlay — the service worker stopped first
 *   (unless --warm-worker), so waking it, injecting the reader, reading the settings, the pipeline,
 *   rendering and the next frame are all included. Page and Node clocks are matched per page;
 * - the pipeline's own time (from the build's marks) and its stages: in Chromium the reader sends the
 *   page's DOM to the extension's pipeline document (lib/bg/pipeline-doc.ts), which stays open
 *   between clicks, so its code is warm after the first; --cold-pipeline closes it before every click
 *   (what the first open after starting the browser, or after its idle timeout, costs).
 * Then: the detector's main-thread time (first call in a fresh page, and with the evaluation of the
 * bundle the detector content script ships; then the shipped content script on real page loads, its
 * decision from the build's marks and all of it, compilation included, from the browser's trace), the JS heap's growth over --cycles open/close cycles on one page (after GC), and the
 * CLI's per-page work against jsdom + bare Readability in Node (bench/lib/cli-speed.ts).
 * Prints per-page lines and a summary; writes bench/results/speed.md (text after `<!-- notes -->` kept).
 */

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { chromiumPath, launch, type Session } from '../scripts/harness';
import { commandLine } from './lib/args';
import { bundleForPage, timeInChromium } from './lib/chromium-timing';
import { type CliResult, cliSpeed } from './lib/cli-speed';
import { loadCorpus, readTruth } from './lib/corpus';
import { fixed } from './lib/detect-metrics';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(HERE, '..');
const BENCH_BUILD = path.join(ROOT, '.output/chrome-mv3-bench');

interface Options {
  corpus: string;
  limit: number;
  allTypes: boolean;
  build: boolean;
  cycles: number;
  warmWorker: boolean;
  coldPipeline: boolean;
  detectorSample: number;
  cliSample: number;
  out: string;
  write: boolean;
  /** Where to write each page's times as JSON, for bench/speed-compare.ts ('' for nowhere). */
  pagesOut: string;
}

function parseArgs(argv: string[]): Options {
  const { value, positional: corpus } = commandLine(argv, [
    '--limit',
    '--cycles',
    '--detector-sample',
    '--cli-sample',
    '--out',
    '--pages',
  ]);
  return {
    corpus: path.resolve(corpus ?? path.join(ROOT, 'tests/fixtures/readability')),
    limit: Number(value('--limit', '0')),
    allTypes: argv.includes('--all-types'),
    build: !argv.includes('--no-build'),
    cycles: Number(value('--cycles', '50')),
    warmWorker: argv.includes('--warm-worker'),
    coldPipeline: argv.includes('--cold-pipeline'),
    detectorSample: Number(value('--detector-sample', '60')),
    cliSample: Number(value('--cli-sample', '100')),
    out: value('--out', path.join(HERE, 'results', 'speed.md')),
    write: !argv.includes('--no-write'),
    pagesOut: value('--pages', ''),
  };
}

interface BenchPage {
  id: string;
  url: string;
  html: () => string;
  /** The corpus's reference text of the story, when it has one. */
  truth?: () => string | undefined;
}

/** A WCXB or Readability corpus (gzipped), or a folder of `NAME/source.html` pages. */
function corpusPages(opts: Options): BenchPage[] {
  const plain = readdirSync(opts.corpus)
    .filter((n) => existsSync(path.join(opts.corpus, n, 'source.html')))
    .sort();
  if (plain.length)
    return plain.map((id) => ({
      id,
      url: '',
      html: () => readFileSync(path.join(opts.corpus, id, 'source.html'), 'utf8'),
    }));
  const { kind, pages } = loadCorpus(opts.corpus);
  const chosen = kind === 'wcxb' && !opts.allTypes ? pages.filter((p) => p.pageType === 'article') : pages;
  return chosen.map((p) => ({
    id: p.id,
    url: p.url,
    html: () => gunzipSync(readFileSync(path.join(opts.corpus, p.file))).toString('utf8'),
    truth: kind === 'wcxb' ? () => readTruth(opts.corpus, p.id).main_content : undefined,
  }));
}

/** Every k-th page, so a sample spans the corpus. */
function spread<T>(xs: T[], n: number): T[] {
  if (!n || n >= xs.length) return xs;
  const step = xs.length / n;
  return Array.from({ length: n }, (_, i) => xs[Math.floor(i * step)]);
}

/**
 * Every measurement loads its page from a site of its own (`http://open-17.test`), served from memory
 * by the page route below: a new site gets a new renderer process, as a person's next news site does.
 * On one shared origin the browser would reuse one process, whose JS engine keeps the reader's
 * compiled code and whose first date formatting has already been paid for: numbers a user never sees.
 */
const siteFor = (kind: 'bare' | 'open', n: number) => `http://${kind}-${n}.test`;
/** The auto-open detector's sites: the benchmark build holds host access to these alone (wxt.config.ts). */
const detectorSite = (n: number) => `http://det-${n}.example`;
const SITE = /^http:\/\/(?:(?:bare|open)-\d+\.test|det-\d+\.example)\//;
const DETECTOR_SITE = /^http:\/\/det-\d+\.example\//;

/**
 * The page as served: its own scripts stay off (a redirect would navigate away mid-measurement), and
 * so does a <meta> refresh; the content script and the benchmark's evaluations are not subject to the
 * CSP.
 */
function pageResponse(html: string, isolated = false) {
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "script-src 'none'",
      // Cross-origin isolation lifts performance.now() from 100 µs steps to 5 µs: the detector's
      // pages have it (a decision takes a few ms); the reader's keep the usual process model.
      ...(isolated
        ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }
        : {}),
    },
    body: html.replace(/<meta[^>]+http-equiv\s*=\s*["']?refresh[^>]*>/gi, ''),
  };
}

/** Serves whatever `state.html` holds at /p/<anything>: one page at a time, from memory. */
async function pageServer() {
  const state = { html: '' };
  const server = createServer((req, res) => {
    if (!req.url?.startsWith('/p/')) return void res.writeHead(404).end();
    const r = pageResponse(state.html);
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return { origin, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Installed in the page before the click: `__calmPainted` resolves with the page-clock time of the
 * first frame after the overlay shows its article or notice. A string, not a function: tsx would
 * wrap named inner functions in a helper the page does not have.
 */
const WATCH_OVERLAY = `window.__calmPainted = new Promise((resolve) => {
  let rootObserved = false;
  const afterFrame = (done) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => done(performance.timeOrigin + performance.now());
    ch.port2.postMessage(0);
  });
  const observer = new MutationObserver(() => {
    const root = document.querySelector('reader-mode-overlay')?.shadowRoot;
    if (!root) return;
    const shown = root.querySelector('article, [role="status"]');
    if (shown) {
      observer.disconnect();
      const kind = shown.localName === 'article' ? 'article' : 'notice';
      // The frame after the DOM change: rAF runs before it is drawn, the message after.
      afterFrame((at) => resolve({ at, kind }));
      // The whole story laid out: the frame after its later part joined (see first-screen.ts).
      window.__calmWhole = new Promise((whole) => {
        const check = () => {
          if (root.querySelector('[data-reader-rest]')) return false;
          afterFrame(whole);
          return true;
        };
        if (check()) return;
        const rest = new MutationObserver(() => check() && rest.disconnect());
        rest.observe(root, { childList: true, subtree: true });
      });
    } else if (!rootObserved) {
      rootObserved = true;
      observer.observe(root, { childList: true, subtree: true });
    }
  });
  observer.observe(document.documentElement, { childList: true });
  if (document.body) observer.observe(document.body, { childList: true });
});
undefined;`;

interface PageResult {
  id: string;
  bareMs: number;
  /** The first open on the page's site (a renderer process that never ran the reader). */
  openMs: number;
  /** The same open, to the frame in which the whole story is laid out (the first frame shows a screenful). */
  wholeMs: number;
  /** Another article of the same site, opened right after (the process has run the reader). */
  againMs: number;
  /** The pipeline's time on that next article: what is left once the reader's code has run once. */
  againPipelineMs: number;
  againStages: Record<string, number>;
  pipelineMs: number;
  stages: Record<string, number>;
  /** Steps inside the pipeline document (ms each), first open and next article. */
  remote: Record<string, number>;
  againRemote: Record<string, number>;
  /** The pipeline document's JS heap after this page (bytes), when it reported one. */
  remoteHeap?: number;
  shown: string;
}

class Bench {
  private cdp!: CDPSession;
  private extCdp: CDPSession | null = null;
  constructor(
    private readonly session: Session,
    private readonly opts: Options,
  ) {}

  async init(): Promise<void> {
    const browser = this.session.context.browser();
    if (!browser) throw new Error('no browser handle');
    this.cdp = await browser.newBrowserCDPSession();
    if (!this.opts.warmWorker) {
      // An extension page gives a CDP session in the extension's storage partition, where
      // ServiceWorker.stopAllWorkers stops the background worker (the click must wake it again).
      const ext = await this.session.context.newPage();
      await ext.goto(`chrome-extension://${this.session.extensionId}/options.html`);
      this.extCdp = await this.session.context.newCDPSession(ext);
      await this.extCdp.send('ServiceWorker.enable');
    }
  }

  /** The tab target showing `page` (URLs are unique per load). */
  async tabTarget(page: Page): Promise<string> {
    const { targetInfos } = (await this.cdp.send(
      'Target.getTargets' as never,
      { filter: [{ type: 'tab' }] } as never,
    )) as { targetInfos: { targetId: string; url: string }[] };
    const tabs = targetInfos.filter((t) => t.url === page.url());
    if (tabs.length !== 1) throw new Error(`expected one tab showing ${page.url()}, found ${tabs.length}`);
    return tabs[0].targetId;
  }

  async click(targetId: string): Promise<number> {
    const t0 = performance.timeOrigin + performance.now();
    await this.cdp.send(
      'Extensions.triggerAction' as never,
      { id: this.session.extensionId, targetId } as never,
    );
    return t0;
  }

  /** Closes the pipeline document, if open (the next click creates it again, cold). */
  async closePipelineDocument(): Promise<void> {
    if (!this.opts.coldPipeline) return;
    const { targetInfos } = (await this.cdp.send('Target.getTargets' as never)) as {
      targetInfos: { targetId: string; url: string }[];
    };
    for (const t of targetInfos.filter((t) => t.url.endsWith('/offscreen.html')))
      await this.cdp.send('Target.closeTarget' as never, { targetId: t.targetId } as never);
  }

  async stopWorker(): Promise<void> {
    if (!this.extCdp) return;
    await this.extCdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Page clock minus Node clock, from the round trip with the smallest spread. */
async function clockOffset(page: Page): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 5; i++) {
    const a = performance.timeOrigin + performance.now();
    const p = await page.evaluate(() => performance.timeOrigin + performance.now());
    const b = performance.timeOrigin + performance.now();
    if (b - a < best.rtt) best = { rtt: b - a, offset: p - (a + b) / 2 };
  }
  return best.offset;
}

async function measurePage(
  bench: Bench,
  page: Page,
  server: Awaited<ReturnType<typeof pageServer>>,
  p: BenchPage,
  readability: string,
  n: number,
): Promise<PageResult> {
  server.state.html = p.html();
  await page.goto(`${siteFor('bare', n)}/p/${n}/bare`, { waitUntil: 'load', timeout: 30_000 });
  await page.evaluate(readability);
  const bareMs = await page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the bundle's global is untyped here.
    const R = (globalThis as any).__calmBare.Readability;
    const t = performance.now();
    new R(document.cloneNode(true)).parse();
    return performance.now() - t;
  });

  const first = await openOnce(bench, page, `${siteFor('open', n)}/p/${n}/open`);
  // The next article on the same site: the site's renderer process, which has run the reader once.
  const again = await openOnce(bench, page, `${siteFor('open', n)}/p/${n}/again`);
  return {
    id: p.id,
    bareMs,
    ...first,
    againMs: again.openMs,
    againPipelineMs: again.pipelineMs,
    againStages: again.stages,
    againRemote: again.remote,
  };
}

/** One toolbar click on a freshly loaded `url`, timed to the first frame after the story shows. */
async function openOnce(bench: Bench, page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  const target = await bench.tabTarget(page);
  await page.evaluate(WATCH_OVERLAY);
  const offset = await clockOffset(page);
  await bench.stopWorker();
  await bench.closePipelineDocument();
  const t0 = await bench.click(target);
  const painted = await page.evaluate(() =>
    Promise.race([
      (window as unknown as { __calmPainted: Promise<{ at: number; kind: string }> }).__calmPainted,
      new Promise<null>((r) => setTimeout(() => r(null), 20_000)),
    ]),
  );
  const whole = painted
    ? await page.evaluate(() =>
        Promise.race([
          (window as unknown as { __calmWhole?: Promise<number> }).__calmWhole ?? null,
          new Promise<null>((r) => setTimeout(() => r(null), 5_000)),
        ]),
      )
    : null;
  const marks = await page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('calm:'))
      .map((m) => [m.name.slice(5), m.startTime] as [string, number]),
  );
  const at = new Map(marks);
  const origin = await page.evaluate(() => performance.timeOrigin);
  const sorted = [...marks].sort((a, b) => a[1] - b[1]);
  // The first mark: the capture script's (entrypoints/capture.ts) on a tab's first open through the
  // pipeline document, else the reader's message handler.
  const first = sorted[0]?.[1];
  // Click → the first mark: waking the worker, injecting, messaging.
  const stages: Record<string, number> = first === undefined ? {} : { click: origin + first - offset - t0 };
  // Every mark in the order it was set: each stage is the time since the previous mark.
  let prev: number | undefined;
  for (const [name, t] of sorted) {
    if (prev !== undefined) stages[name] = t - prev;
    prev = t;
  }
  if (painted && prev !== undefined && first !== undefined)
    stages.frame = painted.at - offset - t0 - (stages.click ?? 0) - (prev - first);
  // From the page taken (by the capture script at the click, else by the reader after reading its
  // settings) to the story received and sanitized again in the page; in the page (Firefox's way,
  // and earlier rounds), to the article's text.
  const pipelineStart = at.get('capture') ?? at.get('prefs');
  const pipelineEnd = at.get('text') ?? at.get('sanitize');
  // The pipeline document's steps, as times since the request reached it: per step.
  const remoteAt = await page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('calm-remote:'))
      .map((m) => [m.name.slice(12), (m as PerformanceMark).detail as number] as [string, number]),
  );
  const remoteHeap = await page.evaluate(
    () =>
      (performance.getEntriesByName('calm-remote-heap')[0] as PerformanceMark | undefined)?.detail as
        | number
        | undefined,
  );
  const remote: Record<string, number> = {};
  let before = 0;
  for (const [name, t] of remoteAt) {
    remote[name] = t - before;
    before = t;
  }
  return {
    openMs: painted ? painted.at - offset - t0 : Number.NaN,
    wholeMs: whole ? whole - offset - t0 : Number.NaN,
    pipelineMs:
      pipelineStart !== undefined && pipelineEnd !== undefined ? pipelineEnd - pipelineStart : Number.NaN,
    stages,
    remote,
    remoteHeap,
    shown: painted?.kind ?? 'timeout',
  };
}

/** JS heap growth (isolate-wide, after GC) over `cycles` open/close cycles on one page. */
async function heapGrowth(
  bench: Bench,
  page: Page,
  server: Awaited<ReturnType<typeof pageServer>>,
  html: string,
  cycles: number,
) {
  server.state.html = html;
  await page.goto(`${server.origin}/p/heap/cycles`, { waitUntil: 'load' });
  const target = await bench.tabTarget(page);
  const cdp = await page.context().newCDPSession(page);
  const isOpen = (want: boolean) =>
    page.waitForFunction(
      (w) =>
        !!document
          .querySelector('reader-mode-overlay')
          ?.shadowRoot?.querySelector('article, [role="status"]') === w,
      want,
      { timeout: 20_000 },
    );
  const cycle = async () => {
    await bench.click(target);
    await isOpen(true);
    await bench.click(target);
    await isOpen(false);
  };
  const used = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  for (let i = 0; i < 2; i++) await cycle(); // code compiled, caches filled
  const before = await used();
  const nodesBefore = await page.evaluate(() => document.getElementsByTagName('*').length);
  for (let i = 0; i < cycles; i++) await cycle();
  const after = await used();
  const nodesAfter = await page.evaluate(() => document.getElementsByTagName('*').length);
  await cdp.detach();
  return { before, after, growth: after - before, nodesBefore, nodesAfter };
}

async function detectorTimes(pages: BenchPage[]): Promise<{ call: number; total: number }[]> {
  const script = await bundleForPage(path.join(ROOT, 'lib/detect-score.ts'), '__calmDetect');
  const timed = await timeInChromium({
    executablePath: chromiumPath(),
    script,
    globalName: '__calmDetect',
    fn: 'isNewsArticle',
    pages: pages.map((p) => ({ id: p.id, url: p.url, html: p.html })),
  });
  return timed.map((t) => ({ call: t.coldMs, total: t.evalMs + t.coldMs }));
}

/** Milliseconds per page load: the decision, the script from its top level to the end of its main(), and all of it. */
interface DetectorLoads {
  first: number[];
  next: number[];
  firstScript: number[];
  nextScript: number[];
  /** The script's whole main-thread time from the browser's trace: compiling it, its top level, main(). */
  firstTraced: number[];
  nextTraced: number[];
  /** The compilation alone, within the above. */
  firstCompile: number[];
  nextCompile: number[];
}

/** Page loads per site in the in-extension detector measurement: the first, then the next ones. */
const DETECTOR_LOADS_PER_SITE = 3;
/** The traced pass loads the same pages on other sites (new renderer processes, nothing compiled yet). */
const TRACED_SITES = 1000;

/**
 * The auto-open detector as it runs for a person: the shipped content script, registered through
 * chrome.scripting for the benchmark's sites, on real page loads. Each site gets
 * DETECTOR_LOADS_PER_SITE pages in a row in one tab (different corpus pages): the first load runs
 * in a renderer process new to the detector, the next ones in the process that just ran it, as when
 * a person reads on. The build's marks bracket the decision (`isNewsArticle` on the page) and the
 * script from its top level (after its compilation) to the end of its main() (WXT's context, the
 * decision, the single-page-app listener). Marks cannot see the compilation, which comes before the
 * first line runs, so a second pass loads the same pages with the browser's trace on and reads the
 * script's whole evaluation from it (Chromium's `EvaluateScript` event for the detector's file, in
 * thread time; tracing itself adds a little): that is the detector's main-thread time per page.
 */
async function detectorLoads(
  session: Session,
  page: Page,
  server: Awaited<ReturnType<typeof pageServer>>,
  pages: BenchPage[],
): Promise<DetectorLoads> {
  const ext = await session.context.newPage();
  await ext.goto(`chrome-extension://${session.extensionId}/options.html`);
  await ext.evaluate(() =>
    chrome.scripting.registerContentScripts([
      {
        id: 'bench-detector',
        js: ['content-scripts/detector.js'],
        matches: ['http://*.example/*'],
        runAt: 'document_idle',
      },
    ]),
  );
  const out: DetectorLoads = {
    first: [],
    next: [],
    firstScript: [],
    nextScript: [],
    firstTraced: [],
    nextTraced: [],
    firstCompile: [],
    nextCompile: [],
  };
  const load = async (i: number, sites: number) => {
    server.state.html = pages[i].html();
    const site = sites + Math.floor(i / DETECTOR_LOADS_PER_SITE);
    await page.goto(`${detectorSite(site)}/p/${i}/story`, { waitUntil: 'load', timeout: 30_000 });
    // Polled from here: the page's CSP forbids the string evaluation waitForFunction would use.
    for (let tries = 0; tries < 100; tries++) {
      const times = await page.evaluate(() => {
        const [l, a, b, d] = ['loaded', 'start', 'decided', 'done'].map(
          (n) => performance.getEntriesByName(`calm:detector-${n}`)[0],
        );
        return l && a && b && d ? [b.startTime - a.startTime, d.startTime - l.startTime] : null;
      });
      if (times) return times;
      await new Promise((r) => setTimeout(r, 50));
    }
    return [Number.NaN, Number.NaN];
  };
  const cdp = await session.context.newCDPSession(page);
  try {
    for (let i = 0; i < pages.length; i++) {
      const [ms, script] = await load(i, 0);
      const first = i % DETECTOR_LOADS_PER_SITE === 0;
      (first ? out.first : out.next).push(ms);
      (first ? out.firstScript : out.nextScript).push(script);
    }
    for (let i = 0; i < pages.length; i++) {
      const events: TraceEvent[] = [];
      // The protocol types trace events as string maps; these are Chromium's trace event objects.
      const collect = (e: { value: object[] }) => void events.push(...(e.value as TraceEvent[]));
      cdp.on('Tracing.dataCollected', collect);
      const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.start', {
        traceConfig: { includedCategories: ['devtools.timeline'] },
        transferMode: 'ReportEvents',
      });
      await load(i, TRACED_SITES).catch(() => undefined);
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);
      const { evaluate, compile } = detectorTrace(events);
      const first = i % DETECTOR_LOADS_PER_SITE === 0;
      (first ? out.firstTraced : out.nextTraced).push(evaluate);
      (first ? out.firstCompile : out.nextCompile).push(compile);
    }
  } finally {
    await cdp.detach().catch(() => undefined);
    await ext.evaluate(() => chrome.scripting.unregisterContentScripts({ ids: ['bench-detector'] }));
    await ext.close();
  }
  return out;
}

interface TraceEvent {
  name: string;
  ph: string;
  tdur?: number;
  args?: { data?: { url?: string }; fileName?: string };
}

/** The detector script's evaluation and compilation in one page load's trace, in ms of thread time (NaN if absent). */
function detectorTrace(events: TraceEvent[]): { evaluate: number; compile: number } {
  const ours = (e: TraceEvent) =>
    e.ph === 'X' && (e.args?.data?.url ?? e.args?.fileName ?? '').endsWith('/content-scripts/detector.js');
  const ms = (name: string) => {
    const hits = events.filter((e) => e.name === name && ours(e));
    return hits.length === 1 && hits[0].tdur !== undefined ? hits[0].tdur / 1000 : Number.NaN;
  };
  return { evaluate: ms('EvaluateScript'), compile: ms('v8.compile') };
}

/** Median (mean of the middle two), p95 (nearest rank) and max of the finite values. */
const stat = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return { median: Number.NaN, p95: Number.NaN, max: Number.NaN };
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, p95: s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)], max: s[s.length - 1] };
};

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const pages = spread(corpusPages(opts), opts.limit);
  if (opts.build) {
    console.error('building the benchmark build (wxt build --mode bench)…');
    execFileSync('npx', ['wxt', 'build', '--mode', 'bench'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const readability = await bundleForPage(path.join(HERE, 'lib/bare-readability.ts'), '__calmBare');
  const server = await pageServer();
  const session = await launch(BENCH_BUILD);
  const results: PageResult[] = [];
  let heap: Awaited<ReturnType<typeof heapGrowth>> | null = null;
  let loads: DetectorLoads | null = null;
  let chromiumVersion = '';
  try {
    chromiumVersion = session.context.browser()?.version() ?? '';
    const bench = new Bench(session, opts);
    await bench.init();
    const page = await session.context.newPage();
    // Only the page itself loads: every other request (scripts, images, fonts, trackers) is aborted.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (SITE.test(url)) return route.fulfill(pageResponse(server.state.html, DETECTOR_SITE.test(url)));
      return url.startsWith(`${server.origin}/p/`) ? route.continue() : route.abort();
    });
    page.on('dialog', (d) => void d.dismiss().catch(() => undefined));
    let n = 0;
    for (const p of pages) {
      try {
        const r = await measurePage(bench, page, server, p, readability, ++n);
        results.push(r);
        const stages = Object.entries({ ...r.stages, ...r.remote })
          .map(([k, v]) => `${k} ${fixed(v, 1)}`)
          .join(', ');
        console.log(
          `${p.id.padEnd(28)} open ${fixed(r.openMs, 1).padStart(7)} ms  pipeline ${fixed(r.pipelineMs, 1).padStart(7)}  bare ${fixed(r.bareMs, 1).padStart(7)}  ${r.shown}  [${stages}]`,
        );
      } catch (err) {
        await page.goto('about:blank').catch(() => undefined);
        console.log(`${p.id.padEnd(28)} failed: ${(err as Error).message.split('\n')[0]}`);
        if (process.env.SPEED_DEBUG) console.log(err);
      }
    }
    if (opts.cycles > 0 && pages.length)
      heap = await heapGrowth(bench, page, server, pages[0].html(), opts.cycles);
    if (opts.detectorSample > 0)
      loads = await detectorLoads(session, page, server, spread(pages, opts.detectorSample));
  } finally {
    await session.close();
    await server.close();
  }
  const detector = await detectorTimes(spread(pages, opts.detectorSample));
  const cli = opts.cliSample
    ? cliSpeed(
        spread(pages, opts.cliSample).map((p) => ({
          id: p.id,
          url: p.url || 'https://localhost/',
          bytes: Buffer.from(p.html()),
          truth: p.truth?.(),
        })),
      )
    : null;
  const lines = report(opts, pages.length, results, detector, loads, heap, chromiumVersion, cli);
  if (opts.pagesOut)
    writeFileSync(
      opts.pagesOut,
      JSON.stringify(
        results.map(({ id, openMs, againMs, pipelineMs, bareMs }) => ({
          id,
          openMs,
          againMs,
          pipelineMs,
          bareMs,
        })),
      ),
    );
  console.log(lines.join('\n'));
  if (opts.write) {
    const keep = existsSync(opts.out) ? readFileSync(opts.out, 'utf8').split('<!-- notes -->')[1] : undefined;
    const doc = [...lines, '', '<!-- notes -->', keep?.replace(/^\n+/, '') ?? ''].join('\n');
    writeFileSync(opts.out, doc.endsWith('\n') ? doc : `${doc}\n`);
    console.error(`wrote ${path.relative(process.cwd(), opts.out)}`);
  }
}

function report(
  opts: Options,
  total: number,
  results: PageResult[],
  detector: { call: number; total: number }[],
  loads: DetectorLoads | null,
  heap: Awaited<ReturnType<typeof heapGrowth>> | null,
  chromiumVersion: string,
  cli: CliResult | null,
): string[] {
  const valid = results.filter((r) => Number.isFinite(r.openMs) && r.bareMs > 0);
  const open = stat(valid.map((r) => r.openMs));
  const again = stat(valid.map((r) => r.againMs));
  const whole = stat(valid.map((r) => r.wholeMs));
  const againPipeline = stat(valid.map((r) => r.againPipelineMs));
  const pipeline = stat(valid.map((r) => r.pipelineMs));
  const bare = stat(valid.map((r) => r.bareMs));
  const ratioPipe = stat(valid.map((r) => r.pipelineMs / r.bareMs));
  const ratioOpen = stat(valid.map((r) => r.openMs / r.bareMs));
  const det = stat(detector.map((d) => d.call));
  const detTotal = stat(detector.map((d) => d.total));
  const stageNames = [...new Set(valid.flatMap((r) => Object.keys(r.stages)))];
  const remoteNames = [...new Set(valid.flatMap((r) => Object.keys(r.remote)))];
  const row = (name: string, s: ReturnType<typeof stat>, d = 1) =>
    `| ${name} | ${fixed(s.median, d)} | ${fixed(s.p95, d)} | ${fixed(s.max, d)} |`;
  const cpu = os.cpus();
  const notices = results.filter((r) => r.shown === 'notice').length;
  const failed = total - valid.length;
  return [
    '# Speed benchmark',
    '',
    `Corpus \`${path.basename(opts.corpus)}\`: ${valid.length} pages timed of ${total}` +
      `${opts.limit ? ' (evenly spread sample)' : ''}${failed ? `, ${failed} failed or timed out` : ''}; ` +
      `${results.length - notices} shown as a story, ${notices} as the "no article" notice.`,
    '',
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ` +
      `${os.type()} ${os.release()}; load average ${os.loadavg()[0].toFixed(1)} at the end of the run; ` +
      `Chromium ${chromiumVersion} headless; Node ${process.versions.node}; ` +
      `${new Date().toISOString().slice(0, 10)}. The benchmark build (production + timing marks); ` +
      `service worker ${opts.warmWorker ? 'left running between pages' : 'stopped before every click'}; ` +
      `pipeline document ${opts.coldPipeline ? 'closed before every click' : 'left open between clicks'}.`,
    '',
    '| measure | median | p95 | max |',
    '| --- | ---: | ---: | ---: |',
    row('open time, click → story painted: first open on the site (ms)', open),
    row('open time, next article on the same site (ms)', again),
    row('click → the whole story laid out, first open (ms)', whole),
    row('pipeline alone: the page taken → sanitized story (ms)', pipeline),
    row('pipeline alone, next article on the same site (ms)', againPipeline),
    row('bare Readability parse, first call (ms)', bare),
    row('pipeline ÷ bare parse', ratioPipe, 2),
    row('open time ÷ bare parse', ratioOpen, 2),
    row(`detector, first call in a fresh page (ms, ${detector.length} pages)`, det, 2),
    row('detector, evaluating its bundle + first call (ms)', detTotal, 2),
    ...(loads
      ? [
          row(
            `detector in the extension, first page load on a site (ms, ${loads.first.length} sites)`,
            stat(loads.first),
            2,
          ),
          row(
            `detector in the extension, next page loads on the site (ms, ${loads.next.length} loads)`,
            stat(loads.next),
            2,
          ),
          row('detector in the extension, every page load (ms)', stat([...loads.first, ...loads.next]), 2),
          row(
            'detector script, top level → end of main(), first page load on a site (ms)',
            stat(loads.firstScript),
            2,
          ),
          row('detector script, top level → end of main(), next page loads (ms)', stat(loads.nextScript), 2),
          row(
            'detector script, all of it (compiled, run, main()), first page load on a site (ms, traced)',
            stat(loads.firstTraced),
            2,
          ),
          row('detector script, all of it, next page loads (ms, traced)', stat(loads.nextTraced), 2),
          row(
            'detector script, all of it, every page load (ms, traced)',
            stat([...loads.firstTraced, ...loads.nextTraced]),
            2,
          ),
          row('of which compiling it, first page load on a site (ms, traced)', stat(loads.firstCompile), 2),
          row('of which compiling it, next page loads (ms, traced)', stat(loads.nextCompile), 2),
        ]
      : []),
    '',
    'Stages of the first open on each site, and the median of the next article on the same site (ms; each stage ends',
    "at its mark: `captured` the click's capture script taking the page, `open` the reader started, `prefs` its",
    'settings read, `ahead` the story read meanwhile received, `render` the view drawn; a step of extraction is',
    'named after the step it ends):',
    '',
    '| stage | median | p95 | max | next article, median |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...stageNames.map(
      (s) =>
        `${row(s, stat(valid.map((r) => r.stages[s] ?? 0)))} ${fixed(stat(valid.map((r) => r.againStages[s] ?? 0)).median, 1)} |`,
    ),
    ...(remoteNames.length
      ? [
          '',
          'Inside the pipeline document (from the page taken to the `ahead` stage above, or to `relay` where the',
          'reader sends the page itself; `there` is the way from the page to the document, the DOM rebuilt, then',
          'the extraction steps as in the stage table of earlier rounds):',
          '',
          '| step | median | p95 | max | next article, median |',
          '| --- | ---: | ---: | ---: | ---: |',
          ...remoteNames.map(
            (s) =>
              `${row(s, stat(valid.map((r) => r.remote[s] ?? 0)))} ${fixed(stat(valid.map((r) => r.againRemote[s] ?? 0)).median, 1)} |`,
          ),
        ]
      : []),
    '',
    ...(valid.some((r) => r.remoteHeap)
      ? [
          `The pipeline document's JS heap (Chromium's coarse \`performance.memory\`), after each page: median ` +
            `${fixed(stat(valid.flatMap((r) => r.remoteHeap ?? [])).median / 2 ** 20, 1)} MB, max ` +
            `${fixed(stat(valid.flatMap((r) => r.remoteHeap ?? [])).max / 2 ** 20, 1)} MB, after the last ` +
            `${fixed((valid.at(-1)?.remoteHeap ?? 0) / 2 ** 20, 1)} MB.`,
          '',
        ]
      : []),
    heap
      ? `Heap: ${opts.cycles} open/close cycles on \`${results[0]?.id}\` grew the JS heap (after GC) by ` +
        `**${fixed((heap.after - heap.before) / 1024, 1)} kB** (${fixed(heap.before / 2 ** 20, 2)} → ` +
        `${fixed(heap.after / 2 ** 20, 2)} MB); page elements ${heap.nodesBefore} → ${heap.nodesAfter}.`
      : 'Heap: not measured.',
    '',
    cli
      ? `CLI (\`npm run extract\`'s per-page work: parse with linkedom, pipeline with the detector, serialize) on ` +
        `${cli.pages} pages: ${fixed(cli.cliMs / 1000, 1)} s against ${fixed(cli.bareMs / 1000, 1)} s for ` +
        `jsdom + bare Readability, **ratio ${fixed(cli.cliMs / cli.bareMs, 2)}**` +
        (cli.f1
          ? `; word-F1 against the corpus truth: CLI ${fixed(cli.f1.cli, 4)}, the same pipeline on jsdom ` +
            `${fixed(cli.f1.jsdomPipeline, 4)}, bare Readability ${fixed(cli.f1.bare, 4)}.`
          : '.')
      : 'CLI: not measured.',
    '',
    'Open time runs from just before CDP `Extensions.triggerAction` (a real toolbar click) to a',
    'message posted from the requestAnimationFrame after the overlay shows its article or notice, on',
    'clocks matched per page. Bare parse is `new Readability(document.cloneNode(true)).parse()`,',
    'Readability 0.6 minified, the first call in a fresh load of the same page. At the click a small',
    "script sends the page's DOM to the extension's pipeline document while the reader is injected",
    '(a reader already in the tab sends it itself); the document stays open between clicks unless',
    '`--cold-pipeline` closes it before each. Only the page HTML is served: every',
    "subresource request is aborted, and the page's own scripts are off (CSP `script-src 'none'`).",
    'Each page is served from sites of its own (`bare-N.test`, `open-N.test`), so each first open runs',
    "in a renderer process that has never run the reader, as on a person's next news site; the",
    'next-article row opens another page of the same site right after, in the process that just did.',
  ];
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
