/**
 * A slideshow's captions without its photos: news sites print a gallery's legends as a list, one item
 * per slide numbered "1/50", "2/50"… ("Business news in pictures" inside a story on The Independent,
 * Mozilla's bug-1255978 page), and show the photos with CSS backgrounds or scripts. In a reader the
 * photos are gone, and fifty captions of other stories outweighed the story four to one.
 */
import { normalize } from './dom-text';

/** "3/50", "3 / 50", "3 of 50" at the start of a slide's text. */
const COUNTER = /^(\d{1,3}) ?(?:\/|of) ?(\d{1,3})(?!\d)/i;
/** Fewer slides than this is a short sequence a story may number itself. */
const MIN_SLIDES = 5;

/** The slide counter's total ("50") when `el`'s text starts with one, else null. */
function slideTotal(el: Element): string | null {
  const m = COUNTER.exec(normalize(el.textContent?.slice(0, 200)));
  return m && Number(m[1]) <= Number(m[2]) ? m[2] : null;
}

/**
 * Removes lists whose items are nearly all numbered slides of one slideshow and hold no photo of their
 * own (a slideshow with its pictures in it is left to the caption stage). Mutates `root`.
 */
export function removeSlideCaptions(root: Element): number {
  let removed = 0;
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    const items = list.children;
    if (items.length < MIN_SLIDES || !root.contains(list)) continue;
    let slides = 0;
    let total: string | null = null;
    for (const item of Array.from(items)) {
      const t = slideTotal(item);
      if (!t) continue;
      if (total !== null && t !== total) {
        slides = 0;
        break;
      }
      total = t;
      slides++;
    }
    if (slides < MIN_SLIDES || slides < 0.8 * items.length) continue;
    if (list.querySelector('img, picture, video')) continue;
    list.remove();
    removed++;
  }
  return removed;
}
