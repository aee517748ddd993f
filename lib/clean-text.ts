/**
 * Whole-block texts that are never the story: labels, calls to action, credits, fine print, newsletter
 * pitches, affiliate disclosures, "Read more:" teasers and date lines. Tested on a block's whole text.
 */
import { linkTextLength, normalize } from './dom-text';
import { AGENCIES } from './text-similarity';

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
  // An ad network's label left without its ads: "Promoted By Zergnet", "Sponsored by Taboola".
  [/^(promoted|sponsored|powered) by [^.!?]{1,40}$/i, 'promoted sponsored powered'],
  [
    /^share( this| the)?( article| story| post| page| video)?( on| via| with)?( your network| your friends)?[:.!]?$/i,
    'share',
  ],
  [/^(read or )?share this (story|article): https?:\/\/\S+$/i, 'read share'],
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
  [/^(skip to|jump to) ((main )?(content|navigation|article|menu|footer|search)\.?|[↓⬇:]?)$/i, 'skip jump'],
  [/^(print|email|e-mail) (this )?(article|story|page)\.?$/i, 'print email e'],
  // The same buttons' words on French, German, Spanish and Italian news sites (Le Figaro's "Imprimer").
  [
    /^(imprimer|drucken|imprimir|stampa|envoyer par (e-?)?mail|per e-?mail (senden|teilen))$/i,
    'imprimer drucken imprimir stampa envoyer per',
  ],
  [/^(we use cookies|this (web)?site uses cookies)[\s\S]{0,300}$/i, 'we this'],
  [/^(loading|loading\.\.\.|loading…)$/i, 'loading'],
  // A poll's or a form's answer to the reader, shown once they have used it ("✅ Thank you for
  // completing the survey!"), and a form's pitch whose form the reader view does not show ("Fill out
  // the form below or email your questions…").
  [
    /^[^\p{L}\p{N}]{0,4}(thank you|thanks) for (completing|taking|submitting|subscribing|signing up|your (feedback|submission|vote|response))\b[^.!?]{0,80}[.!]?$/iu,
    'thank thanks',
  ],
  [/\b(fill (out|in)|complete|use|submit) the (form|survey) below\b/i, '|below'],
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
  // A photo's zoom button: "[+] Enlarge" (ESPN), "Enlarge this image" (NPR).
  [/^(\[\+\]\s*)?enlarge( this)?( image| photo| picture)?$/i, 'enlarge'],
  // "Back to top", and its short forms after each section of a long guide: "(Up)", "[Top]", "↑ Top".
  // A bare "Up" or "Top" stays (a film, a heading).
  [
    /^([↑^▲]?\s*(back to top|go to top|scroll to top|top of page|haut de page|retour en haut( de (la )?page)?|nach oben|zum seitenanfang|volver arriba|torna su)\s*[↑^▲]?|[([]\s*(up|top)\s*[)\]]|[↑▲]\s*(up|top)|(up|top)\s*[↑▲])$/i,
    'back go scroll top up haut retour nach zum volver torna',
  ],
  // A link back to the listing the story came from ("Back to Blog"), and a paginated guide's counter.
  [
    /^[←‹«<]?\s*(back to|return to|go back to) (the )?(blog|news|articles?|posts?|stories|all (posts|articles|news|stories)|home ?page|home|index|overview|search results)\s*$|^page \d+ of \d+$/i,
    'back return go page',
  ],
  // The heading of a "more to read" rail whose teasers are gone: "What others are reading".
  [
    /^(you (may|might) also (like|enjoy|be interested in)|what others are reading|readers also (read|liked|viewed)|recommended (for you|reading|stories|articles)|more (stories|articles|posts) (for|like) (you|this))[.:!]?$/i,
    'you what readers recommended more',
  ],
  // …and a paginated story's link to its next part: "Next page: Security>>" (LWN).
  [
    /^(previous|next|prev)( article| post| story| page)?\s*[:»«›‹→←]*$|^(previous|next) page: [^.!?]{1,60}$/i,
    'previous next prev',
  ],
  // A teaser's or an excerpt's link on a line of its own.
  [
    /^(read more|continue reading( the main story)?|keep reading|read (the )?full (story|article|post))\s*[.…:»›→>]*$/i,
    'read continue keep',
  ],
  [
    /^(rate this (article|post|story)|was this (article|page|post) (helpful|useful)\??|(did you )?find this (article|page) (helpful|useful)\??|found this (helpful|useful)\??)$/i,
    'rate was did find found',
  ],
  // A gallery's header left above its photos: "Gallery: Xbox One X | 14 Photos" (Mozilla's engadget page).
  [/^(photo )?gallery: [^|]{1,80}\| ?\d+ (photos|images|pictures|slides)$/i, 'photo gallery'],
  [
    /^(be the first to comment|leave a (comment|reply)|post a comment|add a comment|no comments( yet)?|\d+ (comments?|réactions?|commentaires?|kommentare?|comentarios?|commenti)|comments?|what do you think\??|join the (conversation|discussion))[.!:]?$/i,
    'be leave post add no comments comment what join #',
  ],
  [
    /^(already have an account\?( log in| sign in)?|log in|sign in|subscribe|subscribe now|register|create (a free )?account)[.!]?$/i,
    'already log sign subscribe register create',
  ],
  [/^(listen to this (article|story)|listen|play|pause|audio|\d+:\d{2})$/i, 'listen play pause audio #'],
  // A newsletter's e-mail header kept on its web copy: "Almost Timely News: … :: View in Browser".
  [
    /^([^.!?]{0,200}\s(::|\||[-–—•·])\s*)?view (this (email|newsletter|issue|post) )?(in|on) (your |a |the )?(web )?browser\.?$/i,
    'view|browser',
  ],
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
  // A slideshow's counter over its first picture ("1 / 5"), and a kicker's lone word ("EXCLUSIVE").
  [/^1 (\/|of) \d{1,3}$|^(exclusive|breaking( news)?)$/i, '# exclusive breaking'],
  [/^no (posts|comments)( yet)?\.?$/i, 'no'],
  // A widget's maker, left when the widget went ("Powered by SmartAsset.com": Mozilla's cnn page).
  [/^powered by [^,;:!?]{1,40}$/i, 'powered'],
  // A template's unfilled placeholder ("[CTA_MODULE]"), and a call to action set in brackets ("[What
  // you need to know to start the day: Get New York Today in your inbox.]": Mozilla's nytimes-3 page).
  [/^\[[A-Z\d]+(_[A-Z\d]+)+\]$/, '|_'],
  [
    /^\[[^\]]{0,200}\b(sign up|subscribe|in your inbox|follow (us|me)|hang out on|join us|download (our|the))\b[^\]]{0,120}\]$/i,
    '|sign subscribe inbox follow hang join download',
  ],
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
    /^(tags|tagged|tagged with|tagged as|topics|filed under|categories|category|posted in|more about)\s*:\s*[^.!?]{0,200}$/i,
    'tags tagged topics filed categories category posted more',
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

/** "Read more: <link>", "RELATED: <link>": an inline teaser for another story. */
// A teaser may come in brackets: "[Read: Why Tunisia, Arab Spring's sole success story, suffers…]"
// (Mozilla's wapo-1 page), or in parentheses: "(MORE: 13 Best Tweets About the Earthquake)" (TIME).
const TEASER_PREFIX =
  /^[[(]?(read more|read also|also read|related|see also|more|watch|listen|read|recommended|related articles?|related stor(y|ies)|related posts?|related reading|further reading|click here|check out|don'?t miss|must read|also see|trending|next|up next|(à |a )?lire aussi|voir aussi|lesen sie auch|mehr zum thema|auch interessant|lee también|lea también|ver también|leia também|leggi anche)\s*[:|>»–—-]\s*/i;

/** A line that ends pointing onwards. */
const CHEVRON = /[»›]$/;

/** A short line wholly in square brackets. */
const BRACKETED = /^\[[^[\]]{3,150}\]$/;

/** Prefixes that announce a teaser on their own, link or not. */
const STRONG_TEASER_PREFIX =
  /^[[(]?(read more|read also|also read|see also|related|related articles?|related stor(y|ies)|related posts?|related reading|must read|don'?t miss|also see|(à |a )?lire aussi|voir aussi|lesen sie auch|mehr zum thema|lee también|lea también|leia também|leggi anche)\s*[:|>»–—-]\s*/i;

/** "Photo credit: Jane Doe", "Image by X via Y", "Courtesy of the brand": a picture's credit line. */
const CREDIT_FIRST = new Set(
  'photo photos image images picture pictures photograph photographs illustration illustrations graphic graphics header featured cover lead top credit credits courtesy bild foto fotos'.split(
    ' ',
  ),
);
const CREDIT =
  /^\(?((photo|image|picture|photograph|illustration|graphic|(header|featured|cover|lead|top) image|bild|foto)s?( credits?| courtesy( of)?| source| by)? ?:|(photo|image|picture|photograph|illustration)s? (by|courtesy( of)?|via) |credits? ?:|courtesy( of)? )[^!?]{1,100}$/i;

/**
 * An agency's credit on a line of its own: "Getty Images / Holger Leue", "REUTERS/Omar Sanadiki/File",
 * "DGLimages via Getty Images", "Jane Doe / AFP". The other side of the slash (or "via") must be a
 * name: "AP/NORC poll shows…" and "The footage was shared via Reuters" are story text.
 */
const AGENCY_FIRST = new RegExp(`^(?:${AGENCIES})(?: photo)?\\s*/\\s*(.{1,60})$`, 'i');
const AGENCY_LAST = new RegExp(`^(.{1,60}?)(?:\\s*/\\s*|\\s+via\\s+)(?:${AGENCIES})$`, 'i');
export const NAME_WORD = /^[\p{Lu}\d]/u;
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
  // A separator dot left in front when the date before it went ("• 8 minutes").
  const t = normalize(text).replace(/^[•·]\s*/, '');
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
export function isCreditBelowImage(el: Element, text: string): boolean {
  const prev = el.previousElementSibling;
  if (!prev || text.split(' ').length > 16) return false;
  const underImage =
    /^(IMG|PICTURE|FIGURE|SVG)$/.test(prev.tagName) ||
    (!!prev.querySelector('img, picture') && normalize(prev.textContent).length < 40);
  return underImage && CREDIT_BELOW_IMAGE.test(text) && !SENTENCE_VERB.test(text);
}

/** "Read more: <link>" – a short block led by a teaser prefix whose rest is (mostly) a link. */
export function isInlineTeaser(el: Element, text = normalize(el.textContent)): boolean {
  if (!text || text.length > 250) return false;
  // A headline in brackets, all of it a link, without a prefix: "[Bardo museum houses amazing Roman
  // treasures]" (The Washington Post; Mozilla's wapo-1 page). An editor's aside in brackets is no link.
  if (BRACKETED.test(text) && linkTextLength(el) >= (text.length - 2) * 0.9) return true;
  // A link to more of the site, pointed at with a chevron: "MORE COMMENTARY »" (ESPN), "Más en
  // Opinión ›" (The New York Times). A closing guillemet ends a quotation: "Les « boîtes noires »".
  const pointer = CHEVRON.test(text) && !/[«‹]/.test(text) && text.split(' ').length <= 10;
  if (pointer && linkTextLength(el) >= text.length * 0.8) return true;
  if (!TEASER_PREFIX.test(text)) return false;
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
  `\\b(${MONTH}|updated|update|last|published|posted|modified|created|written|date|on|at|am|pm|a\\.m\\.|p\\.m\\.|gmt|utc|[ecmp][sd]?t|bst|cet|cest|ist|min|mins|minute|minutes|read|reading|time|today|yesterday|ago|hours?|days?|weeks?|months?|years?|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b`,
  'gi',
);

/** "December 18", "18 Dec", "3 de mayo": a month and a day, either way round. */
const MONTH_DAY = new RegExp(
  `\\b(${MONTH})\\s+\\d{1,2}(st|nd|rd|th)?\\b|\\b\\d{1,2}\\.?\\s+(de\\s+)?(${MONTH})\\b`,
  'i',
);

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
    // "10:39AM" and "4:15 p.m.": a time and its meridiem as words DATE_WORDS knows.
    .replace(/(\d) ?([ap])\.?m\.?(?!\p{L})/giu, '$1 $2m')
    // "Aug 18th": an ordinal day.
    .replace(/(\d)(st|nd|rd|th)\b/gi, '$1')
    // "Publié le 29/10/2012 Mis à jour le 29/10/2012 à 14h03", "Aktualisiert am 5. März 2024, 10:30
    // Uhr", "Publicado el 3 de mayo de 2024": the same words in French, German and Spanish.
    .replace(/(\d)h(\d\d)\b/g, '$1:$2')
    .replace(
      /(^|\s)(publiée?|mise? à jour|le|à|veröffentlicht|aktualisiert|um|uhr|publicado|actualizado|el|a las|de)(?=[\s,.:]|$)/giu,
      ' ',
    )
    .replace(DATE_WORDS, ' ')
    .replace(/[\d:/.,•·|()–—-]+/g, ' ')
    .trim();
  return rest === '';
}
