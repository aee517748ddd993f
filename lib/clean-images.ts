/**
 * Images the reader cannot show. A lazy-loading placeholder with no real address behind it (an
 * inline SVG the size of the photo, a `<picture>` whose only real URLs sit on `<source>` elements,
 * which the sanitizer drops), or a source the sanitizer refuses, ends up as an `<img>` without
 * `src`: Chromium draws it as an empty framed box the size of its width/height attributes, or a
 * broken-image icon with the alt text. On the development corpus that was 465 images on 30 of 709
 * stories. They go before the caption stage, so a figure left without its picture goes with its
 * caption (removeImagelessFigures), and the captions list keeps matching the text.
 */
import { isPlaceholderSrc } from './lazy-images';
import { filterSrcset, isAllowedUrl } from './sanitize';

/**
 * Whether the sanitizer will leave `img` something to load: an allowed `src` or `srcset` candidate.
 * A placeholder the lazy-image pass found no real address for (a 1×1 GIF, `lazy_placeholder.gif`;
 * pages saved without their loader's attributes) is nothing to load: drawn at the photo's width and
 * height it is a blank box in the story (96 such images on 9 of 711 development stories).
 */
export function hasUsableSource(img: Element): boolean {
  const src = img.getAttribute('src')?.trim();
  if (src && !isPlaceholderSrc(src) && isAllowedUrl(src, 'image')) return true;
  const srcset = img.getAttribute('srcset');
  return !!srcset && filterSrcset(srcset) !== '';
}

/**
 * A `<picture>` keeps only its `<img>` through sanitizing: when that image has no usable source of
 * its own, give it the first `<source>` without a media condition (the picture's default), else the
 * last one, so the photo still shows.
 */
function adoptPictureSource(img: Element): boolean {
  const picture = img.parentElement;
  if (picture?.tagName !== 'PICTURE') return false;
  const sources = Array.from(picture.getElementsByTagName('source')).filter(
    (s) => filterSrcset(s.getAttribute('srcset') ?? '') !== '',
  );
  const pick = sources.find((s) => !s.getAttribute('media')) ?? sources[sources.length - 1];
  if (!pick) return false;
  img.setAttribute('srcset', filterSrcset(pick.getAttribute('srcset') ?? ''));
  return true;
}

const CAPTION = 'figcaption, [class*="caption"], [class*="credit"]';
const MAX_CAPTION = 300;

/**
 * The box that frames `img` with nothing but its caption (WordPress's `div.wp-caption`: the image
 * in a link, then `p.wp-caption-text`), or null. Before the caption stage such a box is not a
 * `<figure>` yet; without its picture it would leave the caption as a stray paragraph.
 */
function captionBox(img: Element, root: Element): Element | null {
  let box: Element | null = null;
  for (let up = img.parentElement; up && up !== root; up = up.parentElement) {
    const text = (up.textContent ?? '').trim();
    if (text.length > MAX_CAPTION || up.querySelectorAll('img, picture, video, iframe, svg').length > 1)
      break;
    const captions = Array.from(up.querySelectorAll(CAPTION));
    const captioned = captions.reduce((n, c) => n + (c.textContent ?? '').trim().length, 0);
    if (captions.length && captioned >= text.length * 0.9) box = up;
  }
  return box;
}

/** Removes images with nothing to load (and the `<picture>` or caption box around them); returns how many. */
export function removeUnusableImages(root: Element): number {
  let removed = 0;
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    if (!root.contains(img) || hasUsableSource(img) || adoptPictureSource(img)) continue;
    const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
    (captionBox(img, root) ?? picture ?? img).remove();
    removed++;
  }
  return removed;
}

/** The sanitizer keeps this one marker: the view draws such an image in the line of text. */
export const INLINE_MARK = 'data-inline';
const TEXT_BLOCKS = 'p, li, dd, dt, td, th, h1, h2, h3, h4, h5, h6, blockquote';
const EMOJI = /^\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*$/u;

/**
 * An icon or an emoji inside a sentence ("Only Apple makes iPhones [↗]. Apple uses …", WordPress's
 * `img.emoji`): the view draws images as blocks of their own, which broke such sentences in two.
 * Small (a declared size of at most 48 pixels each way) or an emoji, inside a block with text.
 */
export function markInlineImages(root: Element): number {
  let marked = 0;
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    const w = Number(img.getAttribute('width'));
    const h = Number(img.getAttribute('height'));
    const small = w > 0 && h > 0 && w <= 48 && h <= 48;
    const emoji =
      /(^|\s)(emoji|wp-smiley)(\s|$)/.test(img.getAttribute('class') ?? '') ||
      EMOJI.test(img.getAttribute('alt') ?? '');
    if (!small && !emoji) continue;
    const block = img.closest(TEXT_BLOCKS);
    if (!block || !root.contains(block) || !(block.textContent ?? '').trim()) continue;
    img.setAttribute(INLINE_MARK, '');
    marked++;
  }
  return marked;
}
