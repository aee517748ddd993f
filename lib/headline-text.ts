/**
 * The words around a page's headline, read the same way by the news detector (lib/detect-byline.ts,
 * on every page load of a granted site) and by the reader's header date (lib/headline-date.ts): the
 * text just after (and a little before) the first real <h1>, through a TreeWalker over text nodes,
 * bounded in characters so the cost does not grow with the page.
 */

import { wordSet } from './word-set';

// Regular expressions are compiled on first use, and a content script's every run is a first run:
// one small tokenizer regex does all the work.
const WORD = /[^a-z0-9?]+/;
export const MONTHS = wordSet('jan feb mar apr may jun jul aug sep oct nov dec');

const AFTER = 700;
const BEFORE = 300;

/** The first <h1> with real text (sites put logos in an empty or one-word h1 before the headline). */
export function headline(root: Element): Element | null {
  const hs = root.getElementsByTagName('h1');
  for (let i = 0; i < hs.length && i < 5; i++) {
    if ((hs[i].textContent ?? '').trim().length >= 12) return hs[i];
  }
  return null;
}

/**
 * The text just before the headline (up to `upTo` characters), the headline's own, and the text
 * after it, bounded in characters.
 */
export function textNear(root: Element, h1: Element, upTo = BEFORE): string {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let near = '';
  walker.currentNode = h1;
  while (near.length < AFTER && walker.nextNode()) near += textOf(walker.currentNode);
  walker.currentNode = h1;
  let before = 0;
  while (before < upTo && walker.previousNode()) {
    const t = textOf(walker.currentNode);
    before += t.length;
    near = t + near;
  }
  return near;
}

/** Lower-case words and numbers ("?" kept on the word it ends). */
export function words(text: string): string[] {
  return text.toLowerCase().split(WORD).filter(Boolean);
}

export const isNumber = (w: string) => w.length > 0 && w.length <= 4 && !Number.isNaN(+w);

export const isYear = (w: string) => w.length === 4 && +w >= 1900 && +w <= 2099;
export const isDay = (w: string) => {
  const d = Number.isNaN(+w.slice(-2)) ? w.slice(0, -2) : w; // "14th" -> "14"
  return isNumber(d) && d.length <= 2;
};
export const isMonthName = (w: string) =>
  w.length >= 3 && w.length <= 9 && MONTHS.has(w.slice(0, 3)) && Number.isNaN(+w);

function textOf(n: Node): string {
  const tag = (n.parentNode as Element | null)?.localName;
  if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return '';
  const t = (n.nodeValue ?? '').trim();
  return t ? ` ${t}` : '';
}
