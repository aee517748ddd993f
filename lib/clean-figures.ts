/**
 * A figure's caption is built from parts the page's styles set apart: the caption, then its credit in
 * an element of its own, and labels for screen readers that the page hides with CSS a reader view
 * never sees. Read as text they glue together: NBC's "…will continue to be a focus.Erik Isakson /
 * Getty Images", The New York Times' "Image" above each photo and "…had seeped
 * underground.CreditCreditChang W. Lee/The New York Times" (Mozilla's nytimes-3 test page).
 */

import { spaceGluedParts } from './glued-parts';

/** Whole-text labels a figure carries for screen readers; shown, they read as stray words. */
const LABELS = new Set(['Image', 'Photo', 'Video', 'Credit']);

/** Drops screen-reader labels from figures and spaces glued caption parts. Mutates `root`. */
export function tidyFigures(root: Element): number {
  let removed = 0;
  for (const figure of Array.from(root.getElementsByTagName('figure'))) {
    for (const el of Array.from(figure.querySelectorAll('span, div, p'))) {
      if (el.firstElementChild || !LABELS.has((el.textContent ?? '').trim())) continue;
      el.remove();
      removed++;
    }
  }
  for (const caption of Array.from(root.getElementsByTagName('figcaption'))) spaceGluedParts(caption);
  return removed;
}
