import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { restoreLede } from '@/lib/lede';
import { articleText } from '@/lib/text';

const URL = 'https://blog.example.com/2025/data-trends';
const parse = (html = '') => new JSDOM(html, { url: URL }).window.document;

const sentence = (topic: string, n: number) =>
  `${topic} is the subject of paragraph ${n}, which carries enough words, commas, and detail to read as real running text.`;
const paras = (topic: string, from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `<p>${sentence(topic, from + i)}</p>`).join('');

const INTRO_1 =
  'Your business is generating more data than ever, and most of it sits in dashboards nobody opens.';
const INTRO_2 =
  'So how do you turn all that raw data into decisions? By watching the trends that matter, one by one.';

/** The shape that loses its intro: the intro in a wrapper of its own, the sections in another. */
function page({ beforeH1 = '', between = '<p>See why teams choose us</p>', aside = '' } = {}) {
  return parse(`<html><body>
    ${beforeH1}
    <main><article>
      <h1>Fifteen data trends for next year</h1>
      <div class="body-intro"><p>${INTRO_1}</p><p>${INTRO_2}</p>${between}</div>
      ${aside}
      <div class="sections"><h2>Why invest in data</h2>${paras('Data', 1, 6)}</div>
    </article></main>
    <footer><p>${sentence('The footer', 99)}</p></footer>
  </body></html>`);
}

/** Readability's result for such a page: the sections alone, in its page <div>, opening with a subheading. */
function sectionsOnly(): Element {
  const content = parse().createElement('div');
  content.innerHTML = `<div id="readability-page-1" class="page"><div><h2>Why invest in data</h2>${paras('Data', 1, 6)}</div></div>`;
  return content;
}

describe('restoreLede: the opening paragraphs Readability left behind', () => {
  it('puts the intro back, in order, before the first subheading, skipping a short line between', () => {
    const content = sectionsOnly();
    expect(restoreLede(content, page(), URL)).toHaveLength(2);
    const text = articleText(content);
    expect(text.indexOf(INTRO_1)).toBe(0);
    expect(text.indexOf(INTRO_2)).toBeGreaterThan(0);
    expect(text.indexOf(INTRO_2)).toBeLessThan(text.indexOf('Why invest in data'));
    expect(text).not.toContain('See why teams choose us');
  });

  it('leaves a story that opens with a paragraph as it is: what stands above it is a standfirst or a promo', () => {
    const content = parse().createElement('div');
    content.innerHTML = `<div class="page">${paras('Data', 1, 6)}<h2>Why invest in data</h2></div>`;
    const doc = page({ between: '' });
    doc.querySelector('.sections')!.innerHTML = paras('Data', 1, 6);
    expect(restoreLede(content, doc, URL)).toHaveLength(0);
    expect(articleText(content)).not.toContain(INTRO_1);
  });

  it('takes nothing above the headline, in an aside, or past three short lines in a row', () => {
    const banner = `<div class="banner"><p>${sentence('A site-wide banner', 0)}</p></div>`;
    const content = sectionsOnly();
    expect(restoreLede(content, page({ between: '', beforeH1: banner }), URL)).toHaveLength(2);
    expect(articleText(content)).not.toContain('banner');

    const aside = `<aside><p>${sentence('A sidebar', 50)}</p></aside>`;
    expect(restoreLede(sectionsOnly(), page({ aside }), URL)).toHaveLength(0);

    const lines = '<p>One</p><p>Two</p><p>Three</p>';
    expect(restoreLede(sectionsOnly(), page({ between: lines }), URL)).toHaveLength(0);
  });

  it('adds nothing when the page has no headline, or the story is not found in it', () => {
    const doc = page();
    doc.querySelector('h1')?.remove();
    expect(restoreLede(sectionsOnly(), doc, URL)).toHaveLength(0);
    const other = page();
    other.querySelector('.sections')!.innerHTML = paras('Other', 1, 6);
    expect(restoreLede(sectionsOnly(), other, URL)).toHaveLength(0);
  });

  it('never takes a paragraph from another part of the page than the story', () => {
    const doc = parse(`<html><body>
      <h1>Fifteen data trends</h1>
      <div class="promo"><p>${sentence('A promotion', 0)}</p></div>
      <div class="story"><h2>Why invest in data</h2>${paras('Data', 1, 6)}</div>
    </body></html>`);
    expect(restoreLede(sectionsOnly(), doc, URL)).toHaveLength(0);
  });

  it('resolves the links of what it puts back, like the rest of the story', () => {
    const doc = page({ between: '' });
    doc.querySelector('.body-intro p')!.innerHTML += ' See <a href="/report">the report</a>.';
    const content = sectionsOnly();
    restoreLede(content, doc, URL);
    expect(content.querySelector('a')?.getAttribute('href')).toBe('https://blog.example.com/report');
  });
});
