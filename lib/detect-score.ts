/**
 * The detector's score, without its explanation: what the auto-open content script runs on every page
 * load of a granted site. Reasons are words, and words are bytes in a bundle with a 6 kB budget, so
 * each contribution carries a short code here; lib/detect.ts turns codes into the human reason.
 *
 * Many weak signals are summed into one score (> 0: article). Each signal's weight is a log-odds
 * contribution: they were fitted once by logistic regression on a labelled development corpus of
 * real pages (articles against listing, collection, product and service pages), then rounded and
 * checked by cross-validation across sites (see bench/results/detect.md). A page with none of the
 * signals starts at BIAS, so it takes real evidence (running text, a date, a story-shaped URL) to
 * be called an article.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { type BylineSignals, bylineSignals } from './detect-byline';
import { type MetaSignals, metaSignals } from './detect-meta';
import { type TextSignals, textSignals } from './detect-text';
import { pageUrl, type UrlShape, urlShape } from './detect-url';

export interface DetectSignals {
  url: UrlShape;
  meta: MetaSignals;
  text: TextSignals;
  near: BylineSignals;
}

/** One contribution to the score: a code naming what was seen, its weight, and a detail (a count, a type). */
export type Part = [code: string, weight: number, detail?: string | number];

export const BIAS = -3.8;
/** Added when Readability's own quick check passes (it can only push towards "article"). */
const READERABLE = 1.9;
/** Large enough to outweigh every positive signal together. */
export const NO_TEXT = -20;
const ln = Math.log1p;

/** Contributions of the URL, the page's declarations and its text shape. */
export function pageParts(u: UrlShape, m: MetaSignals, t: TextSignals): Part[] {
  const parts: Part[] = [];
  const add = (on: unknown, code: string, w: number, detail?: string | number) => {
    if (on) parts.push([code, w, detail]);
  };
  // Page-type declarations. A Product/Offer node or og:type product is the strongest "no".
  add(m.ldArticleType, 'ld', 1.0, m.ldArticleType);
  add(m.ogType === 'article', 'og', 0.35);
  add(m.ldProduct, 'ldProduct', -3.2);
  add(m.ogType.startsWith('product'), 'ogProduct', -3.0, m.ogType);
  add(m.price, 'price', -1.8);
  add(m.ldList && !m.ldArticleType, 'ldList', -1.1);
  add(m.ldOther && !m.ldArticleType, 'ldOther', -1.0);
  add(m.template === 'post', 'post', 1.8);
  add(m.metaDate, 'metaDate', 0.7);
  // URL shape.
  add(u.dated, 'dated', 2.1);
  add(u.slugWords >= 2, 'slug', 0.44 * Math.min(u.slugWords, 8), u.slugWords);
  add(u.storyWord, 'storyPath', 1.2);
  add(u.shop, 'shop', -1.4);
  add(u.home, 'home', -1.8);
  add(u.listing, 'listing', -0.7);
  // Text shape: one block of long paragraphs for; many sections, teasers and prices against.
  const block = 0.8 * ln(t.topScore) + 0.2 * ln(t.bestRun) - 0.43 * ln(t.longParas);
  add(block, 'block', block, t.bestRun);
  // A story has at least one real paragraph: without one, no URL or metadata makes a page an article
  // (an empty or script-rendered shell would have nothing to show in the reader anyway). Text kept
  // in <br>-separated divs or <pre> gets a second chance through isProbablyReaderable below.
  add(!t.longParas, 'noParagraph', NO_TEXT);
  add(t.heads, 'heads', -0.57 * ln(t.heads), t.heads);
  add(t.linkedHeads, 'linkedHeads', -0.31 * ln(t.linkedHeads), t.linkedHeads);
  add(m.priceEls, 'priceEls', -0.51 * ln(m.priceEls), m.priceEls);
  return parts;
}

/** Contributions of the headline's wording and what sits next to it. */
export function headlineParts(n: BylineSignals): Part[] {
  const parts: Part[] = [];
  if (n.date) parts.push(['date', 2.1]);
  if (n.readTime) parts.push(['readTime', 2.0]);
  // English wording cues (silent elsewhere).
  if (n.headStory) parts.push(['storyHeadline', 2.3]);
  if (n.headGeneric) parts.push(['genericTitle', -0.9]);
  return parts;
}
/** Bounds of headlineParts' sum, for exiting early when it cannot change the outcome. */
const HEADLINE_MAX = 6.4;
const HEADLINE_MIN = -0.9;

/** Every contribution but isProbablyReaderable's, from collected signals (the benchmark's view). */
export function scoreSignals(s: DetectSignals): Part[] {
  return [...pageParts(s.url, s.meta, s.text), ...headlineParts(s.near)];
}

export const total = (parts: Part[]) => parts.reduce((a, p) => a + p[1], BIAS);

export function collectSignals(doc: Document, url?: string): DetectSignals {
  return {
    url: urlShape(pageUrl(doc, url)),
    meta: metaSignals(doc),
    text: textSignals(doc),
    near: bylineSignals(doc),
  };
}

/**
 * The contributions for this page. Stages run cheapest first, and a stage is skipped when its largest
 * possible contribution could not change the outcome (so skipping never changes a decision, only
 * the reason's detail). May throw on a broken document: callers catch.
 */
export function scoreParts(doc: Document, url?: string): Part[] {
  if (!doc?.documentElement) return [['empty', NO_TEXT]];
  let parts = pageParts(urlShape(pageUrl(doc, url)), metaSignals(doc), textSignals(doc));
  if (parts.some((p) => p[0] === 'noParagraph') && readerable(doc)) {
    parts = [...parts.filter((p) => p[0] !== 'noParagraph'), ['readerable', READERABLE]];
  }
  let sum = total(parts);
  if (sum + HEADLINE_MIN <= 0 && sum + HEADLINE_MAX + READERABLE > 0) {
    parts.push(...headlineParts(bylineSignals(doc)));
    sum = total(parts);
  }
  // isProbablyReaderable walks every paragraph again: only when it could tip the balance.
  const asked = parts.some((p) => p[0] === 'readerable');
  if (!asked && sum <= 0 && sum + READERABLE > 0 && readerable(doc)) parts.push(['readerable', READERABLE]);
  return parts;
}

/** The decision alone (the auto-open detector's question). Never throws. */
export function isNewsArticle(doc: Document, url?: string): boolean {
  try {
    return total(scoreParts(doc, url)) > 0;
  } catch {
    return false;
  }
}

function readerable(doc: Document): boolean {
  try {
    return isProbablyReaderable(doc);
  } catch {
    return false;
  }
}
