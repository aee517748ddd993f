/**
 * Story extraction: Readability, with cleanup before and after it. The caller's document is never
 * touched; everything happens on clones, and the returned body lives in a clone.
 *
 * Readability sometimes settles on one section of a long story (its sibling test drops the other
 * sections) or on nothing at all. When the page declares a story container (`<article>`, `<main>`,
 * `itemprop="articleBody"`) holding far more text than Readability found, that container, cleaned
 * the same way, is used instead.
 */
import Readability from '@mozilla/readability/Readability.js';
import {
  looksLikeStory,
  nonLinkTextLength,
  postClean,
  preClean,
  resolveStreamedContent,
  stripForReading,
} from './clean';
import { fixLazyImages, resolveUrls } from './lazy-images';
import { readMetadata } from './metadata';
import { readingMinutes } from './reading-time';
import { articleText } from './text';
import type { Extraction } from './types';

/** Fewer visible characters than this is a teaser or an error page, not a story. */
export const MIN_STORY_CHARS = 120;

/** Elements that declare themselves the page's story, in document order. */
const STORY_CONTAINERS = '[itemprop~="articleBody"], [itemprop~="articlebody"], article, main, [role="main"]';

/**
 * A declared container replaces Readability's pick when it holds this many times more text, raw and
 * after the same cleaning: Readability kept well under half of the story. (Tuned on the development
 * corpus: a pick that kept more than half was right, the container's extra text was furniture.)
 */
const RESCUE_RATIO = 2;
const RESCUE_CLEAN_RATIO = 1.8;

type Parsed = ReturnType<Readability<Element>['parse']>;

function visibleLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** Characters in paragraphs of some length: story text, not labels, buttons and link lines. */
function proseLength(text: string): number {
  let n = 0;
  for (const para of text.split('\n\n')) if (para.length >= 80) n += para.length;
  return n;
}

/** A clone of `doc` with streamed content in place, lazy images fixed and URLs made absolute. */
function prepare(doc: Document, url: string | undefined): Document {
  const clone = doc.cloneNode(true) as Document;
  resolveStreamedContent(clone);
  if (clone.body) {
    fixLazyImages(clone.body);
    if (url) resolveUrls(clone.body, url);
  }
  return clone;
}

/** Runs Readability on a prepared clone of `doc`; returns its result with `content` as an Element. */
function runReadability(doc: Document, url: string | undefined, clean: boolean): Parsed {
  const clone = prepare(doc, url);
  if (clean) preClean(clone);
  // keepClasses: the cleanup after Readability (and the caption stage after it) still needs the
  // page's class names; the sanitizer decides what reaches the reader view.
  const reader = new Readability<Element>(clone, { serializer: (el) => el as Element, keepClasses: true });
  return reader.parse();
}

/**
 * The page's declared story container, if there is a convincing one: the one with the most non-link
 * text (an inner one when it holds nearly all of its parent's text). A page with several substantial
 * `<article>`s is a listing, not a story: no container then.
 */
function declaredContainer(doc: Document): { index: number; text: number } | null {
  const all = Array.from(doc.querySelectorAll(STORY_CONTAINERS));
  const substantialArticles = all.filter((el) => el.tagName === 'ARTICLE' && nonLinkTextLength(el) >= 500);
  let best: { el: Element; text: number } | null = null;
  for (const el of all) {
    if (el.tagName === 'ARTICLE' && substantialArticles.length > 2) continue;
    const text = nonLinkTextLength(el);
    if (!best || text > best.text || (best.el.contains(el) && text >= 0.8 * best.text)) best = { el, text };
  }
  if (!best || !looksLikeStory(best.el)) return null;
  return { index: all.indexOf(best.el), text: best.text };
}

/** The declared container, cleaned for reading, from a fresh prepared clone. */
function containerBody(doc: Document, url: string | undefined, index: number): HTMLElement | null {
  const clone = prepare(doc, url);
  const container = clone.querySelectorAll(STORY_CONTAINERS)[index];
  if (!container) return null;
  preClean(clone);
  if (!clone.contains(container)) return null;
  const body = clone.createElement('div');
  body.appendChild(container);
  stripForReading(body);
  return body;
}

/**
 * Extracts the story of `doc`: its cleaned body and metadata, or null when the page holds no story
 * (nothing found, or what is found is trivially short).
 */
export function extractArticle(doc: Document, opts: { url?: string } = {}): Extraction | null {
  const url = opts.url ?? (doc.URL && doc.URL !== 'about:blank' ? doc.URL : undefined);
  let result = runReadability(doc, url, true);
  // The pre-clean can, rarely, take away enough for Readability to give up: try again without it.
  if (!result?.content || visibleLength(result.textContent ?? '') < MIN_STORY_CHARS) {
    result = runReadability(doc, url, false);
  }
  const meta = readMetadata(doc, result, url);
  const clean = (body: HTMLElement) => {
    postClean(body, { title: meta.title, byline: meta.byline, url });
    return { body, text: articleText(body) };
  };
  let best = result?.content ? clean(result.content as HTMLElement) : null;

  const declared = declaredContainer(doc);
  const found = best ? visibleLength(best.text) : 0;
  if (declared && declared.text >= RESCUE_RATIO * found) {
    const body = containerBody(doc, url, declared.index);
    const rescue = body ? clean(body) : null;
    // Compared as prose: a container that only adds labels and link lines is not the better story.
    if (rescue && proseLength(rescue.text) >= RESCUE_CLEAN_RATIO * proseLength(best?.text ?? ''))
      best = rescue;
  }

  if (!best || visibleLength(best.text) < MIN_STORY_CHARS) return null;
  meta.readingMinutes = readingMinutes(best.text, meta.lang);
  return { meta, body: best.body };
}
