/**
 * What the pipeline leaves out of what Readability keeps, on pages tuning never saw: Mozilla
 * Readability's regression pages (NAME/source.html.gz, NAME/expected.html.gz, expected-metadata.json).
 *
 *   npx tsx bench/readability-pages.ts CORPUS_DIR [--out FILE] [--below 0.95]
 *
 * `expected.html` is Readability 0.6.0's own output, not a human truth, and Readability's recall on
 * news is high (0.98 on Zyte's benchmark) while its precision is what loses points: so the share of
 * its words our story keeps (recall against it) is a check on the cleanup's mistakes, and the
 * blocks that go missing are listed to be read, one by one. A block gone because it is a comment
 * thread, a newsletter box or an author's bio is the cleanup doing its job; a story paragraph gone
 * is a bug (the first paragraph of the msn page, which led to this script).
 *
 * Writes bench/results/readability-pages.md (or --out).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { runPipeline } from '../lib/pipeline';
import { commandLine } from './lib/args';
import { loadCorpus, readPageHtml } from './lib/corpus';
import { parsePage } from './lib/dom';
import { mean, tokens } from './lib/score';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Readability's tests read every page as this address. */
const URL = 'http://fakehost/test/page.html';
/** Below this share of our words found in Readability's output, a page's extra paragraphs are listed. */
const WORDY = 0.9;
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, pre, blockquote, figcaption, td, th, dt, dd';

interface Row {
  id: string;
  recall: number;
  precision: number;
  words: number;
  missing: string[];
  /** Our paragraphs that are mostly not Readability's words. */
  extra: string[];
  error?: string;
}

function counts(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** The leaf blocks of Readability's output, as text, in order. */
function expectedBlocks(html: string): string[] {
  const { doc, close } = parsePage(html, URL);
  try {
    return Array.from(doc.querySelectorAll(BLOCKS))
      .filter((el) => !el.querySelector(BLOCKS))
      .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter((t) => tokens(t).length > 0);
  } finally {
    close();
  }
}

/** The blocks most of whose words are not in `words` (a multiset: each word is used up once). */
function blocksNotIn(blocks: string[], words: Map<string, number>): string[] {
  const left = new Map(words);
  const out: string[] = [];
  for (const block of blocks) {
    const ws = tokens(block);
    let found = 0;
    for (const w of ws) {
      const n = left.get(w) ?? 0;
      if (n > 0) {
        found++;
        left.set(w, n - 1);
      }
    }
    if (ws.length >= 4 && found / ws.length < 0.5) out.push(block.replace(/\s+/g, ' ').trim());
  }
  return out;
}

function score(id: string, source: string, expectedHtml: string): Row {
  const { doc, close } = parsePage(source, URL);
  let text = '';
  let error: string | undefined;
  try {
    const out = runPipeline(doc, { url: URL, window: doc.defaultView as unknown as Window });
    if (out.ok) text = out.article.text;
    else error = out.error;
  } finally {
    close();
  }
  const blocks = expectedBlocks(expectedHtml);
  const want = blocks.flatMap(tokens);
  const ours = counts(tokens(text));
  const have = tokens(text).length;
  let kept = 0;
  for (const [w, n] of counts(want)) kept += Math.min(n, ours.get(w) ?? 0);
  const missing = blocksNotIn(blocks, ours);
  const extra = blocksNotIn(text.split('\n\n'), counts(want));
  return {
    id,
    recall: want.length ? kept / want.length : 1,
    precision: have ? kept / have : 0,
    words: want.length,
    missing,
    extra,
    error,
  };
}

function main() {
  const args = commandLine(process.argv.slice(2), ['--out', '--below']);
  const dir = args.positional;
  if (!dir) {
    console.error('usage: npx tsx bench/readability-pages.ts CORPUS_DIR [--out FILE] [--below 0.95]');
    process.exit(2);
  }
  const below = Number(args.value('--below', '0.95'));
  const { kind, pages } = loadCorpus(dir);
  if (kind !== 'readability') throw new Error(`not a folder of Readability's test pages: ${dir}`);
  const rows: Row[] = [];
  for (const page of pages.filter((p) => p.pageType === 'readerable')) {
    const expected = gunzipSync(readFileSync(path.join(dir, page.id, 'expected.html.gz'))).toString('utf8');
    rows.push(score(page.id, readPageHtml(dir, page), expected));
  }
  const flagged = rows.filter((r) => r.recall < below).sort((a, b) => a.recall - b.recall);
  const lines = [
    "# Readability's regression pages: what our story leaves out of Readability's, and adds",
    '',
    `Date: ${new Date().toISOString().slice(0, 10)}. ${rows.length} pages Readability's suite calls readerable; ` +
      "words of Readability 0.6.0's expected output (`expected.html`) found in our story text, as multisets.",
    '',
    '| measure | value |',
    '| --- | --- |',
    `| recall of Readability's words, mean over pages | ${mean(rows.map((r) => r.recall)).toFixed(3)} |`,
    `| share of our words that are Readability's, mean | ${mean(rows.map((r) => r.precision)).toFixed(3)} |`,
    `| pages with no story from us | ${rows.filter((r) => r.error).length} |`,
    `| pages below ${below} recall | ${flagged.length} |`,
    '',
    `## Pages below ${below}: the blocks of Readability's output missing from ours`,
    '',
    "Read them: a block the cleanup dropped on purpose (comments, newsletter boxes, bios, related links, photo credits) is fine; a repeated block shows once in ours (the test suite's synthetic pages repeat their lorem ipsum).",
    '',
  ];
  for (const r of flagged) {
    lines.push(
      `- **${r.id}**: recall ${r.recall.toFixed(3)} of ${r.words} words${r.error ? ` (${r.error})` : ''}`,
    );
    for (const m of r.missing.slice(0, 8)) lines.push(`  - ${m.length > 160 ? `${m.slice(0, 159)}…` : m}`);
    if (r.missing.length > 8) lines.push(`  - … ${r.missing.length - 8} more`);
  }
  const wordy = rows.filter((r) => r.precision < WORDY).sort((a, b) => a.precision - b.precision);
  lines.push(
    '',
    `## Pages where less than ${WORDY} of our words are Readability's: our paragraphs it does not have`,
    '',
    'A story we restored (a lede, a collapsed section) is fine; a gallery, a teaser list or a page of links is not.',
    '',
  );
  for (const r of wordy) {
    lines.push(`- **${r.id}**: ${r.precision.toFixed(3)} of our words are Readability's`);
    for (const m of r.extra.slice(0, 8)) lines.push(`  - ${m.length > 160 ? `${m.slice(0, 159)}…` : m}`);
    if (r.extra.length > 8) lines.push(`  - … ${r.extra.length - 8} more`);
  }
  const out = args.value('--out', path.join(HERE, 'results', 'readability-pages.md'));
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(lines.slice(4, 10).join('\n'));
  console.log(`written: ${path.relative(process.cwd(), out)}`);
}

main();
