/**
 * Small DOM helpers for caption deduplication. Everything goes through `nodeType` and `localName`,
 * never `instanceof`, so elements from any document (jsdom, linkedom, a browser page) work alike.
 */

import { collapseWhitespace } from './text-similarity';

export const MEDIA_SELECTOR = 'img, picture, video';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node | null | undefined): node is Text {
  return !!node && node.nodeType === TEXT_NODE;
}

export function nameOf(el: Element): string {
  return (el.localName || el.nodeName || '').toLowerCase();
}

export function isMedia(el: Element): boolean {
  const name = nameOf(el);
  return name === 'img' || name === 'picture' || name === 'video';
}

export function hasMedia(el: Element): boolean {
  return isMedia(el) || el.querySelector(MEDIA_SELECTOR) !== null;
}

/** Whitespace-only text nodes and comments carry nothing a reader sees. */
export function isBlankNode(node: Node): boolean {
  if (isText(node)) return !/\S/.test(node.data);
  return node.nodeType === 8; // comment
}

export function visibleText(el: Element): string {
  return collapseWhitespace(el.textContent ?? '');
}

const CAPTION_HINT =
  /caption|credit|legend|cutline|photo-?desc|image-?desc|img-?desc|media-?desc|figure-?text/i;

/** Class or id says "caption". (Readability strips classes, so this only helps on raw page markup.) */
export function hasCaptionHint(el: Element): boolean {
  const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return nameOf(el) === 'figcaption' || CAPTION_HINT.test(hint);
}

/** `el.closest(selector)`, but never looking above `root`. */
export function closestWithin(el: Element, selector: string, root: Element): Element | null {
  const found = el.closest(selector);
  return found && found !== root && root.contains(found) ? found : null;
}

/**
 * Removes `el`, then any ancestor (below `root`) left with no text and no media: the lightbox
 * wrapper around a removed caption copy should not survive as an empty `<div>`.
 */
export function removeAndPrune(el: Element, root: Element): void {
  let parent: Element | null = el.parentElement;
  el.remove();
  while (parent && parent !== root && root.contains(parent)) {
    if (/\S/.test(parent.textContent ?? '') || hasMedia(parent)) break;
    if (parent.querySelector('iframe, svg, canvas, object, embed, table, hr') !== null) break;
    const next: Element | null = parent.parentElement;
    parent.remove();
    parent = next;
  }
}

/** Moves every child node of `from` to the end of `to`. */
export function moveChildren(from: Element, to: Element): void {
  while (from.firstChild) to.appendChild(from.firstChild);
}

/** Replaces the children of `to` with the children of `from`. */
export function replaceChildren(to: Element, from: Element): void {
  while (to.firstChild) to.removeChild(to.firstChild);
  moveChildren(from, to);
}

/**
 * A stable identity for an image that survives responsive size variants: the file name without
 * query, extension or size suffix, so `…_w250_r1_s.jpg` and `…_w1023_r1_s.jpg` (VOA), `photo-300x200.jpg`
 * and `photo.jpg` (WordPress) or `pic@2x.png` and `pic.png` are the same picture. '' when unknown.
 */
export function imageKey(media: Element): string {
  const img = nameOf(media) === 'img' ? media : media.querySelector('img');
  const source = media.querySelector('source');
  const raw =
    img?.getAttribute('src') ||
    img?.getAttribute('data-src') ||
    img?.getAttribute('srcset') ||
    source?.getAttribute('srcset') ||
    media.getAttribute('poster') ||
    '';
  const url = raw.trim().split(/[\s,]/)[0] ?? '';
  if (!url || url.startsWith('data:')) return '';
  const file = (url.split(/[?#]/)[0] ?? '').split('/').pop() ?? '';
  return file
    .toLowerCase()
    .replace(/\.[a-z0-9]{2,5}$/, '')
    .replace(/(?:_c[xyw]\d+)*_w\d+(?:_[a-z0-9]+)*$/, '')
    .replace(
      /(?:[-_](?:\d{2,5}x\d{2,5}|\d{2,5}w|scaled|large|medium|small|thumb(?:nail)?|full|orig(?:inal)?)|@\dx)+$/,
      '',
    );
}
