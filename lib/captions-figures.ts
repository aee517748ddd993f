/**
 * Finds the photos in an article body and gives each captioned photo the shape
 * `<figure>…image…<figcaption>caption</figcaption></figure>`.
 *
 * Readability's output comes in several shapes: `<figure>` kept or flattened to `<div>`s, classes
 * stripped, the image wrapped in `<p>`s. A loose caption is recognised next to its image by one of:
 *  - a class or id that says caption (raw page markup);
 *  - text equal to the image's `alt`;
 *  - the same text printed twice in a row (the site's lightbox copy: only captions get that);
 *  - a small container holding nothing but the image and a short text (a flattened `<figure>`);
 *  - a short line right after the image that ends in a photo credit ("… | Photo by Lisa Jennings",
 *    "… (Reuters)"): story paragraphs do not sign off with a photographer's name.
 * A plain paragraph after an image is NOT a caption without one of these signals: it is the story.
 */

import {
  closestWithin,
  hasCaptionHint,
  hasMedia,
  imageKey,
  isBlankNode,
  isElement,
  isText,
  nameOf,
  visibleText,
} from './captions-dom';
import { nonSpaceLength } from './text';
import { basicForm, captionKey, hasCredit, wordCount } from './text-similarity';

/** One photo (or a gallery sharing one caption) with its caption. */
export interface PhotoUnit {
  /** The `<figure>`, or null for an uncaptioned loose image. */
  figure: Element | null;
  /** The outermost element holding only the image(s); the figure when there is one. */
  box: Element;
  media: Element[];
  caption: Element | null;
  /** captionKey of the caption ('' without one). */
  key: string;
  imageKeys: Set<string>;
  /** captionKey of each non-trivial alt text. */
  altKeys: Set<string>;
}

/** Captions longer than this are not guessed from position alone (a class still counts). */
const MAX_CAPTION_WORDS = 80;
/** A credited line right after an image is its caption up to this length; longer is a paragraph. */
const MAX_CREDITED_CAPTION_WORDS = 40;
/** Wrappers an image may sit in and still be "just the image". */
const WRAPPERS = new Set(['a', 'p', 'div', 'span', 'picture', 'center', 'font']);
/** Containers that may be turned into a `<figure>` when they hold only an image and its caption. */
const FIGURE_LIKE = new Set(['div', 'p', 'span', 'center']);

export function createIn(root: Element, name: string): Element {
  return root.ownerDocument.createElement(name);
}

function figcaptionOf(figure: Element): Element | null {
  for (const fc of Array.from(figure.querySelectorAll('figcaption'))) {
    if (fc.closest('figure') === figure) return fc;
  }
  return null;
}

function altKeysOf(media: Element[]): Set<string> {
  const keys = new Set<string>();
  for (const m of media) {
    const imgs = nameOf(m) === 'img' ? [m] : Array.from(m.querySelectorAll('img'));
    for (const img of imgs) {
      const alt = img.getAttribute('alt') ?? '';
      if (wordCount(alt) >= 3) keys.add(captionKey(alt));
    }
  }
  return keys;
}

/** Keeps one copy of each caption text inside a figcaption (a caption span plus its lightbox twin). */
export function dedupeWithinCaption(caption: Element): void {
  let holder = caption;
  while (
    holder.children.length === 1 &&
    Array.from(holder.childNodes).every((n) => isElement(n) || isBlankNode(n))
  ) {
    holder = holder.children[0]!;
  }
  const kept = new Map<string, Element>();
  for (const child of Array.from(holder.children)) {
    if (hasMedia(child)) continue;
    const text = visibleText(child);
    if (!text) continue;
    const key = captionKey(text);
    const first = kept.get(key);
    if (!first) {
      kept.set(key, child);
    } else if (basicForm(text).length > basicForm(visibleText(first)).length) {
      // The longer twin carries the credit: it takes the first one's place.
      first.replaceWith(child);
      kept.set(key, child);
    } else {
      child.remove();
    }
  }
}

export function refreshKey(unit: PhotoUnit): void {
  unit.key = unit.caption ? captionKey(visibleText(unit.caption)) : '';
}

function makeUnit(
  figure: Element | null,
  box: Element,
  media: Element[],
  caption: Element | null,
): PhotoUnit {
  const unit: PhotoUnit = {
    figure,
    box,
    media,
    caption,
    key: '',
    imageKeys: new Set(media.map(imageKey).filter(Boolean)),
    altKeys: altKeysOf(media),
  };
  if (caption) dedupeWithinCaption(caption);
  refreshKey(unit);
  return unit;
}

/** A `<figure>` without `<figcaption>` gets one holding its loose caption text. */
function normalizeFigure(figure: Element, root: Element): Element | null {
  const existing = figcaptionOf(figure);
  if (existing) return existing;
  const captionNodes = Array.from(figure.childNodes).filter((n) =>
    isElement(n) ? !hasMedia(n) && visibleText(n) !== '' : isText(n) && /\S/.test(n.data),
  );
  if (captionNodes.length === 0) return null;
  const figcaption = createIn(root, 'figcaption');
  figure.insertBefore(figcaption, captionNodes[0]!);
  for (const node of captionNodes) figcaption.appendChild(node);
  return figcaption;
}

/** Climbs from an image through wrappers that hold nothing else. */
function mediaBox(media: Element, root: Element): Element {
  let box = media;
  for (let parent = box.parentElement; parent && parent !== root; parent = box.parentElement) {
    if (!WRAPPERS.has(nameOf(parent))) break;
    const onlyBox = Array.from(parent.childNodes).every((n) => n === box || isBlankNode(n));
    if (!onlyBox) break;
    box = parent;
  }
  return box;
}

/** Up to `limit` text-only element siblings next to `box`, stopping at visible text or media. */
function textNeighbours(box: Element, forward: boolean, limit: number): Element[] {
  const found: Element[] = [];
  for (let n = forward ? box.nextSibling : box.previousSibling; n && found.length < limit; ) {
    if (isElement(n)) {
      if (hasMedia(n) || visibleText(n) === '') break;
      found.push(n);
    } else if (!isBlankNode(n)) {
      break;
    }
    n = forward ? n.nextSibling : n.previousSibling;
  }
  return found;
}

/** "…, Dec. 22, 2016." — the AP-style date that ends a news photo caption. */
const CAPTION_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+(?:1[89]|20)\d{2}\.?\)?$/i;

/** Is the text with this key printed again right before or after `el` (a lightbox copy)? */
function copiedBeside(el: Element, key: string): boolean {
  const next = textNeighbours(el, true, 1)[0];
  const prev = textNeighbours(el, false, 1)[0];
  return [next, prev].some((n) => n !== undefined && captionSized(n) && captionKey(visibleText(n)) === key);
}

function visibleChars(el: Element): number {
  return nonSpaceLength(el.textContent ?? '');
}

function isHeading(el: Element): boolean {
  return /^h[1-6]$/.test(nameOf(el));
}

/** Is `el` text that may be a caption by its size and kind (not a heading, list or table)? */
function captionSized(el: Element): boolean {
  return (
    !isHeading(el) &&
    el.querySelector('h1, h2, h3, h4, h5, h6, ul, ol, table, blockquote') === null &&
    wordCount(visibleText(el)) <= MAX_CAPTION_WORDS
  );
}

/**
 * Where a caption's content is: in the element itself, or in the one item of a list the page set it
 * in (The Guardian: `<figure>…</figure><ul><li><p>caption</p></li></ul>`), whose `<li>` would be a
 * stray bullet in the figcaption.
 */
function captionContent(el: Element): Element {
  let inner = el;
  while ((nameOf(inner) === 'ul' || nameOf(inner) === 'ol') && inner.children.length === 1) {
    const item = inner.children[0]!;
    if (nameOf(item) !== 'li') break;
    inner = item;
  }
  return inner;
}

/** Blank text, or the line break a page puts between a photo and its caption (The Washington Post). */
function isSpacer(n: Node): boolean {
  return isBlankNode(n) || (isElement(n) && nameOf(n) === 'br');
}

/** Wraps `box` and the caption into a new figure, in document order; returns the figcaption. */
function wrapInFigure(
  root: Element,
  box: Element,
  captionParts: Element[],
): { figure: Element; figcaption: Element } {
  const figure = createIn(root, 'figure');
  const figcaption = createIn(root, 'figcaption');
  const captionFirst = captionParts.length > 0 && (box.compareDocumentPosition(captionParts[0]!) & 2) !== 0;
  box.parentNode!.insertBefore(figure, box);
  figure.appendChild(box);
  if (captionFirst) figure.insertBefore(figcaption, box);
  else figure.appendChild(figcaption);
  for (const part of captionParts) {
    // A `<p>`/`<div>` caption gives up its children; a `<span class="caption">` does the same.
    const content = captionContent(part);
    while (content.firstChild) figcaption.appendChild(content.firstChild);
    part.remove();
  }
  return { figure, figcaption };
}

/**
 * A loose caption for a loose image, by the signals listed at the top of this file; null when the
 * text next to the image is story text.
 */
function findLooseCaption(
  box: Element,
  root: Element,
  altKeys: Set<string>,
  rootChars: number,
): Element[] | null {
  const after = textNeighbours(box, true, 2);
  const before = textNeighbours(box, false, 1);
  const container = box.parentElement;

  // A flattened figure: a small container with only the image and its caption (plus the caption's
  // copy or a credit line), while the story goes on outside the container. Cards (a product tile, an
  // author box, a logo beside a paragraph) have the same shape, so the text must also read as a
  // caption: hinted, equal to the alt, printed twice, credited, or ending in a news caption's date.
  if (container && container !== root && FIGURE_LIKE.has(nameOf(container))) {
    const parts = Array.from(container.childNodes).filter((n) => n !== box && !isSpacer(n));
    if (
      parts.length > 0 &&
      parts.length <= 3 &&
      parts.every((n) => isElement(n) && !hasMedia(n) && captionSized(n))
    ) {
      const els = parts as Element[];
      const text = visibleText(els[0]!);
      const firstKey = captionKey(text);
      const rest = els.slice(1);
      const restIsCopyOrCredit = rest.every(
        (el) =>
          hasCaptionHint(el) || captionKey(visibleText(el)) === firstKey || wordCount(visibleText(el)) <= 8,
      );
      const readsAsCaption =
        hasCaptionHint(els[0]!) ||
        hasCaptionHint(container) ||
        altKeys.has(firstKey) ||
        hasCredit(text) ||
        CAPTION_DATE.test(text) ||
        rest.some((el) => captionKey(visibleText(el)) === firstKey) ||
        copiedBeside(container, firstKey);
      if (restIsCopyOrCredit && readsAsCaption && rootChars > visibleChars(container)) return els;
    }
  }

  const keyOf = (el: Element | undefined) => (el ? captionKey(visibleText(el)) : '');
  const [next, nextButOne] = after;
  const [prev] = before;
  if (next && captionSized(next)) {
    const key = keyOf(next);
    if (hasCaptionHint(next) || altKeys.has(key)) return [next];
    // Printed twice in a row (or once above and once below): the site's caption and its copy.
    if (key === keyOf(nextButOne) || key === keyOf(prev)) return [next];
    const text = visibleText(next);
    if (wordCount(text) <= MAX_CREDITED_CAPTION_WORDS && hasCredit(text)) return [next];
  }
  if (prev && captionSized(prev) && (hasCaptionHint(prev) || altKeys.has(keyOf(prev)))) return [prev];
  return null;
}

/**
 * Collects the photos under `root` in document order, normalizing each captioned one into
 * `<figure>`/`<figcaption>` (mutates `root`).
 */
export function collectPhotoUnits(root: Element): PhotoUnit[] {
  const units: PhotoUnit[] = [];
  const rootChars = visibleChars(root);
  const byFigure = new Map<Element, PhotoUnit>();
  for (const media of Array.from(root.querySelectorAll('img, picture, video'))) {
    if (!root.contains(media)) continue;
    // An <img> inside <picture> is the picture's; media inside a caption is decoration.
    if (nameOf(media) === 'img' && closestWithin(media, 'picture', root)) continue;
    if (closestWithin(media, 'figcaption', root)) continue;

    const figure = closestWithin(media, 'figure', root);
    if (figure) {
      const unit = byFigure.get(figure);
      if (unit) {
        unit.media.push(media);
        for (const k of altKeysOf([media])) unit.altKeys.add(k);
        const key = imageKey(media);
        if (key) unit.imageKeys.add(key);
        continue;
      }
      const made = makeUnit(figure, figure, [media], normalizeFigure(figure, root));
      byFigure.set(figure, made);
      units.push(made);
      continue;
    }

    const box = mediaBox(media, root);
    const altKeys = altKeysOf([media]);
    const parts = findLooseCaption(box, root, altKeys, rootChars);
    if (!parts) {
      units.push(makeUnit(null, box, [media], null));
      continue;
    }
    const container = box.parentElement;
    const wholeContainer =
      container !== null &&
      container !== root &&
      parts.length > 0 &&
      Array.from(container.childNodes).every((n) => n === box || isSpacer(n) || parts.includes(n as Element));
    const { figure: made, figcaption } = wrapInFigure(root, box, parts);
    // The flattened figure's old container is now an empty shell around the new figure.
    if (wholeContainer && container) container.replaceWith(made);
    const unit = makeUnit(made, made, [media], figcaption);
    byFigure.set(made, unit);
    units.push(unit);
  }
  return units;
}

/** Gives an uncaptioned photo the caption `el` (found later, e.g. its alt text printed as text). */
export function adoptCaption(root: Element, unit: PhotoUnit, el: Element): void {
  if (unit.figure) {
    const figcaption = createIn(root, 'figcaption');
    const before = (unit.figure.compareDocumentPosition(el) & 2) !== 0;
    if (before) unit.figure.insertBefore(figcaption, unit.figure.firstChild);
    else unit.figure.appendChild(figcaption);
    const content = captionContent(el);
    while (content.firstChild) figcaption.appendChild(content.firstChild);
    el.remove();
    unit.caption = figcaption;
  } else {
    const { figure, figcaption } = wrapInFigure(root, unit.box, [el]);
    unit.figure = figure;
    unit.box = figure;
    unit.caption = figcaption;
  }
  refreshKey(unit);
}
