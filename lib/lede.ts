/**
 * Puts back the opening paragraphs Readability left behind, when the story it found starts with a
 * subheading: a story does not open with "Why invest in data?", its intro does.
 *
 * Many templates print the story's first paragraphs in a wrapper of their own ("body-intro", a hero
 * section) and the sections after the first subheading in another. Readability keeps the container
 * with the higher score and drops the intro: on the development corpus, 34 of 709 articles lost the
 * first paragraph of their human truth while keeping the second. A reader that starts a story at its
 * second paragraph has failed at the first thing a person reads. Without the subheading test, putting
 * back what stands between headline and story also brought standfirsts and promos into stories that
 * were complete, and did more harm than good there.
 *
 * So: when the extracted story begins with a subheading, find its first paragraph in the page and walk
 * back from it to the headline (the page's first `<h1>`), taking the prose paragraphs in between.
 * Extraction does this once the story is cleaned and chosen, and drops what reads as boilerplate.
 */
import { linkDensity, normalize } from './dom-text';
import { resolveUrls } from './lazy-images';
import { nonSpaceLength } from './text';

/** A paragraph of running text, not a label or a line of links. */
const MIN_PROSE = 80;
const MAX_LINK_SHARE = 0.3;
/** Enough for an intro; more than this above the story is something else (a feed, a summary list). */
const MAX_RESTORED = 4;
/** Short lines an intro may have between its paragraphs and the story ("See why teams choose us"). */
const MAX_SKIPPED = 2;
/** Where a page's furniture lives, never its story's first paragraph. */
const NOT_STORY =
  'nav, footer, aside, form, li, figure, figcaption, blockquote, [hidden], [aria-hidden="true"]';
/** Node.DOCUMENT_POSITION_FOLLOWING (no global `Node` in the command line's DOM). */
const FOLLOWING = 4;

function isProse(p: Element): boolean {
  return nonSpaceLength(p.textContent ?? '') >= MIN_PROSE && linkDensity(p) <= MAX_LINK_SHARE;
}

/** Does the story's text begin with a subheading (before any paragraph)? */
function opensWithSubheading(content: Element): boolean {
  const first = content.querySelector('h2, h3, h4, h5, h6, p');
  return !!first && first.tagName !== 'P' && nonSpaceLength(first.textContent ?? '') > 0;
}

/**
 * Prepends to `content` (Readability's result, in a working copy) the paragraphs of `page` (the
 * untouched original) that stand between the headline and the story's first paragraph, when the
 * story opens with a subheading. Returns the paragraphs put back. `url` resolves their links.
 */
export function restoreLede(content: Element, page: Document, url?: string): Element[] {
  if (!opensWithSubheading(content)) return [];
  const first = Array.from(content.getElementsByTagName('p')).find(
    (p) => nonSpaceLength(p.textContent ?? '') >= MIN_PROSE,
  );
  const h1 = page.body?.getElementsByTagName('h1')[0];
  if (!first || !h1) return [];
  const key = normalize(first.textContent);
  const paragraphs = Array.from(page.body.getElementsByTagName('p'));
  const at = paragraphs.findIndex((p) => normalize(p.textContent) === key);
  if (at < 0) return [];
  const anchor = paragraphs[at]!;
  const known = new Set(Array.from(content.getElementsByTagName('p'), (p) => normalize(p.textContent)));
  const taken: Element[] = [];
  let skipped = 0;
  for (let i = at - 1; i >= 0 && taken.length < MAX_RESTORED; i--) {
    const p = paragraphs[i]!;
    // Only what follows the headline, in a container shared with the story below the <body> itself.
    if (!(h1.compareDocumentPosition(p) & FOLLOWING) || p.contains(anchor) || p.closest(NOT_STORY)) break;
    if (sharedAncestor(p, anchor) === page.body || known.has(normalize(p.textContent))) break;
    if (!isProse(p)) {
      if (++skipped > MAX_SKIPPED) break;
      continue;
    }
    skipped = 0;
    taken.unshift(p);
  }
  if (!taken.length) return [];
  const doc = content.ownerDocument;
  const holder = doc.createElement('div');
  const added = taken.map((p) => holder.appendChild(doc.importNode(p, true)) as Element);
  if (url) resolveUrls(holder, url);
  // Readability wraps the story in one page <div>: the intro goes at its start.
  const start = content.firstElementChild?.tagName === 'DIV' ? content.firstElementChild : content;
  start.insertBefore(holder, start.firstChild);
  holder.replaceWith(...Array.from(holder.childNodes));
  return added;
}

function sharedAncestor(a: Element, b: Element): Element | null {
  for (let up: Element | null = a.parentElement; up; up = up.parentElement) if (up.contains(b)) return up;
  return null;
}
