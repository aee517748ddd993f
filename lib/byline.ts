/**
 * Who wrote the story, for the header. Readability's byline comes first when the page declares it
 * (a meta tag, JSON-LD); one Readability guessed from the markup comes after the story's JSON-LD
 * author (a name, a Person node, or an `@id` pointing at one in the `@graph`) and the author meta tag
 * (Mozilla's herald-sun-1: "JOE HILDEBRAND" from another story's teaser, where
 * `<meta name="article:author">`, a spelling Readability does not read, says Laurie Oakes); then
 * `rel="author"` / `itemprop="author"` markup and the rest. A label ("By", "About the Author") or a
 * date line is no byline.
 * On the 553 development stories whose truth names an author, Readability alone gave the right name
 * for 72.7 % (bench/results/quality.md, metadata table).
 */

import { BYLINE_BREAK } from './clean';
import { isDateLine } from './clean-text';
import { lettersAndDigits, normalize as squash } from './dom-text';
import { isStoryType, jsonLdNodes } from './json-ld';

/** A JSON-LD value's text, whitespace collapsed; '' when it is not a string. */
const normalize = (s: unknown): string => (typeof s === 'string' ? squash(s) : '');

/**
 * Labels and placeholders printed where a name should be. "Staff", "Anonymous" and the site's own
 * name are real bylines (a desk, a personal blog, a company blog) and stay; the site's name only
 * when the page names no person elsewhere (see `findByline`).
 */
const NOT_A_NAME =
  /^(by|author|authors|about the authors?|the author|full bio|written by|posted by|admin|administrator|unknown|null|undefined)$/i;

/**
 * "By Jane Doe" → "Jane Doe"; null for what cannot be a person's or a desk's name. A byline box's
 * blocks come as lines (BYLINE_BREAK, put there by the cleanup): the name is the first line that is
 * more than a label, a role after it or a date ("Harry Rabinowitz" / "Tech Reporter").
 */
export function cleanByline(byline: string | null | undefined): string | null {
  for (const line of String(byline ?? '').split(BYLINE_BREAK)) {
    const b = cleanLine(line);
    if (b) return b;
  }
  return null;
}

function cleanLine(line: string): string | null {
  let b = normalize(line);
  if (!b) return null;
  // Labels before the name ("Text by", "Author:", "This post was written by"), a reviewer after it.
  b = b
    .replace(
      /^(by|((this (post|article|story) was )?(written|authored)|text|words|recipe|reporting) by|author|read more about|von|par|por|di|door|av|af)\s*[:\s]\s*/i,
      '',
    )
    .replace(/\.?\s+((medically )?reviewed|edited|fact[- ]?checked) by\b.*$/i, '')
    // The writer's handle after the date ("Sam Byford on June 29, 2014 08:08 pm @345triangle": The
    // Verge), and a time after a bar ("… - AP Technology Writers | AP – 1 hr 4 mins ago": Yahoo; a
    // role after one stays, "Tina Huffman | Design Lead").
    .replace(/\s+@\w{1,30}$/, '')
    .replace(/\s+\|\s[^|]*\d[^|]*$/, '')
    .trim();
  if (isDateLine(b)) return null;
  // A date before or after the name: "Dec 17, 2025 Julian K. Arni", "Luke Kim December 17, 2025",
  // "Reyan Perumal Published on July 18, 2025".
  const words = b.split(' ');
  const date = (from: number, to: number) => isDateLine(words.slice(from, to).join(' '));
  // The shortest leading date and what has no letters after it ("Dec 17, 2025 ·"): "Julian" can read
  // as a month, so the longest would eat a name.
  let start = 1;
  while (start < words.length && !date(0, start)) start++;
  if (start === words.length) start = 0;
  while (start > 0 && start < words.length && !/\p{L}/u.test(words[start])) start++;
  let end = words.length;
  for (let i = words.length - 1; i > start; i--) if (date(i, words.length)) end = i;
  b = words
    .slice(start, end)
    .join(' ')
    .replace(/^(by|written by)\s+/i, '');
  b = b.replace(/\s*[|,;:\u2013\u2014-]\s*$/, '').trim();
  if (
    !b ||
    (b.length > 100 && !isNameList(b)) ||
    /^https?:\/\//i.test(b) ||
    NOT_A_NAME.test(b) ||
    isDateLine(b)
  )
    return null;
  // A template's unfilled placeholder: "page.head.extra.author" (a login name, "sara.r.peter", stays).
  if (/^[a-z\d_-]+(\.[a-z\d_-]+)+$/.test(b) && /\b(author|byline|name)\b/.test(b)) return null;
  // A date or bracketed note ("[Submitted on 18 Dec 2025]"), a leading comma (the name was lost).
  if (!/\p{L}{2}/u.test(b) || /^[[(,]/.test(b)) return null;
  // A site's admin account ("q_admin", "adminn", "NOC Admin"), an id ("3d23d65-ddc6-4ce5") or a
  // generated login ("mdelatorreq6vkpg2ma0ci"): nobody's name to show.
  if (
    ADMIN.test(b) ||
    /^[\da-f]{3,}(-[\da-f]{2,})+$/i.test(b) ||
    (!b.includes(' ') && b.length >= 16 && /\d/.test(b))
  )
    return null;
  return b;
}
const ADMIN = /(^|[\s_.-])admin(n|istrator)?($|[\s_.\d-])/i;

/**
 * Eight authors of a report ("Nicholas Collins, Scott Munro, Matt De La O, …") run past the length
 * that otherwise marks a sentence, not a byline: a list of short capitalised names may.
 */
function isNameList(b: string): boolean {
  const names = b.split(/\s*(?:,|&|\band\b)\s*/);
  return b.length <= 400 && names.length > 2 && names.every((n) => !n || !!nameLike(n));
}

/** The HTML escapes CMSes leave in JSON-LD names. */
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', '#39': "'", '#039': "'", apos: "'" };

/** Names of the story's authors in its JSON-LD, `@id` references resolved within the page's graph. */
export function jsonLdAuthors(doc: Document): string[] {
  const nodes = jsonLdNodes(doc);
  const byId = new Map(nodes.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'] as string, n]));
  const story = nodes.find((n) => isStoryType(n['@type']) && n.author);
  if (!story) return [];
  const names: string[] = [];
  for (const a of Array.isArray(story.author) ? story.author : [story.author]) {
    const ref = a && typeof a === 'object' ? (a as Record<string, unknown>) : null;
    const name = ref ? normalize(ref.name) || normalize(byId.get(ref['@id'] as string)?.name) : normalize(a);
    // JSON is no HTML, but CMSes escape it as such: "Maria &amp; Katerina".
    if (name) names.push(name.replace(/&(amp|quot|#0?39|apos);/g, (_, e: string) => ENTITIES[e] ?? _));
  }
  return names;
}

/**
 * Where themes print the author without markup for machines (USA Today's `span.author a`,
 * `.author-name`): asked last, and only a name-like text is taken from it ("Personal finance" is a
 * section, not a person).
 */
const AUTHOR_CLASSES =
  '.byline a,.author a,.authors a,[class*="byline"] a,[class*="author-name"],[class*="author__name"],[class*="authorName"]';
const COMMENTS = '[class*="comment"], [id*="comment"]';
const nameLike = (text: string | null | undefined) => {
  const words = normalize(text).split(' ');
  return words.length <= 6 && words.every((w) => /^(\p{Lu}|(and|&|de|van|von|der|da|la|le)$)/u.test(w))
    ? text
    : null;
};

/**
 * The author in the meta tags Slack and Twitter show under a link's preview ("Written by" in
 * `twitter:label1`, the name in `twitter:data1`): sites that print no other author markup set them.
 */
function previewAuthor(doc: Document): string | null {
  for (const n of [1, 2]) {
    const label = doc.querySelector(`meta[name="twitter:label${n}"]`)?.getAttribute('content');
    if (label && /^(written by|author|by)$/i.test(label.trim()))
      return doc.querySelector(`meta[name="twitter:data${n}"]`)?.getAttribute('content') ?? null;
  }
  return null;
}

/**
 * A "By" label in an element of its own, the name in the next one (National Geographic's
 * `<span>By</span><span>Daryl Austin</span>`, behind generated class names; "Author" above the name).
 */
function labelledName(doc: Document): string | null {
  for (const el of Array.from(doc.body?.querySelectorAll('span, div, p, em, strong, h2, h3, h4') ?? [])) {
    if (
      el.firstElementChild ||
      !/^((written|article|posted) )?by:?$|^author:?$/i.test((el.textContent ?? '').trim())
    )
      continue;
    const name = nameLike(el.nextElementSibling?.textContent);
    if (name) return name;
  }
  return null;
}

/** Links to an author's page, for a site that marks its byline up in no other way. */
const AUTHOR_PAGE =
  'a[href*="/author"],a[href*="/contributor"],a[href*="/people/"],a[href*="/staff/"],a[href*="/writer"],a[href*="/profile/"],a[href*="/profiles/"]';

const MENU =
  'nav, [role="navigation"], [role="menu"], [role="menubar"], [class*="menu-item"], [class*="nav-item"]';
/** One author's page (/author/jane-doe), not the index of them all (/staff/, "Staff Directory"). */
const ONE_AUTHOR = /\/(authors?|contributors?|people|staff|writers?|profiles?)\/[^/?#]+/i;
/**
 * Link texts that name a page about the people, not a person: "Meet Our Staff", "Writers Guidelines",
 * or a member's own page ("Member Login" to /profile/my_info).
 */
const NOT_A_PERSON =
  /\b(our|meet|staff|directory|guidelines?|faculty|program|board|log ?in|sign ?in|account|member)\b/i;

/** The last non-empty segment of an address's path, lower-cased. */
const slugOf = (href: string) =>
  href
    .replace(/[?#].*$/, '')
    .split('/')
    .filter(Boolean)
    .pop()
    ?.toLowerCase() ?? '';
const bareName = (name: string) => name.trim().toLowerCase();

/**
 * The first link to an author's page whose text is a name of two words or more, or the one word its
 * address spells ("My profile" is not); past the site's own (`isSite`): a republished story links
 * the house account first and the writer's page in its byline line (The Conversation's republishers:
 * /author/clemson-news, then /profiles/shelia-r-cotten-309429).
 */
function authorPageName(doc: Document, isSite: (name: string) => boolean): string | null {
  for (const a of Array.from(doc.querySelectorAll(AUTHOR_PAGE))) {
    const name = nameLike(a.textContent);
    // A person the story links to in its running text is someone it mentions.
    const inText = (a.closest('p')?.textContent?.length ?? 0) > 100;
    // A site menu links to a columnist's page too ("Hong Kong Actuary" under the Actuaries menu).
    if (a.closest(MENU)) continue;
    const href = a.getAttribute('href')!;
    // One word is a name when an author page's address spells it: "Amanda" → /author/amanda/ (a
    // blog's first-name byline, WordPress's author archive); "Settings" → /profile/settings is not.
    const named =
      !!name &&
      (name.trim().includes(' ') || (/\/authors?\//i.test(href) && slugOf(href) === bareName(name)));
    if (named && ONE_AUTHOR.test(href) && !NOT_A_PERSON.test(name) && !inText && !isSite(squash(name)))
      return name;
  }
  return null;
}

/**
 * The last resort: an element of its own whose class names an author (`text__author`,
 * `video-post_author-name`, `blog-meta-author`) holding a name of two words or more, outside comments.
 */
function authorClassName(doc: Document): string | null {
  for (const el of Array.from(doc.body?.querySelectorAll('[class*="author" i]') ?? [])) {
    if (el.firstElementChild || el.closest(COMMENTS) || underReviewerLabel(el)) continue;
    const name = nameLike(el.textContent);
    if (name && squash(name).includes(' ') && !NOT_A_NAME.test(squash(name))) return name;
  }
  return null;
}

/** "Reviewed by", "Fact checked by": the block around a name (up to three levels up) opens with one. */
function underReviewerLabel(el: Element): boolean {
  let up: Element | null = el;
  for (let i = 0; i < 3 && up; i++, up = up.parentElement) {
    if (REVIEWER.test(squash(up.textContent).slice(0, 40))) return true;
  }
  return false;
}
const REVIEWER =
  /^((medically |expert )?reviewed|fact[- ]?checked|edited|illustrated|photographed|photos?)( by)?\b/i;

/** A text node that is a byline: "By Emily Norwood", "Written by …", or the label alone. */
const BY_LINE = /^(?:by|written by|posted by):?(?:\s+(.*))?$/i;

/**
 * "By Emily Norwood" printed just before or after the headline, in a header Readability discards with
 * its classes ("post-detail__header" reads as page furniture) and marked up for no machine. Read a
 * text node at a time, so a name is never glued to the date beside it; only a short node, and only
 * a name of two words or more ("By Tuesday, officials …" is a sentence).
 */
function headlineByline(doc: Document): string | null {
  const root = doc.body;
  if (!root) return null;
  // The first <h1> may be the site's logo (a magazine's name in a screen-reader span).
  for (const h1 of Array.from(root.getElementsByTagName('h1')).slice(0, 3)) {
    const name = bylineBeside(h1);
    if (name) return name;
  }
  return null;
}

function bylineBeside(h1: Element): string | null {
  const walker = h1.ownerDocument.createTreeWalker(h1.ownerDocument.body, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: string[] = [];
  for (const step of [() => walker.previousNode(), () => walker.nextNode()]) {
    walker.currentNode = h1;
    for (let chars = 0, n = step(); n && chars < 300; n = step()) {
      const t = squash(n.nodeValue ?? '');
      if (!t) continue;
      chars += t.length;
      nodes.push(t);
    }
    nodes.push('');
  }
  for (let i = 0; i < nodes.length; i++) {
    const m = nodes[i].length <= 60 ? BY_LINE.exec(nodes[i]) : null;
    if (!m) continue;
    const name = cleanByline(m[1] ?? nodes[i + 1]);
    if (name?.includes(' ') && nameLike(name)) return name;
  }
  return null;
}

/**
 * "Written by John Crenshaw" in a line of its own anywhere on the page: an author box, a footer; the
 * name may be a link after the words ("Written by <a>Paulinho Giovannini</a>").
 */
function writtenBy(doc: Document): string | null {
  const walker = doc.createTreeWalker(doc.body ?? doc, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.nodeValue ?? '';
    if (t.length > 60 || !/^\s*(written|posted) by\s/i.test(t) || n.parentElement?.closest(COMMENTS))
      continue;
    // The words open their block: "… library written by <a>Matthew Barnett</a> in C" is a sentence.
    const next = n.nextSibling;
    const opens = !n.previousSibling && squash(n.parentElement?.textContent).length <= 80;
    const name =
      cleanByline(t) ??
      (opens && next?.nodeType === 1 && /^(A|STRONG|B|SPAN|EM)$/.test((next as Element).tagName)
        ? cleanByline(next.textContent)
        : null);
    if (name?.includes(' ') && nameLike(name)) return name;
  }
  return null;
}

/**
 * The first usable byline: Readability's, the story's JSON-LD authors and the author meta tag
 * (`metaAuthor`, read by the caller's meta index) in that order, or those two before a byline
 * Readability guessed from the markup; then the link-preview author, author markup, an
 * author's class name, a "By" label's neighbour, a link to an author's page, an author item
 * without a name item, "By" beside the headline, a "Written by" line, and last any element whose
 * class names an author. A CMS login or the site's own name (`site`: its name and address) is
 * taken only when no later candidate names someone.
 */
export function findByline(
  doc: Document,
  readability: string | null | undefined,
  metaAuthor?: string | null,
  site?: readonly (string | null | undefined)[],
): string | null {
  let login: string | null = null;
  let house: string | null = null;
  const isSite = siteMatcher(site ?? []);
  const ld = jsonLdAuthors(doc).join(', ');
  // Readability's byline from the page's own declarations stays first; one it guessed from the
  // markup comes after them.
  const own = cleanByline(readability);
  const guessed = !!own && !declares(doc, own, ld);
  for (const candidate of [
    () => (guessed ? ld : readability),
    () => (guessed ? metaAuthor : ld),
    () => (guessed ? readability : metaAuthor),
    () => previewAuthor(doc),
    () => doc.querySelector('[itemprop~="author"] [itemprop~="name"], a[rel~="author"]')?.textContent,
    // Not a commenter's name ("comment-author-name" under the story).
    () =>
      nameLike(
        Array.from(doc.querySelectorAll(AUTHOR_CLASSES)).find((el) => !el.closest(COMMENTS))?.textContent,
      ),
    () => labelledName(doc),
    () => authorPageName(doc, isSite),
    () => nameLike(doc.querySelector('[itemprop~="author"]')?.textContent),
    () => headlineByline(doc),
    () => writtenBy(doc),
    () => authorClassName(doc),
  ]) {
    const b = cleanByline(candidate());
    // A login name ("kffnirmitap", "andrew.keaveney", from the CMS's author meta tag) only when
    // nothing later names a person: the page's JSON-LD or header usually spells it out.
    if (b && LOGIN.test(b)) login ??= b;
    // The publisher's own name ("Clemson News", "UXCam", "Automateed Team", from an Organization
    // author in JSON-LD or the author meta tag) where the page prints a person's byline further on.
    else if (b && isSite(b)) house ??= b;
    else if (b) return b;
  }
  return house ?? login;
}

/**
 * Does a byline name the site itself? Its name ("Clemson News"), or its address with or without the
 * top-level domain ("rapid7.com", "UXCam" on uxcam.com), alone or as "the X team".
 */
function siteMatcher(site: readonly (string | null | undefined)[]): (byline: string) => boolean {
  const keys = new Set<string>();
  for (const s of site) {
    if (!s) continue;
    keys.add(lettersAndDigits(s));
    const host = s.toLowerCase().replace(/^www\d?\./, '');
    if (/^[a-z\d-]+(\.[a-z\d-]+)+$/.test(host))
      keys.add(lettersAndDigits(host.slice(0, host.lastIndexOf('.'))));
  }
  keys.delete('');
  return (byline) => {
    if (!keys.size) return false;
    const b = lettersAndDigits(byline.replace(/^the\s+|\s+team$|^team\s+/gi, ''));
    return b.length >= 3 && keys.has(b);
  };
}

/** Does the page declare `name` in a meta tag or its JSON-LD authors? */
function declares(doc: Document, name: string, ld: string): boolean {
  const want = squash(name).toLowerCase();
  if (ld && squash(ld).toLowerCase().includes(want)) return true;
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    if (squash(metas[i].getAttribute('content')).toLowerCase() === want) return true;
  }
  return false;
}

/** One lower-case word, dots and digits allowed: how a CMS names its user, not how a byline does. */
const LOGIN = /^[a-z][a-z\d._-]*$/;
