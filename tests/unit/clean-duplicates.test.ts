import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { removeDuplicateBlocks } from '@/lib/clean-duplicates';
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
