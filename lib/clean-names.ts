/**
 * Boilerplate by name: the kind of furniture an element's class tokens or id name ("share-bar",
 * "relatedArticles", "newsletter-signup"), matched on *words*, so "shared-content" is not "share" and
 * "unrelated-story-body" is not "related".
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
  | 'author'
  | 'toc'
  | 'tags'
  | 'srOnly'
  | 'promo'
  | 'legal'
  | 'meta'
  | 'carousel'
  | 'player';

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
  // And a Creative Commons "Republish this story" box (INN's republication-tracker-tool, used by
  // nonprofit newsrooms: "Republish our articles for free, online or in print, …").
  ['legal', /(^|-)(copyright|legal|disclaimers?|notices?|republication|republish)(-|$)/],
  ['meta', /(^|-)(bylines?|dateline|date)(-|$)/],
  // swiper 2 %, slider 1 %, carousel 8 %: teaser sliders (photo sliders are spared, see below).
  ['carousel', /(^|-)(swiper|slider|slick|carousel|splide|glide)(-|$)/],
  // A video player's own interface: the reader shows no video (the sanitizer drops it), so what is
  // left is its buttons' words ("Play Video", "Mute", "Current Time 0:00", "Video Quality") (video.js,
  // which Brightcove builds on; JW Player; MediaElement; Plyr; Yahoo's and YouTube's players).
  // A library's prefix only where a class name starts: CSS-module hashes end in "-jw" too.
  ['player', /(^|-)(video-?js|jwplayer|(?<=^)(vjs|jw|mejs|plyr|yvp|ytp)(-[a-z\d]+)+)(-|$)/],
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

/**
 * A generated id, not words: long, with digits and many capitals ("PFk9dDFpTo0qJgx9vRfcqXxunAc" in a
 * document editor's "old-record-id-…" classes). Split at its capitals it spells "dfp" and "ad" by
 * chance, and a story's list item went as an advert.
 */
const GENERATED_ID = /^(?=(?:[^A-Z]*[A-Z]){4})(?=(?:[^a-z]*[a-z]){4})(?=[^0-9]*[0-9])[A-Za-z0-9]{12,}$/;

function nameWords(token: string): string[] {
  return token
    .split(/([^A-Za-z0-9]+)/)
    .map((part) => (GENERATED_ID.test(part) ? part.toLowerCase() : part))
    .join('')
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
