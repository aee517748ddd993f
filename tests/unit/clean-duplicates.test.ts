import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { removeDuplicateBlocks, removeRepeatedStandfirst } from '@/lib/clean-duplicates';
import { extractArticle } from '@/lib/extract';

const para = (i: number) =>
  `<p>Paragraph ${i}: the contractor said a kitchen remodel in the Bay Area now costs about a third more than it did in 2019.</p>`;
const STORY = [1, 2, 3, 4, 5].map(para).join('');

const body = (html: string) => {
  const doc = new JSDOM(`<!doctype html><body><div id="root">${html}</div></body>`).window.document;
  return doc.getElementById('root') as HTMLElement;
};

describe('removeDuplicateBlocks', () => {
  it('keeps one of the Desktop / Tablet / Phone copies a site builder prints', () => {
    const root = body(
      ['Desktop', 'Tablet', 'Phone']
        .map(
          (v) => `<div class="ssr-variant" data-framer-name="${v}"><div class="inner">${STORY}</div></div>`,
        )
        .join(''),
    );
    expect(removeDuplicateBlocks(root)).toBe(2);
    expect(root.querySelectorAll('.ssr-variant')).toHaveLength(1);
    expect(root.querySelector('.ssr-variant')?.getAttribute('data-framer-name')).toBe('Desktop');
    expect(root.querySelectorAll('p')).toHaveLength(5);
  });

  it('treats copies with different white space and markup as the same text', () => {
    const root = body(
      `<section>${STORY}</section><section>\n  ${STORY.replace(/<p>/g, '<p class="x">\n')}</section>`,
    );
    expect(removeDuplicateBlocks(root)).toBe(1);
    expect(root.querySelectorAll('section')).toHaveLength(1);
  });

  it('never removes a block that only resembles another, or a wrapper of the same block', () => {
    const root = body(
      `<div class="a"><div class="b">${STORY}</div></div><div class="c">${STORY.replace('third', 'half')}</div>`,
    );
    expect(removeDuplicateBlocks(root)).toBe(0);
    expect(root.querySelectorAll('p')).toHaveLength(10);
  });

  it('never removes repeated paragraphs or short repeated boxes (a story may repeat a line)', () => {
    const root = body(`${para(1)}${para(1)}<div>Sign up</div><div>Sign up</div>`);
    expect(removeDuplicateBlocks(root)).toBe(0);
    expect(root.querySelectorAll('p')).toHaveLength(2);
  });

  it('gives the reader one copy of a story a page prints three times', () => {
    const variants = ['Desktop', 'Tablet', 'Phone']
      .map(
        (v) =>
          `<div class="ssr-variant" data-framer-name="${v}"><h2>What drives the price</h2>${STORY}</div>`,
      )
      .join('');
    const doc = new JSDOM(
      `<!doctype html><html><head><title>Remodel costs</title></head><body><nav><a href="/">Home</a></nav><main>${variants}</main></body></html>`,
      { url: 'https://builder.example/blog/remodel-costs' },
    ).window.document;
    const ex = extractArticle(doc);
    const text = ex?.body.textContent ?? '';
    expect(text.split('Paragraph 5').length - 1).toBe(1);
  });
});

describe('removeRepeatedStandfirst', () => {
  const SUMMARY =
    'Today, artificial intelligence is changing the trajectory of health care, from routine tasks to diagnoses.';

  it('shows a hero summary that the story repeats as its first paragraph once, in the story', () => {
    const root = body(
      `<div class="hero"><p class="summary">  ${SUMMARY}</p></div><div class="body"><p>${SUMMARY}</p>${STORY}</div>`,
    );
    expect(removeRepeatedStandfirst(root)).toBe(1);
    expect(root.querySelector('.summary')).toBeNull();
    expect(root.querySelector('.body p')?.textContent).toBe(SUMMARY);
    expect(root.textContent?.split('artificial intelligence').length).toBe(2);
  });

  it('drops a dek printed as a subheading when the story closes with the same words', () => {
    const root = body(`<h2 class="dek">${SUMMARY}</h2>${STORY}<p>${SUMMARY}</p>`);
    expect(removeRepeatedStandfirst(root)).toBe(1);
    expect(root.querySelector('h2')).toBeNull();
    expect(root.lastElementChild?.textContent).toBe(SUMMARY);
  });

  it('never removes a line the story repeats further down, a short one, or one that only resembles another', () => {
    const repeated = body(
      `${STORY}<p>${SUMMARY}</p><p>Let us repeat that, with emphasis:</p><p>${SUMMARY}</p>`,
    );
    expect(removeRepeatedStandfirst(repeated)).toBe(0);
    const short = body('<p>Updated hourly.</p><p>Paragraph one of the story.</p><p>Updated hourly.</p>');
    expect(removeRepeatedStandfirst(short)).toBe(0);
    const similar = body(`<p>${SUMMARY}</p>${STORY}<p>${SUMMARY.replace('Today', 'Tomorrow')}</p>`);
    expect(removeRepeatedStandfirst(similar)).toBe(0);
  });

  it('keeps a standfirst printed as a paragraph inside a subheading: the two are one block, not a copy', () => {
    // scottishconstructionnow.com: <h3><p>New research from …</p></h3> opens the story, once.
    const root = body(`<h3 class="subheading"><p>${SUMMARY}</p></h3>${STORY}`);
    expect(removeRepeatedStandfirst(root)).toBe(0);
    expect(root.textContent).toContain(SUMMARY);
    const wrappedTwice = body(`<h3><p>${SUMMARY}</p></h3>${STORY}<p>${SUMMARY}</p>`);
    expect(removeRepeatedStandfirst(wrappedTwice)).toBe(1);
    expect(wrappedTwice.textContent?.split('artificial intelligence').length).toBe(2);
  });

  it('runs in extraction: the reader shows the summary once', () => {
    const doc = new JSDOM(
      `<!doctype html><html><head><title>AI in health care</title></head><body><nav><a href="/">Home</a></nav><main><div class="hero"><h1>The benefits of AI for patients</h1><p class="hero__summary">${SUMMARY}</p></div><section class="insight-content"><div class="wysiwyg"><p>${SUMMARY}</p>${STORY}</div></section></main></body></html>`,
      { url: 'https://learn.example/insights/ai-benefits' },
    ).window.document;
    const text = extractArticle(doc)?.body.textContent ?? '';
    expect(text).toContain('Paragraph 5');
    expect(text.split('artificial intelligence').length - 1).toBe(1);
  });
});
