/**
 * What a page says about itself: og:type, JSON-LD and microdata types, a publication date in meta
 * tags, price markup and the CMS template named in <body>'s classes.
 *
 * Cost matters more than elegance here (this runs on every page load): one pass over <meta>, the
 * JSON-LD scripts with a size cap, one selector query over the body, and word lists as Sets rather
 * than big regex alternations (a regex is compiled on its first run, and a content script's every
 * run is a first run).
 */

import { isArticleType } from './schema-types';
import { wordSet } from './word-set';

export interface MetaSignals {
  /** og:type, lower-cased ('' when absent). */
  ogType: string;
  /** The first story type declared in JSON-LD or microdata (NewsArticle, BlogPosting...), or ''. */
  ldArticleType: string;
  /** JSON-LD / microdata declares a product, offer or product group. */
  ldProduct: boolean;
  /** JSON-LD declares a listing: ItemList, CollectionPage, SearchResultsPage, Blog. */
  ldList: boolean;
  /** JSON-LD declares another non-story page: FAQPage, ProfilePage, Service, SoftwareApplication... */
  ldOther: boolean;
  /** A publication date in meta tags (article:published_time, itemprop=datePublished...). */
  metaDate: boolean;
  /** Price markup: product:price meta, itemprop=price. */
  price: boolean;
  /** Elements with "price" in their class (a shop shows one per product card). */
  priceEls: number;
  /**
   * CMS template named in <body>/<html> classes: 'post' (WordPress single-post, Drupal article
   * node, HubSpot blog post...), 'list' (archive, category, tag, search, home), 'product', or ''.
   */
  template: '' | 'post' | 'list' | 'product';
}

const PRODUCT_TYPES = wordSet('Product ProductGroup ProductModel Offer AggregateOffer IndividualProduct');
const LIST_TYPES = wordSet('ItemList CollectionPage SearchResultsPage Blog OfferCatalog');
// Recipe is left out on purpose: food-blog posts often declare only a Recipe.
const OTHER_TYPES = wordSet(
  'FAQPage ProfilePage QAPage ContactPage AboutPage Service SoftwareApplication WebApplication Course Event JobPosting DiscussionForumPosting Store LocalBusiness',
);
// Meta names/properties (lower-cased) that carry a story's publication date, or a price.
const DATE_KEYS = wordSet(
  'article:published_time datepublished date pubdate publishdate publish-date sailthru.date parsely-pub-date dc.date.issued citation_publication_date',
);
const PRICE_KEYS = wordSet('product:price:amount og:price:amount product:price price');

// Template classes that CMSes put on <body>: WordPress (single-post, post-template-default,
// single-format-*, archive, category, tag, search, home, single-product), Drupal
// (page-node-type-article), HubSpot (hs-blog-post) and common theme conventions.
const POST_CLASSES = wordSet(
  'single-post post-template-default node-type-article page-node-type-article page-node-type-blog hs-blog-post blog-post single-blog template-article articlepage',
);
const LIST_CLASSES = wordSet(
  'archive category tag search search-results home post-type-archive view-list product-listing-page page-category template-collection',
);
const PRODUCT_CLASSES = wordSet(
  'single-product product-template-default page-product template-product woocommerce-page',
);

/** JSON-LD budget: some sites inline megabytes of app state as ld+json; story markup is small. */
const LD_SCRIPT_MAX = 60_000;
const LD_TOTAL_MAX = 150_000;

export function metaSignals(doc: Document): MetaSignals {
  const s: MetaSignals = {
    ogType: '',
    ldArticleType: '',
    ldProduct: false,
    ldList: false,
    ldOther: false,
    metaDate: false,
    price: false,
    priceEls: 0,
    template: '',
  };
  // <head> only: the whole-document collection would walk every element once more.
  const metas = (doc.head ?? doc).getElementsByTagName('meta');
  for (let i = 0; i < metas.length && i < 400; i++) {
    const m = metas[i];
    const key = (
      m.getAttribute('property') ||
      m.getAttribute('name') ||
      m.getAttribute('itemprop') ||
      ''
    ).toLowerCase();
    if (key === 'og:type') s.ogType = (m.getAttribute('content') ?? '').toLowerCase().trim();
    else if (DATE_KEYS.has(key)) s.metaDate = true;
    else if (PRICE_KEYS.has(key)) s.price = true;
  }
  readJsonLd(doc, s);
  readMarkup(doc, s);
  s.template = templateOf(
    `${doc.body?.getAttribute('class') ?? ''} ${doc.documentElement?.getAttribute('class') ?? ''}`,
  );
  return s;
}

/** Record the types of JSON-LD nodes: top-level, @graph members and their mainEntity. */
function readJsonLd(doc: Document, s: MetaSignals): void {
  const scripts = doc.getElementsByTagName('script');
  let budget = LD_TOTAL_MAX;
  for (let i = 0; i < scripts.length && budget > 0; i++) {
    if (scripts[i].getAttribute('type') !== 'application/ld+json') continue;
    const text = scripts[i].textContent ?? '';
    if (text.length > LD_SCRIPT_MAX) continue;
    budget -= text.length;
    let data: unknown;
    try {
      // Some CMSes wrap the JSON in an HTML comment or CDATA (rare: only then pay for a regex).
      const t = text.trim();
      data = JSON.parse(t[0] === '<' ? t.replace(/^(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)$/g, '') : t);
    } catch {
      continue;
    }
    const queue: unknown[] = Array.isArray(data) ? data.slice(0, 50) : [data];
    for (let j = 0; j < queue.length && j < 80; j++) {
      const node = queue[j];
      if (!node || typeof node !== 'object') continue;
      const o = node as Record<string, unknown>;
      if (Array.isArray(o['@graph'])) queue.push(...(o['@graph'] as unknown[]).slice(0, 50));
      if (o.mainEntity && typeof o.mainEntity === 'object') queue.push(o.mainEntity);
      noteTypes(o['@type'], s);
    }
  }
}

function noteTypes(raw: unknown, s: MetaSignals, storyOnly?: boolean): void {
  for (const t of Array.isArray(raw) ? raw : [raw]) {
    if (typeof t !== 'string') continue;
    // "http://schema.org/NewsArticle", "schema:NewsArticle" → "NewsArticle".
    const name = t.slice(Math.max(t.lastIndexOf('/'), t.lastIndexOf(':'), t.lastIndexOf('#')) + 1);
    if (isArticleType(name)) s.ldArticleType ||= name;
    else if (storyOnly) continue;
    else if (PRODUCT_TYPES.has(name)) s.ldProduct = true;
    else if (LIST_TYPES.has(name)) s.ldList = true;
    else if (OTHER_TYPES.has(name)) s.ldOther = true;
  }
}

/** Microdata types, price and date item properties, and price-classed elements: one query. */
function readMarkup(doc: Document, s: MetaSignals): void {
  const els = doc.querySelectorAll(
    '[itemtype],[itemprop="price"],[itemprop="datePublished"],[class*="price"],[class*="Price"]',
  );
  let typed = 0;
  for (let i = 0; i < els.length; i++) {
    const el = els[i];
    const type = el.getAttribute('itemtype');
    const prop = el.getAttribute('itemprop');
    // The first few typed items describe the page. One that is another item's property says only
    // that a story is there (WordPress themes nest the post as a Blog's `blogPost`), never that the
    // page is a product or a list: every New York Times story is a NewsArticle whose `isPartOf`, its
    // paywall markup, is typed Product.
    if (type && typed++ < 8) noteTypes(type.trim().split(' '), s, !!prop && prop !== 'mainEntity');
    if (prop === 'price') s.price = true;
    else if (prop === 'datePublished') s.metaDate = true;
    const cls = el.getAttribute('class');
    if (cls?.toLowerCase().includes('price')) s.priceEls++;
  }
}

function templateOf(classes: string): MetaSignals['template'] {
  let t: MetaSignals['template'] = '';
  for (const c of classes.toLowerCase().split(' ')) {
    if (PRODUCT_CLASSES.has(c)) return 'product';
    if (POST_CLASSES.has(c) || c.startsWith('single-format-')) t = 'post';
    else if (!t && (LIST_CLASSES.has(c) || c.startsWith('tax-'))) t = 'list';
  }
  return t;
}
