/**
 * Article metadata: what the reader shows above the story. Readability finds most of it (JSON-LD,
 * OpenGraph, Dublin Core…); this module fills the gaps and normalizes: the site name out of the title,
 * a sane title when `<title>` is absurd, ISO dates, language and direction, an absolute lead image.
 */
import { findByline } from './byline';
import { isDateLine } from './clean-text';
import { lettersAndDigits, normalize } from './dom-text';
import { headlineDate } from './headline-date';
import { jsonLdPublished } from './json-ld';
import { readingMinutes } from './reading-time';
import type { Metadata } from './types';

/** The fields of a Readability result this module reads (all optional: any may be missing). */
export interface ReadabilityLike {
  title?: string | null;
  byline?: string | null;
  dir?: string | null;
  lang?: string | null;
  excerpt?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  textContent?: string | null;
}

const RTL_LANGS = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'ckb', 'dv', 'syr']);
/** A title longer than this is page junk (some sites stuff keywords or whole paragraphs in it). */
const MAX_TITLE = 300;
const SEPARATORS = /\s+[|\-–—:·•»/\\]\s+|\s+::\s+/g;

/** The page's `<meta>` values by lower-cased property/name/itemprop (first non-empty one wins). */
type MetaIndex = Map<string, string>;

/**
 * Indexes the `<meta>` tags once per read: one pass instead of a case-insensitive attribute query per
 * key (which costs more than the rest of the metadata together on large pages).
 */
function metaIndex(doc: Document): MetaIndex {
  const index: MetaIndex = new Map();
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const value = normalize(el.getAttribute('content'));
    if (!value) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !index.has(key)) index.set(key, value);
    }
  }
  return index;
}

function meta(index: MetaIndex, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = index.get(key.toLowerCase());
    if (value) return value;
  }
  return null;
}

function hostName(url?: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^www\d?\./, '');
    return host || null;
  } catch {
    return null;
  }
}

const squash = (s: string) =>
  lettersAndDigits(
    s
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/\.(com|org|net|co\.uk|co|news|info|io)$/, ''),
  );

/** Compares two names loosely ("The Guardian" ~ "theguardian.com"). */
function sameName(a: string, b: string): boolean {
  const x = squash(a);
  const y = squash(b);
  return x.length > 0 && (x === y || (y.length >= 3 && x.includes(y)) || (x.length >= 3 && y.includes(x)));
}

/**
 * Removes the site name from a title: "Story | Site", "Story - Site", "Story — Site", "Site: Story".
 * A trailing part is dropped when it names the site or is short (≤ 4 words) while the rest stays a real
 * title (≥ 3 words); so "Iran - US talks resume" keeps its dash.
 */
export function stripSiteFromTitle(title: string, siteName?: string | null, url?: string | null): string {
  let t = normalize(title);
  const site = siteName ? normalize(siteName) : null;
  const host = hostName(url);
  const names = [site, host].filter((x): x is string => !!x);
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  // A title's first part names the site when it is the name, or the name and one word ("Docker Blog"),
  // not when it merely starts with it ("Docker Hardened Images: Security Independently Validated").
  const leadingName = (part: string) => names.some((n) => sameName(part, n) && words(part) <= words(n) + 1);
  // "Site: Title", "Site | Title": a leading site name is followed by a separator without a space before it.
  const lead = /^(.{2,60}?)\s*(:|\||–|—|»)\s+/.exec(t);
  if (lead?.[1] && leadingName(lead[1]) && words(t.slice(lead[0].length)) >= 2) {
    t = t.slice(lead[0].length).trim();
  }
  for (let i = 0; i < 3; i++) {
    const parts = [...t.matchAll(SEPARATORS)];
    if (!parts.length) break;
    const last = parts[parts.length - 1]!;
    const head = t.slice(0, last.index).trim();
    const tail = t.slice((last.index ?? 0) + last[0].length).trim();
    const first = parts[0]!;
    const lead = t.slice(0, first.index).trim();
    const rest = t.slice((first.index ?? 0) + first[0].length).trim();
    if ((names.some((n) => sameName(tail, n)) || namesHost(tail, host)) && words(head) >= 1) {
      t = head;
    } else if (leadingName(lead) && words(rest) >= 2) {
      t = rest;
    } else if (!names.length && /[|–—·•»]/.test(last[0]) && words(tail) <= 4 && words(head) >= 3) {
      // No site name known: a short tail after a pipe or long dash is almost always the site.
      t = head;
    } else if (/\|/.test(last[0]) && words(tail) <= 4 && words(head) >= 3) {
      t = head;
    } else {
      break;
    }
  }
  return t;
}

/** Labels of a host that name nothing: "www", "apps", top-level and second-level domains. */
const GENERIC_LABELS = new Set(
  'www m amp apps app blog blogs news com org net gov edu co uk io ac us ca au de fr'.split(' '),
);

/**
 * A title's short tail names the site by its address: a word of the host ("Klatch Coffee | Shopify
 * App Store" on apps.shopify.com) or its initials ("Climate Change | Economic Research Service" on
 * ers.usda.gov).
 */
function namesHost(tail: string, host: string | null): boolean {
  const ws: string[] = tail.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!host || ws.length === 0 || ws.length > 5) return false;
  const labels = host.split('.').filter((l) => l.length >= 3 && !GENERIC_LABELS.has(l));
  const initials = ws
    .filter((w) => !/^(?:of|the|and|for|on|in|at|de)$/.test(w))
    .map((w) => w[0])
    .join('');
  return labels.some((l) => ws.includes(l) || (initials.length >= 3 && l === initials));
}

/** Shortens `text` at a word boundary. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

function chooseTitle(
  doc: Document,
  m: MetaIndex,
  readabilityTitle: string | null | undefined,
  site: string | null,
  url?: string | null,
) {
  const candidates = [
    normalize(readabilityTitle),
    meta(m, 'og:title', 'twitter:title', 'dc.title', 'headline') ?? '',
    normalize(doc.querySelector('h1')?.textContent),
    normalize(doc.title),
  ];
  // The first sane candidate; an absurdly long <title> (keyword stuffing, a 100 kB title) is skipped.
  const pick = candidates.find((c) => c && c.length <= MAX_TITLE) ?? candidates.find((c) => c) ?? '';
  const title = truncate(stripSiteFromTitle(pick, site, url), MAX_TITLE);
  // The headline the page shows beats its search-engine title ("10 Tips to … – Journey To College –
  // Realize your potential"): an <h1> of three words or more, not the site's name, at least half of
  // whose words the title shares. On the development articles, titles matching the truth's went
  // 566 → 613 of 711 with this (75 gained, 28 lost, mostly to search titles the truth chose).
  // A title that is nothing but the site's name says nothing of the story: every page of Yahoo News
  // 2016 (Mozilla's yahoo-2 test page) was titled "Yahoo News - Latest News & Headlines", so the
  // headline need not share its words.
  const own = squash(title);
  const bare = !own || [site, hostName(url)].some((n) => n && squash(n).includes(own));
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu));
  const have = words(title);
  // A JSON-LD headline may name something else ("Sample menus" where the <title>, og:title and h1
  // say "7 days of healthy meals on a budget"): an h1 that is the <title>, near enough word for word.
  const tab = words(stripSiteFromTitle(normalize(doc.title), site, url));
  const shared = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length;
  // Of several h1s that share words with the title, the one sharing the most: a blog's masthead h1
  // ("The Go Blog" over "Defer, Panic, and Recover - The Go Programming Language") shares some.
  let best = '';
  let bestShare = 0.5;
  for (const h1 of Array.from(doc.querySelectorAll('h1')).slice(0, 5)) {
    // arXiv prints "Title:" in its <h1>, a label for the eye, not a word of the title.
    const text = undated(normalize(h1.textContent).replace(/^(?:title|headline)\s*:\s*/i, ''), title);
    const own = words(text);
    // Not a headline carrying a " | Opinion" tail.
    if (own.size < 3 || text.length > MAX_TITLE || text.includes('|') || (site && sameName(text, site)))
      continue;
    // The page marks it as the story's headline (itemprop="headline"): its social title ("The Modern
    // Ambitions Behind Neon", Mozilla's citylab-1 page) is another wording for sharing.
    if (bare || h1.matches('[itemprop~="headline"]')) return text;
    const isTab = shared(own, tab) >= 0.75 * own.size && shared(tab, own) >= 0.75 * tab.size;
    const share = Math.max(shared(own, have) / own.size, isTab ? 0.5 : 0);
    if (share > bestShare || (share === bestShare && !best)) [best, bestShare] = [text, share];
  }
  return best || title;
}

/**
 * A headline without the date a blog prints inside its <h1> before it ("Dec 18 2025 Preparing a …"):
 * a full date with its year, which the page's title does not start with ("Jan. 6 committee …" stays).
 */
function undated(text: string, title: string): string {
  const words = text.split(' ');
  for (let n = Math.min(4, words.length - 3); n > 0; n--) {
    const date = words.slice(0, n).join(' ');
    if (/\d{4}/.test(date) && isDateLine(date) && !title.startsWith(date)) return words.slice(n).join(' ');
  }
  return text;
}

/**
 * A date as an ISO string when it parses; date-times without a zone are read as UTC so the answer does
 * not depend on the machine's time zone. Unparseable dates are dropped.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  let v = normalize(value);
  if (!v) return null;
  // "03-09-2026", "25/12/2025": the day before the month when it must be, else the month first, as
  // JavaScript reads "03/09/2026" (V8 read "03-09-2026" as 9 March 2001, 20:26).
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (dmy) {
    const [a, b] = [+dmy[1]!, +dmy[2]!];
    const [month, day] = a > 12 ? [b, a] : [a, b];
    v = `${dmy[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  // A bare day at noon UTC: the header formats in the reader's time zone, and midnight UTC is the
  // day before anywhere west of Greenwich.
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) v = `${v}T12:00:00Z`;
  else if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v)) v = `${v.replace(' ', 'T')}Z`;
  // "+0100" → "+01:00": the offset form Date.parse accepts everywhere.
  v = v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  // A year the text does not name is the parser's guess (V8 fills in 2001): no date.
  if (!v.includes(String(year)) && !v.includes(String(year + 1)) && !v.includes(String(year - 1)))
    return null;
  if (year <= 1900 || year >= 2200) return null;
  // A time given with the publisher's own offset keeps it: the header then shows the day printed on
  // the page (a story out at 19:30 in New York is dated the 18th there, and the 19th in UTC).
  const off = /([+-])(\d{2}):(\d{2})$/.exec(v);
  const minutes = off ? (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3])) : 0;
  if (!minutes) return new Date(t).toISOString();
  return `${new Date(t + minutes * 60_000).toISOString().slice(0, -1)}${off![0]}`;
}

/**
 * The day a story's address names: /2025/12/19/, /2025-12-15+title, /2010/POLITICS/08/13/ (news
 * sites and blogs date their paths; CNN put the section after the year). Asked after everything the
 * page itself says: a path's date is the first publication's, and an update the page declares is
 * the one it shows.
 */
export function urlDate(url: string | null | undefined): string | null {
  const m =
    /\/((?:19|20)\d\d)(?:[/-]|\/[a-z]{2,20}\/(?=\d+\/\d+\/))(0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/\-+_.]|$)/i.exec(
      (url ?? '').split(/[?#]/)[0]!,
    );
  if (!m) return null;
  const day = m[3]!.padStart(2, '0');
  const iso = toIsoDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${day}`);
  // A day that does not exist (2023-02-31) rolls over: not a date.
  return iso?.slice(8, 10) === day ? iso : null;
}

function publishedTime(
  doc: Document,
  m: MetaIndex,
  fromReadability: string | null | undefined,
  url: string | null | undefined,
): string | null {
  const candidates = [
    fromReadability,
    meta(
      m,
      'article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'date',
      'dc.date.issued',
      'dc.date',
      'sailthru.date',
      'parsely-pub-date',
      'og:published_time',
      'published',
    ),
    doc.querySelector('time[pubdate]')?.getAttribute('datetime') ??
      doc.querySelector('time[pubdate]')?.textContent,
    doc.querySelector('[itemprop~="datePublished"]')?.getAttribute('datetime') ??
      doc.querySelector('[itemprop~="datePublished"]')?.getAttribute('content'),
    doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime'),
  ];
  for (const c of candidates) {
    const iso = toIsoDate(c);
    if (iso) return iso;
  }
  // Last: the date printed beside the headline, for pages that declare none, then the web page's,
  // then the one in the story's address.
  const fromUrl = urlDate(url);
  const printed = headlineDate(doc);
  // A day before the one the story's address names is a day the story tells of, not its own ("The
  // Social Security Act was signed into law on August 14, 1935" in CNN's highlights under the headline).
  const told = printed && fromUrl && Date.parse(printed) < Date.parse(fromUrl) - 86_400_000;
  return (told ? null : printed) ?? toIsoDate(jsonLdPublished(doc)) ?? fromUrl;
}

/** "en_US" → "en-US"; null for empty or malformed tags. */
export function normalizeLang(value: string | null | undefined): string | null {
  // Content-Language may list several ("en, fr"): the first one is the page's.
  const v = (normalize(value).replace(/_/g, '-').split(/[,;]/)[0] ?? '').trim();
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(v) ? v : null;
}

function language(doc: Document, m: MetaIndex, fromReadability: string | null | undefined): string | null {
  return (
    normalizeLang(doc.documentElement?.getAttribute('lang')) ??
    normalizeLang(doc.documentElement?.getAttribute('xml:lang')) ??
    normalizeLang(fromReadability) ??
    normalizeLang(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')) ??
    normalizeLang(meta(m, 'og:locale', 'language', 'dc.language')) ??
    normalizeLang(doc.body?.getAttribute('lang'))
  );
}

/** Text direction: an explicit `dir` wins; otherwise right-to-left languages are rtl, others unknown. */
export function direction(
  doc: Document,
  lang: string | null,
  fromReadability?: string | null,
): 'ltr' | 'rtl' | null {
  for (const value of [
    doc.documentElement?.getAttribute('dir'),
    doc.body?.getAttribute('dir'),
    fromReadability,
  ]) {
    const v = value?.trim().toLowerCase();
    if (v === 'rtl' || v === 'ltr') return v;
  }
  const primary = lang?.toLowerCase().split('-')[0];
  return primary && RTL_LANGS.has(primary) ? 'rtl' : null;
}

function leadImage(doc: Document, m: MetaIndex, url?: string | null): string | null {
  const candidates = [
    meta(
      m,
      'og:image:secure_url',
      'og:image:url',
      'og:image',
      'twitter:image',
      'twitter:image:src',
      'thumbnailUrl',
    ),
    doc.querySelector('link[rel~="image_src"]')?.getAttribute('href'),
  ];
  const base = url || (doc.baseURI !== 'about:blank' ? doc.baseURI : undefined);
  for (const c of candidates) {
    if (!c) continue;
    try {
      const abs = new URL(c.trim(), base);
      if (abs.protocol === 'http:' || abs.protocol === 'https:') return abs.href;
    } catch {
      // Relative URL with no base to resolve it against, or garbage: try the next candidate.
    }
  }
  return null;
}

/** "Tina Huffman | Greenhouse Studio": the author without the site's name a template added. */
function withoutSite(byline: string | null, site: string | null): string | null {
  if (!byline || !site) return byline;
  const parts = byline.split(/\s+[|\-–—]\s+/);
  if (parts.length !== 2) return byline;
  const rest = parts.filter((p) => squash(p) !== squash(site));
  return rest.length === 1 ? rest[0] : byline;
}

/** Reads the page's metadata; `result` is Readability's parse result (or any subset of it). */
export function readMetadata(
  doc: Document,
  result: ReadabilityLike | null | undefined,
  url?: string,
): Metadata {
  const r = result ?? {};
  const m = metaIndex(doc);
  // "MINDESIGNS -", "… Vegan Restaurant |": a separator left over from a title template.
  const raw = normalize(r.siteName) || meta(m, 'og:site_name', 'application-name', 'publisher') || '';
  let named = raw.replace(/^[\s|:•·»\-–—]+|[\s|:•·«\-–—]+$/g, '') || null;
  // A "site name" that repeats a headline-long title is none (Clay's og:site_name): the address names
  // it. A short one stays: a page may be titled with its site's name alone ("Quanta Magazine").
  if (named && squash(named) === squash(doc.title) && (named.match(/\p{L}+/gu)?.length ?? 0) >= 8)
    named = null;
  // Some sites give their address as their name ("http://www.tmz.com"): the header shows "tmz.com".
  const site = named && /^https?:\/\/\S+$/i.test(named) ? hostName(named) : named;
  // A name with its tagline ("Pastore - A leader in corporate, litigation, and financial services
  // law."): the header's kicker shows the name. The title is compared with all of it (Yahoo's
  // "Yahoo News - Latest News & Headlines" is a title that names the site, not a headline).
  const tagged = site && /^(\S+(?: \S+){0,3}?)(?: [-|–—])+ (\S+(?: \S+){2,})$/u.exec(site);
  const lang = language(doc, m, r.lang);
  const excerpt = normalize(r.excerpt) || meta(m, 'description', 'og:description', 'twitter:description');
  return {
    title: chooseTitle(doc, m, r.title, site, url ?? doc.URL),
    byline: withoutSite(
      findByline(
        doc,
        r.byline,
        meta(m, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl'),
        [site, hostName(url ?? doc.URL)],
      ),
      site,
    ),
    siteName: tagged?.[1] ?? site ?? hostName(url ?? doc.URL),
    publishedTime: publishedTime(doc, m, r.publishedTime, url ?? doc.URL),
    lang,
    dir: direction(doc, lang, r.dir),
    excerpt: excerpt ? truncate(excerpt, 500) : null,
    leadImage: leadImage(doc, m, url),
    // Without the text (the pipeline counts its cleaned text itself), no count: 1 minute.
    readingMinutes: r.textContent ? readingMinutes(r.textContent, lang) : 1,
  };
}
