import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, detectArticle, type Part, scoreSignals } from '../../lib/detect';
import { bylineSignals } from '../../lib/detect-byline';
import { metaSignals } from '../../lib/detect-meta';
import { textSignals } from '../../lib/detect-text';
import { urlShape } from '../../lib/detect-url';

const FIXTURES = resolve(__dirname, '../fixtures/detect');

function load(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, name), 'utf8'), 'text/html');
}

/** The contributions the detector saw, parsed back from Detection.signals ("label +1.2"). */
function contributions(d: { signals?: string[] }): Part[] {
  return (d.signals ?? []).map((s) => {
    const m = /^(.*) ([+-]\d+\.\d)$/.exec(s);
    if (!m) throw new Error(`unparsable signal: ${s}`);
    return [m[1], Number(m[2])];
  });
}

describe('detectArticle on fixture pages', () => {
  it('calls a NewsArticle page an article and names JSON-LD, og:type and the text block', () => {
    const d = detectArticle(
      load('news-article.html'),
      'https://metro.example/news/2025/03/14/council-restores-library-hours',
    );
    expect(d.isArticle).toBe(true);
    expect(d.score).toBeGreaterThan(3);
    expect(d.signals?.join('|')).toContain('schema.org NewsArticle');
    expect(d.signals?.join('|')).toContain('og:type article');
    expect(d.signals?.join('|')).toMatch(/text block of \d+ long paragraphs/);
    expect(d.reason).toMatch(/^article: /);
  });

  it('calls a plain blog post with no metadata an article on its text and URL alone', () => {
    const doc = load('plain-blog-post.html');
    expect(metaSignals(doc).ldArticleType).toBe('');
    const d = detectArticle(doc, 'https://valley.example/what-the-budget-vote-means-for-our-branch-library/');
    expect(d.isArticle).toBe(true);
  });

  it('counts a Chinese story’s paragraphs as running text, short as they are in characters (BBC Chinese)', () => {
    const para = '香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询，并向香港民众道歉。';
    const page = (title: string) =>
      new DOMParser().parseFromString(
        `<html><head><title>${title}</title></head><body><h1>港特首梁振英就住宅违建事件道歉</h1>${`<p>${para}</p>`.repeat(8)}</body></html>`,
        'text/html',
      );
    const url = 'https://www.bbc.co.uk/zhongwen/simp/chinese_news/2012/12/121210_hongkong_cy_leung.shtml';
    expect(textSignals(page('港特首梁振英就住宅违建事件道歉 - BBC中文网')).longParas).toBe(8);
    expect(detectArticle(page('港特首梁振英就住宅违建事件道歉 - BBC中文网'), url).isArticle).toBe(true);
    // Under a title in Latin script the bar stays at 120 characters.
    expect(textSignals(page('Hong Kong leader apologises')).longParas).toBe(0);
  });

  it('rejects a section front of 30 teaser links', () => {
    const doc = load('section-front.html');
    expect(textSignals(doc).linkedHeads).toBeGreaterThanOrEqual(30);
    const d = detectArticle(doc, 'https://metro.example/news/');
    expect(d.isArticle).toBe(false);
    expect(d.reason).toMatch(/^not an article: /);
  });

  it('rejects a product page (JSON-LD Product with an offer, price, cart) and says why', () => {
    const d = detectArticle(load('product.html'), 'https://outfitters.example/product/trailhead-25-daypack');
    expect(d.isArticle).toBe(false);
    expect(d.reason).toContain('schema.org Product');
    expect(d.signals?.join('|')).toContain('price markup');
  });

  it('rejects a tag listing of <article> cards with excerpts', () => {
    const d = detectArticle(load('tag-listing.html'), 'https://metro.example/tag/city-budget/');
    expect(d.isArticle).toBe(false);
    expect(d.signals?.join('|')).toContain('schema.org list page');
  });

  // Decision: og:type article alone does not make a page a story. Many CMSes stamp it on every page
  // (Yoast does on WordPress pages), and on the development corpus 72 of 446 non-article pages
  // carry it; a listing-shaped page with it stays "not an article".
  it('rejects a listing-shaped page that only claims og:type article', () => {
    const doc = load('og-article-listing.html');
    expect(metaSignals(doc).ogType).toBe('article');
    const d = detectArticle(doc, 'https://metro.example/opinion/');
    expect(d.isArticle).toBe(false);
    expect(d.signals?.join('|')).toContain('og:type article');
  });

  it('survives weird JSON-LD and still reads the type from a commented, array-typed node', () => {
    const doc = load('weird-jsonld.html');
    const m = metaSignals(doc);
    expect(m.ldArticleType).toBe('BlogPosting');
    expect(() => detectArticle(doc)).not.toThrow();
  });

  // The New York Times marks every story up as a NewsArticle item whose `isPartOf` is typed
  // "CreativeWork Product" (its paywall markup): Mozilla's nytimes-3 and nytimes-4 pages were called
  // product pages. An item that is another item's property does not say what the page is.
  it('reads the page type from top-level microdata items, not from an item that is a property', () => {
    const html = (body: string) =>
      new DOMParser().parseFromString(
        `<html itemscope itemtype="http://schema.org/NewsArticle"><body>${body}</body></html>`,
        'text/html',
      );
    const nyt = metaSignals(
      html(
        '<span itemprop="isPartOf" itemscope itemtype="http://schema.org/CreativeWork%20http://schema.org/Product"></span>',
      ),
    );
    expect(nyt.ldArticleType).toBe('NewsArticle');
    expect(nyt.ldProduct).toBe(false);
    const shop = (body: string) =>
      metaSignals(new DOMParser().parseFromString(`<html><body>${body}</body></html>`, 'text/html'));
    expect(shop('<div itemscope itemtype="https://schema.org/Product"></div>').ldProduct).toBe(true);
    expect(
      shop('<main itemprop="mainEntity" itemscope itemtype="https://schema.org/Product"></main>').ldProduct,
    ).toBe(true);
    expect(
      shop('<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"></div>').ldProduct,
    ).toBe(false);
  });
});

describe('detectArticle never throws and says no on non-pages', () => {
  const cases: [string, () => Document][] = [
    [
      'an SVG document',
      () =>
        new DOMParser().parseFromString(
          '<svg xmlns="http://www.w3.org/2000/svg"><text>hi</text></svg>',
          'image/svg+xml',
        ),
    ],
    [
      'an XML document',
      () =>
        new DOMParser().parseFromString(
          '<?xml version="1.0"?><rss><channel><item><title>x</title></item></channel></rss>',
          'application/xml',
        ),
    ],
    ['an XML parse error', () => new DOMParser().parseFromString('<a><b></a>', 'application/xml')],
    ['an empty HTML document', () => document.implementation.createHTMLDocument('')],
    ['a document with no root element', () => document.implementation.createDocument(null, null)],
    ['a frameset', () => load('frameset.html')],
    [
      'a body-less page',
      () => {
        const d = document.implementation.createHTMLDocument('x');
        d.body.remove();
        return d;
      },
    ],
  ];
  for (const [name, make] of cases) {
    it(`handles ${name}`, () => {
      const doc = make();
      const d = detectArticle(doc, 'https://example.com/2025/03/14/a-long-story-slug-with-many-words');
      expect(d.isArticle).toBe(false);
      expect(typeof d.reason).toBe('string');
      expect(d.reason).toMatch(/^not an article/);
    });
  }

  it('handles a bad URL and no URL', () => {
    const doc = load('news-article.html');
    expect(detectArticle(doc, 'not a url').isArticle).toBe(true);
    expect(detectArticle(doc).isArticle).toBe(true);
  });
});

describe('reason', () => {
  it('names the strongest signal on the winning side first', () => {
    for (const [file, url] of [
      ['news-article.html', 'https://metro.example/news/2025/03/14/council-restores-library-hours'],
      ['product.html', 'https://outfitters.example/product/trailhead-25-daypack'],
      ['plain-blog-post.html', 'https://valley.example/what-the-budget-vote-means-for-our-branch-library/'],
    ]) {
      const d = detectArticle(load(file), url);
      const sign = d.isArticle ? 1 : -1;
      const strongest = contributions(d)
        .filter(([, w]) => w * sign > 0)
        .sort((a, b) => (b[1] - a[1]) * sign)[0];
      expect(strongest, file).toBeDefined();
      const listed = d.reason.replace(/^[^:]*: /, '').replace('too little article evidence + ', '');
      expect(listed.startsWith(strongest[0]), `${file}: ${d.reason}`).toBe(true);
    }
  });

  it('says "too little article evidence" when the page fails for want of signals', () => {
    const d = decide([['heads', -0.6, 2]]);
    expect(d.isArticle).toBe(false);
    expect(d.reason).toBe('not an article: too little article evidence + 2 headings (score -4.4)');
  });

  it('is a pure function of the signals', () => {
    const doc = load('news-article.html');
    const url = 'https://metro.example/news/2025/03/14/council-restores-library-hours';
    const parts = scoreSignals({
      url: urlShape(url),
      meta: metaSignals(doc),
      text: textSignals(doc),
      near: bylineSignals(doc),
    });
    expect(parts.length).toBeGreaterThan(3);
    expect(decide(parts).isArticle).toBe(true);
  });
});

describe('byline and headline cues', () => {
  it('finds the date next to the headline', () => {
    const n = bylineSignals(load('news-article.html'));
    expect(n.date).toBe(true);
    expect(n.readTime).toBe(false);
  });

  it('does not take a date far below the headline for a dateline', () => {
    const doc = new DOMParser().parseFromString(
      `<body><h1>Council restores library hours</h1><p>${'Long text without any dates at all. '.repeat(40)}</p><p>Posted March 14, 2025</p></body>`,
      'text/html',
    );
    expect(bylineSignals(doc).date).toBe(false);
  });

  it('reads story and generic wording in headlines and titles', () => {
    const doc = (title: string, h1: string) =>
      new DOMParser().parseFromString(`<title>${title}</title><body><h1>${h1}</h1></body>`, 'text/html');
    expect(bylineSignals(doc('x', 'How the council saved the libraries')).headStory).toBe(true);
    expect(bylineSignals(doc('x', '10 ways to keep your branch library open')).headStory).toBe(true);
    expect(bylineSignals(doc('x', 'Who we are and what we do for you')).headStory).toBe(false);
    expect(bylineSignals(doc('x', 'Our plumbing services for your home')).headStory).toBe(false);
    expect(
      bylineSignals(doc('Plumbing Services | Acme', 'Reliable plumbing for your home')).headGeneric,
    ).toBe(true);
  });

  it('finds nothing where there is no headline', () => {
    const n = bylineSignals(load('frameset.html'));
    expect(n).toMatchObject({ date: false, readTime: false, headStory: false });
  });
});

describe('urlShape', () => {
  it('sees dated paths and long slugs as story-shaped', () => {
    const u = urlShape(
      'https://www.npr.org/2023/10/17/1206601882/plumbers-are-training-as-substitute-teachers',
    );
    expect(u).toMatchObject({ dated: true, listing: false, home: false });
    expect(u.slugWords).toBe(6);
    expect(urlShape('https://blog.example/2025/12/small-adventures.html').dated).toBe(true);
    expect(urlShape('https://x.example/20250314-budget-vote').dated).toBe(true);
  });

  it('finds the slug wherever it is', () => {
    const u = urlShape(
      'https://economictimes.example/us/life/coffee-lovers-rejoice/articleshow/126062150.cms',
    );
    expect(u.slugWords).toBe(3);
    expect(u.storyWord).toBe(true);
    expect(urlShape('https://x.example/news/council-restores-library-hours-12345.html')).toMatchObject({
      storyWord: true,
      slugWords: 4,
    });
  });

  it('sees tags, categories, searches and later pages as listings', () => {
    expect(urlShape('https://x.example/category/politics/').listing).toBe(true);
    expect(urlShape('https://x.example/tag/elections/').listing).toBe(true);
    expect(urlShape('https://x.example/search?q=cats').listing).toBe(true);
    expect(urlShape('https://x.example/news/?page=1').listing).toBe(true);
    expect(urlShape('https://x.example/blog/page/2/').listing).toBe(true);
  });

  it('does not take a story under an archive or topics folder for a listing', () => {
    expect(urlShape('https://davidbau.example/archives/2025/12/16/vibe_coding.html').listing).toBe(false);
    expect(urlShape('https://gearlab.example/topics/cool-gadgets/best-electric-scooter').listing).toBe(false);
  });

  it('sees home pages and shop paths', () => {
    expect(urlShape('https://x.example/').home).toBe(true);
    expect(urlShape('https://x.example/?utm_source=feed').home).toBe(true);
    expect(urlShape('https://www.amazon.example/dp/B0D1XD1ZV3').shop).toBe(true);
    expect(urlShape('https://x.example/products/death-wish-coffee').shop).toBe(true);
    expect(urlShape('https://x.example/collections/mens-sneakers').shop).toBe(true);
  });

  it('returns an all-false shape for missing or bad URLs', () => {
    for (const bad of [undefined, null, '', 'not a url', 'about:blank']) {
      const u = urlShape(bad);
      expect(u.home || u.dated || u.listing || u.shop || u.storyWord).toBe(false);
      expect(u.slugWords).toBe(0);
    }
  });
});
