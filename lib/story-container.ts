/**
 * The page's declared story container (`<article>`, `<main>`, `itemprop="articleBody"`), found on the
 * live page without copying it. Two users:
 * - prune.ts: when the container holds (nearly) all of the page's prose, the working copy is that
 *   container alone, so nothing after it (Readability included) walks headers, menus and footers;
 * - extract.ts: when Readability settles on far less text than the container holds, the container is
 *   the better story.
 */
import { looksLikeStory, nonLinkTextLength, normalize } from './dom-text';

/** Elements that declare themselves the page's story, in document order. */
export const STORY_CONTAINERS =
  '[itemprop~="articleBody"], [itemprop~="articlebody"], article, main, [role="main"]';

export interface DeclaredContainer {
  el: Element;
  /** Its position among `doc.querySelectorAll(STORY_CONTAINERS)`, to find it again in a copy. */
  index: number;
  /** Its non-link text length. */
  text: number;
}

/**
 * The container with the most non-link text (an inner one when it holds nearly all of its parent's
 * text), if it looks like a story. A page with several substantial `<article>`s is a listing, not a
 * story: no container then.
 */
export function declaredContainer(doc: Document): DeclaredContainer | null {
  const all = Array.from(doc.querySelectorAll(STORY_CONTAINERS));
  // Each container's text once: a story's container holds tens of thousands of characters.
  const texts = all.map(nonLinkTextLength);
  const substantialArticles = all.filter((el, i) => el.tagName === 'ARTICLE' && texts[i]! >= 500);
  let best: { el: Element; text: number } | null = null;
  for (const [i, el] of all.entries()) {
    if (el.tagName === 'ARTICLE' && substantialArticles.length > 2) continue;
    const text = texts[i]!;
    if (!best || text > best.text || (best.el.contains(el) && text >= 0.8 * best.text)) best = { el, text };
  }
  if (!best || !looksLikeStory(best.el)) return null;
  return { el: best.el, index: all.indexOf(best.el), text: best.text };
}

/** A paragraph this long is prose (story text), not a label, a caption or a teaser line. */
const PROSE_CHARS = 80;

/** Characters of prose paragraphs under `root`, and of those also under `inside`. */
function proseChars(root: Element, inside: Element): { all: number; inside: number } {
  let all = 0;
  let within = 0;
  for (const p of Array.from(root.getElementsByTagName('p'))) {
    const n = normalize(p.textContent).length;
    if (n < PROSE_CHARS) continue;
    all += n;
    if (inside.contains(p)) within += n;
  }
  return { all, inside: within };
}

/**
 * The share of the page's prose a container must hold for the rest of the page to be left out of the
 * working copy. What is outside is then headers, menus, teasers and footers, which the extraction
 * would only have to find and throw away. (Tuned on the development corpus with bench/quality.ts.)
 */
export const NARROW_SHARE = 0.97;

/** The container that holds the story and nearly all the page's prose, or null. Read-only. */
export function narrowingContainer(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const declared = declaredContainer(doc);
  if (!declared || declared.el === body) return null;
  const prose = proseChars(body, declared.el);
  return prose.all > 0 && prose.inside >= NARROW_SHARE * prose.all ? declared.el : null;
}
