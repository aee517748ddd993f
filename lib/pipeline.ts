import { dedupeCaptions } from './captions';
import { extractArticle } from './extract';
import { isHtmlType } from './html-page';
import { prunedClone } from './prune';
import { findQuotes } from './quotes';
import { sanitizeArticle } from './sanitize';
import { articleText } from './text';
import type { ArticleResult, Detection } from './types';

export interface PipelineOptions {
  /** The page's address; matters to detection and to resolving relative URLs. */
  url?: string;
  /** The window DOMPurify binds to (jsdom's in Node, the content script's in the browser). */
  window?: Window;
  /**
   * The news detector, when the caller wants its verdict (the CLI and benchmarks pass detectArticle).
   * The reader leaves it out: the person asked for the reader, or the auto-open detector already
   * said yes, and the detector's code would add about 4 kB to the reader's bundle.
   */
  detect?: (doc: Document, url: string) => Detection;
  /** Optional per-stage timing hook (benchmark builds only). */
  mark?: (stage: string) => void;
}

export type PipelineOutcome =
  | { ok: true; article: ArticleResult }
  | { ok: false; detection?: Detection; error: string };

/**
 * (detect) → prune → extract → dedupe captions → find quotes → sanitize → text, as a generator that
 * yields each finished stage's name, so a caller can spread the work over several tasks (see
 * runPipelineAsync). Sanitizing is deliberately the last step before rendering: everything after it
 * only reads. The caller's document is never touched: extraction works on a pruned copy of it.
 */
function* stages(doc: Document, opts: PipelineOptions): Generator<string, PipelineOutcome, void> {
  const url = opts.url ?? doc.URL;
  const detection = opts.detect ? safeDetect(opts.detect, doc, url) : undefined;
  yield 'detect';
  // A text file, an XML feed or an SVG drawing shown by the browser is not a story page.
  if (!isHtmlType(doc.contentType)) return { ok: false, detection, error: 'No article found on this page' };
  const work = prunedClone(doc);
  yield 'prune';
  const extraction = extractArticle(doc, {
    url,
    firstCopy: work,
    copy: () => prunedClone(doc),
    mark: opts.mark,
  });
  yield 'extract';
  if (!extraction) return { ok: false, detection, error: 'No article found on this page' };
  const { meta, body } = extraction;
  const captions = dedupeCaptions(body);
  yield 'captions';
  const quotes = findQuotes(body, { lang: meta.lang });
  yield 'quotes';
  const content = sanitizeArticle(body, opts.window);
  yield 'sanitize';
  const text = articleText(content);
  yield 'text';
  if (!text.trim()) return { ok: false, detection, error: 'No article found on this page' };
  return { ok: true, article: { ...meta, detection, content, text, captions, quotes } };
}

/** The whole pipeline in one go. */
export function runPipeline(doc: Document, opts: PipelineOptions = {}): PipelineOutcome {
  const run = stages(doc, opts);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    opts.mark?.(step.value);
  }
}

/**
 * The pipeline spread over tasks: after each stage `pause(elapsedMs)` is awaited (it may return at
 * once, or yield to the event loop so the page stays responsive on a huge document). Same result as
 * runPipeline.
 */
export async function runPipelineAsync(
  doc: Document,
  opts: PipelineOptions & { pause: (elapsedMs: number) => Promise<void> | void },
): Promise<PipelineOutcome> {
  const start = performance.now();
  const run = stages(doc, opts);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    opts.mark?.(step.value);
    await opts.pause(performance.now() - start);
  }
}

function safeDetect(detect: NonNullable<PipelineOptions['detect']>, doc: Document, url: string): Detection {
  try {
    return detect(doc, url);
  } catch (err) {
    return { isArticle: false, reason: `detector failed: ${(err as Error).message}` };
  }
}
