/**
 * Extraction quality benchmark on a corpus laid out as WCXB (html/ID.html.gz, truth/ID.json, index.json).
 *
 *   npx tsx bench/quality.ts CORPUS_DIR [--limit N] [--type article] [--workers 2] [--batch 25]
 *                                       [--out FILE] [--dump DIR] [--worst N] [--dom cli]
 *
 * Scores, per page type, bare Readability (`parse().textContent`) against our pipeline's text with the
 * WCXB word-F1; for articles also token 4-gram F1 (Zyte's metric); and article detection precision/recall
 * of `isProbablyReaderable` and of our detector. jsdom windows are not freed until closed, so pages are
 * processed in child processes that each take one batch, close every window, and exit.
 *
 * `--dom cli` parses every page as `npm run extract` does (linkedom, with the command line's fixes in
 * cli/load.ts) instead of jsdom, so the numbers are the command line's own: its DOM is not jsdom's,
 * and a difference between the two once hid a detector that failed on every page with a headline.
 * Bare Readability then runs on that DOM too.
 *
 * The full run writes bench/results/quality.md (quality-cli.md with `--dom cli`); a run restricted
 * with --limit/--type writes only when --out is given. Per-page records go to bench/results/quality-pages.tmp (git-ignored) for digging.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parsePage as parseForCli } from '../cli/load';
import { detectArticle } from '../lib/detect';
import { extractArticle } from '../lib/extract';
import { articleText } from '../lib/text';
import { basicForm } from '../lib/text-similarity';
import { type CorpusPage, detectionLabel, listPages, readHtml, readTruth } from './lib/corpus';
import { parsePage } from './lib/dom';
import { type MetaGuess, type MetaMatch, matchMetadata } from './lib/metadata-score';
import {
  type Confusion,
  detectionScores,
  mean,
  ngramPRF,
  type PRF,
  summarize,
  withoutCaptions,
  wordPRF,
  zyteF1,
} from './lib/score';
import { isBatchWorker, runInWorkers, serveBatch } from './lib/workers';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const PIPELINE = path.join(ROOT, 'lib', 'pipeline.ts');
const TYPE_ORDER = ['article', 'listing', 'collection', 'product', 'service', 'forum', 'documentation'];

interface Scored {
  w: PRF;
  g: PRF;
  empty: boolean;
}

interface PageResult {
  id: string;
  type: string;
  domain: string;
  error?: string;
  /** Which of our entry points produced the text. */
  oursName: string;
  ms: { parse: number; bare: number; ours: number };
  readerable: boolean;
  detected: boolean;
  detectReason: string;
  bare: Scored;
  ours: Scored;
  /** Ours with the reported captions taken out of the text (only when captions were reported). */
  oursNoCaptions: Scored | null;
  captions: number;
  withFound: number;
  withTotal: number;
  withoutFound: number;
  withoutTotal: number;
  /** Title, author and date against the truth, for articles (null where the truth has none). */
  meta: { bare: MetaMatch; ours: MetaMatch } | null;
}

type Dom = 'jsdom' | 'cli';

interface Job extends CorpusPage {
  corpus: string;
  dump: string | null;
  dom: Dom;
}

/** The page as a Document (and the window our pipeline sanitizes in) in the DOM the run asked for. */
function openPage(job: Job): { doc: Document; window: Window | undefined; close(): void } {
  const html = readHtml(job.corpus, job.id);
  if (job.dom === 'cli') {
    // The bytes of the page's file and no charset, as `npm run extract` reads a file: the command
    // line must find the encoding itself (the corpus stores UTF-8, whatever its <meta> says).
    const page = parseForCli({ bytes: Buffer.from(html), url: job.url });
    return { doc: page.document, window: page.window, close: page.close };
  }
  const page = parsePage(html, job.url);
  return { doc: page.doc, window: page.doc.defaultView ?? undefined, close: page.close };
}

// ---------------------------------------------------------------- worker side

function score(pred: string, truth: string): Scored {
  return { w: wordPRF(pred, truth), g: ngramPRF(pred, truth), empty: pred.trim() === '' };
}

/**
 * Snippets are matched as a reader would read them: letter case, whitespace and typography aside.
 * The corpus writes "They're" where the page (and so our text) has "They’re"; before this matched
 * typography too, five of every eight "missed" snippets were a curly apostrophe or quote, not a miss
 * (share found on the development corpus's articles: 0.880 → 0.955 for the same text).
 */
function snippetHits(text: string, snippets: string[] | undefined): number {
  const norm = (s: string) => basicForm(s).toLowerCase();
  const hay = norm(text);
  return (snippets ?? []).filter((s) => norm(s) && hay.includes(norm(s))).length;
}

type OursFn = (
  doc: Document,
  url: string,
  window?: Window,
) => { text: string; captions: string[]; meta?: MetaGuess };

/** The full pipeline once lib/pipeline.ts exists; until then extractArticle + articleText. */
async function loadOurs(): Promise<{ name: string; run: OursFn }> {
  if (existsSync(PIPELINE)) {
    const mod = await import(PIPELINE);
    if (typeof mod.runPipeline === 'function') {
      return {
        name: 'runPipeline',
        run: (doc, url, window) => {
          const r = mod.runPipeline(doc, { url, window: window ?? doc.defaultView ?? undefined });
          return r?.ok
            ? { text: r.article.text ?? '', captions: r.article.captions ?? [], meta: r.article }
            : { text: '', captions: [] };
        },
      };
    }
  }
  return {
    name: 'extractArticle + articleText',
    run: (doc, url) => {
      const ex = extractArticle(doc, { url });
      return { text: ex ? articleText(ex.body) : '', captions: [] };
    },
  };
}

const EMPTY: Scored = { w: { p: 0, r: 0, f1: 0 }, g: { p: 0, r: 0, f1: 0 }, empty: true };

function scorePage(job: Job, ours: { name: string; run: OursFn }): PageResult {
  const truth = readTruth(job.corpus, job.id);
  const gold = truth.main_content ?? '';
  const base: PageResult = {
    id: job.id,
    type: job.pageType,
    domain: job.domain,
    oursName: ours.name,
    ms: { parse: 0, bare: 0, ours: 0 },
    readerable: false,
    detected: false,
    detectReason: '',
    bare: EMPTY,
    ours: EMPTY,
    oursNoCaptions: null,
    captions: 0,
    withFound: 0,
    withTotal: truth.with?.length ?? 0,
    withoutFound: 0,
    withoutTotal: truth.without?.length ?? 0,
    meta: null,
  };
  const t0 = performance.now();
  const page = openPage(job);
  try {
    const doc = page.doc;
    const t1 = performance.now();
    base.ms.parse = t1 - t0;
    base.readerable = isProbablyReaderable(doc);
    const detection = detectArticle(doc, job.url);
    base.detected = detection.isArticle;
    base.detectReason = detection.reason;
    const t2 = performance.now();
    const bareResult = new Readability(doc.cloneNode(true) as Document).parse();
    const bareText = bareResult?.textContent ?? '';
    const t3 = performance.now();
    base.bare = score(bareText, gold);
    const out = ours.run(doc, job.url, page.window);
    base.ms.bare = t3 - t2;
    base.ms.ours = performance.now() - t3;
    base.ours = score(out.text, gold);
    base.oursNoCaptions = out.captions.length ? score(withoutCaptions(out.text, out.captions), gold) : null;
    base.captions = out.captions.length;
    base.withFound = snippetHits(out.text, truth.with);
    base.withoutFound = snippetHits(out.text, truth.without);
    if (job.pageType === 'article')
      base.meta = {
        bare: matchMetadata(bareResult ?? {}, truth),
        ours: matchMetadata(out.meta ?? {}, truth),
      };
    if (job.dump) {
      writeFileSync(path.join(job.dump, `${job.id}.truth.txt`), gold);
      writeFileSync(path.join(job.dump, `${job.id}.bare.txt`), bareText);
      writeFileSync(path.join(job.dump, `${job.id}.ours.txt`), out.text);
    }
  } catch (err) {
    base.error = String((err as Error)?.stack ?? err).slice(0, 300);
  } finally {
    page.close();
  }
  return base;
}

async function runWorker(): Promise<void> {
  const ours = await loadOurs();
  serveBatch<Job, PageResult>((job) => scorePage(job, ours));
}

// ---------------------------------------------------------------- parent side

interface Options {
  corpus: string;
  limit: number;
  type: string | null;
  workers: number;
  batch: number;
  out: string | null;
  dump: string | null;
  worst: number;
  dom: Dom;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const corpus = argv.find((a, i) => !a.startsWith('--') && (i === 0 || !argv[i - 1]!.startsWith('--')));
  if (!corpus) {
    console.error(
      'usage: tsx bench/quality.ts CORPUS_DIR [--limit N] [--type TYPE] [--workers N] [--batch N] [--out FILE] [--dump DIR] [--dom cli]',
    );
    process.exit(2);
  }
  const restricted = argv.includes('--limit') || argv.includes('--type');
  const dom: Dom = get('--dom') === 'cli' ? 'cli' : 'jsdom';
  return {
    corpus: path.resolve(corpus),
    limit: Number(get('--limit') ?? 0),
    type: get('--type') ?? null,
    workers: Math.max(1, Number(get('--workers') ?? Math.min(2, os.cpus().length))),
    batch: Math.max(1, Number(get('--batch') ?? 40)),
    out:
      get('--out') ??
      (restricted
        ? null
        : path.join(ROOT, 'bench', 'results', dom === 'cli' ? 'quality-cli.md' : 'quality.md')),
    dump: get('--dump') ?? null,
    worst: Number(get('--worst') ?? 15),
    dom,
  };
}

function selectPages(opts: Options): CorpusPage[] {
  let pages = listPages(opts.corpus);
  if (opts.type) pages = pages.filter((p) => p.pageType === opts.type);
  if (opts.limit > 0 && opts.limit < pages.length) {
    // An evenly spread sample rather than the first N (the corpus is grouped by topic).
    const step = pages.length / opts.limit;
    pages = Array.from({ length: opts.limit }, (_, i) => pages[Math.floor(i * step)]!);
  }
  return pages;
}

// ---------------------------------------------------------------- report

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function report(opts: Options, results: PageResult[], seconds: number): string {
  const errors = results.filter((r) => r.error).map((r) => `${r.id}: ${r.error!.split('\n')[0]}`);
  const types = TYPE_ORDER.filter((t) => results.some((r) => r.type === t));
  const hasNoCap = results.some((r) => r.oursNoCaptions);
  const extraction = [...types, 'all'].map((t) => {
    const rs = t === 'all' ? results : results.filter((r) => r.type === t);
    const b = summarize(rs.map((r) => r.bare.w));
    const o = summarize(rs.map((r) => r.ours.w));
    const row = [t, String(rs.length), f3(b.p), f3(b.r), f3(b.f1), f3(o.p), f3(o.r), f3(o.f1)];
    if (hasNoCap) row.push(f3(mean(rs.map((r) => (r.oursNoCaptions ?? r.ours).w.f1))));
    return row;
  });
  const extractionHead = ['page type', 'pages', 'Readability P', 'R', 'F1', `ours P`, 'R', 'F1'];
  if (hasNoCap) extractionHead.push('ours F1, captions removed');

  const articles = results.filter((r) => r.type === 'article');
  const grams = (pick: (r: PageResult) => Scored) => {
    const s = articles.map((r) => ({ ...pick(r).g, predEmpty: pick(r).empty }));
    const m = summarize(s);
    return [f3(m.p), f3(m.r), f3(m.f1), f3(zyteF1(s))];
  };
  const ngramRows = [
    ['Readability', ...grams((r) => r.bare)],
    ['ours', ...grams((r) => r.ours)],
  ];
  if (hasNoCap) ngramRows.push(['ours, captions removed', ...grams((r) => r.oursNoCaptions ?? r.ours)]);

  const confusion = (pick: (r: PageResult) => boolean): Confusion => {
    const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const r of results) {
      const positive = detectionLabel(r.type);
      if (positive === null) continue;
      const said = pick(r);
      if (positive && said) c.tp++;
      else if (positive) c.fn++;
      else if (said) c.fp++;
      else c.tn++;
    }
    return c;
  };
  const detectRow = (name: string, c: Confusion) => {
    const s = detectionScores(c);
    return [name, f3(s.precision), f3(s.recall), f3(s.f1), f3(s.accuracy), `${c.tp}/${c.fp}/${c.fn}/${c.tn}`];
  };

  const snippet = (rs: PageResult[]) => {
    const w =
      rs.reduce((a, r) => a + r.withFound, 0) /
      Math.max(
        1,
        rs.reduce((a, r) => a + r.withTotal, 0),
      );
    const wo =
      rs.reduce((a, r) => a + r.withoutFound, 0) /
      Math.max(
        1,
        rs.reduce((a, r) => a + r.withoutTotal, 0),
      );
    return [f3(w), f3(wo)];
  };

  const metaRows = (['title', 'author', 'date'] as const).map((field) => {
    const scored = articles.filter((r) => r.meta && r.meta.ours[field] !== null);
    const share = (who: 'bare' | 'ours') =>
      f3(scored.filter((r) => r.meta?.[who][field]).length / Math.max(1, scored.length));
    return [field, String(scored.length), share('bare'), share('ours')];
  });

  const worst = [...articles]
    .sort((a, b) => a.ours.w.f1 - b.ours.w.f1)
    .slice(0, opts.worst)
    .map((r) => [r.id, r.domain, f3(r.ours.w.p), f3(r.ours.w.r), f3(r.ours.w.f1), f3(r.bare.w.f1)]);

  const ms = (pick: (r: PageResult) => number) => mean(results.map(pick)).toFixed(0);
  const scope = [
    opts.type ? `type ${opts.type}` : 'all page types',
    opts.limit ? `sample of ${opts.limit}` : 'all pages',
  ].join(', ');

  return [
    '# Extraction quality',
    '',
    `Date: ${new Date().toISOString().slice(0, 10)}. Machine: ${os.cpus().length} cores, Node ${process.versions.node.split('.')[0]}, jsdom 29, @mozilla/readability 0.6.0.`,
    opts.dom === 'cli'
      ? "DOM: the command line's (`npm run extract` parses with linkedom, see cli/load.ts); Readability and ours both run on it."
      : 'DOM: jsdom (as the unit tests; the command line has its own numbers in quality-cli.md, `--dom cli`).',
    `Corpus: \`${path.basename(opts.corpus)}\` (${results.length} pages; ${scope}). Ours = \`${results[0]?.oursName ?? '?'}\`. Run time ${seconds.toFixed(0)} s with ${opts.workers} worker processes.`,
    '',
    'Reference (measured by others with Readability 0.6.0 + jsdom 27 on the same corpus): article word-F1 0.926; `isProbablyReaderable` precision 0.695, recall 0.993.',
    '',
    'Word F1 is the WCXB metric: tokens `/[\\p{L}\\p{N}_]+/gu` of the lower-cased text, precision and recall on token multisets per page, mean over pages. An empty extraction scores 0.',
    '',
    '## Text extraction, word F1 by page type',
    '',
    table(extractionHead, extraction),
    '',
    '## Articles, token 4-gram F1 (Zyte metric)',
    '',
    'Mean over pages of per-page P/R/F1, and the Zyte corpus F1 (harmonic mean of mean precision over pages with output and mean recall).',
    '',
    table(['extractor', 'P', 'R', 'F1 (page mean)', 'F1 (Zyte)'], ngramRows),
    '',
    '## Article detection (article = positive; listing/collection/product/service = negative)',
    '',
    table(
      ['detector', 'precision', 'recall', 'F1', 'accuracy', 'tp/fp/fn/tn'],
      [
        detectRow(
          'isProbablyReaderable',
          confusion((r) => r.readerable),
        ),
        detectRow(
          'detectArticle',
          confusion((r) => r.detected),
        ),
      ],
    ),
    '',
    '## Article metadata against the truth',
    '',
    "Share of articles whose truth gives the field where the extractor agrees: the same words for the title, every credited author in the byline, the publication day within one day (UTC against the page's local day). Ours is what the reader's header shows.",
    '',
    table(['field', 'articles', 'Readability', 'ours'], metaRows),
    '',
    '## Truth snippets in our article text',
    '',
    'Share of `with` snippets (must appear) found and of `without` snippets (boilerplate) found, articles only.',
    '',
    table(['with found (higher is better)', 'without found (lower is better)'], [snippet(articles)]),
    '',
    `## Worst ${worst.length} articles (ours)`,
    '',
    table(['id', 'domain', 'P', 'R', 'F1', 'Readability F1'], worst),
    '',
    '## Time per page (mean ms)',
    '',
    table(
      ['jsdom parse', 'Readability', 'ours'],
      [[ms((r) => r.ms.parse), ms((r) => r.ms.bare), ms((r) => r.ms.ours)]],
    ),
    '',
    errors.length ? `## Errors (${errors.length})\n\n${errors.map((e) => `- ${e}`).join('\n')}\n` : '',
  ].join('\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const pages = selectPages(opts);
  if (opts.dump) mkdirSync(opts.dump, { recursive: true });
  process.stderr.write(`scoring ${pages.length} pages with ${opts.workers} workers…\n`);
  const started = Date.now();
  const jobs: Job[] = pages.map((p) => ({ ...p, corpus: opts.corpus, dump: opts.dump, dom: opts.dom }));
  const results = await runInWorkers<Job, PageResult>(fileURLToPath(import.meta.url), jobs, {
    batchSize: opts.batch,
    jobs: opts.workers,
    onProgress: (done, total) =>
      process.stderr.write(`  ${done}/${total} pages, ${((Date.now() - started) / 1000).toFixed(0)} s\n`),
  });
  const md = report(opts, results, (Date.now() - started) / 1000);
  console.log(md);
  const resultsDir = path.join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'quality-pages.tmp'), results.map((r) => JSON.stringify(r)).join('\n'));
  if (opts.out) {
    writeFileSync(opts.out, md);
    process.stderr.write(`wrote ${path.relative(ROOT, opts.out)}\n`);
  }
}

if (isBatchWorker()) void runWorker();
else void main();
