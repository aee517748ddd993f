/**
 * What a page says about itself in its head and markup: og:type, JSON-LD and microdata types,
 * publication dates and bylines, shop markers. Cheap: a handful of selector queries and the JSON-LD
 * scripts (capped), never a walk over the whole tree.
 */

export interface MetaSignals {
  /** og:type, lower-cased ('' when absent). */
  ogType: string;
  /** JSON-LD / microdata declares the page (or its main entity) an article type. */
  ldArticle: boolean;
  /** That article node carries a datePublished or an author. */
  ldArticleDated: boolean;
  /** JSON-LD / microdata declares a product, offer or product group. */
  ldProduct: boolean;
  /** JSON-LD declares a listing: ItemList, CollectionPage, SearchResultsPage, Blog. */
  ldList: boolean;
  /** JSON-LD declares some other non-story page: FAQPage, ProfilePage, QAPage, Service, SoftwareApplication... */
  ldOther: boolean;
  /** Article publication date in meta tags (article:published_time, itemprop/name=date...). */
  metaDate: boolean;
  /** Number of time[datetime] elements in the body (capped). */
  times: number;
  /** Byline markup: rel=author, itemprop=author, meta name=author / article:author, .byline. */
  byline: boolean;
  /** Price markup or cart buttons. */
  price: boolean;
}

const ARTICLE_TYPE =
  /^(?:\w*NewsArticle|Article|BlogPosting|ReportageNews|LiveBlogPosting|Report|ScholarlyArticle|SatiricalArticle|AdvertiserContentArticle|SocialMediaPosting)$/;
const PRODUCT_TYPE =
  /^(?:Product|ProductGroup|ProductModel|Offer|AggregateOffer|IndividualProduct|Vehicle|Car|Book)$/;
const LIST_TYPE = /^(?:ItemList|CollectionPage|SearchResultsPage|Blog|OfferCatalog)$/;
const OTHER_TYPE =
  /^(?:FAQPage|ProfilePage|QAPage|ContactPage|AboutPage|Service|SoftwareApplication|WebApplication|MobileApplication|Course|Event|JobPosting|DiscussionForumPosting|Recipe|Store|LocalBusiness)$/;

/** Upper bound on JSON-LD text parsed per page: some sites inline megabytes of app state as ld+json. */
const LD_MAX_CHARS = 300_000;

// Meta names/properties (lower-cased) that carry a story's publication date, author, or a price.
const DATE_KEY =
  /^(?:(?:og:)?article:published_time|datepublished|date|pubdate|publish[-_]?date|sailthru\.date|parsely-pub-date|dc\.date(?:\.issued)?|dcterms\.created|article\.published|publication_date|citation_publication_date)$/;
const AUTHOR_KEY =
  /^(?:author|article:author|parsely-author|sailthru\.author|byl|dc\.creator|citation_author)$/;
const PRICE_KEY = /^(?:product:price:amount|og:price:amount|price|product:price)$/;

export function metaSignals(doc: Document): MetaSignals {
  const s: MetaSignals = {
    ogType: '',
    ldArticle: false,
    ldArticleDated: false,
    ldProduct: false,
    ldList: false,
    ldOther: false,
    metaDate: false,
    times: 0,
    byline: false,
    price: false,
  };
  // One pass over <meta> instead of a selector per key: selector engines walk the whole tree per query.
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length && i < 400; i++) {
    const m = metas[i];
    const key = (
      m.getAttribute('property') ||
      m.getAttribute('name') ||
      m.getAttribute('itemprop') ||
      ''
    ).toLowerCase();
    if (!key) continue;
    if (key === 'og:type') s.ogType = (m.getAttribute('content') ?? '').toLowerCase().trim();
    else if (DATE_KEY.test(key)) s.metaDate = true;
    else if (AUTHOR_KEY.test(key)) s.byline = true;
    else if (PRICE_KEY.test(key)) s.price = true;
  }
  readJsonLd(doc, s);
  readMarkup(doc, s);
  return s;
}

/**
 * Body markup in one selector query: microdata types, author/price item properties, rel=author,
 * byline classes and time elements.
 */
function readMarkup(doc: Document, s: MetaSignals): void {
  const els = doc.querySelectorAll('[itemtype],[itemprop],[rel~="author"],[class*="byline"],time');
  let typed = 0;
  for (let i = 0; i < els.length && i < 2000; i++) {
    const el = els[i];
    if (el.localName === 'time') {
      if (el.hasAttribute('datetime') || el.hasAttribute('pubdate')) s.times++;
      continue;
    }
    const type = el.getAttribute('itemtype');
    if (type && typed++ < 8) {
      // Microdata type: nested items (authors, offers) are recorded too, like JSON-LD's main nodes.
      const wasDated = s.ldArticleDated;
      noteTypes(type.trim().split(/\s+/), s);
      s.ldArticleDated = wasDated;
    }
    const prop = el.getAttribute('itemprop');
    if (prop) {
      if (/\bauthor\b/.test(prop)) s.byline = true;
      else if (/\bprice\b/.test(prop)) s.price = true;
      else if (/\bdatePublished\b/.test(prop)) s.metaDate = true;
    }
    if (!prop && !type) s.byline = true;
  }
}

/** Record the types of JSON-LD nodes: top-level, @graph members and their mainEntity. */
function readJsonLd(doc: Document, s: MetaSignals): void {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  let budget = LD_MAX_CHARS;
  for (let i = 0; i < scripts.length && i < 12; i++) {
    const text = scripts[i].textContent ?? '';
    budget -= text.length;
    if (budget < 0) break;
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g, ''));
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
      noteTypes(o['@type'], s, o);
    }
  }
}

function noteTypes(raw: unknown, s: MetaSignals, node?: Record<string, unknown>): void {
  const list = Array.isArray(raw) ? raw : [raw];
  for (const t of list) {
    if (typeof t !== 'string') continue;
    const name = t.replace(/^.*[/:#]/, '');
    if (ARTICLE_TYPE.test(name)) {
      s.ldArticle = true;
      if (node && (node.datePublished || node.author)) s.ldArticleDated = true;
    } else if (PRODUCT_TYPE.test(name)) s.ldProduct = true;
    else if (LIST_TYPE.test(name)) s.ldList = true;
    else if (OTHER_TYPE.test(name)) s.ldOther = true;
  }
}
