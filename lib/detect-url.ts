/**
 * What a page's URL alone says about it. Stories live at long, specific addresses (a dated path, a
 * many-word slug, a numeric id); section fronts, tags, searches, shops and home pages live at short,
 * generic ones. Pure string work: no DOM, no URL parsing failures escape.
 */

export interface UrlShape {
  /** Path or query names a date: /2025/03/14/, /2025/03/, /20250314-, ?date=... */
  dated: boolean;
  /** Words in the wordiest path segment (split on - _ +). */
  slugWords: number;
  /** A story-like id: 5+ digits in the last segment (-12345.html, /1206601882/, articleshow/123.cms). */
  numericId: boolean;
  /** Home page: empty path (query strings such as tracking ids ignored). */
  home: boolean;
  /** A generic container path: /category/, /tag/, /topics/, /search, /page/2, ?page=. */
  listing: boolean;
  /** One or two one-word segments: /news/, /world/, /news/politics/. */
  section: boolean;
  /** A shop path: /product/, /products/, /p/, /dp/, /itm/, /collections/, /shop/, /cart. */
  shop: boolean;
  /** Path says story: /article/, /story/, /blog/<slug>, /news/<slug>, /post/, /posts/... */
  storyWord: boolean;
  /** Number of non-empty path segments. */
  depth: number;
}

const EMPTY: UrlShape = {
  dated: false,
  slugWords: 0,
  numericId: false,
  home: false,
  listing: false,
  section: false,
  shop: false,
  storyWord: false,
  depth: 0,
};

// A year 1995–2039 followed by a month, as path segments or a compact yyyymmdd.
const DATED =
  /\/(?:199[5-9]|20[0-3]\d)[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)|[/_-](?:199[5-9]|20[0-3]\d)(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])(?:[/_.-]|$)/;
// Segments that name a collection of pages rather than one page.
const LISTING_SEG =
  /^(?:category|categories|cat|tag|tags|topic|topics|section|sections|archive|archives|search|author|authors|page|label|labels|latest|index|list|directory|browse|all|explore|hub|series|collections?)$/;
const SHOP_SEG =
  /^(?:product|products|p|dp|gp|itm|item|items|shop|store|buy|cart|checkout|c|catalog|catalogue|collections|listing|app|apps|pricing|plans|deals|sale)$/;
const STORY_SEG =
  /^(?:article|articles|story|stories|post|posts|blog|blogs|news|opinion|features?|column|columns|columnists?|analysis|insights?|magazine|journal|reviews?|guides?|learn|resources|press|press-releases?|releases?|entry|entries|a|s|articleshow|newsid|wiki)$/;
// Query keys of listing pages: pagination, search and filters.
const LISTING_QUERY = /(?:^|[?&])(?:page|paged|p|pg|q|query|s|search|keyword|sort|filter|tag|category|cat)=/i;

/** Classify a URL's shape. Accepts anything (bad input yields an all-false shape). */
export function urlShape(url: string | undefined | null): UrlShape {
  if (!url) return EMPTY;
  let path: string;
  let query: string;
  try {
    const u = new URL(url);
    path = decodeURIComponentSafe(u.pathname).toLowerCase();
    query = u.search;
  } catch {
    return EMPTY;
  }
  const segs = path.split('/').filter((s) => s.length > 0);
  // The slug is the wordiest segment: usually the last, but /slug/12345, /slug/amp and
  // /slug/articleshow/123.cms put it earlier.
  let slugWords = 0;
  for (const seg of segs) {
    const words = seg.replace(/\.[a-z]{2,5}$/, '').split(/[-_+]+/);
    slugWords = Math.max(slugWords, words.filter((w) => /[a-z\u00c0-\uffff]/.test(w)).length);
  }
  const numericId = segs.some((seg) => /(?:^|\D)\d{5,}(?:\D|$)/.test(seg));
  const listingSeg = segs.some((s) => LISTING_SEG.test(s));
  const paged = /\/page\/\d+\/?$/.test(path) || LISTING_QUERY.test(query);

  return {
    dated: DATED.test(path),
    slugWords,
    numericId,
    home: segs.length === 0,
    listing: listingSeg || paged,
    // A lone section word (/news/, /world/, /tech/) or two of them (/news/world/).
    section: segs.length > 0 && segs.length <= 2 && slugWords <= 1 && !/\d/.test(path),
    shop: segs.some((s) => SHOP_SEG.test(s)),
    storyWord: segs.length > 1 && segs.slice(0, -1).some((s) => STORY_SEG.test(s)),
    depth: segs.length,
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
