/**
 * Boilerplate removal around Readability. Readability picks the right container most of the time but
 * keeps what sits inside it (share bars, "related" lists, ad labels, newsletter boxes, author bios) and
 * can be misled by page furniture that looks like text (skip links, consent banners, forms). `preClean`
 * strips what can never be the story from the whole page before Readability scores it; `postClean`
 * tidies Readability's result.
 *
 * Hidden elements go (Readability drops them too), except collapsed parts of the story: an accordion
 * panel or a "read more" remainder is hidden only until the reader clicks, so it is revealed instead.
 *
 * Two safety rules hold everywhere:
 * - class/id matching works on *words*: "shared-content" is not "share", "unrelated-story-body" is not
 *   "related";
 * - nothing that looks like the story itself (several long paragraphs of non-link text) is removed by a
 *   name or heading rule, whatever its class or heading says.
 *
 * This file runs the stages; each kind of furniture is told apart in a module of its own: by name
 * (clean-names.ts), hidden or collapsed (clean-visibility.ts), widgets (clean-widgets.ts), whole-block
 * texts (clean-text.ts), sections under furniture headings (clean-sections.ts), labels and date or
 * byline lines (clean-labels.ts), what collects at a story's end (clean-trailing.ts), repeated blocks
 * (clean-duplicates.ts), figures and images (clean-figures.ts, clean-images.ts).
 */

import { removeDuplicateBlocks } from './clean-duplicates';
import { tidyFigures } from './clean-figures';
import { restoreSections, shieldSectionHeadings, unflagHeadings, unflagStoryBlocks } from './clean-headings';
import { markInlineImages, removeUnusableImages } from './clean-images';
import { removeLabels, removeSectionKicker, type Seen } from './clean-labels';
import { type BoilerplateKind, boilerplateKind } from './clean-names';
import { removeFurnitureSections, removeTocLists } from './clean-sections';
import { removeSlideCaptions } from './clean-slideshows';
import { adoptOrphanSublists, drawSeparators, unfoldDetails } from './clean-structure';
import { removeTooltips } from './clean-tooltips';
import {
  removeTeaserCards,
  removeTitleHeading,
  removeTrailingBio,
  removeTrailingHeadings,
  removeTrailingLinkLists,
} from './clean-trailing';
import { isCollapsedContent, isHidden, pageVisibleText, reveal, shownTwin } from './clean-visibility';
import { isShareBar, isTextSizeWidget, mayBeWidget } from './clean-widgets';
import { detached, hasMedia, linkDensity, looksLikeStory, normalize, spacedText } from './dom-text';
import { spaceGluedParts } from './glued-parts';
import { headline } from './headline-text';
import { inkLengths, nonSpaceLength } from './text';

/** Elements a name rule must never remove: the page's declared story containers and their ancestors. */
function storyGuard(doc: Document | Element): Set<Element> {
  const guard = new Set<Element>();
  const roots = Array.from(
    doc.querySelectorAll(
      '[itemprop~="articleBody"], [itemprop~="articlebody"], article, [role="main"], main',
    ),
  ).filter((el) => looksLikeStory(el));
  for (const root of roots) {
    for (let el: Element | null = root; el; el = el.parentElement) guard.add(el);
  }
  return guard;
}

/**
 * A box around the headline that holds most of the page's text is the page, whatever its name says:
 * an advertiser's "wallpaper" framing the whole site (Business Insider's `div.ad-wallpaper`) named
 * itself an ad, and the story went with it, before Readability and again after it, where its lines
 * were a <div>'s (no <p>s for looksLikeStory to count). Such a frame loses its name. Only named boxes
 * are measured: most pages have none around the headline.
 */
function unnamePageFrames(body: HTMLElement): void {
  const h1 = headline(body);
  let page = -1;
  for (let el = h1?.parentElement; el && el !== body; el = el.parentElement) {
    if (!boilerplateKind(el)) continue;
    if (page < 0) page = nonSpaceLength(body.textContent ?? '');
    if (nonSpaceLength(el.textContent ?? '') <= page / 2) continue;
    el.removeAttribute('class');
    el.removeAttribute('id');
  }
}

// ------------------------------------------------------------------------------------------ removal

const BLOCKISH =
  'p, div, span, li, ul, ol, section, h2, h3, h4, h5, h6, figcaption, aside, header, footer, a, button, strong, em, small';

/**
 * Removes elements that a class/id names as boilerplate, unless they look like the story. `skip`
 * lists kinds left alone: before Readability the author and byline/date blocks stay, since
 * Readability reads the byline from them; so do promo boxes and sliders, which on service pages are
 * often the section Readability must see to keep the page's content together.
 */
function removeNamedBoilerplate(
  root: Element | Document,
  guard: Set<Element>,
  skip: ReadonlySet<BoilerplateKind> = new Set(),
): number {
  let removed = 0;
  for (const el of Array.from(root.querySelectorAll('[class], [id], [itemprop~="author"]'))) {
    if (detached(el, root) || guard.has(el)) continue;
    if (/^(HTML|BODY|MAIN|TD|TR|TH|TBODY|TABLE|FIGURE|FIGCAPTION|IMG|PICTURE)$/i.test(el.tagName)) continue;
    // Syntax highlighters name their spans "comment", "tag", "keyword"…: code is never furniture.
    if (el.closest('pre, code')) continue;
    const kind = el.matches('[itemprop~="author"]:not(meta, link)') ? 'author' : boilerplateKind(el);
    if (!kind || skip.has(kind)) continue;
    // Visually hidden text ("Image caption", "opens in new window") goes; a long one is real text.
    if (kind === 'srOnly' && normalize(el.textContent).length > 80) continue;
    // A table of contents, a tag list, a menu: lists of links. "toc-para", "nav-section" holding text
    // are the page's own content with a navigational hook.
    if ((kind === 'toc' || kind === 'tags' || kind === 'nav') && linkDensity(el) < 0.5) continue;
    // A slider of teasers links to other pages; a photo slider only to its pictures, if at all.
    if (
      kind === 'carousel' &&
      Array.from(el.querySelectorAll('a[href]')).filter(
        (a) => !/\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(a.getAttribute('href')!),
      ).length < 2
    )
      continue;
    if (looksLikeStory(el)) continue;
    el.remove();
    removed++;
  }
  return removed;
}

/** Removes hidden elements, skip links, text-size widgets and share bars. */
function removeWidgets(root: Element | Document, guard: Set<Element>): number {
  let removed = 0;
  const lengths = new Map<Element, number>();
  inkLengths(root, lengths);
  // Computed on first need only: most pages have no collapsed panels.
  let visible: string | null = null;
  const visibleText = () => {
    visible ??= pageVisibleText((root as Node).ownerDocument ?? (root as Document));
    return visible;
  };
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (detached(el, root) || guard.has(el) || /^(HTML|BODY|HEAD)$/i.test(el.tagName)) continue;
    if (shownTwin(el)) el.removeAttribute('aria-hidden');
    if (isHidden(el)) {
      if (isCollapsedContent(el, visibleText)) reveal(el);
      else {
        el.remove();
        removed++;
        continue;
      }
    }
    if (el.tagName === 'A' && (el.getAttribute('href') ?? '').startsWith('#')) {
      if (/^(skip|jump) (to|navigation)\b/i.test(normalize(el.textContent))) {
        el.remove();
        removed++;
      }
      continue;
    }
    // Widgets are short: a share bar has at most 200 characters of text, a size switcher 60.
    const ink = lengths.get(el) ?? 0;
    if (ink > 200 || !el.matches(BLOCKISH) || !mayBeWidget(el, ink)) continue;
    const text = spacedText(el);
    if (isTextSizeWidget(el, text) || isShareBar(el, text)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

/** Marks elements for removal after Readability (see `markForms`). */
const FURNITURE_MARK = 'data-reader-furniture';

/**
 * Forms (sign-up, search, comment) leave labels and fine print behind once Readability drops their
 * fields, so they go; but only after Readability has scored the page: a form inside the story's
 * container still counts towards that container's score, and removing it early can tip Readability
 * into picking a single paragraph. Before Readability they are only marked.
 */
function markForms(root: Element | Document, guard: Set<Element>): number {
  let marked = 0;
  const fields = 'input:not([type="hidden"]), select, textarea';
  for (const form of Array.from(root.querySelectorAll('form'))) {
    if (guard.has(form) || looksLikeStory(form)) continue;
    if (!form.querySelector(fields) && normalize(form.textContent).length > 200) continue;
    // Outside the story's declared container a form can go at once: it only misleads Readability.
    if (form.closest('article, main, [role="main"], [itemprop~="articleBody"]'))
      form.setAttribute(FURNITURE_MARK, 'form');
    else form.remove();
    marked++;
  }
  // A sign-up box without a <form> (Medium's "Get X's stories in your inbox / Join Medium for free
  // …" with its email field mid-story): the largest block around the email field with only a pitch's
  // worth of text.
  for (const input of Array.from(root.querySelectorAll('input'))) {
    const attrs = `${input.getAttribute('type')} ${input.getAttribute('placeholder')} ${input.getAttribute('name')}`;
    if (!/e-?mail/i.test(attrs) || input.closest(`form, [${FURNITURE_MARK}]`)) continue;
    let box: Element = input;
    for (let up = box.parentElement; up && !/^(BODY|MAIN|ARTICLE)$/.test(up.tagName); up = up.parentElement) {
      if (normalize(up.textContent).length > SIGNUP_TEXT_MAX || guard.has(up)) break;
      box = up;
    }
    if (box === input || looksLikeStory(box)) continue;
    box.setAttribute(FURNITURE_MARK, 'signup');
    marked++;
  }
  return marked;
}

/** A sign-up box's pitch: a heading and a sentence or two. */
const SIGNUP_TEXT_MAX = 300;

function removeMarked(root: Element): number {
  const marked = Array.from(root.querySelectorAll(`[${FURNITURE_MARK}]`));
  for (const el of marked) el.remove();
  return marked.length;
}

const BLOCK_TAG =
  /^(P|DIV|SECTION|ARTICLE|ASIDE|HEADER|FOOTER|NAV|UL|OL|LI|DL|DT|DD|H[1-6]|FIGURE|FIGCAPTION|BLOCKQUOTE|FORM|TABLE|MAIN)$/;

/**
 * Text that shows nothing: format characters (zero-width space/joiner, direction marks, word joiner,
 * BOM, soft hyphen) that String#trim keeps, and icon-font glyphs in the Private Use Area, which the
 * reader (without the page's icon font) would draw as empty boxes. Webflow's rich text, for one,
 * separates sections with `<p>&zwj;</p>`: 98 blank paragraphs on one development page.
 * Only short texts are tested: a block of real prose never gets here.
 */
const SHOWS_NOTHING = /^[\s\u00ad\u200b-\u200f\u2060-\u2064\ufeff\ue000-\uf8ff]*$/;
const showsNothing = (raw: string) => raw.length <= 16 && SHOWS_NOTHING.test(raw);

/** Elements with nothing to show: no text and no media. */
function removeEmpty(root: Element): number {
  let removed = 0;
  const all = Array.from(root.querySelectorAll('*')).reverse(); // children before parents
  for (const el of all) {
    if (detached(el, root)) continue;
    if (
      /^(IMG|PICTURE|SOURCE|VIDEO|AUDIO|IFRAME|SVG|CANVAS|OBJECT|EMBED|MATH|BR|HR|TD|TH|TR|TABLE|TBODY|THEAD|TFOOT|COL|COLGROUP|TRACK|WBR|INPUT)$/i.test(
        el.tagName,
      )
    )
      continue;
    if (el.closest('svg, math, pre, table')) continue;
    const raw = el.textContent ?? '';
    const block = BLOCK_TAG.test(el.tagName);
    if (raw.trim() !== '') {
      // A block of invisible characters is a blank line in the reader; an inline one (a zero-width
      // space between two words, say) changes nothing on screen and stays, unless it is an icon.
      if (!showsNothing(raw) || hasMedia(el) || (!block && !/[\ue000-\uf8ff]/.test(raw))) continue;
      el.remove();
      removed++;
      continue;
    }
    if (hasMedia(el)) continue;
    // An inline element holding a line break ("<b>Social Media Apps</b><b><br></b>Focus on …") still
    // breaks the line; one holding only a space still separates two words.
    if (!block && el.getElementsByTagName('br').length) el.replaceWith(el.ownerDocument.createElement('br'));
    else if (raw !== '' && !block) el.replaceWith(el.ownerDocument.createTextNode(' '));
    else el.remove();
    removed++;
  }
  return removed;
}

/** A figure whose image was removed (or never loaded) leaves an orphan caption. */
export function removeImagelessFigures(root: Element): number {
  let removed = 0;
  for (const figure of Array.from(root.querySelectorAll('figure'))) {
    if (hasMedia(figure) || figure.querySelector('pre, code, blockquote')) continue;
    // A figure holding real paragraphs is a misused wrapper, not a picture frame.
    if (figure.querySelector('p') && looksLikeStory(figure)) continue;
    figure.remove();
    removed++;
  }
  return removed;
}

// ------------------------------------------------------------------------------------------ entry points

/**
 * What Readability strips from the content it keeps, for a container taken as it is: scripts, form
 * controls, navigation, sidebars and footers. Mutates `root`.
 */
export function stripForReading(root: Element): number {
  const junk = root.querySelectorAll(
    'script, style, noscript, template, link, meta, button, input, select, textarea, nav, aside, footer, dialog, [role="navigation"], [role="complementary"], [role="dialog"]',
  );
  for (const el of Array.from(junk)) el.remove();
  return junk.length;
}

/** Before Readability: removes from the whole page what cannot be the story. Mutates `doc`. */
export function preClean(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  unnamePageFrames(body);
  const guard = storyGuard(doc);
  let removed = removeWidgets(body, guard);
  removed += removeTooltips(body, guard);
  removed += markForms(body, guard);
  removed += removeNamedBoilerplate(body, guard, new Set(['author', 'meta', 'promo', 'carousel']));
  // Page furniture outside the story: site navigation, page footer, sidebars, dialogs.
  for (const el of Array.from(
    body.querySelectorAll(
      'nav, footer, aside, [role="navigation"], [role="contentinfo"], [role="complementary"], dialog, [role="dialog"], [role="alertdialog"]',
    ),
  )) {
    if (detached(el, body) || guard.has(el)) continue;
    const inStory = el.closest('article, [itemprop~="articleBody"], main, [role="main"]');
    if (inStory && !el.matches('nav, [role="navigation"]')) continue;
    if (looksLikeStory(el)) continue;
    el.remove();
    removed++;
  }
  for (const el of Array.from(body.querySelectorAll('header, [role="banner"]'))) {
    // The page header (logo, menu, search), not the story's header (headline, standfirst, byline).
    if (detached(el, body) || guard.has(el)) continue;
    if (el.closest('article, main, [role="main"], [itemprop~="articleBody"]')) continue;
    if (el.querySelector('h1') || looksLikeStory(el)) continue;
    el.remove();
    removed++;
  }
  separateBylineParts(body);
  removed += tidyFigures(body);
  removeComments(body);
  // A named anchor (<a id="…"> without href) is a jump target, not a link, but Readability's link
  // density counts its text as linked: a section whose heading sits in one (a table of contents'
  // target) read as a block of links, and Readability dropped the heading with its paragraph.
  for (const a of Array.from(body.querySelectorAll('a[id]:not([href]), a[name]:not([href])')))
    a.replaceWith(...Array.from(a.childNodes));
  // Section headings Readability would take for page furniture by their class or id, or for the
  // headline (clean-headings.ts).
  unflagHeadings(body);
  unflagStoryBlocks(body);
  shieldSectionHeadings(doc);
  return removed;
}

/**
 * Comments are never the story, and Readability wraps a div's runs of text in paragraphs, ending a
 * run at any node that is not text or inline: React's `<!-- -->` markers between the parts of one
 * sentence ("appears in print on <!-- -->, on Page <!-- -->A<!-- -->1") made seven paragraphs of it.
 */
function removeComments(body: Element): void {
  const walker = body.ownerDocument.createTreeWalker(body, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) comments.push(n);
  for (const c of comments) c.parentNode?.removeChild(c);
}

/** Between the blocks of a byline box: a line break no page writes itself (see cleanByline). */
export const BYLINE_BREAK = '\u2028';
/** Where Readability looks for the byline (its REGEXPS.byline, rel and itemprop checks). */
const BYLINE_BOXES =
  '[class*="byline"],[class*="Byline"],[class*="author"],[class*="Author"],[class*="dateline"],[rel~="author"],[itemprop~="author"]';

/**
 * Readability takes a byline box's textContent, which glues what the page's styles set apart:
 * "Harry RabinowitzTech Reporter", "Written byDan Pantelo", "Luke KimDecember 17, 2025" (36 of the
 * 711 development stories). In short boxes, a block gets a BYLINE_BREAK before it and an inline
 * element glued to what precedes it a space, so the name can be told from the role and the date.
 */
function separateBylineParts(body: Element): void {
  for (const box of Array.from(body.querySelectorAll(BYLINE_BOXES))) {
    if ((box.textContent ?? '').length <= 200) spaceGluedParts(box, BYLINE_BREAK);
  }
}

export interface PostCleanOptions {
  /** The story's title: a copy of it at the top of the body is dropped. */
  title?: string | null;
  /** The story's byline: a line repeating it is dropped (the reader shows it in the header). */
  byline?: string | null;
  /** The page's address: teaser cards link elsewhere on the same site. */
  url?: string | null;
  /** Filled in with what the cleanup learnt while removing it (a byline line above the story). */
  seen?: Seen;
}

/** After Readability: removes boilerplate Readability kept. Mutates `root`. */
export function postClean(root: Element, opts: PostCleanOptions = {}): number {
  restoreSections(root);
  const guard = new Set<Element>([root]);
  let removed = removeMarked(root);
  removed += removeWidgets(root, guard);
  removed += removeNamedBoilerplate(root, guard);
  removed += removeFurnitureSections(root);
  removed += removeTocLists(root);
  removed += removeSlideCaptions(root);
  removed += removeDuplicateBlocks(root);
  removed += removeLabels(root, opts.byline ?? null, opts.seen);
  removed += removeSectionKicker(root, opts.url ?? null);
  removed += removeUnusableImages(root);
  removed += removeImagelessFigures(root);
  removed += removeEmpty(root);
  removed += removeTrailingLinkLists(root);
  removed += removeTeaserCards(root, opts.url ?? null);
  const bio = removeTrailingBio(root, opts.byline ?? null);
  // A "related" list the bio stood after is now last ("More games news:" then links, then "Ben
  // Silverman is on Twitter at …", Mozilla's yahoo-1 page).
  if (bio) removed += bio + removeTrailingLinkLists(root);
  removed += removeTitleHeading(root, opts.title ?? null);
  removed += removeEmpty(root);
  removed += removeTrailingHeadings(root);
  unfoldDetails(root);
  adoptOrphanSublists(root);
  drawSeparators(root);
  markInlineImages(root);
  return removed;
}
