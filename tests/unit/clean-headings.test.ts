import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  idFromText,
  readabilityTitle,
  shieldSectionHeadings,
  unflagHeadings,
  unflagStoryBlocks,
} from '@/lib/clean-headings';
import { extractArticle } from '@/lib/extract';

const para = (i: number) =>
  `<p>Paragraph ${i}: the contractor said a kitchen remodel in the Bay Area now costs about a third more than it did in 2019, and that prices keep rising.</p>`;

const page = (html: string) =>
  new JSDOM(`<!doctype html><html><head><title>Remodel costs</title></head><body>${html}</body></html>`, {
    url: 'https://news.example/2025/remodel-costs',
  }).window.document;

describe('idFromText', () => {
  it('knows ids spelt from the heading: whole, cut short, behind a prefix, with a counter', () => {
    expect(idFromText('4-sociallyin', '4. Sociallyin')).toBe(true);
    expect(idFromText('community-health-files', 'Community Health Files')).toBe(true);
    expect(idFromText('h-fees-for-optional-extras', 'Fees for Optional Extras')).toBe(true);
    expect(idFromText('h-fees-for-optional-extras-1', 'Fees for Optional Extras')).toBe(true);
    expect(idFromText('h-4-select-particular-times-durin', '4. Select particular times during the day')).toBe(
      true,
    );
    expect(idFromText('h-20-th-21-st-centuries', '20th-21st Centuries: Growing the Coffee Community')).toBe(
      true,
    );
  });

  it('leaves ids that name something else', () => {
    expect(idFromText('related-posts', 'You might also like')).toBe(false);
    expect(idFromText('social', 'Follow us')).toBe(false);
    expect(idFromText('sidebar-social-links', 'Social')).toBe(false);
    expect(idFromText('ab', 'Ab')).toBe(false);
  });
});

describe('unflagHeadings', () => {
  it("drops a heading's own-text id and reads 'header' in its class as 'heading', nothing else", () => {
    const doc = page(
      '<h2 class="header-anchor-post" id="part-1">Part 1</h2><h3 id="4-sociallyin">4. Sociallyin</h3>' +
        '<h3 class="related-header" id="more">More stories</h3><div class="site-header" id="x-social">Menu</div>',
    );
    expect(unflagHeadings(doc.body)).toBe(3);
    const [h2, h3, related] = Array.from(doc.querySelectorAll('h2, h3'));
    expect(h2.getAttribute('class')).toBe('heading-anchor-post');
    expect(h3.hasAttribute('id')).toBe(false);
    // Its class still says "related": Readability still drops it, as it should.
    expect(related.getAttribute('class')).toBe('related-heading');
    expect(related.id).toBe('more');
    // Only headings are touched.
    expect(doc.querySelector('div')?.getAttribute('class')).toBe('site-header');
    expect(doc.querySelector('div')?.id).toBe('x-social');
  });

  it('keeps Substack and table-of-contents section headings in the story (Readability alone drops them)', () => {
    const html =
      `<article><h1>Remodel costs</h1>${para(1)}${para(2)}` +
      `<h2 class="header-anchor-post">What the numbers say<div class="pencraft"><button>Link</button></div></h2>${para(3)}${para(4)}` +
      `<h3 class="wp-block-heading" id="h-social-media-and-remodels">Social media and remodels</h3>${para(5)}${para(6)}` +
      `<h3 class="wprm-recipe-header">Community extras</h3>${para(7)}</article>`;
    const text = extractArticle(page(html))?.body.textContent ?? '';
    expect(text).toContain('What the numbers say');
    expect(text).toContain('Social media and remodels');
    expect(text).toContain('Community extras');
    expect(text).toContain('Paragraph 7');
  });
});

describe('unflagStoryBlocks', () => {
  const block = (html: string) => page(html).body;
  // Running text: 150 characters or more.
  const long = (i: number) =>
    `<p>Opening ${i}: so you have decided to give your home a refresh, but between paint swatches and furniture arrangements it is hard to know where to begin, and the bill adds up fast.</p>`;
  const classOf = (body: HTMLElement, sel: string) => body.querySelector(sel)?.getAttribute('class');

  it("reads 'header' as 'heading' on a block holding the story's running text", () => {
    const body = block(
      `<section class="listicle-header css-1"><div class="listicle-intro">${long(1)}${long(2)}</div></section>`,
    );
    expect(unflagStoryBlocks(body)).toBe(1);
    expect(classOf(body, 'section')).toBe('listicle-heading css-1');
  });

  it("leaves the page's header, the story's own header, short deks and other unlikely words alone", () => {
    const body = block(
      `<div class="site-header"><nav><a href="/">Home</a></nav>${long(1)}</div>` +
        `<div class="article-header"><h1>Remodel costs</h1>${long(2)}</div>` +
        '<div class="entry-header"><p>Knowing the costs up front used to be a dream. Now it is real.</p></div>' +
        `<div class="header-social">${long(3)}</div>` +
        `<div class="header-content">${long(4)}</div>`,
    );
    expect(unflagStoryBlocks(body)).toBe(0);
    expect(classOf(body, '.site-header')).toBe('site-header');
  });

  it("keeps a listicle's opening paragraphs in the story (Readability alone drops them)", () => {
    // Items that open on their number, not a subheading: nothing else would put the intro back
    // (lib/lede.ts restores an intro only before a story that starts with a subheading).
    const items = Array.from(
      { length: 5 },
      (_, k) =>
        `<section class="listicle-slide"><p>${k + 1}</p><h2>Service ${k}</h2>${para(2 * k)}${para(2 * k + 1)}</section>`,
    ).join('');
    const html =
      `<header><h1>Remodel costs</h1></header><div class="listicle-container">` +
      `<section class="listicle-header"><div class="listicle-intro">${long(1)}${long(2)}</div></section>${items}</div>`;
    const text = extractArticle(page(html))?.body.textContent ?? '';
    expect(text).toContain('Opening 1');
    expect(text).toContain('Opening 2');
    expect(text).toContain('Paragraph 9');
  });
});

describe("Readability's title and the section heading it would drop", () => {
  it('reads the title as Readability does: before the last separator, after a colon, or whole', () => {
    expect(readabilityTitle('What Features to Look For in an Enterprise Analytics Platform | Zenlytic')).toBe(
      'What Features to Look For in an Enterprise Analytics Platform',
    );
    expect(readabilityTitle('Spanish Materials - The Center for OER and Language Learning (COERLL)')).toBe(
      'The Center for OER and Language Learning (COERLL)',
    );
    expect(readabilityTitle('Bridge reopens: what drivers need to know now')).toBe(
      'what drivers need to know now',
    );
    expect(readabilityTitle('Short title')).toBe('Short title');
  });

  it('keeps a section heading that resembles the title, not a copy of the headline (Readability alone drops it)', () => {
    const html = (h2: string) =>
      `<title>What Features to Look For in an Enterprise Analytics Platform | Zenlytic</title>` +
      `<article>${para(1)}${para(2)}<h2>${h2}</h2>${para(3)}${para(4)}${para(5)}</article>`;
    const doc = (h2: string) =>
      new JSDOM(`<!doctype html><html><head>${html(h2)}</body></html>`, {
        url: 'https://zenlytic.example/blog/enterprise-analytics',
      }).window.document;
    const section = 'What Makes an Analytics Platform Enterprise-Ready';
    const ex = extractArticle(doc(section));
    expect(ex?.body.querySelector('h2')?.textContent).toBe(section);
    expect(ex?.body.querySelector('[data-reader-h2]')).toBeNull();
    // A copy of the headline after the first paragraph still goes, as Readability has it.
    const copy = extractArticle(doc('What Features to Look For in an Enterprise Analytics Platform'));
    expect(copy?.body.textContent).not.toContain('What Features to Look For');
    // Above the story's first paragraph a resembling heading is the page's, not a section's: untouched.
    const top = new JSDOM(
      `<title>Bridge reopens after repairs | Gazette</title><body><h2>Bridge repairs</h2><p>short</p>${para(1)}<h2>Bridge reopens after</h2>${para(2)}</body>`,
    ).window.document;
    expect(shieldSectionHeadings(top)).toBe(1);
    expect(Array.from(top.querySelectorAll('h2, h3'), (h) => h.tagName)).toEqual(['H2', 'H3']);
  });
});
