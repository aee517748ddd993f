/**
 * What a page's URL alone says about it. Stories live at long, specific addresses (a dated path, a
 * many-word slug); section fronts, tags, searches, shops and home pages live at short, generic ones.
 * Pure string work; bad or non-http URLs yield an all-false shape. (A numeric id and a section root
 * such as /news/ were measured too and added nothing once these were in: bench/results/detect.md.)
 */

import { wordSet } from './word-set';

export interface UrlShape {
  /** Path names a date: /2025/03/14/, /2025/03/, /20250314-. */
  dated: boolean;
  /** Words in the wordiest path segment (split on - _ +). */
  slugWords: number;
  /** Home page: empty path (query strings such as tracking ids ignored). */
  home: boolean;
  /** A container path: /category/x, /tag/x, /topics/x, /search, /page/2, ?page=, ?q=. */
  listing: boolean;
  /** A shop path: /product/, /products/, /p/, /dp/, /itm/, /collections/, /shop/, /cart. */
  shop: boolean;
  /** A folder that holds stories: /article/, /story/, /blog/, /news/, /posts/... followed by more path. */
  storyWord: boolean;
}

const EMPTY: UrlShape = {
  dated: false,
  slugWords: 0,
  home: false,
  listing: false,
  shop: false,
  storyWord: false,
};

// Segments that name a collection of pages rather than one page.
const LISTING_SEGS = wordSet(
  'category categories cat tag tags topic topics section sections archive archives search author authors page label labels latest index list directory browse all explore hub series collection collections',
);
const SHOP_SEGS = wordSet(
  'product products p dp gp itm item items shop store buy cart checkout c catalog catalogue collections listing app apps pricing plans deals sale',
);
const STORY_SEGS = wordSet(
  'article articles story stories post posts blog blogs news opinion feature features column columns analysis insights magazine journal review reviews guide guides learn resources press entry entries a s articleshow wiki',
);
const LISTING_KEYS = wordSet('page paged p pg q query s search keyword sort filter tag category cat');

// Regular expressions are compiled on first use, and a content script's every run is a first run:
// the checks below are plain string work.
const isYear = (w: string) => w.length === 4 && +w >= 1995 && +w <= 2039;
const isMonth = (w: string) =>
  w.length > 0 && w.length <= 2 && digitRun(w) === w.length && +w >= 1 && +w <= 12;

/**
 * The page's address: the one given, else the document's own, else the canonical link or og:url it
 * declares (a saved page or a test fixture has no http address of its own).
 */
export function pageUrl(doc: Document, url?: string | null): string | null {
  for (const u of [url, doc.URL]) if (u?.startsWith('http')) return u;
  const el = doc.querySelector('link[rel="canonical"][href],meta[property="og:url"][content]');
  return el?.getAttribute('href') ?? el?.getAttribute('content') ?? null;
}

export function urlShape(url: string | undefined | null): UrlShape {
  if (!url) return EMPTY;
  let u: URL;
  let path: string;
  try {
    u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return EMPTY;
    path = u.pathname.toLowerCase();
    path = decodeURIComponent(path);
  } catch {
    if (!path!) return EMPTY;
  }
  const segs = path.split('/').filter((s) => s.length > 0);
  // The slug is the wordiest segment: usually the last, but /slug/12345, /slug/amp and
  // /slug/articleshow/123.cms put it earlier.
  let slugWords = 0;
  let dated = false;
  let listingSeg = false;
  let shop = false;
  let storyWord = false;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const dot = seg.lastIndexOf('.');
    const words = (dot > 0 ? seg.slice(0, dot) : seg).split('_').join('-').split('+').join('-').split('-');
    let n = 0;
    for (let j = 0; j < words.length; j++) {
      const w = words[j];
      if (hasLetter(w)) n++;
      // A year-month inside a segment: /2025-03-14-budget-vote.
      else if (isYear(w) && isMonth(words[j + 1] ?? '')) dated = true;
      // A compact yyyymmdd word: /20250314-budget-vote.
      else if (w.length === 8 && isYear(w.slice(0, 4)) && isMonth(w.slice(4, 6))) dated = true;
    }
    slugWords = Math.max(slugWords, n);
    // A year segment followed by a month segment: /2025/03/ or /2025/3/14/.
    if (isYear(seg) && i + 1 < segs.length && isMonth(segs[i + 1])) dated = true;
    listingSeg ||= LISTING_SEGS.has(seg);
    shop ||= SHOP_SEGS.has(seg);
    storyWord ||= i < segs.length - 1 && STORY_SEGS.has(seg);
  }
  let query = false;
  for (const key of u!.searchParams.keys()) query ||= LISTING_KEYS.has(key.toLowerCase());
  const last = segs.length - 1;
  return {
    dated,
    slugWords,
    home: segs.length === 0,
    // /archive/2025/12/long-story-slug.html and /topics/best-electric-scooter are stories.
    listing:
      (listingSeg && slugWords <= 2 && !dated) ||
      query ||
      (last > 0 && segs[last - 1] === 'page' && digitRun(segs[last]) > 0),
    shop,
    storyWord,
  };
}

/** A letter (ASCII, or any non-ASCII character: accented and non-Latin words count). */
function hasLetter(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c >= 192) return true;
  }
  return false;
}

/** Length of the longest run of ASCII digits. */
function digitRun(w: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    run = c >= 48 && c <= 57 ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}
