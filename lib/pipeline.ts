import { dedupeCaptions } from './captions';
import { extractArticle } from './extract';
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
 * (detect) → extract → dedupe captions → find quotes → sanitize → text.
 * Sanitizing is deliberately the last step before rendering: everything after it only reads.
 */
export function runPipeline(doc: Document, opts: PipelineOptions = {}): PipelineOutcome {
  const mark = opts.mark ?? (() => {});
  const url = opts.url ?? doc.URL;
  const detection = opts.detect ? safeDetect(opts.detect, doc, url) : undefined;
  mark('detect');
  const extraction = extractArticle(doc, { url });
  mark('extract');
  if (!extraction) return { ok: false, detection, error: 'No article found on this page' };
  const { meta, body } = extraction;
  const captions = dedupeCaptions(body);
  mark('captions');
  const quotes = findQuotes(body, { lang: meta.lang });
  mark('quotes');
  const content = sanitizeArticle(body, opts.window);
  mark('sanitize');
  const text = articleText(content);
  mark('text');
  if (!text.trim()) return { ok: false, detection, error: 'No article found on this page' };
  return { ok: true, article: { ...meta, detection, content, text, captions, quotes } };
}

function safeDetect(detect: NonNullable<PipelineOptions['detect']>, doc: Document, url: string): Detection {
  try {
    return detect(doc, url);
  } catch (err) {
    return { isArticle: false, reason: `detector failed: ${(err as Error).message}` };
  }
}
