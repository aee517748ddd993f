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
const PRODUCT_TYPE = /^(?:Product|ProductGroup|ProductModel|Offer|AggregateOffer|IndividualProduct|Vehicle|Car|Book)$/;
const LIST_TYPE = /^(?:ItemList|CollectionPage|SearchResultsPage|Blog|OfferCatalog)$/;
const OTHER_TYPE =
  /^(?:FAQPage|ProfilePage|QAPage|ContactPage|AboutPage|Service|SoftwareApplication|WebApplication|MobileApplication|Course|Event|JobPosting|DiscussionForumPosting|Recipe|Store|LocalBusiness)$/;

/** Upper bound on JSON-LD text parsed per page: some sites inline megabytes of app state as ld+json. */
const LD_MAX_CHARS = 300_000;

export function metaSignals(doc: Document): MetaSignals {
  const s: MetaSignals = {
    ogType: (metaContent(doc, 'og:type') ?? '').toLowerCase().trim(),
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
  readJsonLd(doc, s);
  readMicrodata(doc, s);
  s.metaDate =
    doc.querySelector(
      'meta[property="article:published_time"],meta[name="article:published_time"],meta[itemprop="datePublished"],meta[name="date"],meta[name="pubdate"],meta[name="publish-date"],meta[name="sailthru.date"],meta[name="parsely-pub-date"],meta[property="og:article:published_time"],meta[name="dc.date"],meta[name="DC.date.issued"]',
    ) !== null;
  s.times = doc.querySelectorAll('time[datetime],time[pubdate]').length;
  s.byline =
    doc.querySelector(
      '[rel="author"],[itemprop~="author"],meta[property="article:author"],meta[name="author"],meta[name="parsely-author"],.byline,.author-name,[class*="byline"]',
    ) !== null;
  s.price =
    doc.querySelector(
      '[itemprop="price"],meta[property="product:price:amount"],meta[property="og:price:amount"],[data-add-to-cart],form[action*="cart/add"],[name="add-to-cart"]',
    ) !== null;
  return s;
}

function metaContent(doc: Document, prop: string): string | null {
  const el = doc.querySelector(`meta[property="${prop}"],meta[name="${prop}"]`);
  return el ? el.getAttribute('content') : null;
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

/** Microdata itemtype on the page's first few typed items (schema.org/NewsArticle...). */
function readMicrodata(doc: Document, s: MetaSignals): void {
  const items = doc.querySelectorAll('[itemscope][itemtype]');
  for (let i = 0; i < items.length && i < 8; i++) {
    const it = items[i].getAttribute('itemtype') ?? '';
    const wasDated = s.ldArticleDated;
    noteTypes(it.trim().split(/\s+/), s);
    s.ldArticleDated = wasDated;
  }
}
