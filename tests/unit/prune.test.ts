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
    const page = doc(`<nav><ul>${items}</ul></nav><div id="wrap"><article>${STORY}</article></div>`);
    const copy = prunedClone(page);
    expect(copy.querySelector('nav')).toBeNull();
    expect(copy.querySelectorAll('#wrap article p')).toHaveLength(6);
    // The page itself is untouched.
    expect(page.querySelectorAll('nav li').length).toBe(HUGE_PAGE_ELEMENTS / 2);
  });

  it('keeps big blocks on a normal-sized page', () => {
    const items = Array.from({ length: 1200 }, (_, i) => `<li><a href="/n/${i}">Teaser ${i}</a></li>`).join(
      '',
    );
    const copy = prunedClone(doc(`<nav><ul>${items}</ul></nav><article>${STORY}</article>`));
    expect(copy.querySelectorAll('nav li')).toHaveLength(1200);
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
