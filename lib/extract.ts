/**
 * Story extraction: Readability, with cleanup before and after it. The caller's document is never
 * touched; everything happens on a clone, and the returned body lives in that clone.
 */
import { Readability } from '@mozilla/readability';
import { postClean, preClean } from './clean';
import { fixLazyImages, resolveUrls } from './lazy-images';
import { readMetadata } from './metadata';
import { readingMinutes } from './reading-time';
import { articleText } from './text';
import type { Extraction } from './types';

/** Fewer visible characters than this is a teaser or an error page, not a story. */
export const MIN_STORY_CHARS = 120;

type Parsed = ReturnType<Readability<Element>['parse']>;

function visibleLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** Runs Readability on a prepared clone of `doc`; returns its result with `content` as an Element. */
function runReadability(doc: Document, url: string | undefined, clean: boolean): Parsed {
  const clone = doc.cloneNode(true) as Document;
  if (clone.body) {
    fixLazyImages(clone.body);
    if (url) resolveUrls(clone.body, url);
  }
  if (clean) preClean(clone);
  // keepClasses: the cleanup after Readability (and the caption stage after it) still needs the
  // page's class names; the sanitizer decides what reaches the reader view.
  const reader = new Readability<Element>(clone, { serializer: (el) => el as Element, keepClasses: true });
  return reader.parse();
}

/**
 * Extracts the story of `doc`: its cleaned body and metadata, or null when the page holds no story
 * (Readability finds nothing, or what it finds is trivially short).
 */
export function extractArticle(doc: Document, opts: { url?: string } = {}): Extraction | null {
  const url = opts.url ?? (doc.URL && doc.URL !== 'about:blank' ? doc.URL : undefined);
  let result = runReadability(doc, url, true);
  // The pre-clean can, rarely, take away enough for Readability to give up: try again without it.
  if (!result?.content || visibleLength(result.textContent ?? '') < MIN_STORY_CHARS) {
    result = runReadability(doc, url, false);
  }
  if (!result?.content) return null;
  const meta = readMetadata(doc, result, url);
  const body = result.content as HTMLElement;
  postClean(body, { title: meta.title, byline: meta.byline });
  const text = articleText(body);
  if (visibleLength(text) < MIN_STORY_CHARS) return null;
  meta.readingMinutes = readingMinutes(text, meta.lang);
  return { meta, body };
}
