/**
 * Copies of the same block: site builders (Framer, Webflow, some news CMSes) print a section once per
 * screen size (`data-framer-name="Desktop"`, "Tablet", "Phone") and let the stylesheet hide all but
 * one. A copy of the page has no stylesheet, so Readability keeps all of them and the reader would
 * show the story two or three times. The first copy stays; later blocks whose text is exactly the
 * same (white space aside) go.
 */

import { inkLengths } from './text';
import { collapseWhitespace } from './text-similarity';

/** Blocks compared: containers of some length, never paragraphs (a story may repeat a line). */
const CONTAINER = /^(DIV|SECTION|ARTICLE|ASIDE|MAIN)$/;
const MIN_CHARS = 200;

/** Removes later copies of a container whose whole text repeats an earlier one. Mutates `root`. */
export function removeDuplicateBlocks(root: Element): number {
  const lengths = new Map<Element, number>();
  inkLengths(root, lengths);
  // Only blocks sharing a length are compared at all.
  const byLength = new Map<number, Element[]>();
  for (const [el, n] of lengths) {
    if (el === root || n < MIN_CHARS || !CONTAINER.test(el.tagName)) continue;
    const group = byLength.get(n);
    if (group) group.push(el);
    else byLength.set(n, [el]);
  }
  const doomed: Element[] = [];
  for (const group of byLength.values()) {
    if (group.length < 2) continue;
    // Map iteration follows the walk's post-order: put the group back in document order.
    group.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    const seen = new Map<string, Element>();
    for (const el of group) {
      const text = (el.textContent ?? '').replace(/\s+/g, '');
      const first = seen.get(text);
      // A wrapper and its only child have the same text: that is one block, not two.
      if (!first) seen.set(text, el);
      else if (!first.contains(el) && !el.contains(first)) doomed.push(el);
    }
  }
  let removed = 0;
  for (const el of doomed) {
    if (!root.contains(el)) continue;
    el.remove();
    removed++;
  }
  return removed;
}

/**
 * A standfirst that repeats a paragraph of the story: templates print the summary above the story (a
 * hero's `summary` paragraph, a dek in an `<h2>`) and the story then opens, or closes, with the same
 * words, so the reader would show them twice in a row or as a dek and again in the text. The copy in
 * the story stays. Only the first two blocks count as a standfirst: a story may repeat a line on
 * purpose further down ("Let's repeat that, with emphasis:").
 */
export function removeRepeatedStandfirst(root: Element): number {
  // Innermost blocks only: `<h3><p>New research…</p></h3>` is one standfirst, not a heading and its
  // copy (a news site's story lost its first paragraph that way).
  const blocks = Array.from(root.querySelectorAll(STANDFIRST_BLOCKS)).filter(
    (b) => !b.querySelector(STANDFIRST_BLOCKS),
  );
  const texts = blocks.map((b) => collapseWhitespace(b.textContent ?? ''));
  const opening: number[] = [];
  for (let i = 0; i < texts.length && opening.length < 2; i++) if (texts[i]) opening.push(i);
  let removed = 0;
  for (const i of opening) {
    if (texts[i].length >= 60 && texts.indexOf(texts[i], i + 1) > i) {
      // With the heading or box that holds nothing else (no photo either).
      let gone = blocks[i];
      while (
        gone.parentElement &&
        gone.parentElement !== root &&
        gone.parentElement.children.length === 1 &&
        collapseWhitespace(gone.parentElement.textContent ?? '') === texts[i]
      )
        gone = gone.parentElement;
      gone.remove();
      removed++;
    }
  }
  return removed;
}

const STANDFIRST_BLOCKS = 'p, h2, h3, h4, h5, h6';
