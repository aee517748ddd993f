/**
 * The pipeline's working copy of the page, with what cannot be the story taken out before anything
 * walks it (Readability, the cleanup and every `textContent` on the way then have far less to do):
 *
 * - always: scripts (except JSON-LD, which the metadata reads), styles, inline SVG and MathML,
 *   canvases, frames and plug-in content. The sanitizer drops all of these with their contents
 *   anyway, so the reader view loses nothing. `<link>`s stay: the metadata reads some.
 * - on a huge page only (tens of thousands of elements, where Readability and the cleanup would take
 *   seconds): blocks of a thousand elements or more without story-like paragraphs.
 * - on absurdly deep nesting only (beyond what an HTML parser builds; a script made it): chains of
 *   bare wrappers are collapsed, since Readability's work grows with depth × text.
 */

import { declobber } from './declobber';
import { looksLikeStory } from './dom-text';
import { narrowingContainer } from './story-container';

const NEVER_STORY =
  'script:not([type="application/ld+json" i]), style, svg, math, object, embed, applet, frame, frameset, canvas';

/** Above this many elements a page is "huge" (real news pages: a few hundred to a few thousand). */
export const HUGE_PAGE_ELEMENTS = 4000;
/** Deeper than this is not a parsed page (Chromium's HTML parser stops nesting at 512). */
export const DEEP_NESTING = 400;

const BIG_BLOCKS = 'nav, aside, footer, header, menu, ul, ol, dl, form, div, section';
const BIG_BLOCK_ELEMENTS = 1000;

/**
 * A working copy of `doc` without what can never be the story, for a pipeline that must not touch
 * the page it reads (the reader reads the live page).
 * - When a declared story container holds nearly all of the page's prose, the copy holds just that
 *   container (with `<head>` and any JSON-LD, which the metadata reads): everything else is menus,
 *   teasers and footers, and copying and walking it is most of the extraction's cost.
 * - Otherwise, on a huge page, the big blocks are left out while cloning: copying 200,000 elements
 *   only to throw most of them away costs more than the rest.
 */
export function prunedClone(doc: Document): Document {
  const root = doc.body ?? doc.documentElement;
  const story = narrowingContainer(doc);
  let clone: Document;
  if (story) clone = cloneAlong(doc, [...keptOutside(doc, story), story], 'keep');
  else {
    const skip = root ? bigBlocks(root) : [];
    clone = skip.length ? cloneAlong(doc, skip, 'skip') : (doc.cloneNode(true) as Document);
  }
  // A copy keeps its source's address (a browser copies it); a document rebuilt in the extension's
  // pipeline document was given the page's (lib/read-page.ts), which is its own property, not copied.
  if (Object.hasOwn(doc, 'documentURI'))
    Object.defineProperty(clone, 'documentURI', { value: doc.documentURI });
  // Before anything walks the copy: a form control named "nextElementSibling" would send every
  // tree walk below (and Readability's) round in circles.
  declobber(clone);
  pruneSmall(clone);
  return clone;
}

/** Where Readability looks for a byline (its own test: rel, itemprop, or the class and id). */
const BYLINE_CANDIDATES =
  '[rel="author"], [itemprop*="author"], [class*="byline" i], [id*="byline" i], [class*="author" i], [id*="author" i], [class*="dateline" i], [class*="writtenby" i]';
/** Readability takes a byline only under this many characters; a few candidates are plenty. */
const BYLINE_MAX_CHARS = 100;
const BYLINES_KEPT = 4;

/**
 * What a narrowed copy keeps besides the story: `<head>`, JSON-LD blocks in the body, and the
 * headline and short byline candidates outside the story (a byline printed above the `<article>`,
 * in the page's header, is where Readability finds the author when the metadata names none).
 */
function keptOutside(doc: Document, story: Element): Element[] {
  const kept: Element[] = doc.head ? [doc.head] : [];
  if (!doc.body) return kept;
  for (const s of Array.from(doc.body.querySelectorAll('script[type="application/ld+json" i]')))
    if (!story.contains(s)) kept.push(s);
  // The headline goes with its byline: a page header without one is dropped as site furniture.
  const headline = doc.body.querySelector('h1');
  if (headline && !story.contains(headline) && !headline.contains(story)) kept.push(headline);
  let bylines = 0;
  for (const el of Array.from(doc.body.querySelectorAll(BYLINE_CANDIDATES))) {
    if (bylines >= BYLINES_KEPT) break;
    if (story.contains(el) || el.contains(story) || kept.some((k) => k.contains(el) || el.contains(k)))
      continue;
    const length = (el.textContent ?? '').trim().length;
    if (!length || length >= BYLINE_MAX_CHARS) continue;
    kept.push(el);
    bylines++;
  }
  return kept;
}

/**
 * A copy of `doc` walked down only along the paths to the `marked` elements (node by node, without
 * recursion); everything else is natively deep-cloned or left out whole:
 * - `keep`: the marked subtrees (and the doctype) are copied, whatever else is off the paths is not;
 * - `skip`: the marked subtrees are left out, whatever else is off the paths is copied.
 */
function cloneAlong(doc: Document, marked: Element[], mode: 'keep' | 'skip'): Document {
  const atMark = new Set<Node>(marked);
  const onPath = new Set<Node>();
  for (const el of marked) for (let n = el.parentNode; n && !onPath.has(n); n = n.parentNode) onPath.add(n);
  const clone = doc.cloneNode(false) as Document;
  const stack: Array<[Node, Node]> = [];
  for (let c = doc.lastChild; c; c = c.previousSibling) stack.push([c, clone]);
  while (stack.length) {
    const [node, parent] = stack.pop() as [Node, Node];
    if (atMark.has(node)) {
      if (mode === 'keep') parent.appendChild(clone.importNode(node, true));
    } else if (onPath.has(node)) {
      const copy = parent.appendChild(clone.importNode(node, false));
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push([c, copy]);
    } else if (mode === 'skip' || node.nodeType === 10) parent.appendChild(clone.importNode(node, true));
  }
  return clone;
}

function pruneSmall(doc: Document): number {
  const doomed = doc.querySelectorAll(NEVER_STORY);
  for (let i = doomed.length - 1; i >= 0; i--) doomed[i].remove();
  let removed = doomed.length;
  const root = doc.body ?? doc.documentElement;
  if (root && maxDepth(root) > DEEP_NESTING) removed += collapseWrapperChains(root);
  return removed;
}

/**
 * On a huge page, outermost first: blocks of a thousand elements or more that hold no story-like
 * paragraphs (a mega-menu, a teaser wall, a link farm, a thread of one-line comments). The story's own
 * container, and anything around it, looks like a story and stays. Read-only.
 */
function bigBlocks(root: Element): Element[] {
  if (root.getElementsByTagName('*').length <= HUGE_PAGE_ELEMENTS) return [];
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll(BIG_BLOCKS))) {
    // Document order: a block's descendants come right after it.
    if (out[out.length - 1]?.contains(el)) continue;
    if (el.getElementsByTagName('*').length < BIG_BLOCK_ELEMENTS || looksLikeStory(el)) continue;
    out.push(el);
  }
  return out;
}

/** The deepest element nesting under `root`, without recursion (a deep page would overflow the stack). */
export function maxDepth(root: Element): number {
  let max = 0;
  let depth = 0;
  let el: Element | null = root;
  while (el) {
    if (el.firstElementChild) {
      el = el.firstElementChild;
      depth++;
      if (depth > max) max = depth;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    if (!el || el === root) break;
    el = el.nextElementSibling;
  }
  return max;
}

const WRAPPER = /^(DIV|SPAN|SECTION|FONT|CENTER)$/;

/** The only child of `el` that matters (an element, with nothing but white space beside it). */
function onlyChild(el: Element): Element | null {
  const child = el.firstElementChild;
  if (!child || child !== el.lastElementChild) return null;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && n.nodeValue?.trim()) return null;
  return child;
}

/** div > div > … > div > content becomes div > content: the top keeps its attributes. */
function collapseWrapperChains(root: Element): number {
  let collapsed = 0;
  for (const top of Array.from(root.querySelectorAll('div, span, section, font, center'))) {
    if (!top.isConnected) continue;
    let bottom = top;
    for (let next = onlyChild(bottom); next && WRAPPER.test(next.tagName); next = onlyChild(bottom))
      bottom = next;
    if (bottom === top) continue;
    const chain = top.firstElementChild as Element;
    top.append(...Array.from(bottom.childNodes));
    chain.remove();
    collapsed++;
  }
  return collapsed;
}
