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
import { postClean, preClean, stripForReading } from './clean';
import { removeRepeatedStandfirst } from './clean-duplicates';
import type { Seen } from './clean-labels';
import { isBoilerplateText } from './clean-text';
import { linkTextLength, normalize } from './dom-text';
import { fixLazyImages, resolveUrls } from './lazy-images';
import { restoreLede } from './lede';
import { readMetadata } from './metadata';
import { repairMojibake, repairMojibakeIn } from './mojibake';
import { readingMinutes } from './reading-time';
import { declaredContainer, STORY_CONTAINERS } from './story-container';
import { resolveStreamedContent } from './streamed-content';
import { articleText, nonSpaceLength } from './text';
import type { Extraction } from './types';

/** Fewer visible characters than this is a teaser or an error page, not a story. */
export const MIN_STORY_CHARS = 120;

/**
 * A declared container replaces Readability's pick when it holds this many times more text, raw and
 * after the same cleaning: Readability kept well under half of the story. (Tuned on the development
 * corpus: a pick that kept more than half was right, the container's extra text was furniture.)
 */
const RESCUE_RATIO = 2;
const RESCUE_CLEAN_RATIO = 1.8;

type Parsed = ReturnType<Readability<Element>['parse']>;
type Mark = (stage: string) => void;

/** Characters in paragraphs of some length: story text, not labels, buttons and link lines. */
function proseLength(text: string): number {
  let n = 0;
  for (const para of text.split('\n\n')) if (para.length >= 80) n += para.length;
  return n;
}

/**
 * A body's prose without its teaser cards: list items and `<article>`s led by a linked heading (a
 * headline linking to another story, then its summary and source). A page's main column can hold
 * streams of them beside the story ("Recommended for You"), and their summaries read as prose: on
 * Mozilla's yahoo-3 page the column looked like 3.4 times the story Readability had found, and the
 * reader showed forty teasers with it.
 */
function proseBesideCards(body: Element): number {
  const copy = body.cloneNode(true) as Element;
  for (const card of Array.from(copy.querySelectorAll('li, article'))) {
    const heading = card.querySelector('h2, h3, h4');
    const text = heading ? normalize(heading.textContent) : '';
    // A linked headline, or a card that is one link; not a link around much more than the card.
    const link = heading?.closest('a[href]');
    const cardLink =
      !!link &&
      (card.contains(link) || normalize(link.textContent).length <= 2 * normalize(card.textContent).length);
    const linked = cardLink || (heading && linkTextLength(heading) >= 0.9 * text.length);
    if (text && linked) card.remove();
  }
  return proseLength(articleText(copy));
}

/** Streamed content put in place, lazy images fixed and URLs made absolute, in a working copy. */
function prepare(copy: Document, url: string | undefined): Document {
  resolveStreamedContent(copy);
  if (copy.body) {
    fixLazyImages(copy.body);
    if (url) resolveUrls(copy.body, url);
  }
  return copy;
}

/** Runs Readability on a working copy (consumed); returns its result with `content` as an Element. */
function runReadability(copy: Document, url: string | undefined, clean: boolean, mark?: Mark): Parsed {
  prepare(copy, url);
  mark?.('extract.prepare');
  if (clean) preClean(copy);
  mark?.('extract.preclean');
  // keepClasses: the cleanup after Readability (and the caption stage after it) still needs the
  // page's class names; the sanitizer decides what reaches the reader view.
  const reader = new Readability<Element>(copy, { serializer: (el) => el as Element, keepClasses: true });
  const parsed = reader.parse();
  mark?.('extract.readability');
  return parsed;
}

/** The declared container, cleaned for reading, from a working copy (consumed). */
function containerBody(copy: Document, url: string | undefined, index: number): HTMLElement | null {
  const clone = prepare(copy, url);
  const container = clone.querySelectorAll(STORY_CONTAINERS)[index];
  if (!container) return null;
  preClean(clone);
  if (!clone.contains(container)) return null;
  const body = clone.createElement('div');
  body.appendChild(container);
  stripForReading(body);
  return body;
}

export interface ExtractOptions {
  /** The page's address (relative URLs, the site name); defaults to the document's own. */
  url?: string;
  /**
   * A fresh working copy of the page each call: what Readability and the cleanup may take apart.
   * Defaults to a deep clone; the pipeline passes its pruned copy (see prune.ts).
   */
  copy?: () => Document;
  /** A working copy already made (the first `copy()` call is skipped): one clone fewer. */
  firstCopy?: Document;
  /** Per-step timing hook (benchmark builds only). */
  mark?: Mark;
}

/**
 * Extracts the story of `doc`: its cleaned body and metadata, or null when the page holds no story
 * (nothing found, or what is found is trivially short). `doc` itself is only read; Readability and
 * the cleanup work on copies of it: one in the common case, a second one only when the first try
 * found too little.
 */
export function extractArticle(doc: Document, opts: ExtractOptions = {}): Extraction | null {
  const url = opts.url ?? (doc.URL && doc.URL !== 'about:blank' ? doc.URL : undefined);
  const copy = opts.copy ?? (() => doc.cloneNode(true) as Document);
  const first = opts.firstCopy ?? copy();
  // Before Readability takes the copy apart: a copy made the same way has its container at `index`.
  const declared = declaredContainer(first);
  const mark = opts.mark;
  let result = runReadability(first, url, true, mark);
  // The pre-clean can, rarely, take away enough for Readability to give up: try again without it.
  if (!result?.content || nonSpaceLength(result.textContent ?? '') < MIN_STORY_CHARS) {
    result = runReadability(copy(), url, false);
    mark?.('extract.retry');
  }
  // Without Readability's text: the reading time is counted below, on the cleaned story.
  const meta = readMetadata(doc, result && { ...result, textContent: null }, url);
  mark?.('extract.metadata');
  const clean = (body: HTMLElement) => {
    const seen: Seen = {};
    postClean(body, { title: meta.title, byline: meta.byline, url, seen });
    return { body, text: articleText(body), byline: seen.byline };
  };
  let best = result?.content ? clean(result.content as HTMLElement) : null;
  mark?.('extract.postclean');

  const found = best ? nonSpaceLength(best.text) : 0;
  if (declared && declared.text >= RESCUE_RATIO * found) {
    const body = containerBody(copy(), url, declared.index);
    const rescue = body ? clean(body) : null;
    // Compared as prose: a container that only adds labels, link lines and teasers is not the better story.
    if (
      rescue &&
      proseBesideCards(rescue.body) >= RESCUE_CLEAN_RATIO * (best ? proseBesideCards(best.body) : 0)
    )
      best = rescue;
    mark?.('extract.rescue');
  }

  // Readability's story may have lost its intro (lede.ts). Only after the choice above: the rescue
  // compares what Readability found, not what is put back.
  if (best && best.body === result?.content) {
    const added = restoreLede(best.body, doc, url);
    for (const p of added) if (isBoilerplateText(p.textContent ?? '')) p.remove();
    if (added.length) best.text = articleText(best.body);
    mark?.('extract.lede');
  }

  if (best && removeRepeatedStandfirst(best.body)) best.text = articleText(best.body);
  if (!best || nonSpaceLength(best.text) < MIN_STORY_CHARS) return null;
  // Before captions and quotes read it: "â€œ" hides an opening quote mark.
  repairMojibakeIn(best.body);
  meta.title = repairMojibake(meta.title);
  if (meta.byline) meta.byline = repairMojibake(meta.byline);
  if (meta.excerpt) meta.excerpt = repairMojibake(meta.excerpt);
  if (meta.siteName) meta.siteName = repairMojibake(meta.siteName);
  meta.readingMinutes = readingMinutes(best.text, meta.lang);
  // No author in the page's markup, but a "By …" line above the story (taken out of the body).
  if (!meta.byline && best.byline) meta.byline = best.byline;
  return { meta, body: best.body };
}
