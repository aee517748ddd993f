/**
 * Article-detector benchmark.
 *
 *   npx tsx bench/detect.ts CORPUS_DIR [--verbose] [--jobs N] [--batch N] [--limit N]
 *                            [--chromium[=PATH]] [--chromium-sample N] [--out FILE] [--no-write]
 *
 * Parses each page with jsdom (page URL set, stylesheets emptied: the detector never reads them) in
 * batches of short-lived worker processes, runs detectArticle, and prints precision/recall/F1 for
 * articles against listing/collection/product/service pages, how many pages of every type are called
 * articles, per-domain-fold figures and a cross-validated threshold. `--verbose` lists misclassified
 * pages with the detector's reasons. `--chromium` also times the bundled detector in real Chromium
 * on an evenly spread sample (the main-thread budget applies there), and the bundle's gzipped size is
 * always measured. A full-corpus run writes bench/results/detect.md; anything after a line
 * `<!-- notes -->` in that file is kept.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { detectArticle } from '../lib/detect';
import { commandLine } from './lib/args';
import { bundleForPage, findChromium, timeInChromium } from './lib/chromium-timing';
import { type CorpusPage, detectionLabel, loadCorpus, readPageHtml } from './lib/corpus';
import {
  byType,
  type DetectOutcome,
  fixed,
  median,
  pct,
  perFold,
  prf,
  quantile,
  scored,
  thresholdCv,
} from './lib/detect-metrics';
import { parsePage } from './lib/dom';
import { isBatchWorker, runInWorkers, serveBatch } from './lib/workers';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DETECTOR = path.join(HERE, '..', 'lib', 'detect.ts');

interface Job extends CorpusPage {
  corpus: string;
}

function runJob(job: Job): DetectOutcome {
  const page = parsePage(readPageHtml(job.corpus, job), job.url || undefined, { stripStyles: true });
  try {
    const t = performance.now();
    const d = detectArticle(page.doc, job.url || undefined);
    const ms = performance.now() - t;
    return { id: job.id, pageType: job.pageType, domain: job.domain, ...d, ms };
  } finally {
    page.close();
  }
}

interface Options {
  corpus: string;
  verbose: boolean;
  jobs: number;
  batch: number;
  limit: number;
  chromium: string | false;
  chromiumSample: number;
  out: string;
  write: boolean;
}

function parseArgs(argv: string[]): Options {
  const { value, positional: corpus } = commandLine(argv, [
    '--jobs',
    '--batch',
    '--limit',
    '--chromium-sample',
    '--out',
  ]);
  if (!corpus) {
    console.error(
      'usage: npx tsx bench/detect.ts CORPUS_DIR [--verbose] [--jobs N] [--limit N] [--chromium[=PATH]]',
    );
    process.exit(2);
  }
  const chromiumArg = argv.find((a) => a === '--chromium' || a.startsWith('--chromium='));
  return {
    corpus: path.resolve(corpus),
    verbose: argv.includes('--verbose'),
    jobs: Number(value('--jobs', '2')),
    batch: Number(value('--batch', '60')),
    limit: Number(value('--limit', '0')),
    chromium: chromiumArg ? (chromiumArg.includes('=') ? chromiumArg.split('=')[1] : '') : false,
    chromiumSample: Number(value('--chromium-sample', '150')),
    out: value('--out', path.join(HERE, 'results', 'detect.md')),
    write: !argv.includes('--no-write'),
  };
}

/** Every k-th page, so a sample spans the corpus (it is grouped by type and topic). */
function spread<T>(xs: T[], n: number): T[] {
  if (!n || n >= xs.length) return xs;
  const step = xs.length / n;
  return Array.from({ length: n }, (_, i) => xs[Math.floor(i * step)]);
}

/** The detector as a content script would ship it: ESM, bundled, minified, gzipped. */
async function bundleBytes(): Promise<{ min: number; gz: number }> {
  const out = await build({
    entryPoints: [DETECTOR],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
  });
  const code = out.outputFiles[0].contents;
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const { kind, pages: all } = loadCorpus(opts.corpus);
  const pages = spread(all, opts.limit);
  const t0 = Date.now();
  const outcomes = await runInWorkers<Job, DetectOutcome>(
    fileURLToPath(import.meta.url),
    pages.map((p) => ({ ...p, corpus: opts.corpus })),
    {
      batchSize: opts.batch,
      jobs: opts.jobs,
      onProgress: (d, n) => process.stderr.write(`\r${d}/${n} pages`),
    },
  );
  process.stderr.write('\n');
  const seconds = (Date.now() - t0) / 1000;
  const size = await bundleBytes();

  let timing: string[] = [];
  if (opts.chromium !== false) {
    const exe = findChromium(opts.chromium || undefined);
    if (!exe) console.error('--chromium: no Chromium binary found (pass --chromium=PATH)');
    else timing = await chromiumSection(exe, spread(pages, opts.chromiumSample), opts, outcomes);
  }

  const lines = report(kind, opts, outcomes, seconds, size, timing);
  console.log(lines.join('\n'));
  if (opts.verbose) console.log(misclassified(outcomes).join('\n'));
  if (opts.write && !opts.limit && kind === 'wcxb') {
    const keep = existsSync(opts.out) ? readFileSync(opts.out, 'utf8').split('<!-- notes -->')[1] : undefined;
    const doc = [...lines, '', '<!-- notes -->', keep?.replace(/^\n+/, '') ?? ''].join('\n');
    writeFileSync(opts.out, doc.endsWith('\n') ? doc : `${doc}\n`);
    console.error(`wrote ${path.relative(process.cwd(), opts.out)}`);
  }
}

async function chromiumSection(exe: string, sample: CorpusPage[], opts: Options, outcomes: DetectOutcome[]) {
  const script = await bundleForPage(DETECTOR, '__calmDetect');
  const run = (prime: boolean) =>
    timeInChromium({
      executablePath: exe,
      script,
      globalName: '__calmDetect',
      fn: 'detectArticle',
      prime,
      pages: sample.map((p) => ({ id: p.id, url: p.url, html: () => readPageHtml(opts.corpus, p) })),
    });
  const fresh = await run(false);
  const primed = await run(true);
  const jsdomById = new Map(outcomes.map((o) => [o.id, o.isArticle]));
  const agree = fresh.filter(
    (t) => (t.result as { isArticle?: boolean })?.isArticle === jsdomById.get(t.id),
  ).length;
  const stat = (name: string, xs: number[]) =>
    `| ${name} | ${fixed(median(xs), 2)} | ${fixed(quantile(xs, 0.9), 2)} | ${fixed(Math.max(...xs), 2)} |`;
  return [
    '',
    `## Main-thread time in Chromium (${fresh.length} pages, evenly spread)`,
    '',
    '| run | median ms | p90 ms | max ms |',
    '| --- | ---: | ---: | ---: |',
    stat(
      'cold: first call in a fresh JS world',
      fresh.map((t) => t.coldMs),
    ),
    stat(
      'first call, engine primed (see below)',
      primed.map((t) => t.coldMs),
    ),
    stat(
      'warm: median of 5 repeats',
      fresh.map((t) => t.warmMs),
    ),
    '',
    'Each page is loaded at its own URL with page scripts off, the bundle is evaluated, and',
    '`detectArticle(document, url)` is timed. "Cold" is the very first call, so it also pays',
    "one-time costs of a fresh JS world that are not the detector's (the first textContent read,",
    'regex, selector query, TreeWalker... each ~0.1–0.4 ms, once, whoever calls them first; a content',
    'script that does anything else pays them anyway). "Primed" exercises those on a scratch',
    'document first: what remains is compiling the detector and walking this page. "Warm" repeats',
    'the call on the same page (code compiled, DOM caches filled).',
    '',
    `Same decision as jsdom on ${agree}/${fresh.length} pages.`,
  ];
}

function report(
  kind: string,
  opts: Options,
  outcomes: DetectOutcome[],
  seconds: number,
  size: { min: number; gz: number },
  timing: string[],
): string[] {
  const all = prf(scored(outcomes));
  const folds = perFold(outcomes);
  const cv = thresholdCv(outcomes);
  const types = byType(outcomes);
  const lines = [
    '# Article detector benchmark',
    '',
    `Corpus \`${path.basename(opts.corpus)}\` (${kind}, ${outcomes.length} pages${opts.limit ? ', evenly spread sample' : ''}). ` +
      `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.versions.node}; ` +
      `${seconds.toFixed(0)} s with ${opts.jobs} worker processes.`,
    '',
    `Bundle (lib/detect.ts and its imports, ESM, minified): ${size.min} B, **${size.gz} B gzipped**.`,
    '',
  ];
  if (all.tp + all.fn + all.fp + all.tn > 0) {
    lines.push(
      '## Articles vs listing, collection, product and service pages',
      '',
      '| set | precision | recall | F1 | TP | FP | FN | TN |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      row('all scored pages', all),
      ...folds.map((f, k) => row(`domain fold ${k + 1} of 2`, f)),
    );
    if (cv)
      lines.push(
        row(`threshold cross-validated (${cv.thresholds.map((t) => fixed(t, 2)).join(' / ')})`, cv.heldOut),
      );
    lines.push(
      '',
      'Domain folds split the sites in two by a hash of the domain name, so no site is on both sides.',
      'The cross-validated row picks the score threshold on one fold (max of min(P, R)), applies it to',
      'the other, and pools the two held-out halves.',
      '',
    );
  }
  lines.push(
    '## Pages called articles, by type',
    '',
    '| type | pages | called articles | share | scored as |',
    '| --- | ---: | ---: | ---: | --- |',
    ...types.map((t) => {
      const label = detectionLabel(t.type);
      const as = label === null ? 'not scored' : label ? 'positive' : 'negative';
      return `| ${t.type} | ${t.n} | ${t.articles} | ${pct(t.articles / t.n)} % | ${as} |`;
    }),
    '',
    `Detector time in jsdom (not the budget; see Chromium below): median ${fixed(median(outcomes.map((o) => o.ms)), 1)} ms.`,
    ...timing,
  );
  return lines;
}

function row(name: string, r: ReturnType<typeof prf>): string {
  return `| ${name} | ${fixed(r.precision)} | ${fixed(r.recall)} | ${fixed(r.f1)} | ${r.tp} | ${r.fp} | ${r.fn} | ${r.tn} |`;
}

function misclassified(outcomes: DetectOutcome[]): string[] {
  const wrong = scored(outcomes).filter((r) => r.label !== r.predicted);
  // Readability's pages are not labelled for news, but its readerable ones are real articles.
  const missed = outcomes.filter((o) => o.pageType === 'readerable' && !o.isArticle);
  const line = (o: DetectOutcome, tag: string) =>
    `${o.id} ${o.pageType.padEnd(10)} ${tag} ${o.domain}: ${o.reason}`;
  return [
    '',
    `## Misclassified (${wrong.length})`,
    ...wrong.map(({ o }) => line(o, o.isArticle ? 'FP' : 'FN')),
    ...(missed.length
      ? [
          '',
          `## Readerable pages not called articles (${missed.length})`,
          ...missed.map((o) => line(o, '--')),
        ]
      : []),
  ];
}

if (isBatchWorker()) serveBatch<Job, DetectOutcome>(runJob);
else
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
