import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { removeSlideCaptions } from '@/lib/clean-slideshows';
import { runPipeline } from '@/lib/pipeline';

function root(html: string): Element {
  return new JSDOM(`<div id="r">${html}</div>`).window.document.getElementById('r')!;
}

interface SlideOptions {
  total?: number;
  photo?: boolean;
  counter?: (i: number) => string;
}

/** A gallery's legends as The Independent printed them (Mozilla's bug-1255978 page), one item per slide. */
function slides(
  n: number,
  { total = n, photo = false, counter = (i) => `${i}/${total}` }: SlideOptions = {},
) {
  return Array.from(
    { length: n },
    (_, i) =>
      `<li><h2><span class="counter">${counter(i + 1)}</span> Slide title ${i + 1}</h2>${photo ? `<img src="s${i}.jpg">` : ''}<p>What happened in another story, told in a sentence or two for slide ${i + 1}, with a few more words about what the photo showed.</p><p class="credits">GETTY IMAGES</p></li>`,
  ).join('');
}
const legends = (n: number, opts: SlideOptions = {}) => `<ul class="legends">${slides(n, opts)}</ul>`;

describe('slideshow captions without their photos', () => {
  it('drops a list of numbered slide captions ("1/50", "2 of 50") that holds no photo', () => {
    const r = root(`<p>The story.</p>${legends(12)}`);
    expect(removeSlideCaptions(r)).toBe(1);
    expect(r.querySelector('ul')).toBeNull();
    const spelled = root(legends(6, { counter: (i) => `${i} of 6` }));
    expect(removeSlideCaptions(spelled)).toBe(1);
  });

  it('keeps a slideshow with its photos, a short numbered list, and lists of mixed or no counters', () => {
    expect(removeSlideCaptions(root(legends(8, { photo: true })))).toBe(0);
    expect(removeSlideCaptions(root(legends(4)))).toBe(0);
    const mixed = root(`<ul>${slides(6)}${slides(6, { total: 9 })}</ul>`);
    expect(mixed.querySelectorAll('li')).toHaveLength(12);
    expect(removeSlideCaptions(mixed)).toBe(0);
    const steps = root(
      `<ol>${Array.from({ length: 6 }, (_, i) => `<li>Step ${i + 1}: mix the flour and the water.</li>`).join('')}</ol>`,
    );
    expect(removeSlideCaptions(steps)).toBe(0);
    // "24/7" starts a sentence, not a slide: the counters must also agree on one total.
    const hours = root(
      `<ul>${['24/7 support', '9/11 memorial', '50/50 split', '3/4 cup of sugar', '1/2 teaspoon salt'].map((t) => `<li>${t}</li>`).join('')}</ul>`,
    );
    expect(removeSlideCaptions(hours)).toBe(0);
  });

  it('runs in the pipeline: a story with a fifty-slide gallery of other news reads as the story', () => {
    const para = (i: number) =>
      `<p>Hotel owners answered questions about what guests never see, and paragraph ${i} of the story says more about clean sheets, towels and the rooms, with enough words to be read as a story.</p>`;
    const html = `<!doctype html><html><head><title>Seven secrets of hotel owners</title></head><body><article>${Array.from({ length: 8 }, (_, i) => para(i)).join('')}<div class="full-gallery"><h2>Business news in pictures</h2>${legends(50)}</div></article></body></html>`;
    const doc = new JSDOM(html, { url: 'https://news.example.co.uk/travel/hotel-secrets-a1234.html' }).window
      .document;
    const out = runPipeline(doc, { window: doc.defaultView as unknown as Window });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.article.text).toContain('paragraph 7 of the story');
    expect(out.article.text).not.toContain('Slide title');
    expect(out.article.text).not.toContain('GETTY IMAGES');
  });
});
