/**
 * Boilerplate removal around Readability. Readability picks the right container most of the time but
 * keeps what sits inside it (share bars, "related" lists, ad labels, newsletter boxes) and can be misled
 * by page furniture that looks like text (skip links, consent banners). `preClean` strips what can never
 * be the story from the whole page before Readability scores it; `postClean` tidies Readability's result.
 *
 * Class/id matching works on *words*: "shared-content" is not "share", "unrelated-story-body" is not
 * "related". And nothing that looks like the story itself (several long paragraphs of non-link text)
 * is ever removed by a name rule, whatever its class says.
 */

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
  | 'srOnly';

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
    /(^|-)(share|shares|sharing|sharebar|sharetools|share-?buttons?|sharethis|addthis|addtoany|a2a|social|socials|social-?share|social-?links|social-?icons|social-?media|social-?bar|print-?(button|btn|link|this)|email-?(button|link|share)|article-?tools|story-?tools|toolbar)(-|$)/,
  ],
  [
    'related',
    /(^|-)(related|recommended|recommendations?|recirc|recirculation|trending|outbrain|taboola|more-?stories|read-?next|up-?next|most-?read|most-?popular|most-?viewed|most-?shared|popular-?(posts|articles|stories|news)|also-?read|read-?also|more-?articles|more-?news|more-?from|you-?may-?(also-?)?like|further-?reading|related-?content)(-|$)/,
  ],
  [
    'newsletter',
    /(^|-)(newsletters?|subscribe|subscription-?(box|form|cta|banner|promo)|signup|sign-?up|optin|opt-?in|mailing-?list|email-?(capture|signup|form)|nl-?signup)(-|$)/,
  ],
  [
    'consent',
    /(^|-)(cookies?|cookie-?(banner|notice|bar|consent|policy)|consent|gdpr|cmp|onetrust|didomi|cookiebot|cc-?banner|privacy-?banner)(-|$)/,
  ],
  [
    'ad',
    /(^|-)(ad|ads|advert|adverts|advertisement|advertisements|advertising|adslot|ad-?slot|adunit|ad-?unit|adsbygoogle|adsense|dfp|gpt-?ad|ad-?container|ad-?wrapper|ad-?wrap|ad-?box|ad-?placeholder|sponsor|sponsors|sponsored|banner-?ad|google-?ad|dianomi|teads)(-|$)/,
  ],
  [
    'nav',
    /(^|-)(breadcrumbs?|breadcrumb-?list|pagination|pager|navbar|nav-?bar|site-?nav|main-?nav|menu|megamenu)(-|$)/,
  ],
  ['comments', /(^|-)(comments?|comment-?(section|list|form|area)|disqus|respond)(-|$)/],
  [
    'srOnly',
    /(^|-)(sr-?only|visually-?hidden|screen-?reader-?(text|only)|assistive-?text|offscreen|a11y-?hidden)(-|$)/,
  ],
];

/** Lower-case word forms of an element's class tokens and id. */
export function nameTokens(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  const out: string[] = [];
  for (const token of raw.split(/\s+/)) {
    if (!token) continue;
    const words = token
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    if (words.length) out.push(words.join('-'));
  }
  return out;
}

/** The boilerplate kind an element's class/id names, if any (word-boundary aware). */
export function boilerplateKind(el: Element): BoilerplateKind | null {
  const tokens = nameTokens(el);
  if (!tokens.length) return null;
  for (const [kind, re] of NAME_RULES) {
    for (const token of tokens) {
      if (!re.test(token)) continue;
      // "no-print", "hide-share": modifiers that say the element is *not* such furniture.
      if (
        /^(no|not|hide|without|has|with)-/.test(token) ||
        /-(wrapper-outer|enabled|active|open)$/.test(token)
      )
        continue;
      return kind;
    }
  }
  return null;
}

const normalize = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += normalize(a.textContent).length;
  return n;
}

/** Share of an element's text that is link text (0…1). */
export function linkDensity(el: Element): number {
  const total = normalize(el.textContent).length;
  return total ? Math.min(1, linkTextLength(el) / total) : 0;
}

/**
 * Does `el` hold the story (or a large part of it)? Several long paragraphs of text that is not link
 * text: no share bar, teaser list or newsletter box looks like that.
 */
export function looksLikeStory(el: Element): boolean {
  let long = 0;
  let chars = 0;
  const paragraphs = el.tagName === 'P' ? [el] : Array.from(el.querySelectorAll('p'));
  for (const p of paragraphs) {
    const own = normalize(p.textContent).length - linkTextLength(p);
    if (own >= 80) {
      long++;
      chars += own;
    }
    if (long >= 3 && chars >= 600) return true;
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
  ).filter(looksLikeStory);
  for (const root of roots) {
    for (let el: Element | null = root; el; el = el.parentElement) guard.add(el);
  }
  return guard;
}

const MEDIA = 'img, picture, video, audio, iframe, svg, canvas, object, embed, math, table';

function hasMedia(el: Element): boolean {
  return /^(IMG|PICTURE|VIDEO|AUDIO|IFRAME|SVG|CANVAS|OBJECT|EMBED|MATH|TABLE)$/i.test(el.tagName)
    ? true
    : el.querySelector(MEDIA) !== null;
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

/** "XS SM MD LG", "A A A", "A- A A+": a text-size switcher. */
const SIZE_TOKEN = /^(xxs|xs|s|sm|m|md|l|lg|xl|xxl|a|a\+|a-|a−|aa|aaa|\+|-|−|small|medium|large|normal)$/i;
export function isTextSizeWidget(el: Element): boolean {
  const text = normalize(el.textContent);
  if (!text || text.length > 60) return false;
  const words = text
    .replace(/\b(text|font)\s*size:?/gi, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words.length >= 2 && words.every((w) => SIZE_TOKEN.test(w));
}

/** Networks and actions of a share bar; a block made only of these (2+ of them) is a share bar. */
const SHARE_WORD =
  /^(share|shares|sharing|tweet|facebook|twitter|x|linkedin|email|e-mail|mail|print|whatsapp|pinterest|reddit|telegram|copy|link|url|copied|messenger|flipboard|pocket|tumblr|threads|bluesky|mastodon|comment|comments|on|this|article|story|post|page|via|the|save|gift|bookmark|sms|vk|weibo|wechat|line|xing|opens|in|new|window|tab|\d+)$/i;
const SHARE_NETWORK =
  /^(facebook|twitter|linkedin|email|e-mail|whatsapp|pinterest|reddit|telegram|print|flipboard|messenger|tumblr|bluesky|threads|mastodon|pocket|xing|vk|weibo|wechat|copy|share|tweet)$/i;
export function isShareBar(el: Element): boolean {
  const text = normalize(el.textContent);
  if (text.length > 200) return false;
  const words = text.split(/[^\p{L}\p{N}+-]+/u).filter(Boolean);
  if (!words.length) return false;
  if (!words.every((w) => SHARE_WORD.test(w))) return false;
  const networks = new Set(words.filter((w) => SHARE_NETWORK.test(w)).map((w) => w.toLowerCase()));
  return networks.size >= 2 || (networks.size >= 1 && el.querySelectorAll('a, button').length >= 2);
}

/** Whole-block texts that are never story: labels, calls to action, teaser headings. */
const BOILERPLATE_TEXT: RegExp[] = [
  /^(advertisement|advertisements|advertising|ad|ads|anzeige|werbung|publicité|publicidad|sponsored( content)?|promoted( content)?|paid (post|content))(\s*[-–—:·|]?\s*(story continues below|continue reading below|scroll to continue( with content)?|article continues below|content continues below)?)?\.?$/i,
  /^(story|article|content) continues below( this)?( advertisement| ad)?\.?$/i,
  /^share( this| the)?( article| story| post| page| video)?( on| via| with)?( your network| your friends)?[:.!]?$/i,
  /^(read more|read next|read also|also read|see also|continue reading|keep reading|more reading|related|related (articles?|stories|posts|content|coverage|links|reading|topics|news)|more from [^.!?]{1,40}|more on this( story| topic)?|more stories|more news|you (may|might) (also )?(like|enjoy|be interested in)|recommended( for you| stories| articles| reading)?|most (read|popular|viewed|shared)|trending( now| stories)?|popular( now| posts| stories)?|top stories|latest (news|stories|posts)|editor'?s picks?|don'?t miss|what to read next|up next)\s*[:.…›»>]*$/i,
  /^(sign up|subscribe|register)( now| today| here)?( for| to)( our| the| my)? [^.!?]{0,60}(newsletter|briefing|digest|emails?|inbox|updates|alerts)[^.!?]{0,60}[.!]?$/i,
  /^(get|receive) (our|the) [^.!?]{0,40}newsletter[^.!?]{0,80}[.!]?$/i,
  /^(follow us|like us|join us) on [^.!?]{1,60}[.!]?$/i,
  /^(skip to|jump to) (main )?(content|navigation|article|menu|footer|search)\.?$/i,
  /^(print|email|e-mail) (this )?(article|story|page)\.?$/i,
  /^(we use cookies|this (web)?site uses cookies)[^]{0,300}$/i,
  /^(loading|loading\.\.\.|loading…)$/i,
  /^(image|photo|video|picture) (source|credit|caption)s?\s*[:,]?$/i,
];

export function isBoilerplateText(text: string): boolean {
  const t = normalize(text);
  if (!t || t.length > 300) return false;
  return BOILERPLATE_TEXT.some((re) => re.test(t));
}

/** "Read more: <link>", "RELATED: <link>": an inline teaser for another story. */
const TEASER_PREFIX =
  /^(read more|read also|also read|related|see also|more|watch|listen|read|recommended|related article|related story|further reading|click here)\s*[:|>»–—-]\s*/i;
function isInlineTeaser(el: Element): boolean {
  const text = normalize(el.textContent);
  if (!text || text.length > 250 || !TEASER_PREFIX.test(text)) return false;
  const rest = text.replace(TEASER_PREFIX, '');
  return rest.length > 0 && linkTextLength(el) >= rest.length * 0.6;
}

function remove(el: Element): void {
  el.remove();
}

const BLOCKISH =
  'p, div, span, li, ul, ol, section, h2, h3, h4, h5, h6, figcaption, aside, header, footer, a, button, strong, em, small';

/** Removes elements that a class/id names as boilerplate, unless they look like the story. */
function removeNamedBoilerplate(root: Element | Document, guard: Set<Element>): number {
  let removed = 0;
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (!el.isConnected || guard.has(el)) continue;
    if (/^(HTML|BODY|MAIN|TD|TR|TH|TBODY|TABLE)$/i.test(el.tagName)) continue;
    const kind = boilerplateKind(el);
    if (!kind) continue;
    // Visually hidden text ("Image caption", "opens in new window") goes; a long one is real text.
    if (kind === 'srOnly' && normalize(el.textContent).length > 80) continue;
    if (looksLikeStory(el)) continue;
    remove(el);
    removed++;
  }
  return removed;
}

/**
 * Raw text length of every element under `root`, in one pass: the widget tests below only look at
 * small elements, and asking each element for its `textContent` would cost O(elements × depth).
 */
function textLengths(root: Node, out = new Map<Element, number>()): number {
  let n = 0;
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) n += (child.nodeValue ?? '').length;
    else if (child.nodeType === 1) n += textLengths(child, out);
  }
  if (root.nodeType === 1) out.set(root as Element, n);
  return n;
}

/** Removes skip links, text-size widgets, share bars, hidden elements and boilerplate labels. */
function removeByContent(root: Element | Document, guard: Set<Element>): number {
  let removed = 0;
  const lengths = new Map<Element, number>();
  textLengths(root, lengths);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!el.isConnected || guard.has(el) || /^(HTML|BODY|HEAD)$/i.test(el.tagName)) continue;
    if (isHidden(el)) {
      remove(el);
      removed++;
      continue;
    }
    if (el.tagName === 'A' && (el.getAttribute('href') ?? '').startsWith('#')) {
      if (/^(skip|jump) (to|navigation)\b/i.test(normalize(el.textContent))) {
        remove(el);
        removed++;
      }
      continue;
    }
    // Widgets are short; raw length counts indentation, hence the generous bound.
    if ((lengths.get(el) ?? 0) > 1000 || !el.matches(BLOCKISH)) continue;
    if (isTextSizeWidget(el) || isShareBar(el)) {
      remove(el);
      removed++;
    }
  }
  return removed;
}

/** Headings such as "Related stories" take the link list that follows them along. */
function removeTeaserHeadingsAndLabels(root: Element): number {
  let removed = 0;
  for (const el of Array.from(
    root.querySelectorAll('p, div, span, li, h1, h2, h3, h4, h5, h6, strong, b, figcaption, a'),
  )) {
    if (!el.isConnected) continue;
    const text = normalize(el.textContent);
    if (!isBoilerplateText(text) && !isInlineTeaser(el)) continue;
    if (/^H[1-6]$/.test(el.tagName) || el.tagName === 'P' || el.tagName === 'STRONG' || el.tagName === 'B') {
      // Drop the list of links that a teaser heading introduces.
      let next = (el.tagName === 'STRONG' || el.tagName === 'B' ? el.parentElement : el)?.nextElementSibling;
      while (
        next &&
        /^(UL|OL|DIV|P)$/.test(next.tagName) &&
        linkDensity(next) > 0.7 &&
        !looksLikeStory(next)
      ) {
        const after = next.nextElementSibling;
        next.remove();
        removed++;
        next = after;
        if (!/^(UL|OL)$/.test(next?.tagName ?? '') && !isInlineTeaser(next ?? el)) break;
      }
    }
    remove(el);
    removed++;
  }
  return removed;
}

/** Elements with nothing to show: no text and no media. */
function removeEmpty(root: Element): number {
  let removed = 0;
  const all = Array.from(root.querySelectorAll('*')).reverse(); // children before parents
  for (const el of all) {
    if (!el.isConnected) continue;
    if (
      /^(IMG|PICTURE|SOURCE|VIDEO|AUDIO|IFRAME|SVG|CANVAS|OBJECT|EMBED|MATH|BR|HR|TD|TH|TR|TABLE|TBODY|THEAD|TFOOT|COL|COLGROUP|TRACK|WBR|INPUT)$/i.test(
        el.tagName,
      )
    )
      continue;
    if (el.closest('svg, math, pre, table')) continue;
    if (normalize(el.textContent) !== '' || hasMedia(el)) continue;
    el.remove();
    removed++;
  }
  return removed;
}

/** A figure whose image was removed (or never loaded) leaves an orphan caption. */
function removeImagelessFigures(root: Element): number {
  let removed = 0;
  for (const figure of Array.from(root.querySelectorAll('figure'))) {
    if (hasMedia(figure) || figure.querySelector('pre, code, blockquote')) continue;
    // A figure holding a real paragraph is a misused wrapper, not a picture frame.
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
    // Descend through single wrappers to the last block.
    while (
      last &&
      /^(DIV|SECTION|ARTICLE)$/.test(last.tagName) &&
      last.lastElementChild &&
      !looksLikeStory(last)
    ) {
      if (linkDensity(last) > 0.8) break;
      last = last.lastElementChild;
    }
    if (!last || last === root) return removed;
    const text = normalize(last.textContent);
    const links = last.querySelectorAll('a').length;
    const isList = /^(UL|OL)$/.test(last.tagName);
    const teaser = isInlineTeaser(last) || isBoilerplateText(text);
    if (
      !teaser &&
      !(isList && links >= 2 && linkDensity(last) > 0.9) &&
      !(links >= 3 && linkDensity(last) > 0.9 && text.length < 600)
    )
      return removed;
    last.remove();
    removed++;
  }
}

/** Before Readability: removes from the whole page what cannot be the story. Mutates `doc`. */
export function preClean(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  const guard = storyGuard(doc);
  let removed = removeByContent(body, guard);
  removed += removeNamedBoilerplate(body, guard);
  // Page furniture outside the story: site navigation, page header/footer, sidebars.
  for (const el of Array.from(
    body.querySelectorAll(
      'nav, footer, aside, [role="navigation"], [role="contentinfo"], [role="complementary"], [role="banner"], dialog, [role="dialog"], [role="alertdialog"]',
    ),
  )) {
    if (!el.isConnected || guard.has(el)) continue;
    if (
      el.closest('article, [itemprop~="articleBody"], main, [role="main"]') &&
      !el.matches('nav, [role="navigation"]')
    )
      continue;
    if (looksLikeStory(el)) continue;
    el.remove();
    removed++;
  }
  for (const el of Array.from(body.querySelectorAll('header, [role="banner"]'))) {
    // The page header (logo, menu, search), not the story's header (headline, standfirst, byline).
    if (
      !el.isConnected ||
      guard.has(el) ||
      el.closest('article, main, [role="main"], [itemprop~="articleBody"]')
    )
      continue;
    if (el.querySelector('h1') || looksLikeStory(el)) continue;
    el.remove();
    removed++;
  }
  return removed;
}

/** After Readability: removes boilerplate Readability kept. Mutates `root`. */
export function postClean(root: Element, opts: { title?: string | null } = {}): number {
  const guard = new Set<Element>([root]);
  let removed = removeByContent(root, guard);
  removed += removeNamedBoilerplate(root, guard);
  removed += removeTeaserHeadingsAndLabels(root);
  removed += removeImagelessFigures(root);
  removed += removeEmpty(root);
  removed += removeTrailingLinkLists(root);
  removed += removeTitleHeading(root, opts.title ?? null);
  removed += removeEmpty(root);
  return removed;
}

/** A headline repeated at the top of the body (Readability removes only one copy). */
function removeTitleHeading(root: Element, title: string | null): number {
  if (!title) return 0;
  const want = normalize(title).toLowerCase();
  const first = root.querySelector('h1, h2');
  if (!first) return 0;
  // Only when it opens the body: no paragraph text precedes it.
  const before = root.querySelector('p');
  if (before && first.compareDocumentPosition(before) & 2) return 0; // 2 = PRECEDING
  if (normalize(first.textContent).toLowerCase() !== want) return 0;
  first.remove();
  return 1;
}
