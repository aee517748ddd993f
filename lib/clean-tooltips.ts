/**
 * Pop-ups the page shows on hover or focus: a term's definition, a footnote's text, a button's hint.
 * The page hides them with its stylesheet, which the pipeline does not see, so in the reader they
 * printed in the middle of the sentence ("…to outperform your competitionCompetition Businesses
 * generally know…" on conductor.com, whose `<dfn>` points to its definition).
 *
 * A pop-up is known by what says so in the markup, never by a class name alone: a site's "tooltip"
 * class is as often on the term itself (a link "complementary health approaches" classed
 * `tooltip216228`), which is the sentence's.
 * - `role="tooltip"`: ARIA's own word for "a contextual popup that displays a description for an
 *   element" (https://www.w3.org/TR/wai-aria-1.2/#tooltip);
 * - an element the term points to with `aria-describedby` or `aria-labelledby`, right beside it,
 *   whose class or id names a tooltip or popover.
 */

import { normalize } from './dom-text';

/** Longer than any definition or hint: a block this long that says it is a tooltip is not one. */
const MAX_CHARS = 1000;

const NAMED = /tool-?tip|popover/i;

export function removeTooltips(root: Element, guard: Set<Element>): number {
  const tips = new Set<Element>(Array.from(root.querySelectorAll('[role="tooltip"]')));
  const doc = root.ownerDocument;
  for (const term of Array.from(root.querySelectorAll('[aria-describedby], [aria-labelledby]'))) {
    const refs = `${term.getAttribute('aria-describedby') ?? ''} ${term.getAttribute('aria-labelledby') ?? ''}`;
    for (const id of refs.split(/\s+/)) {
      const tip = id ? doc.getElementById(id) : null;
      if (!tip || tip.contains(term) || !NAMED.test(`${tip.getAttribute('class') ?? ''} ${tip.id}`)) continue;
      // Beside its term: in the same parent or the one above (a wrapper around term and pop-up).
      const box = tip.parentElement;
      if (box?.contains(term) || box?.parentElement?.contains(term)) tips.add(tip);
    }
  }
  let removed = 0;
  for (const tip of tips) {
    if (guard.has(tip) || !root.contains(tip) || normalize(tip.textContent).length > MAX_CHARS) continue;
    tip.remove();
    removed++;
  }
  return removed;
}
