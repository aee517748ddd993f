/**
 * `npm run extract -- INPUT... [--url URL] [--manifest LIST.jsonl] [--format json|html|text]`
 * The pipeline the extension runs, from the command line: one process for many pages, one
 * result (or one clear error) per input, in input order.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { detectArticle } from '../lib/detect';
import { runPipeline } from '../lib/pipeline';
import { type Job, jobsFrom, manifestJob, parseArgs, USAGE, UsageError } from './args';
import { load, looksBinary, withBrowserDomFallback } from './load';
import { renderStandalone } from './render-html';

interface Row {
  source: string;
  error?: string;
  [key: string]: unknown;
}

async function processJob(job: Job, timeoutMs: number): Promise<{ row: Row; html?: string }> {
  const loaded = await load(job, { timeoutMs });
  if (looksBinary(loaded.bytes)) throw new Error('not an HTML document (binary data)');
  return withBrowserDomFallback(loaded, (page) => {
    const { window } = page;
    const outcome = runPipeline(page.document, {
      url: loaded.url,
      window,
      detect: detectArticle,
    });
    if (!outcome.ok) {
      return {
        row: {
          source: job.source,
          isArticle: outcome.detection?.isArticle ?? false,
          reason: outcome.detection?.reason ?? '',
          error: outcome.error,
        },
      };
    }
    const a = outcome.article;
    const holder = window.document.createElement('div');
    holder.append(window.document.importNode(a.content, true));
    const contentHtml = holder.innerHTML;
    const row: Row = {
      source: job.source,
      isArticle: a.detection?.isArticle ?? false,
      reason: a.detection?.reason ?? '',
      title: a.title,
      byline: a.byline,
      siteName: a.siteName,
      publishedTime: a.publishedTime,
      lang: a.lang,
      dir: a.dir,
      excerpt: a.excerpt,
      readingMinutes: a.readingMinutes,
      text: a.text,
      contentHtml,
      captions: a.captions,
      quotes: a.quotes.map((q) => ({ text: q.text, speaker: q.speaker ?? null })),
    };
    return { row, html: renderStandalone(a, contentHtml, loaded.url ?? null) };
  });
}

async function main(): Promise<number> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      if (err.message) console.error(`extract: ${err.message}`);
      console.error(USAGE);
      return err.message ? 2 : 0;
    }
    throw err;
  }
  const jobs: (Job | { error: string; source: string })[] = jobsFrom(opts.inputs, opts.url);
  if (opts.manifest) {
    let text: string;
    try {
      text = readFileSync(opts.manifest, 'utf8');
    } catch (err) {
      console.error(`extract: cannot read manifest ${opts.manifest}: ${(err as Error).message}`);
      return 2;
    }
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const job = manifestJob(line, i + 1);
      jobs.push('error' in job ? { ...job, source: `${opts.manifest}:${i + 1}` } : job);
    });
  }
  if (opts.format === 'html' && jobs.length > 1 && !opts.outDir) {
    console.error('extract: several inputs in html format need --out DIR');
    return 2;
  }
  if (opts.outDir) mkdirSync(opts.outDir, { recursive: true });

  let failures = 0;
  for (const [i, job] of jobs.entries()) {
    let result: { row: Row; html?: string };
    if ('error' in job) result = { row: { source: job.source, error: job.error } };
    else {
      try {
        result = await processJob(job, opts.timeoutMs);
      } catch (err) {
        result = { row: { source: job.source, error: (err as Error).message || String(err) } };
      }
    }
    const { row, html } = result;
    if (row.error) failures++;
    if (opts.format === 'json') {
      process.stdout.write(`${JSON.stringify(row)}\n`);
    } else if (row.error) {
      console.error(`extract: ${row.source}: ${row.error}`);
    } else if (opts.format === 'text') {
      process.stdout.write(`${row.text as string}\n${jobs.length > 1 ? '\n' : ''}`);
    } else if (opts.outDir) {
      const file = join(
        opts.outDir,
        `${String(i + 1).padStart(4, '0')}-${basename(row.source).replace(/[^\w.-]+/g, '_')}.reader.html`,
      );
      writeFileSync(file, html ?? '');
      console.error(file);
    } else {
      process.stdout.write(html ?? '');
    }
  }
  return failures === jobs.length && jobs.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`extract: ${(err as Error).stack ?? err}`);
    process.exitCode = 1;
  },
);
