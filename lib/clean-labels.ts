/**
 * Short labels left in the story: fine print, teaser lines, credits under a photo, and date and byline
 * lines outside the run of story paragraphs (a byline above the story is kept for the header).
 */
import { hasCaptionHint } from './captions-dom';
import { isBoilerplateText, isCreditBelowImage, isDateLine, isInlineTeaser } from './clean-text';
import { detached, hasMedia, linkTextLength, normalize, parseUrl, wholeLine } from './dom-text';
import { inkLengths } from './text';

/** What the cleanup learnt while removing labels: a byline line above the story, for the header. */
export interface Seen {
  byline?: string;
}

/**
 * The name in a byline line ("By Jane Doe", "Written by Jane Doe and John Roe", "by Jane Doe on Jan
 * 22, 2025"), the story's own byline when the line repeats it, or null.
 */
function bylineName(text: string, byline: string | null, block = true): string | null {
  const t = normalize(text);
  if (!t || t.length > 100) return null;
  if (byline && t.toLowerCase() === byline.toLowerCase()) return byline;
  // The byline with the writer's affiliation, as a line of its own: "Shelia R. Cotten, Clemson
  // University" (The Conversation's republished stories), "Jane Doe, Staff Writer". Not an inline
  // element, which may be a sentence's subject ("<em>Rahul Tyagi, CEO of SECQAI</em> delves into…").
  if (
    block &&
    byline &&
    t.toLowerCase().startsWith(`${byline.toLowerCase()}, `) &&
    isAffiliation(t.slice(byline.length + 2))
  )
    return byline;
  const prefix =
    /^(by|(written|posted|words|edited|reviewed|fact[- ]?checked|medically reviewed) by:?|author:)\s+/i.exec(
      t,
    );
  if (!prefix) return null;
  let name = t.slice(prefix[0].length);
  // A date after the name, set apart by "on", "at", a bar, a dot, a comma or a dash.
  const dated = /^(.+?)(?:\s+(?:on|at)|\s*[|·•,–—]|\s+-)\s+(.+)$/.exec(name);
  if (dated && isDateLine(dated[2])) name = dated[1];
  // The rest must read as a name: capitalized words, joined by "and", "&" or commas.
  return /^\p{Lu}[\p{L}.'’®-]*((,? (and|&) |, ?| )\p{Lu}[\p{L}.'’®-]*){0,8}$/u.test(name) ? name : null;
}

/** A short title or institution after a name: capitalized words, no sentence ("… University", "Staff Writer"). */
function isAffiliation(text: string): boolean {
  const words = text.split(' ');
  return (
    words.length <= 8 &&
    /^\p{Lu}/u.test(text) &&
    !/[.!?:;]$/.test(text) &&
    words.every((w) => /^(\p{Lu}|(of|for|and|the|at|in|de|du|des|&)$)/u.test(w))
  );
}

/**
 * A caption, marked or by its place: in a figure, named so, or beside the photo in a box that holds
 * only the two (a figure flattened into divs, which Readability turns into paragraphs: bssnews).
 */
function isPhotoCaption(p: Element): boolean {
  if (hasCaptionHint(p) || p.closest('figure, figcaption')) return true;
  const box = p.parentElement;
  if (!box) return false;
  const others = Array.from(box.children).filter((el) => el !== p);
  return others.length === 1 && hasMedia(others[0]) && !normalize(others[0].textContent);
}

/**
 * Is `el` outside the run of story paragraphs, and on which side (before the first or after the last
 * long one)? Dates and bylines there are the story's metadata; in the middle they are content (an
 * events list).
 */
function atEdge(el: Element, paragraphs: Element[]): 'before' | 'after' | null {
  const first = paragraphs[0];
  const last = paragraphs[paragraphs.length - 1];
  if (!first || !last) return 'before';
  const FOLLOWING = 4;
  const PRECEDING = 2;
  if (el.compareDocumentPosition(first) & FOLLOWING) return 'before';
  return el.compareDocumentPosition(last) & PRECEDING ? 'after' : null;
}

/**
 * Between the first long paragraph and the second: where a page without a story <header> prints
 * its date, after the standfirst and the lead photo ("…(Photo: Getty Images)", "Published June 23,
 * 2025 10:39AM", then the story: Outside's running pages).
 */
function afterStandfirst(el: Element, paragraphs: Element[]): boolean {
  const [first, second] = paragraphs;
  const FOLLOWING = 4;
  return (
    !!first &&
    !!(first.compareDocumentPosition(el) & FOLLOWING) &&
    (!second || !!(el.compareDocumentPosition(second) & FOLLOWING))
  );
}

/** The body holds one date line only: a timeline's or an events list's dates are its content. */
function soleDateLine(root: Element): boolean {
  let n = 0;
  for (const el of Array.from(root.querySelectorAll('p, div, span, time, li, h2, h3, h4, h5, h6, small'))) {
    if (!el.firstElementChild && isDateLine(el.textContent ?? '') && ++n > 1) return false;
  }
  return n === 1;
}

const INLINE_TAG = /^(SPAN|STRONG|B|SMALL|A|TIME|EM|I)$/;
/** A story paragraph holds this many characters at least. */
const STORY_PARAGRAPH_CHARS = 120;

/**
 * An inline element with no words of a sentence around it: a block's only text, beside a photo or
 * another element ("22 Dec, 2016 22 Dec, 2016" <time>s atop Mozilla's breitbart page, its msn page's
 * "Feedback" link after the story). A label of its own, not a word inside a sentence.
 */
function standaloneInline(el: Element): boolean {
  // Only dates and links: a card's spans ("Prep time" beside "10 mins") are parts of a whole.
  if (el.tagName !== 'TIME' && el.tagName !== 'A') return false;
  const parent = el.parentElement;
  if (
    !parent ||
    /^(P|LI|H[1-6]|DT|DD|TD|TH|FIGCAPTION|BLOCKQUOTE)$/.test(parent.tagName) ||
    INLINE_TAG.test(parent.tagName)
  )
    return false;
  for (const n of Array.from(parent.childNodes))
    if (n.nodeType === 3 && (n.nodeValue ?? '').trim()) return false;
  return true;
}

/**
 * A story paragraph with a photo set into it: besides the parts holding the photo (and with it, its
 * credit and caption), a paragraph's worth of text. Read whole, Mozilla's msn page's first paragraph
 * began "© Provided by Business Insider Inc Nintendo/Apple Nintendo and Apple shocked the world…"
 * and went as a copyright line. Its parts are still judged one by one.
 */
function paragraphAroundPhoto(el: Element): boolean {
  if (!hasMedia(el)) return false;
  let prose = 0;
  for (const n of Array.from(el.childNodes)) {
    if (n.nodeType === 1 && hasMedia(n as Element)) continue;
    if (n.nodeType === 1 || n.nodeType === 3) prose += normalize(n.textContent).length;
  }
  return prose >= STORY_PARAGRAPH_CHARS;
}

/** A paragraph of the story's own prose: a photo's caption, long as it may be, is not where the story starts. */
const isStoryParagraph = (p: Element) =>
  normalize(p.textContent).length - linkTextLength(p) >= STORY_PARAGRAPH_CHARS && !isPhotoCaption(p);

/** Short labels, fine print, teaser lines, date and byline lines. */
export function removeLabels(root: Element, byline: string | null, seen?: Seen): number {
  let removed = 0;
  const selector =
    'p, div, span, li, h1, h2, h3, h4, h5, h6, strong, b, small, figcaption, a, time, dd, dt, header';
  const paragraphs = Array.from(root.querySelectorAll('p')).filter(isStoryParagraph);
  // Non-space characters per element, kept current as labels go: most elements are skipped on it,
  // without building their text (the story's containers hold tens of thousands of characters).
  const lengths = new Map<Element, number>();
  inkLengths(root, lengths);
  for (const el of Array.from(root.querySelectorAll(selector))) {
    if (detached(el, root)) continue;
    const ink = lengths.get(el) ?? 0;
    if (!ink || ink > 400) continue;
    const text = normalize(el.textContent);
    if (text.length > 400) continue;
    // Captions are the caption stage's business: only fine print inside them goes.
    if (el.closest('figcaption') && el.tagName !== 'FIGCAPTION') continue;
    // An inline label inside a sentence ("<b>Advertising</b>: target the shoppers…") is the sentence's:
    // its parent holds more text than it does.
    if (
      INLINE_TAG.test(el.tagName) &&
      el.parentElement &&
      lengths.get(el.parentElement) !== ink &&
      !standaloneInline(el)
    )
      continue;
    let label = isBoilerplateText(text) || isCreditBelowImage(el, text) || isInlineTeaser(el, text);
    if (!label && el.tagName !== 'FIGCAPTION') {
      // A date line (no name), a byline line (its name), or neither (null).
      let name = isDateLine(text) ? '' : bylineName(text, byline, !INLINE_TAG.test(el.tagName));
      // "By Functionality", "By Audience": a heading sorting a list, not a byline of one word.
      if (name && !name.includes(' ') && name !== byline && el.closest('h1, h2, h3, h4, h5, h6')) name = null;
      // In the story's <header> (standfirst, lead photo, then "Feb. 21, 2019": The New York Times)
      // a date or byline line is the story's metadata wherever the paragraphs around it stand.
      const edge = name !== null && (el.closest('header') ? 'before' : atEdge(el, paragraphs));
      label = !!edge || (name === '' && afterStandfirst(el, paragraphs) && soleDateLine(root));
      // A byline above the story, where the page's markup named no author: the header shows it.
      if (name && edge === 'before' && seen && !seen.byline) seen.byline = name;
    }
    // Checked last, on the few elements taken for labels: it queries the subtree.
    if (label && paragraphAroundPhoto(el)) label = false;
    if (label) {
      for (let up = el.parentElement; up; up = up === root ? null : up.parentElement)
        lengths.set(up, (lengths.get(up) ?? 0) - ink);
      el.remove();
      removed++;
    }
  }
  return removed;
}

/**
 * The section a story is filed under, printed above it as a link to the section's front ("Friday
 * Philosophy" → /friday-philosophy, above /friday-philosophy/nagel-reason on mises.org): the site's
 * kicker, left behind when the cleanup took the date and author beside it. Only before the story's
 * first paragraph, only a line that is that one link of a few words, and only a link to a folder the
 * page's own address sits in (a link elsewhere may be the story's first word).
 */
export function removeSectionKicker(root: Element, url: string | null): number {
  const page = parseUrl(url);
  if (!page) return 0;
  const folders = page.pathname.split('/').filter(Boolean);
  const first = Array.from(root.querySelectorAll('p')).find(isStoryParagraph);
  let removed = 0;
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    if (!first || !(a.compareDocumentPosition(first) & 4)) break; // 4: `first` follows the link
    const text = normalize(a.textContent);
    if (!text || text.split(' ').length > 5 || detached(a, root)) continue;
    const target = parseUrl(a.getAttribute('href'), page);
    if (!target) continue;
    const path = target.pathname.split('/').filter(Boolean);
    const inFolder =
      target.host === page.host &&
      path.length > 0 &&
      path.length < folders.length &&
      path.every((s, i) => s === folders[i]);
    if (!inFolder) continue;
    const line = wholeLine(a, root);
    // A link among others on its line (a breadcrumb's last crumb) is not a line of its own.
    if (hasMedia(line) || (INLINE_TAG.test(line.tagName) && line.parentElement !== root)) continue;
    line.remove();
    removed++;
  }
  return removed;
}
