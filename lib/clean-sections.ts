/**
 * Sections the page's headings announce as furniture ("Related articles", "About the author",
 * "Comments"), going with what they introduce, and tables of contents.
 */
import { detached, linkDensity, linkTextLength, looksLikeStory, normalize, wholeLine } from './dom-text';

/**
 * Headings of what is never the story: the author's bio, comments, an appeal for readers' money. The
 * heading and its whole section go (unless the section is a large, story-like part of the page).
 */
const NON_STORY_HEADING =
  /^(about (the|this) (author|writer|contributor|reporter)s?|about (the )?authors?|author bio(graphy)?|meet the (author|writer)|(leave|post|add|write) a (comment|reply|review)|comments?( \(\d+\))?|\d+ (comments?|responses?|replies)|join the (conversation|discussion)|this (story|article|reporting|journalism|work) (is|was) (funded|made possible|supported) by (readers|people|members|supporters) like you|who (wrote|curated|reviewed) this (article|post|story)\??|([^.]{0,60}, )?we have a (small )?favou?r to ask)\s*[:.!…]*$/i;

/**
 * Short section headings that introduce furniture: the heading and what it introduces go together,
 * when what it introduces is teasers (links) rather than prose: "Related" can head a related-work
 * section that is the page's own content.
 */
const FURNITURE_HEADING =
  /^(about (the|this) (author|writer|contributor|reporter)s?|about (the )?authors?|author bio(graphy)?|meet the (author|writer)|related( articles?| posts?| stories| story| reading| content| resources| news| links| topics| guides| reads| coverage| searches)?|more (articles|stories|posts|news|from [^.]{1,40}|like this|to read|on this topic|in [^.]{1,30})|(more|other) (articles|stories|posts|reads|guides) (you('ll| will)? (may|might|would)? ?(also )?(like|enjoy|love)|for you)|additional reading( on [^.]{1,40})?|you (may|might) (also )?(like|enjoy|be interested in|want to read)|(also )?recommended( reading| for you| articles| posts| stories)?|recent (posts|articles|stories|news)|popular (posts|articles|stories|now)|latest (posts|articles|stories|news)|(leave|post|add|write) a (comment|reply|review)|comments?( \(\d+\))?|\d+ (comments?|responses?|replies)|join the (conversation|discussion)|previous (article|post|story)|next (article|post|story)|read (next|more|also)|keep reading|further reading|trending( now| stories)?|most (read|popular|viewed)|what to read next|don'?t miss|editor'?s picks?|top stories|explore more|discover more|check out next|you may be interested in( the following( topics)?( as well)?)?|also in the news|in other news)\s*[:.!…]*$/i;

/** Does this line announce furniture ("Related articles", "Also in the news")? */
export const isFurnitureHeading = (text: string) => FURNITURE_HEADING.test(text);

/**
 * Headings that announce a list of links and nothing more: a table of contents, the story's tags. Only
 * the link lists after them go.
 */
const LINK_LIST_HEADING =
  /^(tags|tagged|topics|filed under|categories|table of contents?|contents|in this (article|post|guide|story|page)|jump to( section)?|on this page|quick links|skip to section|what'?s inside|article (contents|sections)|summary of contents)\s*:?$/i;

const TOC_HEADING = /^(table of contents?|contents|in this (article|post|guide)|on this page|jump to)\b/i;

/** Is `el` a teaser list / link block: mostly links, not story? */
function isLinkBlock(el: Element, threshold = 0.6): boolean {
  if (!normalize(el.textContent)) return true;
  return linkDensity(el) >= threshold && !looksLikeStory(el);
}

function headingRank(el: Element): number {
  const m = /^H([1-6])$/.exec(el.tagName);
  return m ? Number(m[1]) : 7;
}

/** Is this a heading-like element: h1–h6, or a short block whose whole text is bold? */
function isHeadingLike(el: Element): boolean {
  if (/^H[1-6]$/.test(el.tagName)) return true;
  if (!/^(P|DIV|SPAN|STRONG|B|DT|SUMMARY)$/.test(el.tagName)) return false;
  const text = normalize(el.textContent);
  if (!text || text.length > 80) return false;
  if (/^(STRONG|B)$/.test(el.tagName)) return true;
  const bold = Array.from(el.querySelectorAll('strong, b')).reduce(
    (n, b) => n + normalize(b.textContent).length,
    0,
  );
  return bold >= text.length * 0.9 || el.children.length === 0;
}

/**
 * A furniture heading ("Related articles", "About the author", "Comments") takes along what follows it
 * up to the next heading of the same or higher rank, unless that part reads like the story.
 */
export function removeFurnitureSections(root: Element): number {
  let removed = 0;
  const total = normalize(root.textContent).length;
  const candidates = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6, p, div, strong, b, span, dt'));
  for (const heading of candidates) {
    if (detached(heading, root) || !isHeadingLike(heading)) continue;
    const text = normalize(heading.textContent);
    const linksOnly = LINK_LIST_HEADING.test(text);
    if (!linksOnly && !FURNITURE_HEADING.test(text) && !NON_STORY_HEADING.test(text)) continue;
    // The block that holds the heading (a <strong> inside a <p>, a heading inside a wrapper div).
    const head = wholeLine(heading, root);
    const teaser = !linksOnly && !NON_STORY_HEADING.test(text);
    const rank = headingRank(heading);
    const real = rank < 7;
    const section: Element[] = [];
    for (let next = head.nextElementSibling; next; next = next.nextElementSibling) {
      if (isHeadingLike(next) && headingRank(next.querySelector('h1,h2,h3,h4,h5,h6') ?? next) <= rank) break;
      // A table of contents is only its link list; a bold line ("Related:") only introduces links,
      // never the paragraphs after it.
      if ((linksOnly || !real) && !isLinkBlock(next, 0.7)) break;
      // A teaser list ends where the page's own matter resumes after it: a table, or a paragraph
      // without links ("Related resources", three links, then "Here is the full data table for all 50
      // states."). Right under the heading, such a paragraph is the box's own blurb.
      if (teaser && section.length && isOwnMatter(next)) break;
      section.push(next);
    }
    if (linksOnly && !section.length) {
      // "Topics" over prose is a real heading; "Table of contents" whose list is gone is not.
      if (TOC_HEADING.test(text)) {
        head.remove();
        removed++;
      }
      continue;
    }
    // What follows reads like the story: the heading was a real one. For teaser headings prose is
    // enough to keep it; for bios and comments it must also be a large part of the page.
    const prose = section.length > 0 && looksLikeStory(...section);
    const density = sectionLinkDensity(section);
    if (prose && density < 0.5 && sectionText(section) > 0.35 * total) continue;
    if (prose && density < 0.35 && !NON_STORY_HEADING.test(text)) continue;
    for (const el of section) el.remove();
    head.remove();
    removed += section.length + 1;
  }
  return removed;
}

/** A table, or a paragraph of text without a link: not part of a list of teasers. */
function isOwnMatter(el: Element): boolean {
  if (el.tagName === 'TABLE' || el.querySelector('table')) return true;
  return el.tagName === 'P' && !el.querySelector('a') && normalize(el.textContent).length >= 20;
}

export function sectionText(els: Element[]): number {
  return els.reduce((n, el) => n + normalize(el.textContent).length, 0);
}

function sectionLinkDensity(els: Element[]): number {
  let text = 0;
  let links = 0;
  for (const el of els) {
    text += normalize(el.textContent).length;
    links += el.tagName === 'A' ? normalize(el.textContent).length : linkTextLength(el);
  }
  return text ? links / text : 1;
}

/**
 * A table of contents whose links are gone (the page's script made its items jump) or that is a run
 * of paragraphs, one link each: every entry repeats a heading further down. Three entries at least;
 * a list whose items only resemble the headings is the story's own ("What you'll learn").
 */
function removeHeadingEchoes(root: Element): number {
  const headings = Array.from(root.querySelectorAll('h2, h3, h4, h5, h6'));
  if (headings.length < 3) return 0;
  const echoes = (el: Element) => {
    const text = normalize(el.textContent);
    // A heading inside `el` follows it too (Readability wraps a heading with a jump link in a <p>).
    return (
      !!text &&
      headings.some(
        (h) => !el.contains(h) && el.compareDocumentPosition(h) & 4 && normalize(h.textContent) === text,
      )
    );
  };
  const doomed: Element[] = [];
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    const items = Array.from(list.children);
    if (items.length >= 3 && items.every((li) => li.tagName === 'LI' && echoes(li))) doomed.push(list);
  }
  const jumps = Array.from(root.querySelectorAll('p')).filter((p) => {
    const a = p.querySelector('a[href^="#"]');
    return !!a && normalize(a.textContent) === normalize(p.textContent) && echoes(p);
  });
  if (jumps.length >= 3) doomed.push(...jumps);
  for (const el of doomed) el.remove();
  return doomed.length;
}

/** Lists whose every link jumps within the page: a table of contents. */
export function removeTocLists(root: Element): number {
  let removed = removeHeadingEchoes(root);
  for (const list of Array.from(root.querySelectorAll('ul, ol, nav'))) {
    if (detached(list, root)) continue;
    const links = Array.from(list.querySelectorAll('a'));
    if (links.length < 3) continue;
    if (!links.every((a) => (a.getAttribute('href') ?? '').startsWith('#'))) continue;
    if (linkDensity(list) < 0.8) continue;
    list.remove();
    removed++;
  }
  return removed;
}
