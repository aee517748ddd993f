/**
 * A figure's caption is built from parts the page's styles set apart: the caption, then its credit in
 * an element of its own, and labels for screen readers that the page hides with CSS a reader view
 * never sees. Read as text they glue together: NBC's "…will continue to be a focus.Erik Isakson /
 * Getty Images", The New York Times' "Image" above each photo and "…had seeped
 * underground.CreditCreditChang W. Lee/The New York Times" (Mozilla's nytimes-3 test page).
 */

import { hasMedia } from './dom-text';
import { spaceGluedParts } from './glued-parts';

/** Whole-text labels a figure carries for screen readers; shown, they read as stray words. */
const LABELS = new Set(['Image', 'Photo', 'Video', 'Credit']);

/** Drops screen-reader labels from figures and spaces glued caption parts. Mutates `root`. */
export function tidyFigures(root: Element): number {
  figureClassedCaptions(root);
  let removed = 0;
  for (const figure of Array.from(root.getElementsByTagName('figure'))) {
    keepPhotoWrappers(figure);
    for (const el of Array.from(figure.querySelectorAll('span, div, p'))) {
      if (el.firstElementChild || !LABELS.has((el.textContent ?? '').trim())) continue;
      el.remove();
      removed++;
    }
  }
  for (const caption of Array.from(root.getElementsByTagName('figcaption'))) spaceGluedParts(caption);
  return removed;
}

/** Longer than this, a block classed "caption" is not one photo's caption. */
const CAPTION_MAX = 400;
const CLASSED = '[class*="caption"], [class*="Caption"]';

/**
 * A caption the page marks by class only (`<div class="image_caption">` right after the photo's
 * wrapper, searchlight.vc): Readability drops classes, after which the caption is a paragraph of the
 * story. The photo and its caption become a `<figure>` while the class still says so.
 */
function figureClassedCaptions(root: Element): void {
  for (const caption of Array.from(root.querySelectorAll(CLASSED))) {
    let photo = caption.previousElementSibling;
    const text = (caption.textContent ?? '').trim();
    if (!photo || !text || text.length > CAPTION_MAX || caption.closest('figure')) continue;
    // Parts classed as captions inside it (NPR's caption, credit and "hide caption" toggles): a
    // widget the rest of the cleanup takes apart, not one caption.
    if (caption.querySelector(`img, picture, video, p + p, li, table, h2, h3, h4, ${CLASSED}`)) continue;
    if (!photo.matches('img, picture') && !photo.querySelector('img, picture')) continue;
    // A figure without a figcaption, followed by its caption, is left to the caption stage.
    if ((photo.textContent ?? '').trim() || photo.tagName === 'FIGURE') continue;
    const doc = root.ownerDocument;
    // A photo that opens a lightbox sits in a <button>, which Readability removes with the photo.
    if (photo.tagName === 'BUTTON') {
      const box = doc.createElement('div');
      box.append(...Array.from(photo.childNodes));
      photo.replaceWith(box);
      photo = box;
    }
    const figure = doc.createElement('figure');
    const figcaption = doc.createElement('figcaption');
    photo.replaceWith(figure);
    // The caption's own element goes inside: Readability weighs a block by its paragraphs, and
    // without the caption's <p> a photo's wrapper read as an image gallery to drop.
    figcaption.append(caption);
    figure.append(photo, figcaption);
  }
}

/** Class words Readability counts against a block, and that a photo's own wrapper often carries. */
const PHOTO_WORDS = /media|meta/i;

/**
 * `<figure><div class="media-container"><img>`: Readability drops any block whose class weighs
 * against it ("media" does), and a figure's photo went with its wrapper (Mozilla's simplyfound-1,
 * two development stories). Inside a figure, those class words name the photo: they go.
 */
function keepPhotoWrappers(figure: Element): void {
  for (const el of Array.from(figure.getElementsByTagName('div'))) {
    const cls = el.getAttribute('class');
    if (!cls || !PHOTO_WORDS.test(cls) || el.closest('figcaption') || !hasMedia(el)) continue;
    el.setAttribute(
      'class',
      cls
        .split(/\s+/)
        .filter((w) => !PHOTO_WORDS.test(w))
        .join(' '),
    );
  }
}
