/**
 * Before Readability: headings whose class or id trips Readability's "unlikely candidate" words.
 *
 * Readability removes every element whose class and id match words like "header", "social", "extra"
 * or "community" before it scores the page, headings included
 * (https://github.com/mozilla/readability/blob/main/Readability.js, REGEXPS.unlikelyCandidates).
 * On a heading those words usually describe the heading, not page furniture:
 * - Substack marks every section heading `class="header-anchor-post"`, WP Recipe Maker its
 *   "Ingredients" and "Instructions" `wprm-recipe-header`, Divi its `et_pb_module_header`;
 * - table-of-contents plugins give each heading an id made of its own words ("4-sociallyin",
 *   "h-fees-for-optional-extras", "community-health-files").
 * On the development corpus that took 224 section headings out of 44 stories. A heading whose class
 * says "header" is a heading; an id spelt from the heading's text names nothing but the heading. The
 * working copy drops such ids (the sanitizer removes every id anyway) and reads "header" in a
 * heading's class as "heading"; other class words (a "related-header", a "menu-title") still count.
 */

import { lettersAndDigits } from './dom-text';

const HEADINGS = 'h2, h3, h4, h5, h6';

/**
 * Is `id` spelt from `text` (whole, cut short, or behind a short prefix like "h-")? Stricter about
 * spelling and looser about length than clean-names.ts' isTextSlug, which asks whether an id of
 * three words or more names a role: there "related-posts" on "Related Posts" still names one; here,
 * on a heading, any id spelt from its words only trips Readability.
 */
export function idFromText(id: string, text: string): boolean {
  const a = lettersAndDigits(id);
  const t = lettersAndDigits(text);
  if (a.length < 4 || t.length < 4) return false;
  // Generators cut long headings short, and some put a letter or two before ("h-", "toc-").
  const at = a.indexOf(t.slice(0, Math.min(t.length, 12)));
  if (at < 0 || at > 3) return false;
  // A second heading of the same words gets a counter: "fees-for-optional-extras-1".
  const rest = a.slice(at);
  return t.startsWith(rest) || t.startsWith(rest.replace(/\d{1,2}$/, ''));
}

/** Mutates the working copy; returns how many headings were changed. */
export function unflagHeadings(root: Element): number {
  let changed = 0;
  for (const h of Array.from(root.querySelectorAll(HEADINGS))) {
    let touched = false;
    const id = h.getAttribute('id');
    if (id && idFromText(id, h.textContent ?? '')) {
      h.removeAttribute('id');
      touched = true;
    }
    const cls = h.getAttribute('class');
    if (cls && /header/i.test(cls)) {
      h.setAttribute('class', cls.replace(/header/gi, 'heading'));
      touched = true;
    }
    if (touched) changed++;
  }
  return changed;
}

/** Readability's "unlikely candidate" words (Readability.js REGEXPS), and the words that excuse them. */
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const EXCUSED = /and|article|body|column|content|main|shadow/i;
/** Running text: a paragraph this long is a story's, not a header's dek or a menu's line. */
const RUNNING = 150;

/**
 * A block that "header" alone would have Readability drop, while it holds the story's running text:
 * Hearst's listicles (ELLE Decor, Esquire, Runner's World, …) put a story's opening paragraphs in
 * `section.listicle-header > div.listicle-intro`, and the reader opened on item 1. A block with two
 * paragraphs of running text, or one and nothing that is a page's or a headline's, reads "heading"
 * instead; the story's own header (the h1) and the page header (navigation, a form) keep the word.
 */
export function unflagStoryBlocks(root: Element): number {
  let changed = 0;
  for (const el of Array.from(root.querySelectorAll('div[class*="header" i], section[class*="header" i]'))) {
    const cls = el.getAttribute('class') ?? '';
    const names = `${cls} ${el.getAttribute('id') ?? ''}`;
    if (!UNLIKELY.test(names) || EXCUSED.test(names)) continue;
    // "header" must be the only word that trips the test.
    if (UNLIKELY.test(names.replace(/header/gi, ''))) continue;
    if (el.querySelector('h1, nav, form, [role="navigation"]')) continue;
    const running = Array.from(el.querySelectorAll('p')).filter(
      (p) => (p.textContent ?? '').trim().length >= RUNNING,
    ).length;
    if (running < 1) continue;
    el.setAttribute('class', cls.replace(/header/gi, 'heading'));
    if (/header/i.test(el.getAttribute('id') ?? '')) el.removeAttribute('id');
    changed++;
  }
  return changed;
}

/** Readability's own word split and similarity (Readability.js `_textSimilarity`). */
const TOKENS = /\W+/;
/** The share of `b`'s words (by length) that `a` has too: 1 when all of them are in `a`. */
export function similarity(a: string, b: string): number {
  // A Set: a 100 kB <title> compared with every h2 must not cost their product.
  const ta = new Set(a.toLowerCase().split(TOKENS).filter(Boolean));
  const tb = b.toLowerCase().split(TOKENS).filter(Boolean);
  if (!ta.size || !tb.length) return 0;
  const unique = tb.filter((t) => !ta.has(t));
  return 1 - unique.join(' ').length / tb.join(' ').length;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * The title Readability compares headings with, from the page's <title> (Readability.js
 * `_getArticleTitle`, its separator and colon rules; not its fallback to a lone <h1>).
 */
export function readabilityTitle(title: string): string {
  let cur = title;
  const cuts = Array.from(title.matchAll(/ [|\-\\/>»] /g));
  const hierarchical = / [\\/>»] /.test(title);
  if (cuts.length) {
    cur = title.slice(0, cuts[cuts.length - 1].index);
    if (words(cur) < 3) cur = title.replace(/^[^|\-\\/>»]*[|\-\\/>»]/, '');
  } else if (title.includes(': ')) {
    cur = title.slice(title.lastIndexOf(':') + 1);
    if (words(cur) < 3) cur = title.slice(title.indexOf(':') + 1);
    else if (words(title.slice(0, title.indexOf(':'))) > 5) cur = title;
  }
  cur = cur.trim().replace(/\s{2,}/g, ' ');
  const n = words(cur);
  if (n <= 4 && (!hierarchical || n !== words(title.replace(/[|\-\\/>»]+/g, '')) - 1)) cur = title;
  return cur;
}

/** Marks a section heading renamed for Readability's pass; the cleanup renames it back after. */
export const SECTION_MARK = 'data-reader-h2';

/**
 * Readability takes the first h1 or h2 resembling its title for the page's own headline and removes
 * it (Readability.js `_headerDuplicatesTitle`: all but a quarter of the heading's words are in the
 * title). When the page's headline is not where Readability looks first (it sits in a page header
 * dropped as a whole, or the page prints none), that is the story's first section heading: "What
 * Makes an Analytics Platform Enterprise-Ready" under "What Features to Look For in an Enterprise
 * Analytics Platform", "What is Social Media Marketing?". An h2 that resembles the title only that
 * way (the title is not mostly its words too, as a copy of the headline's would be) is an <h3> while
 * Readability runs, which that test passes over; restoreSections renames it back.
 */
export function shieldSectionHeadings(doc: Document): number {
  const page = (doc.title ?? '').replace(/\s+/g, ' ').trim();
  if (!doc.body || !page) return 0;
  const title = readabilityTitle(page);
  // A section heading follows the story's first paragraph; a heading above it is the page's hero
  // or a teaser's, which Readability may well drop.
  const first = Array.from(doc.body.getElementsByTagName('p')).find(
    (p) => (p.textContent ?? '').length >= 80,
  );
  if (!first) return 0;
  let renamed = 0;
  for (const h of Array.from(doc.body.getElementsByTagName('h2'))) {
    if (!(first.compareDocumentPosition(h) & 4)) continue; // 4: h follows the paragraph
    const text = h.textContent ?? '';
    // A copy of the headline itself is Readability's to drop.
    if (
      similarity(title, text) <= 0.75 ||
      lettersAndDigits(text) === lettersAndDigits(title) ||
      lettersAndDigits(text) === lettersAndDigits(page)
    )
      continue;
    const h3 = doc.createElement('h3');
    for (const a of Array.from(h.attributes)) h3.setAttribute(a.name, a.value);
    h3.setAttribute(SECTION_MARK, '');
    h3.append(...Array.from(h.childNodes));
    h.replaceWith(h3);
    renamed++;
  }
  return renamed;
}

/** After Readability: the section headings shieldSectionHeadings renamed are h2s again. */
export function restoreSections(root: Element): void {
  for (const h3 of Array.from(root.querySelectorAll(`h3[${SECTION_MARK}]`))) {
    const h2 = h3.ownerDocument.createElement('h2');
    for (const a of Array.from(h3.attributes)) if (a.name !== SECTION_MARK) h2.setAttribute(a.name, a.value);
    h2.append(...Array.from(h3.childNodes));
    h3.replaceWith(h2);
  }
}
