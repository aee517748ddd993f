import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { hasUsableSource, markInlineImages, removeUnusableImages } from '@/lib/clean-images';
import { runPipeline } from '@/lib/pipeline';

const PLACEHOLDER =
  "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%201024%20576'%3E%3C/svg%3E";
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const GIF = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

function root(html: string): Element {
  return new JSDOM(`<div id="r">${html}</div>`, {
    url: 'https://news.example.com/a',
  }).window.document.getElementById('r')!;
}

describe('images the reader cannot show', () => {
  it.each([
    ['https://cdn.example.com/a.jpg', true],
    ['/img/a.jpg', true],
    [
      `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk'.repeat(4)}`,
      true,
    ],
    // Spacers the lazy-image pass found no real address for: a blank box at the photo's size.
    [PNG, false],
    [GIF, false],
    ['https://www.example.com/wp-content/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif', false],
    [PLACEHOLDER, false],
    ['', false],
    ['javascript:alert(1)', false],
  ])('an img with src %s has a usable source: %s', (src, usable) => {
    const r = root(`<img src="${src}">`);
    expect(hasUsableSource(r.querySelector('img')!)).toBe(usable);
  });

  it('counts a srcset candidate the sanitizer keeps, not a placeholder one', () => {
    expect(
      hasUsableSource(root('<img srcset="https://cdn.example.com/a.jpg 800w">').querySelector('img')!),
    ).toBe(true);
    expect(hasUsableSource(root(`<img srcset="${PNG} 1x">`).querySelector('img')!)).toBe(false);
  });

  it('removes placeholder and source-less images, keeps real ones', () => {
    const r = root(
      `<p><img width="1024" height="576" src="${PLACEHOLDER}" alt=""></p><img alt="company icon">` +
        '<img src="https://cdn.example.com/kept.jpg" alt="Kept">',
    );
    expect(removeUnusableImages(r)).toBe(2);
    expect(Array.from(r.querySelectorAll('img')).map((i) => i.getAttribute('alt'))).toEqual(['Kept']);
  });

  it("gives a picture's image its default source when it has none of its own (sources do not survive sanitizing)", () => {
    const r = root(
      '<picture><source media="(max-width: 600px)" srcset="https://cdn.example.com/small.jpg 600w">' +
        '<source srcset="https://cdn.example.com/large.jpg 1600w"><img alt="Harbour at dawn"></picture>' +
        '<picture><source srcset="javascript:alert(1)"><img alt="Nothing"></picture>',
    );
    expect(removeUnusableImages(r)).toBe(1);
    expect(r.querySelectorAll('picture')).toHaveLength(1);
    expect(r.querySelector('img')!.getAttribute('srcset')).toBe('https://cdn.example.com/large.jpg 1600w');
  });

  it('drops a figure whose only image was a placeholder, caption and all, before captions are listed', () => {
    const para = (i: number) =>
      `<p>The council voted on Tuesday to keep the library open on Sundays, paragraph ${i}, after a petition signed by two thousand residents reached the mayor.</p>`;
    const html = `<html><head><title>Library stays open</title></head><body><article><h1>Library stays open</h1>${para(1)}${para(2)}
      <figure><img width="1024" height="576" src="${PLACEHOLDER}" alt=""><figcaption>The reading room in 1931.</figcaption></figure>
      ${para(3)}<figure><img src="https://cdn.example.com/room.jpg" alt=""><figcaption>The reading room today.</figcaption></figure>${para(4)}${para(5)}</article></body></html>`;
    const doc = new JSDOM(html, { url: 'https://news.example.com/2024/03/library.html' }).window.document;
    const out = runPipeline(doc, { url: doc.URL, window: doc.defaultView as unknown as Window });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const div = doc.createElement('div');
    div.append(out.article.content.cloneNode(true));
    expect(div.querySelectorAll('img')).toHaveLength(1);
    expect(div.querySelector('img:not([src])')).toBeNull();
    expect(out.article.text).not.toContain('1931');
    expect(out.article.captions).toEqual(['The reading room today.']);
  });

  // WordPress frames a captioned image in div.wp-caption before any <figure> exists; a figure may wrap
  // its image in a linked paragraph. Either way the caption goes with a picture that cannot show.
  it.each([
    [
      'a WordPress caption box',
      `<div class="wp-caption"><p><a href="/shop/boots"><img width="1200" height="675" src="/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif" alt=""></a></p><p class="wp-caption-text">The reading room in 1931. Photo: City Archive</p></div>`,
    ],
    [
      'a figure with its image in a linked paragraph',
      `<figure><p><a href="/shop/boots"><img src="${GIF}" alt=""></a></p><figcaption>The reading room in 1931. The council bought it that spring.</figcaption></figure>`,
    ],
  ])('drops %s whose image cannot show, caption and all', (_, box) => {
    const para = (i: number) =>
      `<p>The council voted on Tuesday to keep the library open on Sundays, paragraph ${i}, after a petition signed by two thousand residents reached the mayor.</p>`;
    const html = `<html><head><title>Library stays open</title></head><body><article><h1>Library stays open</h1>${para(1)}${para(2)}
      ${box}${para(3)}${para(4)}${para(5)}</article></body></html>`;
    const doc = new JSDOM(html, { url: 'https://news.example.com/2024/03/library.html' }).window.document;
    const out = runPipeline(doc, { url: doc.URL, window: doc.defaultView as unknown as Window });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.article.text).not.toContain('1931');
    expect(out.article.text).toContain('paragraph 5');
    expect(out.article.captions).toEqual([]);
  });

  it('keeps a caption box whose picture is real, and a box with more than a caption', () => {
    const r = root(
      '<div class="wp-caption"><img src="https://cdn.example.com/a.jpg" alt=""><p class="wp-caption-text">Kept caption.</p></div>' +
        `<div id="story"><img src="${GIF}" alt=""><p class="credit">Credit line</p><p>${'A paragraph of the story itself. '.repeat(3)}</p></div>`,
    );
    expect(removeUnusableImages(r)).toBe(1);
    expect(r.textContent).toContain('Kept caption.');
    expect(r.textContent).toContain('Credit line');
    expect(r.textContent).toContain('A paragraph of the story itself.');
  });
});

describe('icons and emoji inside a sentence', () => {
  it('marks small images and emoji inside text to be drawn in the line, nothing else', () => {
    const r = root(
      '<p>Only Apple makes iPhones <img id="icon" src="/i.png" width="10" height="10" alt="leaving site">. Apple uses …</p>' +
        '<p>Great news <img id="emoji" src="/e.png" class="emoji" alt="\u{1F389}"> and <img id="alt" src="/e2.png" alt="\u{1F44D}\u{1F3FD}"></p>' +
        '<p><img id="alone" src="/i.png" width="10" height="10"></p>' +
        '<p>A photo <img id="photo" src="/p.jpg" width="800" height="600"> in a paragraph</p>' +
        '<p>No size <img id="nosize" src="/p.jpg" alt="Bridge"> given</p>' +
        '<figure><img id="fig" src="/s.png" width="40" height="40"><figcaption>Logo</figcaption></figure>',
    );
    expect(markInlineImages(r)).toBe(3);
    const marked = Array.from(r.querySelectorAll('img[data-inline]'), (i) => i.id);
    expect(marked).toEqual(['icon', 'emoji', 'alt']);
  });
});
