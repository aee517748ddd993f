import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '@/lib/pipeline';
import { DEEP_NESTING, HUGE_PAGE_ELEMENTS, maxDepth, prunedClone } from '@/lib/prune';

const STORY = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the harbour master said the new sea wall would be finished before the autumn tides, and the fishermen agreed.</p>`,
).join('');

const doc = (body: string, head = '<title>Sea wall</title>') =>
  new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, {
    url: 'https://news.example/2024/05/sea-wall',
  }).window.document;

describe('prunedClone', () => {
  it('drops scripts, styles, SVG and plug-ins but keeps JSON-LD and the story, and leaves the page alone', () => {
    const page = doc(
      `<script>var x = 1;</script><style>p{}</style><svg><path d="M0 0"/></svg><object data="x"></object><article><h1>Sea wall</h1>${STORY}</article>`,
      '<title>Sea wall</title><script type="application/ld+json">{"@type":"NewsArticle"}</script><link rel="image_src" href="/a.jpg">',
    );
    const before = page.documentElement.outerHTML;
    const copy = prunedClone(page);
    expect(page.documentElement.outerHTML).toBe(before);
    expect(
      copy.querySelectorAll('style, svg, object, script:not([type="application/ld+json"])'),
    ).toHaveLength(0);
    expect(copy.querySelector('script[type="application/ld+json"]')?.textContent).toContain('NewsArticle');
    expect(copy.querySelector('link[rel="image_src"]')).not.toBeNull();
    expect(copy.querySelectorAll('article p')).toHaveLength(6);
  });

  it('leaves out big blocks without story paragraphs on a huge page, never the story', () => {
    const items = Array.from(
      { length: HUGE_PAGE_ELEMENTS / 2 },
      (_, i) => `<li><a href="/n/${i}">Teaser ${i}</a></li>`,
    ).join('');
    // No declared container: the story is a plain <div>, so only the big-block rule can drop the menu.
    const page = doc(`<nav><ul>${items}</ul></nav><div id="wrap"><div class="story">${STORY}</div></div>`);
    const copy = prunedClone(page);
    expect(copy.querySelector('nav')).toBeNull();
    expect(copy.querySelectorAll('#wrap .story p')).toHaveLength(6);
    // The page itself is untouched.
    expect(page.querySelectorAll('nav li').length).toBe(HUGE_PAGE_ELEMENTS / 2);
  });

  it('keeps big blocks on a normal-sized page', () => {
    const items = Array.from({ length: 1200 }, (_, i) => `<li><a href="/n/${i}">Teaser ${i}</a></li>`).join(
      '',
    );
    const copy = prunedClone(doc(`<nav><ul>${items}</ul></nav><div class="story">${STORY}</div>`));
    expect(copy.querySelectorAll('nav li')).toHaveLength(1200);
  });

  it('copies only the declared story container when it holds all of the prose', () => {
    const page = new JSDOM(
      `<!doctype html><html lang="en-GB" dir="ltr"><head><title>Sea wall</title><meta name="author" content="Ann Lee"></head><body class="site">
      <header><nav><a href="/">Home</a><a href="/world">World</a></nav></header>
      <div id="layout"><aside><h2>Most read</h2><ul><li><a href="/x">Teaser one</a></li></ul></aside>
      <article class="story"><h1>Sea wall</h1>${STORY}</article></div>
      <script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Ann Lee"}}</script>
      <footer><p>© News Example</p></footer></body></html>`,
      { url: 'https://news.example/2024/05/sea-wall' },
    ).window.document;
    const copy = prunedClone(page);
    expect(copy.URL).toBe(page.URL);
    expect(copy.documentElement.getAttribute('lang')).toBe('en-GB');
    expect(copy.querySelector('meta[name="author"]')).not.toBeNull();
    expect(copy.querySelector('script[type="application/ld+json"]')?.textContent).toContain('Ann Lee');
    expect(copy.querySelector('body.site > #layout > article.story')).not.toBeNull();
    expect(copy.querySelectorAll('article p')).toHaveLength(6);
    expect(copy.querySelectorAll('header, nav, aside, footer')).toHaveLength(0);
    const outcome = runPipeline(page, { url: page.URL });
    expect(outcome.ok && outcome.article.text).toContain('Paragraph 6');
    expect(outcome.ok && outcome.article.byline).toBe('Ann Lee');
  });

  it('keeps a byline printed above the story container, where Readability finds the author', () => {
    const page = doc(
      `<header><nav><a href="/">Home</a></nav><h1>Sea wall</h1><p class="byline">By Ann Lee</p></header>
      <article>${STORY}</article><footer><p>© News Example</p></footer>`,
    );
    const copy = prunedClone(page);
    expect(copy.querySelectorAll('nav, footer')).toHaveLength(0);
    expect(copy.querySelector('.byline')?.textContent).toBe('By Ann Lee');
    const outcome = runPipeline(page, { url: page.URL });
    expect(outcome.ok && outcome.article.byline).toBe('Ann Lee');
    expect(outcome.ok && outcome.article.text).not.toContain('By Ann Lee');
  });

  it('copies the whole page when story prose also lies outside the declared container', () => {
    const more =
      '<p>Paragraph 7: the council promised to publish the full cost of the sea wall before the vote next month.</p>';
    const copy = prunedClone(
      doc(`<nav><a href="/">Home</a></nav><article>${STORY}</article><div class="more">${more}</div>`),
    );
    expect(copy.querySelector('nav')).not.toBeNull();
    expect(copy.querySelector('.more p')?.textContent).toContain('Paragraph 7');
  });

  it('collapses absurdly deep wrapper chains without overflowing the stack', () => {
    const page = doc('<div id="root"></div>');
    let at = page.getElementById('root') as Element;
    for (let i = 0; i < 5 * DEEP_NESTING; i++) at = at.appendChild(page.createElement('div'));
    at.innerHTML = `<article><h1>Sea wall</h1>${STORY}</article>`;
    expect(maxDepth(page.body)).toBeGreaterThan(5 * DEEP_NESTING);
    const copy = prunedClone(page);
    expect(maxDepth(copy.body)).toBeLessThan(10);
    expect(copy.querySelectorAll('article p')).toHaveLength(6);
    const outcome = runPipeline(page, { url: page.URL });
    expect(outcome.ok && outcome.article.text).toContain('Paragraph 6');
  });
});

describe('pipeline on documents that are not web pages', () => {
  it('says no article for a text file, whatever it holds', () => {
    const text = new JSDOM(`<pre>${STORY.replace(/<\/?p>/g, '\n')}</pre>`, {
      contentType: 'text/html',
    }).window.document;
    expect(runPipeline(text).ok).toBe(true);
    Object.defineProperty(text, 'contentType', { value: 'text/plain' });
    expect(runPipeline(text)).toMatchObject({ ok: false, error: 'No article found on this page' });
  });
});
