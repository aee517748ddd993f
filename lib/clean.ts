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
 */

import { hasCaptionHint } from './captions-dom';
import { removeDuplicateBlocks } from './clean-duplicates';
import { tidyFigures } from './clean-figures';
import { removeUnusableImages } from './clean-images';
import { spaceGluedParts } from './glued-parts';
import { inkLengths } from './text';
import { AGENCIES } from './text-similarity';

export type BoilerplateKind =
  | 'skip'
  | 'textsize'
  | 'share'
  | 'related'
  | 'newsletter'
  | 'consent'
  | 'ad'
  | 'nav'
  | 'comments'
  | 'author'
  | 'toc'
  | 'tags'
  | 'srOnly'
  | 'promo'
  | 'legal'
  | 'meta'
  | 'carousel';

/**
 * Name patterns, tested on each class token and on the id, normalized to lower-case words joined by
 * "-" ("relatedArticles" → "related-articles", "share_bar" → "share-bar").
 */
const NAME_RULES: Array<[BoilerplateKind, RegExp]> = [
  [
    'skip',
    /(^|-)(skip(-to)?-(links?|nav|navigation|content|main)|skiplinks?|skip-?to-?content|accessibility-links)(-|$)/,
  ],
  ['textsize', /(^|-)((font|text)-?(size|sizes|resize|resizer|sizer|switcher|zoom)s?|resizer)(-|$)/],
  [
    'share',
    /(^|-)(share|shares|sharing|sharebar|sharetools|share-?buttons?|sharethis|addthis|addtoany|a2a|social|socials|social-?share|social-?links|social-?icons|social-?media|social-?bar|print-?(button|btn|link|this)|email-?(button|link|share)|article-?tools|story-?tools)(-|$)/,
  ],
  [
    'related',
    /(^|-)(related|recommended|recommendations?|recirc|recirculation|trending|outbrain|taboola|more-?stories|read-?next|up-?next|most-?read|most-?popular|most-?viewed|most-?shared|popular-?(posts|articles|stories|news)|also-?read|read-?also|more-?articles|more-?news|more-?from|you-?may-?(also-?)?like|further-?reading|related-?content|yarpp|jp-relatedposts)(-|$)/,
  ],
  [
    'newsletter',
    /(^|-)(newsletters?|subscribe|subscription-?(box|form|cta|banner|promo)|signup|sign-?up|optin|opt-?in|mailing-?list|email-?(capture|signup|form)|nl-?signup|mc4wp|mailchimp)(-|$)/,
  ],
  [
    'consent',
    /(^|-)(cookies?|cookie-?(banner|notice|bar|consent|policy)|consent|gdpr|onetrust|didomi|cookiebot|cc-?banner|privacy-?banner)(-|$)/,
  ],
  [
    'ad',
    /(^|-)(ad|ads|advert|adverts|advertisement|advertisements|advertising|adslot|ad-?slot|adunit|ad-?unit|adsbygoogle|adsense|dfp|gpt-?ad|ad-?container|ad-?wrapper|ad-?wrap|ad-?box|ad-?placeholder|sponsor|sponsors|sponsored|banner-?ad|google-?ad|dianomi|teads)(-|$)/,
  ],
  [
    'nav',
    /(^|-)(breadcrumbs?|breadcrumb-?list|pagination|pager|navbar|nav-?bar|site-?nav|main-?nav|menu|megamenu|post-?navigation|nav-?links|nav-?previous|nav-?next|prev-?next|post-?nav)(-|$)/,
  ],
  ['comments', /(^|-)(comments?|comment-?(section|list|form|area|respond)|disqus|respond)(-|$)/],
  [
    'author',
    /(^|-)(author|authors|author-?(bio|box|info|card|profile|details|about|block|footer|wrap|wrapper|section)|about-?(the-?)?author|bio-?box|post-?author|entry-?author|byline-?bio|contributor-?bio|vcard)(-|$)/,
  ],
  ['toc', /(^|-)(toc|table-?of-?contents|ez-?toc|lwptoc|rank-?math-?toc)(-|$)/],
  [
    'tags',
    /(^|-)(tags|tag-?list|tag-?cloud|post-?tags|entry-?tags|article-?tags|tags-?links|post-?categories)(-|$)/,
  ],
  // Measured on the development corpus (outermost elements so named, share of their text in the
  // human truth): cta 2 %, promo 2 %, disclaimer 3 %, copyright/legal/notice 0 %, byline 0 %, date 1 %.
  ['promo', /(^|-)(cta|ctas|call-?to-?action|promo|promos|upsell|optin)(-|$)/],
  ['legal', /(^|-)(copyright|legal|disclaimers?|notices?)(-|$)/],
  ['meta', /(^|-)(bylines?|dateline|date)(-|$)/],
  // swiper 2 %, slider 1 %, carousel 8 %: teaser sliders (photo sliders are spared, see below).
  ['carousel', /(^|-)(swiper|slider|slick|carousel|splide|glide)(-|$)/],
  [
    'srOnly',
    /(^|-)(sr-?only|visually-?hidden|screen-?reader-?(text|only)|assistive-?text|offscreen|a11y-?hidden)(-|$)/,
  ],
];

/**
 * All of NAME_RULES in one pattern: most tokens name nothing, and one test of this instead of
 * seventeen is what a page's few hundred distinct class names cost (each rule has the same
 * "(^|-)(…)(-|$)" frame, so the union of their middles matches exactly when one of them does).
 */
const ANY_NAME_RULE = new RegExp(
  `(^|-)(${NAME_RULES.map(([, re]) => re.source.slice('(^|-)('.length, -')(-|$)'.length)).join('|')})(-|$)`,
);

/** Lower-case word forms of an element's class tokens and id. */
export function nameTokens(el: Element): string[] {
  const out: string[] = [];
  const cls = el.getAttribute('class');
  if (cls) out.push(...classTokens(cls));
  const id = nameWords(el.getAttribute('id') ?? '');
  // An id made from the element's own text ("what-is-social-shopping") names its content, not its role.
  if (id.length && !(id.length >= 3 && isTextSlug(id, el))) out.push(id.join('-'));
  return out;
}

/** The word forms of a class attribute's tokens, remembered per attribute value (see ruleOf). */
const classForms = new Map<string, string[]>();
function classTokens(cls: string): string[] {
  let forms = classForms.get(cls);
  if (forms) return forms;
  forms = [];
  for (const token of cls.split(/\s+/)) {
    const words = nameWords(token);
    if (words.length) forms.push(words.join('-'));
  }
  if (classForms.size >= 4096) classForms.clear();
  classForms.set(cls, forms);
  return forms;
}

function nameWords(token: string): string[] {
  return token
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function isTextSlug(words: string[], el: Element): boolean {
  const text = new Set(
    leadingText(el, 300)
      .toLowerCase()
      .split(/[^a-z0-9]+/),
  );
  return words.filter((w) => text.has(w)).length >= words.length - 1;
}

/**
 * The first `max` characters of `el.textContent`, without building the rest of it (an id like
 * "post-123-content" sits on the story's container, whose text runs to tens of thousands of characters).
 */
function leadingText(el: Element, max: number): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  while (text.length < max && walker.nextNode()) text += (walker.currentNode as Text).data;
  return text.slice(0, max);
}

/** "no-print", "has-share", "with-ads": modifiers that describe the element, not name it. */
const MODIFIER_TOKEN = /^(no|not|hide|without|has|with|is)-|-(enabled|active|open|visible)$/;

/**
 * The first rule (index into NAME_RULES) a class token names, or -1; remembered per token, since a
 * page repeats a few dozen class names over thousands of elements, and the cleanup asks before and
 * after Readability. Bounded: a long session of reading does not grow it without end.
 */
const tokenRules = new Map<string, number>();
function ruleOf(token: string): number {
  let rule = tokenRules.get(token);
  if (rule !== undefined) return rule;
  rule = -1;
  if (!MODIFIER_TOKEN.test(token) && ANY_NAME_RULE.test(token))
    rule = NAME_RULES.findIndex(([, re]) => re.test(token));
  if (tokenRules.size >= 4096) tokenRules.clear();
  tokenRules.set(token, rule);
  return rule;
}

/** The boilerplate kind an element's class/id names, if any (word-boundary aware). */
export function boilerplateKind(el: Element): BoilerplateKind | null {
  // The earliest rule any token names: NAME_RULES is in order of precedence.
  let best = -1;
  for (const token of nameTokens(el)) {
    const rule = ruleOf(token);
    if (rule >= 0 && (best < 0 || rule < best)) best = rule;
  }
  return best < 0 ? null : NAME_RULES[best][0];
}

/**
 * Was `el` removed (with an ancestor) since the list was collected? Not `isConnected`: Readability's
 * result is a detached tree, where every element reports `isConnected === false`.
 */
function detached(el: Element, root: Node): boolean {
  return !root.contains(el);
}

export const normalize = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += normalize(a.textContent).length;
  return n;
}

/** Length of an element's text outside links: a rough measure of how much there is to read. */
export function nonLinkTextLength(el: Element): number {
  return normalize(el.textContent).length - linkTextLength(el);
}

/** Share of an element's text that is link text (0…1). */
export function linkDensity(el: Element): number {
  const total = normalize(el.textContent).length;
  if (!total) return 0;
  const own = el.tagName === 'A' ? total : linkTextLength(el);
  return Math.min(1, own / total);
}

/**
 * Do these elements hold the story (or a large part of it)? Several long paragraphs of text that is
 * not link text: no share bar, teaser list or newsletter box looks like that.
 */
export function looksLikeStory(...els: Element[]): boolean {
  let long = 0;
  let chars = 0;
  for (const el of els) {
    const paragraphs = el.tagName === 'P' ? [el] : Array.from(el.querySelectorAll('p'));
    for (const p of paragraphs) {
      const own = normalize(p.textContent).length - linkTextLength(p);
      if (own >= 80) {
        long++;
        chars += own;
      }
      if (long >= 3 && chars >= 400) return true;
    }
  }
  return false;
}

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

const MEDIA = 'img, picture, video, audio, iframe, svg, canvas, object, embed, math, table';
const MEDIA_TAG = /^(IMG|PICTURE|VIDEO|AUDIO|IFRAME|SVG|CANVAS|OBJECT|EMBED|MATH|TABLE)$/i;

function hasMedia(el: Element): boolean {
  return MEDIA_TAG.test(el.tagName) || el.querySelector(MEDIA) !== null;
}

/** Hidden: `hidden`, inline display:none/visibility:hidden, and aria-hidden containers that are not images. */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  if (el.getAttribute('aria-hidden') === 'true') {
    // Decorative images are aria-hidden yet are part of the story's figures.
    return !hasMedia(el) && !/^(IMG|PICTURE|FIGURE)$/i.test(el.tagName);
  }
  return false;
}

/**
 * A collapsed part of the story: an accordion panel, a "read more" remainder, an FAQ answer. It is
 * hidden only until the reader clicks, so the reader view shows it. Menus, pop-ups and dialogs are
 * hidden too but are mostly links or named as such; aria-hidden text is a duplicate for sighted users.
 */
export function isCollapsedContent(
  el: Element,
  visibleText: () => string = () => pageVisibleText(el.ownerDocument),
): boolean {
  if (el.getAttribute('aria-hidden') === 'true') return false;
  if (el.closest('nav, header, footer, aside, dialog, [role="dialog"], [role="navigation"], [role="menu"]'))
    return false;
  const overlay =
    /(^|-)(modal|popup|pop-?up|dialog|overlay|lightbox|drawer|menu|dropdown|tooltip|toast|banner)(-|$)/;
  if (nameTokens(el).some((t) => overlay.test(t))) return false;
  if (boilerplateKind(el)) return false;
  const length = nonLinkTextLength(el);
  if (length < 100 || linkDensity(el) >= 0.3) return false;
  // Panels hold paragraphs or lists; a bare hidden sentence is a tooltip or a screen-reader label.
  if (length < 300 && !el.querySelector('p, li, table, blockquote')) return false;
  const text = normalize(el.textContent);
  if (
    /\blorem ipsum\b|\b(requires?|enable|turn on) javascript\b|\bjavascript is (disabled|required)\b/i.test(
      text,
    )
  )
    return false;
  const visible = visibleText();
  // A hidden copy of text that is shown elsewhere (the other layout's copy of the story).
  if (visible.includes(text.slice(0, 120))) return false;
  // A panel is a few paragraphs. A longer hidden block is an alternative view (hidden footnotes, a
  // print version), unless the page shows less than it: then it is the story, waiting for a script.
  return length <= 4000 || visible.length < length;
}

/** The page's text outside hidden elements. */
function pageVisibleText(doc: Document): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (
        c.nodeType === 1 &&
        !isHidden(c as Element) &&
        !/^(SCRIPT|STYLE|TEMPLATE)$/.test((c as Element).tagName)
      )
        walk(c);
    }
  };
  if (doc.body) walk(doc.body);
  return normalize(parts.join(' '));
}

/** Makes a collapsed element visible. */
function reveal(el: Element): void {
  el.removeAttribute('hidden');
  const style = el.getAttribute('style');
  if (style)
    el.setAttribute(
      'style',
      style.replace(/(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important)?/gi, '$1'),
    );
}

/** Text of a small element with its text nodes joined by spaces (`textContent` glues `<li>XS</li><li>SM</li>`). */
function spacedText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) walk(c);
    }
  };
  walk(el);
  return normalize(parts.join(' '));
}

/** "XS SM MD LG", "A A A", "A- A A+": a text-size switcher. */
const SIZE_TOKEN = /^(xxs|xs|s|sm|m|md|l|lg|xl|xxl|a|a\+|a-|a−|aa|aaa|\+|-|−|small|medium|large|normal)$/i;
export function isTextSizeWidget(el: Element, text = spacedText(el)): boolean {
  if (!text || text.length > 60) return false;
  const words = text
    .replace(/\b(text|font)\s*size:?/gi, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words.length >= 2 && words.every((w) => SIZE_TOKEN.test(w));
}

/**
 * Could this short block be a size switcher or a share bar? A cheap look at its raw text before
 * building its spaced text: a switcher is made of the letters of its size words, a share bar names at
 * least one network or action (SHARE_NETWORKS). Most short blocks of a page are neither.
 */
const SIZE_CHARS = /^[\sadegilmnorsuxtfz+\-−:]*$/;
function mayBeWidget(el: Element, ink: number): boolean {
  if (!ink) return false;
  const raw = (el.textContent ?? '').toLowerCase();
  if (ink <= 60 && SIZE_CHARS.test(raw)) return true;
  return SHARE_NETWORKS.some((w) => raw.includes(w));
}

/** Networks and actions of a share bar; a block made only of these (2+ of them) is a share bar. */
const SHARE_WORD =
  /^(share|shares|sharing|tweet|facebook|twitter|x|linkedin|email|e-mail|mail|print|whatsapp|pinterest|reddit|telegram|copy|link|url|copied|messenger|flipboard|pocket|tumblr|threads|bluesky|mastodon|comment|comments|on|this|article|story|post|page|via|the|save|gift|bookmark|sms|vk|weibo|wechat|line|xing|opens|in|new|window|tab|\d+[km]?)$/i;
const SHARE_NETWORKS =
  'facebook twitter linkedin email e-mail whatsapp pinterest reddit telegram print flipboard messenger tumblr bluesky threads mastodon pocket xing vk weibo wechat copy share tweet'.split(
    ' ',
  );
const SHARE_NETWORK = new Set(SHARE_NETWORKS);
export function isShareBar(el: Element, text = spacedText(el)): boolean {
  if (text.length > 200) return false;
  const words = text.split(/[^\p{L}\p{N}+-]+/u).filter(Boolean);
  if (!words.length) return false;
  if (!words.every((w) => SHARE_WORD.test(w))) return false;
  // Every word passed SHARE_WORD (ASCII words and numbers), so lower-casing is its case-blindness.
  const networks = new Set(words.map((w) => w.toLowerCase()).filter((w) => SHARE_NETWORK.has(w)));
  return networks.size >= 2 || (networks.size >= 1 && el.querySelectorAll('a, button').length >= 2);
}

// ------------------------------------------------------------------------------------------ texts

/**
 * Whole-block texts that are never story: labels, calls to action, widget leftovers. Each pattern
 * comes with the first words a match can start with ("#": a number), or after "|" with strings one of
 * which any match holds. Only the patterns a text's first word (or content) can reach are run: a
 * regular expression is compiled on its first run, in every fresh page, and these ~40 cost ~3 ms in
 * Chromium when all of them meet the first short line (tests/unit/extract.test.ts checks that the
 * gates never hide a match).
 */
export const BOILERPLATE_TEXT: [pattern: RegExp, gate: string][] = [
  [
    /^(advertisement|advertisements|advertising|ad|ads|anzeige|werbung|publicité|publicidad|sponsored( content)?|promoted( content)?|paid (post|content))(\s*[-–—:·|]?\s*(story continues below|continue reading below|scroll to continue( with content)?|article continues below|content continues below))?\.?$/i,
    'advertisement advertisements advertising ad ads anzeige werbung publicité publicidad sponsored promoted paid',
  ],
  [/^(story|article|content) continues below( this)?( advertisement| ad)?\.?$/i, 'story article content'],
  [
    /^share( this| the)?( article| story| post| page| video)?( on| via| with)?( your network| your friends)?[:.!]?$/i,
    'share',
  ],
  // Led by a short question at most: "Want more from NBC Select? Sign up for our newsletter, …".
  [
    /^([^.!?]{1,60}\?\s+)?(sign up|subscribe|register)( now| today| here)?( for| to)( our| the| my)? [^.!?]{0,60}(newsletter|briefing|digest|emails?|inbox|updates|alerts)[^.!?]{0,60}[.!]?$/i,
    '|newsletter briefing digest email inbox updates alerts',
  ],
  [/^(get|receive) (our|the) [^.!?]{0,40}newsletter[^.!?]{0,80}[.!]?$/i, 'get receive'],
  [/^(follow us|like us|join us|find us) on [^.!?]{1,60}[.!]?$/i, 'follow like join find'],
  // One sentence that ends by asking to follow the site: "Catch up on …, and follow us on Facebook,
  // Instagram and TikTok to stay up to date."
  [
    /^[^.!?]{0,160}\b(and )?(follow|like|find) us on (facebook|instagram|x|twitter|tiktok|linkedin|youtube|threads|bluesky|pinterest|whatsapp)\b[^.!?]{0,100}[.!]?$/i,
    '|follow like find',
  ],
  [/^(skip to|jump to) (main )?(content|navigation|article|menu|footer|search)\.?$/i, 'skip jump'],
  [/^(print|email|e-mail) (this )?(article|story|page)\.?$/i, 'print email e'],
  [/^(we use cookies|this (web)?site uses cookies)[\s\S]{0,300}$/i, 'we this'],
  [/^(loading|loading\.\.\.|loading…)$/i, 'loading'],
  // The page's feedback button, left at the end of the story (Mozilla's msn page).
  [/^(send |give )?(us )?(your )?feedback$/i, 'feedback send give'],
  // The New York Times' print-edition line: "A version of this article appears in print on …, Section
  // A, Page 1 of the New York edition with the headline: … Order Reprints | Today's Paper | Subscribe".
  [/^a version of this (article|story|review) appears in print\b[\s\S]{0,300}$/i, 'a'],
  [/^(image|photo|video|picture) (source|credit|caption)s?\s*[:,]?$/i, 'image photo video picture'],
  [
    /^(show|hide|view|expand|collapse|toggle) (caption|captions|image|gallery|more|less|all|full image)$/i,
    'show hide view expand collapse toggle',
  ],
  // "Back to top", and its short forms after each section of a long guide: "(Up)", "[Top]", "↑ Top".
  // A bare "Up" or "Top" stays (a film, a heading).
  [
    /^([↑^▲]?\s*(back to top|go to top|scroll to top|top of page)\s*[↑^▲]?|[([]\s*(up|top)\s*[)\]]|[↑▲]\s*(up|top)|(up|top)\s*[↑▲])$/i,
    'back go scroll top up',
  ],
  [/^(previous|next|prev)( article| post| story| page)?\s*[:»«›‹→←]*$/i, 'previous next prev'],
  // A teaser's or an excerpt's link on a line of its own.
  [
    /^(read more|continue reading|keep reading|read (the )?full (story|article|post))\s*[.…:»›→>]*$/i,
    'read continue keep',
  ],
  [
    /^(rate this (article|post|story)|was this (article|page|post) (helpful|useful)\??|did you find this (article|page) (helpful|useful)\??)$/i,
    'rate was did',
  ],
  [
    /^(be the first to comment|leave a (comment|reply)|post a comment|add a comment|no comments( yet)?|\d+ comments?|comments?|what do you think\??|join the (conversation|discussion))[.!:]?$/i,
    'be leave post add no comments comment what join #',
  ],
  [
    /^(already have an account\?( log in| sign in)?|log in|sign in|subscribe|subscribe now|register|create (a free )?account)[.!]?$/i,
    'already log sign subscribe register create',
  ],
  [/^(listen to this (article|story)|listen|play|pause|audio|\d+:\d{2})$/i, 'listen play pause audio #'],
  [/^(enjoy(ed)? (the|this) (post|article)\?\s*)?pin (it )?(this )?(for later|now)!?$/i, 'enjoy enjoyed pin'],
  [/^(view|see|read) (all|more) (posts|articles|stories) (by|from) [^.]{1,60}$/i, 'view see read'],
  [
    /^(view all (posts|articles)|all posts|recent posts|author|about the author)$/i,
    'view all recent author about',
  ],
  [
    /^((estimated )?(reading|read) time:? )?\d+\s*(min|mins|minutes?)\.?( read)?$/i,
    'estimated reading read #',
  ],
  // An empty byline label, a copyright line, a visit counter, an empty feed.
  [
    /^(by|(written|edited|reviewed|fact[- ]?checked|medically reviewed|updated|posted) by):?$/i,
    'by written edited reviewed fact medically updated posted',
  ],
  [/^((copyright )?©|(copyright|\(c\)) \d{4}|all rights reserved)/i, 'copyright all c|©'],
  [/^\(?visited [\d,]+ times?(, [\d,]+ visits? today)?\)?$/i, 'visited'],
  [/^no (posts|comments)( yet)?\.?$/i, 'no'],
  [/^[\d,.]+[km]? (views|reads)$/i, '#'],
  // A breadcrumb trail: "Home » Guides » Meditation class cost".
  [/^[^»›]{1,40}( [»›] [^»›]{1,80}){1,5}$/, '|» ›'],
  // Shop buttons: "Check price on Amazon", "$899.99 from Best Buy".
  [
    /^(\p{Extended_Pictographic}|\uFE0F|[→>»\s])*(check (the )?(current |latest )?price|see (more )?(reviews|prices?|deals?)|buy (it )?now|shop now|learn more|(book|request|schedule) a (free )?demo|get a (free )?quote|(start|begin) (your |a )?free trial|sign up for (a |your )?free trial|view (deal|offer|price))( (here|on|at|of|with|for) [^.!?]{1,40}| here| now| today)?\s*[.!›»→]*$/iu,
    'check see buy shop learn book request schedule get start begin sign view',
  ],
  [/^[$€£]\s?\d[\d,.]*\s+(at|from)\s+[^.!?]{1,40}$/, '|$ € £'],
  // The label of a price-comparison box whose retailer rows are gone ("Best Prices Today:", "Where to
  // buy"), and a roundup's pointer to another page's review ("Read our full Acer Swift 16 AI review";
  // a bare "Read our full review." closes the item itself, and stays).
  [
    /^(best (prices?|deals?) today|where to buy( it)?|compare prices|price comparison from [^.!?]{1,60})\s*:?$/i,
    'best where compare price',
  ],
  [/^(read|see) (our|the) full [^.!?\s][^.!?]{0,80} review\s*[»›→]?$/i, 'read see'],
  // Calls to action of company blogs: "Ready to plan your renovation? Use our free calculator",
  // "30 day free trial, no credit card required", "Get started today". Whole short blocks only.
  [
    /^ready (to|for) [^.?!]{3,80}\?\s*(get started|sign up|try|explore|book|contact|start|download|join|call|schedule|request|use our|find out|let us|talk to)\b[^?]{0,120}[.!]?$/i,
    'ready',
  ],
  [
    /^(\d+[- ]day )?free trial(,| -| –)? no credit card( required| needed)?[.!]?$|^no credit card (required|needed)[.!]?$/i,
    '# free no',
  ],
  [/^(get started|sign up|join|try it)( (now|today|for free|free))[.!]?$/i, 'get sign join try'],
  [
    /^(tags|tagged|tagged with|tagged as|topics|filed under|categories|category|posted in)\s*:\s*[^.!?]{0,200}$/i,
    'tags tagged topics filed categories category posted',
  ],
  [
    /^(would you like to|do you want to|want to) (receive|get) (notifications|alerts|updates|emails)( about| for| on)?[^.!?]{0,60}\??$/i,
    'would do want',
  ],
  [
    /^(to (read|continue reading|keep reading|access) (the (rest|full)( of)? )?(this|the) (story|article)|this (article|story|content) is (exclusive|only available|available only|reserved) (to|for)|unlock (this|the) (article|story|full)|(view|see|compare) (all )?(plans|subscription options)|subscribe (now )?to (continue|keep) reading|you have reached (your|the) (limit|maximum)|already a (subscriber|member)\??( (log|sign) in)?)[\s\S]{0,200}$/i,
    'to this unlock view see compare subscribe you already',
  ],
];

/** A lower-cased text's first run of letters and digits; "#" when it is a number. */
export function firstWord(lower: string): string {
  let i = 0;
  while (i < lower.length && !isWordChar(lower[i]!)) i++;
  let j = i;
  while (j < lower.length && isWordChar(lower[j]!)) j++;
  const c = lower.charCodeAt(i);
  return c >= 48 && c <= 57 ? '#' : lower.slice(i, j);
}
/** A digit or a letter with case (letters without case only matter to patterns gated on content). */
const isWordChar = (c: string) => (c >= '0' && c <= '9') || c.toLowerCase() !== c.toUpperCase();

const BY_FIRST_WORD = new Map<string, RegExp[]>();
const BY_CONTENT: [RegExp, string[]][] = [];
for (const [re, gate] of BOILERPLATE_TEXT) {
  const [first, holds] = gate.split('|');
  for (const w of first!.split(' ').filter(Boolean))
    BY_FIRST_WORD.set(w, [...(BY_FIRST_WORD.get(w) ?? []), re]);
  if (holds) BY_CONTENT.push([re, holds.split(' ')]);
}

/** Does a normalized text match one of BOILERPLATE_TEXT's patterns? Runs only those its gates let through. */
export function matchesBoilerplatePattern(
  t: string,
  lower = t.toLowerCase(),
  first = firstWord(lower),
): boolean {
  for (const re of BY_FIRST_WORD.get(first) ?? []) if (re.test(t)) return true;
  return BY_CONTENT.some(([re, holds]) => holds.some((h) => lower.includes(h)) && re.test(t));
}

/** Fine print that accompanies sign-up boxes, comment forms and affiliate links. */
const FINE_PRINT_FIRST = new Set('by this disclosure disclaimer affiliate note we as'.split(' '));
const FINE_PRINT =
  /^(by (signing up|subscribing|clicking|submitting|entering|posting a comment|continuing|registering)|this (post|article|page|content) (may )?contains? affiliate|(disclosure|disclaimer|affiliate disclosure|note)\s*:[^.]{0,80}(affiliate|commission|compensat|sponsor|reader-supported)|we may (earn|receive) (a )?(small )?(commission|compensation)|as an amazon associate|.{0,80}\bis reader-supported\b)/i;

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
  /^(about (the|this) (author|writer|contributor|reporter)s?|about (the )?authors?|author bio(graphy)?|meet the (author|writer)|related( articles?| posts?| stories| story| reading| content| resources| news| links| topics| guides| reads| coverage)?|more (articles|stories|posts|news|from [^.]{1,40}|like this|to read|on this topic|in [^.]{1,30})|(more|other) (articles|stories|posts|reads|guides) (you('ll| will)? (may|might|would)? ?(also )?(like|enjoy|love)|for you)|additional reading( on [^.]{1,40})?|you (may|might) (also )?(like|enjoy|be interested in|want to read)|(also )?recommended( reading| for you| articles| posts| stories)?|recent (posts|articles|stories|news)|popular (posts|articles|stories|now)|latest (posts|articles|stories|news)|(leave|post|add|write) a (comment|reply|review)|comments?( \(\d+\))?|\d+ (comments?|responses?|replies)|join the (conversation|discussion)|previous (article|post|story)|next (article|post|story)|read (next|more|also)|keep reading|further reading|trending( now| stories)?|most (read|popular|viewed)|what to read next|don'?t miss|editor'?s picks?|top stories|explore more|discover more|check out next|you may be interested in( the following( topics)?( as well)?)?)\s*[:.!…]*$/i;

/**
 * Headings that announce a list of links and nothing more: a table of contents, the story's tags. Only
 * the link lists after them go.
 */
const LINK_LIST_HEADING =
  /^(tags|tagged|topics|filed under|categories|table of contents?|contents|in this (article|post|guide|story|page)|jump to( section)?|on this page|quick links|skip to section|what'?s inside|article (contents|sections)|summary of contents)\s*:?$/i;

const TOC_HEADING = /^(table of contents?|contents|in this (article|post|guide)|on this page|jump to)\b/i;

/** "Read more: <link>", "RELATED: <link>": an inline teaser for another story. */
const TEASER_PREFIX =
  /^(read more|read also|also read|related|see also|more|watch|listen|read|recommended|related articles?|related stor(y|ies)|related posts?|related reading|further reading|click here|check out|don'?t miss|must read|also see|trending|next|up next)\s*[:|>»–—-]\s*/i;

/** Prefixes that announce a teaser on their own, link or not. */
const STRONG_TEASER_PREFIX =
  /^(read more|read also|also read|see also|related|related articles?|related stor(y|ies)|related posts?|related reading|must read|don'?t miss|also see)\s*[:|>»–—-]\s*/i;

/** "Photo credit: Jane Doe", "Image by X via Y", "Courtesy of the brand": a picture's credit line. */
const CREDIT_FIRST = new Set(
  'photo photos image images picture pictures photograph photographs illustration illustrations graphic graphics header featured cover lead top credit credits courtesy'.split(
    ' ',
  ),
);
const CREDIT =
  /^((photo|image|picture|photograph|illustration|graphic|(header|featured|cover|lead|top) image)s?( credits?| courtesy( of)?| source| by)? ?:|(photo|image|picture|photograph|illustration)s? (by|courtesy( of)?|via) |credits? ?:|courtesy( of)? )[^!?]{1,100}$/i;

/**
 * An agency's credit on a line of its own: "Getty Images / Holger Leue", "REUTERS/Omar Sanadiki/File",
 * "DGLimages via Getty Images", "Jane Doe / AFP". The other side of the slash (or "via") must be a
 * name: "AP/NORC poll shows…" and "The footage was shared via Reuters" are story text.
 */
const AGENCY_FIRST = new RegExp(`^(?:${AGENCIES})(?: photo)?\\s*/\\s*(.{1,60})$`, 'i');
const AGENCY_LAST = new RegExp(`^(.{1,60}?)(?:\\s*/\\s*|\\s+via\\s+)(?:${AGENCIES})$`, 'i');
const NAME_WORD = /^[\p{Lu}\d]/u;
const isName = (s: string) => {
  const words = s.split(/[\s/]+/).filter(Boolean);
  return words.length > 0 && words.length <= 6 && words.every((w) => NAME_WORD.test(w));
};
const isAgencyCredit = (t: string) => {
  const m = AGENCY_FIRST.exec(t) ?? AGENCY_LAST.exec(t);
  return !!m && isName(m[1]!);
};

/**
 * Words that make a credit only where a photo stands right above them: "Image from Becca's October
 * review.", "Featured image from Sakara", "Image provided by the brand". Elsewhere "Images from the
 * telescope show…" is a sentence of the story.
 */
const CREDIT_BELOW_IMAGE =
  /^((featured|lead|header|hero|cover|top|main) )?(photo|image|picture|photograph|illustration|screenshot)s? (from|provided by|supplied by|taken from) [^!?]{1,100}$/i;
/** A verb makes it a sentence ("Images from the telescope show a galaxy forming"), not a credit. */
const SENTENCE_VERB =
  /\b(is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|may|might|shows?|showed|shown|reveals?|revealed|depicts?|depicted|captures?|captured|suggests?|suggested|appears?|appeared|gives?|gave|makes?|made|offers?|offered)\b/i;

/**
 * A newsletter pitch of a few sentences that ends by asking to sign up: "Love movies? Live for TV?
 * USA TODAY's Watch Party newsletter has all the best recommendations, delivered right to your inbox.
 * Sign up now and be one of the cool kids." A story does not end a paragraph with that imperative.
 */
const NEWSLETTER_PITCH =
  /^([^.!?]{1,160}[.!?]\s+){0,3}(be sure to |don't forget to )?(sign up|subscribe|join (us|our|the))( now| today| here| below| for free)?\b[^.!?]{0,160}[.!]?$/i;
const NEWSLETTER_WORD = /\b(newsletters?|inbox|mailing list)\b/i;

/**
 * An affiliate disclosure, wherever it stands in its paragraph: "Some of the links in this article
 * are affiliate ones. This means that if you click through them …, we may earn a small commission at
 * no additional cost to you." Told in the site's own voice (we, I, "at no cost to you"), so a story
 * about affiliate marketing ("Amazon cut the commission its affiliates earn") stays.
 */
const AFFILIATE_DISCLOSURE =
  /\b(we|i) (may|might|could|will|do|often)? ?(earn|receive|get|make|be paid)( an?| some)?( small| tiny)? (affiliate )?(commissions?|compensation|fees?|kick ?backs?|share)\b|\bat no (extra|additional) (cost|charge) to you\b/i;
/** …and it speaks of links or purchases: "As freelancers, we earn a small fee per article" stays. */
/** One of these is in every affiliate disclosure AFFILIATE_DISCLOSURE matches (a cheap gate before it). */
const AFFILIATE_HOLDS = ['commission', 'compensation', 'fee', 'kick', 'share', 'extra', 'additional'];
const AFFILIATE_CONTEXT = /\b(links?|purchases?|buy|buying|click|clicking|affiliates?|qualifying)\b/i;

export function isBoilerplateText(text: string): boolean {
  const t = normalize(text);
  if (!t || t.length > 400) return false;
  const lower = t.toLowerCase();
  const first = firstWord(lower);
  if (matchesBoilerplatePattern(t, lower, first)) return true;
  const words = t.split(' ').length;
  // Cheap tests first: a regular expression is compiled on its first run, in every fresh page.
  if (
    words <= 16 &&
    ((CREDIT_FIRST.has(first) && CREDIT.test(t)) ||
      ((t.includes('/') || t.includes(' via ')) && isAgencyCredit(t)))
  )
    return true;
  if (words <= 70 && NEWSLETTER_WORD.test(t) && NEWSLETTER_PITCH.test(t)) return true;
  // A quotation is someone speaking in the story: "“I make a small commission,” she said."
  if (words > 80) return false;
  if ((FINE_PRINT_FIRST.has(first) || lower.includes('reader-supported')) && FINE_PRINT.test(t)) return true;
  return (
    AFFILIATE_HOLDS.some((h) => lower.includes(h)) &&
    AFFILIATE_CONTEXT.test(t) &&
    AFFILIATE_DISCLOSURE.test(t) &&
    !/[“”"«»]/.test(t)
  );
}

/** A credit line that reads as one only under a photo (see CREDIT_BELOW_IMAGE), and is under one. */
function isCreditBelowImage(el: Element, text: string): boolean {
  const prev = el.previousElementSibling;
  if (!prev || text.split(' ').length > 16) return false;
  const underImage =
    /^(IMG|PICTURE|FIGURE|SVG)$/.test(prev.tagName) ||
    (!!prev.querySelector('img, picture') && normalize(prev.textContent).length < 40);
  return underImage && CREDIT_BELOW_IMAGE.test(text) && !SENTENCE_VERB.test(text);
}

/** "Read more: <link>" – a short block led by a teaser prefix whose rest is (mostly) a link. */
export function isInlineTeaser(el: Element, text = normalize(el.textContent)): boolean {
  if (!text || text.length > 250 || !TEASER_PREFIX.test(text)) return false;
  const rest = text.replace(TEASER_PREFIX, '');
  if (!rest) return false;
  const words = rest.split(' ').length;
  // "Also read: …" announces another story even when the link is on a wrapper.
  if (STRONG_TEASER_PREFIX.test(text) && words <= 25) return true;
  const links = linkTextLength(el);
  return links >= rest.length * 0.5 || (links > 0 && words <= 20);
}

const MONTH =
  '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';
const DATE_WORDS = new RegExp(
  `\\b(${MONTH}|updated|update|last|published|posted|modified|created|written|date|on|at|am|pm|a\\.m\\.|p\\.m\\.|gmt|utc|[ecmp][sd]t|bst|cet|cest|ist|min|mins|minute|minutes|read|reading|time|today|yesterday|ago|hours?|days?|weeks?|months?|years?|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b`,
  'gi',
);

/** "December 18", "18 Dec": a month and a day, either way round. */
const MONTH_DAY = new RegExp(`\\b(${MONTH})\\s+\\d{1,2}\\b|\\b\\d{1,2}\\.?\\s+(${MONTH})\\b`, 'i');

/** "December 18, 2025", "Updated on 18 Dec 2025 • 8 min read": a date line (metadata, not story). */
export function isDateLine(text: string): boolean {
  const t = normalize(text);
  if (!t || t.length > 80) return false;
  const hasDate =
    MONTH_DAY.test(t) ||
    /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/.test(t) ||
    /^((published|updated|posted|modified)\s+)?\d+\s+(minutes?|hours?|days?|weeks?|months?) ago$/i.test(t);
  if (!hasDate) return false;
  const rest = t
    .replace(DATE_WORDS, ' ')
    .replace(/[\d:/.,•·|()–—-]+/g, ' ')
    .trim();
  return rest === '';
}

/**
 * The name in a byline line ("By Jane Doe", "Written by Jane Doe and John Roe", "by Jane Doe on Jan
 * 22, 2025"), the story's own byline when the line repeats it, or null.
 */
function bylineName(text: string, byline: string | null): string | null {
  const t = normalize(text);
  if (!t || t.length > 100) return null;
  if (byline && t.toLowerCase() === byline.toLowerCase()) return byline;
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
  return marked;
}

function removeMarked(root: Element): number {
  const marked = Array.from(root.querySelectorAll(`[${FURNITURE_MARK}]`));
  for (const el of marked) el.remove();
  return marked.length;
}

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
function removeFurnitureSections(root: Element): number {
  let removed = 0;
  const total = normalize(root.textContent).length;
  const candidates = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6, p, div, strong, b, span, dt'));
  for (const heading of candidates) {
    if (detached(heading, root) || !isHeadingLike(heading)) continue;
    const text = normalize(heading.textContent);
    const linksOnly = LINK_LIST_HEADING.test(text);
    if (!linksOnly && !FURNITURE_HEADING.test(text) && !NON_STORY_HEADING.test(text)) continue;
    // The block that holds the heading (a <strong> inside a <p>, a heading inside a wrapper div).
    let head: Element = heading;
    while (
      head.parentElement &&
      head.parentElement !== root &&
      normalize(head.parentElement.textContent) === text
    ) {
      head = head.parentElement;
    }
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

function sectionText(els: Element[]): number {
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

/** Lists whose every link jumps within the page: a table of contents. */
function removeTocLists(root: Element): number {
  let removed = 0;
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

const INLINE_TAG = /^(SPAN|STRONG|B|SMALL|A|TIME|EM|I)$/;

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

/** Short labels, fine print, teaser lines, date and byline lines. */
function removeLabels(root: Element, byline: string | null, seen?: Seen): number {
  let removed = 0;
  const selector =
    'p, div, span, li, h1, h2, h3, h4, h5, h6, strong, b, small, figcaption, a, time, dd, dt, header';
  // The story's paragraphs: a photo's caption, long as it may be, is not where the story starts.
  const paragraphs = Array.from(root.querySelectorAll('p')).filter(
    (p) => normalize(p.textContent).length - linkTextLength(p) >= 120 && !isPhotoCaption(p),
  );
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
      const name = isDateLine(text) ? '' : bylineName(text, byline);
      const edge = name !== null && atEdge(el, paragraphs);
      label = !!edge;
      // A byline above the story, where the page's markup named no author: the header shows it.
      if (name && edge === 'before' && seen && !seen.byline) seen.byline = name;
    }
    if (label) {
      for (let up = el.parentElement; up; up = up === root ? null : up.parentElement)
        lengths.set(up, (lengths.get(up) ?? 0) - ink);
      el.remove();
      removed++;
    }
  }
  return removed;
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
    // An inline element holding only a space still separates two words: keep the space.
    if (raw !== '' && !block) el.replaceWith(el.ownerDocument.createTextNode(' '));
    else el.remove();
    removed++;
  }
  return removed;
}

/** A figure whose image was removed (or never loaded) leaves an orphan caption. */
function removeImagelessFigures(root: Element): number {
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

/** "Related" link lists left at the end of the story: a list or paragraph made of links only. */
function removeTrailingLinkLists(root: Element): number {
  let removed = 0;
  for (;;) {
    let last: Element | null = root.lastElementChild;
    // Descend through wrappers to the last block.
    while (
      last &&
      /^(DIV|SECTION|ARTICLE)$/.test(last.tagName) &&
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
function removeTrailingHeadings(root: Element): number {
  let removed = 0;
  for (;;) {
    let last: Element | null = root.lastElementChild;
    while (last && /^(DIV|SECTION|ARTICLE|HEADER)$/.test(last.tagName) && last.lastElementChild) {
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
  const label = afterList && el.tagName === 'P' && /^.{1,80}:$/.test(normalize(el.textContent));
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
 * same site with at most a short excerpt and a date ("more from the blog" grids without a heading).
 * Any linked headline pointing to another site means a roundup: nothing goes.
 * Only after the last story paragraph, and only when the story before them is longer than they are:
 * otherwise a roundup of linked items is the story itself.
 */
function removeTeaserCards(root: Element, url: string | null): number {
  let page: URL;
  try {
    page = new URL(url ?? '');
  } catch {
    return 0;
  }
  const cards: Element[] = [];
  for (const h of Array.from(root.querySelectorAll(HEADINGS))) {
    const a = h.querySelector('a[href]');
    const text = normalize(h.textContent);
    if (!a || !text || normalize(a.textContent).length < 0.9 * text.length) continue;
    let target: URL;
    try {
      target = new URL(a.getAttribute('href') ?? '', page);
    } catch {
      continue;
    }
    // A linked heading pointing off-site: a roundup of other sites' pages, which is content.
    if (target.host !== page.host) return 0;
    if (target.pathname === page.pathname) continue;
    let card: Element = h;
    for (let up = h.parentElement; up && up !== root; up = up.parentElement) {
      if (up.querySelectorAll(HEADINGS).length > 1 || normalize(up.textContent).length > 1000) break;
      card = up;
    }
    // A bare linked heading among the story's paragraphs is a listicle item, not a card.
    if (card !== h && !cards.some((c) => c.contains(card))) cards.push(card);
  }
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

/** "Jane Doe is a reporter covering…" as one of the last two paragraphs: the author's bio. */
const BIO =
  /^\(?(\p{Lu}[\p{L}'’.-]+ ){1,3}(is|was|has been|serves as) (an?|the) [^.]{0,80}\b(writer|editor|journalist|reporter|contributor|author|correspondent|columnist|blogger|freelancer|creator|strategist|founder|ceo|cto|director|attorney|analyst|consultant|professor|researcher)\b/u;

function removeTrailingBio(root: Element, byline: string | null): number {
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

/** A headline repeated at the top of the body (Readability removes only one copy). */
function removeTitleHeading(root: Element, title: string | null): number {
  if (!title) return 0;
  const want = normalize(title).toLowerCase();
  let removed = 0;
  // Only before the first paragraph (a lead photo's caption is not one): a heading later in the
  // story is the story's.
  const firstP = Array.from(root.getElementsByTagName('p')).find((p) => !p.closest('figure'));
  for (const h of Array.from(root.querySelectorAll('h1, h2'))) {
    if (firstP && h.compareDocumentPosition(firstP) & 2) break; // 2 = firstP precedes h
    if (normalize(h.textContent).toLowerCase() === want) {
      h.remove();
      removed++;
    }
  }
  return removed;
}

// ------------------------------------------------------------------------------------------ entry points

/**
 * Moves content streamed by React's server renderer into place. A streamed page ships placeholders
 * in the layout (`<template id="B:0">` followed by a skeleton, "Loading paragraph…"; or a bare
 * `<template id="P:f">`) and, later in the body, the real content in `<div hidden id="S:0">`. A script
 * (`$RC`, `$RS`) swaps them once the page loads. In the browser that has already happened; in a saved
 * or server-fetched page it has not, and the story sits in hidden divs at the end of the body while
 * the skeleton sits in its place. Mutates `doc`; returns how many placeholders were filled.
 */
export function resolveStreamedContent(doc: Document): number {
  let filled = 0;
  for (const segment of Array.from(doc.querySelectorAll('div[hidden][id^="S:"]'))) {
    const key = segment.id.slice(2);
    const boundary = doc.getElementById(`B:${key}`);
    const slot = boundary ?? doc.getElementById(`P:${key}`);
    const parent = slot?.parentNode;
    if (!slot || !parent || slot.tagName !== 'TEMPLATE') continue;
    const at = boundary ? removeFallback(boundary) : slot.nextSibling;
    slot.remove();
    while (segment.firstChild)
      parent.insertBefore(segment.firstChild, at && at.parentNode === parent ? at : null);
    segment.remove();
    filled++;
  }
  return filled;
}

/**
 * Removes a suspense boundary's fallback after its template: up to the boundary's closing `<!--/$-->`
 * as React does, or, when the page lost its comments, the one skeleton element right after it.
 * Returns the node the content goes before.
 */
function removeFallback(template: Element): ChildNode | null {
  let depth = 0;
  for (let node = template.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType !== 8) continue;
    const data = (node as Comment).data;
    if (data === '$' || data === '$?' || data === '$!') depth++;
    else if (data === '/$' && depth-- === 0) {
      while (template.nextSibling && template.nextSibling !== node) template.nextSibling.remove();
      return node;
    }
  }
  const next = template.nextElementSibling;
  const text = normalize(next?.textContent);
  if (next && next === nextElement(template) && (text === '' || /^loading\b.{0,30}$|^…$/i.test(text))) {
    const after = next.nextSibling;
    next.remove();
    return after;
  }
  return template.nextSibling;
}

/** The element right after `node`, if only whitespace lies between them. */
function nextElement(node: Node): Element | null {
  for (let n = node.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 1) return n as Element;
    if (n.nodeType === 3 && (n.nodeValue ?? '').trim()) return null;
  }
  return null;
}

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
  const guard = storyGuard(doc);
  let removed = removeWidgets(body, guard);
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

export interface Seen {
  byline?: string;
}

/** After Readability: removes boilerplate Readability kept. Mutates `root`. */
export function postClean(root: Element, opts: PostCleanOptions = {}): number {
  const guard = new Set<Element>([root]);
  let removed = removeMarked(root);
  removed += removeWidgets(root, guard);
  removed += removeNamedBoilerplate(root, guard);
  removed += removeFurnitureSections(root);
  removed += removeTocLists(root);
  removed += removeDuplicateBlocks(root);
  removed += removeLabels(root, opts.byline ?? null, opts.seen);
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
  return removed;
}
