/**
 * The CLI's cost per page against bare Readability + jsdom, in one Node process: the same pages, in
 * turn, so both see the same machine. "CLI" is what `npm run extract` does per page (parsePage from
 * cli/load.ts, the pipeline with the detector, the content serialized); "bare" is `new JSDOM(bytes)`
 * and `new Readability(document).parse()`. Word-F1 against the corpus truth is reported for both, and
 * for the pipeline on a jsdom DOM (what the CLI parsed with before), so a faster DOM cannot hide a
 * quality drop.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parsePage } from '../../cli/load';
import { detectArticle } from '../../lib/detect';
import { runPipeline } from '../../lib/pipeline';
import { wordPRF } from './score';

export interface CliPage {
  id: string;
  url: string;
  bytes: Buffer;
  truth?: string;
}

export interface CliResult {
  pages: number;
  bareMs: number;
  cliMs: number;
  f1: { bare: number; cli: number; jsdomPipeline: number } | null;
}

const quiet = new VirtualConsole();

function pipelineText(doc: Document, window: Window, url: string): string {
  const outcome = runPipeline(doc, { url, window, detect: detectArticle });
  if (!outcome.ok) return '';
  const holder = window.document.createElement('div');
  holder.append(window.document.importNode(outcome.article.content, true));
  void holder.innerHTML; // the CLI serializes the content for every page
  return outcome.article.text;
}

export function cliSpeed(pages: CliPage[]): CliResult {
  let bareMs = 0;
  let cliMs = 0;
  const f1 = { bare: [] as number[], cli: [] as number[], jsdomPipeline: [] as number[] };
  for (const p of pages) {
    let t = performance.now();
    const dom = new JSDOM(p.bytes, { url: p.url, contentType: 'text/html', virtualConsole: quiet });
    const bare = new Readability(dom.window.document).parse()?.textContent ?? '';
    dom.window.close();
    bareMs += performance.now() - t;

    t = performance.now();
    const page = parsePage({ bytes: p.bytes, url: p.url, contentType: 'text/html' });
    const cli = pipelineText(page.document, page.window, p.url);
    page.close();
    cliMs += performance.now() - t;

    if (p.truth === undefined) continue;
    const old = new JSDOM(p.bytes, { url: p.url, contentType: 'text/html', virtualConsole: quiet });
    const before = pipelineText(old.window.document, old.window as unknown as Window, p.url);
    old.window.close();
    f1.bare.push(wordPRF(bare, p.truth).f1);
    f1.cli.push(wordPRF(cli, p.truth).f1);
    f1.jsdomPipeline.push(wordPRF(before, p.truth).f1);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    pages: pages.length,
    bareMs,
    cliMs,
    f1: f1.cli.length
      ? { bare: mean(f1.bare), cli: mean(f1.cli), jsdomPipeline: mean(f1.jsdomPipeline) }
      : null,
  };
}
