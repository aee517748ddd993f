/**
 * What a story's end collects: related link lists, headings whose section went, teaser cards to
 * other pages of the site, the author's bio, and a copy of the headline at the top.
 */
import { isFurnitureHeading, sectionText } from './clean-sections';
import { isBoilerplateText, isInlineTeaser } from './clean-text';
import { hasMedia, linkDensity, nonLinkTextLength, normalize, parseUrl } from './dom-text';

/** "Related" link lists left at the end of the story: a list or paragraph made of links only. */
export function removeTrailingLinkLists(root: Element): number {
  let removed = 0;
  for (;;) {
    let last: Element | null = root.lastElementChild;
    // Descend through wrappers to the last block.
    while (
      last &&
      /^(DIV|SECTION|ARTICLE|MAIN)$/.test(last.tagName) &&
      last.lastElementChild &&
      !(linkDensity(last) > 0.8)
    ) {
      last = last.lastElementChild;
    }
    if (!last || last === root) return removed;
    const text = normalize(last.textContent);
    const links = last.querySelectorAll('a').length + (last.tagName === 'A' ? 1 : 0);
    const isList = /^(UL|OL)$/.test(last.tagName);
    const teaser = isInlineTeaser(last) || isBoilerplateText(text);
    const linkList =
      (isList && links >= 2 && linkDensity(last) > 0.9) ||
      (links >= 3 && linkDensity(last) > 0.9 && text.length < 600);
    if (!teaser && !linkList && !isDanglingHeading(last, root, removed > 0)) return removed;
    last.remove();
    removed++;
  }
}

/**
 * A heading left last, after the cleanup took the list, box or teasers it introduced ("Sources",
 * "Useful resources", "Written by …"): it introduces nothing in the reader. Wrappers emptied on the
 * way go too. The story's own text is never touched: only headings, and only at the very end.
 */
export function removeTrailingHeadings(root: Element): number {
  let removed = 0;
  for (;;) {
    let last: Element | null = root.lastElementChild;
    while (last && /^(DIV|SECTION|ARTICLE|MAIN|HEADER)$/.test(last.tagName) && last.lastElementChild) {
      last = last.lastElementChild;
    }
    if (!last || last === root) return removed;
    const empty = !normalize(last.textContent) && !hasMedia(last);
    if (!empty && !isDanglingHeading(last, root)) return removed;
    last.remove();
    removed++;
  }
}

/**
 * A heading at the end of `root` (checked by the caller), unless the story is little more than it.
 * A linked one stays: the last pick of a listicle is a linked heading whose blurb may be an image.
 */
function isDanglingHeading(el: Element, root: Element, afterList = false): boolean {
  // After a link list that went, a short paragraph ending in a colon was its label ("More games
  // news:"). Not otherwise: a story cut by a paywall ends "Here's the prompt you can copy and paste:".
  // A paragraph that names furniture ("ALSO IN THE NEWS" over teaser cards that went) always was.
  const text = normalize(el.textContent);
  const label = el.tagName === 'P' && ((afterList && /^.{1,80}:$/.test(text)) || isFurnitureHeading(text));
  return (
    (/^H[1-6]$/.test(el.tagName) || label) &&
    !hasMedia(el) &&
    !el.querySelector('a') &&
    normalize(root.textContent).length - normalize(el.textContent).length >= 200
  );
}

const HEADINGS = 'h2, h3, h4, h5, h6';

/**
 * Teaser cards after the story: three or more blocks, each a headline linking to another page of the
 * same site with at most a short excerpt and a date ("more from the blog" grids without a heading),
 * or each an excerpt the site cut off mid-sentence ("…said some pharmacie...": Readability often
 * drops such a card's linked title, leaving its photo, section, author and excerpt).
 * Any linked headline pointing to another site means a roundup: nothing goes.
 * Only after the last story paragraph, and only when the story before them is longer than they are:
 * otherwise a roundup of linked items is the story itself.
 */
export function removeTeaserCards(root: Element, url: string | null): number {
  const page = parseUrl(url);
  if (!page) return 0;
  const linked = linkedCards(root, page);
  if (!linked) return 0;
  const cards = linked.length >= 3 ? linked : cutExcerptCards(root);
  if (cards.length < 3) return 0;
  // The story's paragraphs: none may follow the cards, and those before must outweigh them.
  const first = cards[0]!;
  let before = 0;
  for (const p of Array.from(root.querySelectorAll('p'))) {
    const own = nonLinkTextLength(p);
    if (own < 120 || cards.some((c) => c.contains(p))) continue;
    if (first.compareDocumentPosition(p) & 4) return 0;
    before += own;
  }
  if (before < sectionText(cards)) return 0;
  for (const card of cards) card.remove();
  return cards.length;
}

/** Cards around headlines linking elsewhere on the site; null when one links off-site (a roundup). */
function linkedCards(root: Element, page: URL): Element[] | null {
  const cards: Element[] = [];
  for (const h of Array.from(root.querySelectorAll(HEADINGS))) {
    const a = h.querySelector('a[href]');
    const text = normalize(h.textContent);
    if (!a || !text || normalize(a.textContent).length < 0.9 * text.length) continue;
    const target = parseUrl(a.getAttribute('href'), page);
    if (!target) continue;
    // A linked heading pointing off-site: a roundup of other sites' pages, which is content.
    if (target.host !== page.host) return null;
    if (target.pathname === page.pathname) continue;
    let card: Element = h;
    for (let up = h.parentElement; up && up !== root; up = up.parentElement) {
      if (up.querySelectorAll(HEADINGS).length > 1 || normalize(up.textContent).length > 1000) break;
      card = up;
    }
    // A bare linked heading among the story's paragraphs is a listicle item, not a card.
    if (card !== h && !cards.some((c) => c.contains(card))) cards.push(card);
  }
  return cards;
}

/** An excerpt cut off by the site: a word (often half of one), then an ellipsis. */
const CUT_EXCERPT = /[\p{L}\p{N}] ?(?:\.\.\.|…)$/u;
const ELLIPSIS_END = /(?:\.\.\.|…)\s*$/;
const CARD_MAX = 500;
const CARD_TAGS = /^(ARTICLE|SECTION|LI|DIV)$/;
const CARD_PARTS = 'p, li, h2, h3, h4, h5, h6';

/**
 * The largest run of sibling cards, each short, ending in a cut excerpt and holding more than it (a
 * photo, a title, a section or an author): a writer's paragraphs that trail off ("Until next time…")
 * are not cards, even in wrappers of their own. Found from the text nodes that end in an ellipsis,
 * climbing while the block still ends with it: every story has blocks, few have such endings.
 */
function cutExcerptCards(root: Element): Element[] {
  const byParent = new Map<Element, Element[]>();
  const seen = new Set<Element>();
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!ELLIPSIS_END.test(node.nodeValue ?? '')) continue;
    for (let el = node.parentElement; el && el !== root && !seen.has(el); el = el.parentElement) {
      seen.add(el);
      const text = normalize(el.textContent);
      if (text.length > CARD_MAX || !CUT_EXCERPT.test(text)) break;
      // A card's own wrappers end the same way, but each is alone under its parent: runs are cards.
      if (!CARD_TAGS.test(el.tagName) || !(hasMedia(el) || el.querySelectorAll(CARD_PARTS).length > 1))
        continue;
      const parent = el.parentElement!;
      byParent.set(parent, [...(byParent.get(parent) ?? []), el]);
    }
  }
  let best: Element[] = [];
  for (const run of byParent.values()) if (run.length > best.length) best = run;
  return best;
}

/** "Jane Doe is a reporter covering…" as one of the last two paragraphs: the author's bio. */
const BIO =
  /^\(?(\p{Lu}[\p{L}'’.-]+ ){1,3}(is|was|has been|serves as) (an?|the) [^.]{0,80}\b(writer|editor|journalist|reporter|contributor|author|correspondent|columnist|blogger|freelancer|creator|strategist|founder|ceo|cto|director|attorney|analyst|consultant|professor|researcher)\b/u;

export function removeTrailingBio(root: Element, byline: string | null): number {
  const name = normalize(byline)
    .replace(/^by\s+/i, '')
    .split(/,| and | & /)[0]!
    .toLowerCase();
  const blocks = Array.from(root.querySelectorAll('p, div')).filter(
    (el) => !el.querySelector('p, div') && normalize(el.textContent),
  );
  let removed = 0;
  for (const el of blocks.slice(-2)) {
    const text = normalize(el.textContent).replace(/^\(/, '');
    if (text.length > 800) continue;
    const bio =
      name.length > 3
        ? text.toLowerCase().startsWith(name) &&
          /^,?\s(is|was|has|writes|covers|serves|holds|lives|joined)\b/.test(text.slice(name.length))
        : BIO.test(text);
    if (bio) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

/**
 * A headline repeated at the top of the body (Readability removes only one copy, and only an h1 or
 * h2): at any heading level, since CMS templates print the headline again as an h3 or h4 above the
 * lead photo (bssnews.net), as long as no paragraph of the story came before it.
 */
export function removeTitleHeading(root: Element, title: string | null): number {
  if (!title) return 0;
  const want = normalize(title).toLowerCase();
  let removed = 0;
  // Only before the first paragraph with text (a lead photo's caption is not one, nor an empty
  // <p> a template left around the copy): a heading later in the story is the story's.
  const firstP = Array.from(root.getElementsByTagName('p')).find(
    (p) => !p.closest('figure') && normalize(p.textContent) !== '',
  );
  for (const h of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    if (firstP && h.compareDocumentPosition(firstP) & 2) break; // 2 = firstP precedes h
    if (normalize(h.textContent).toLowerCase() === want) {
      h.remove();
      removed++;
    }
  }
  return removed;
}
