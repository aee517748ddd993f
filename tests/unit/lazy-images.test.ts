import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fixLazyImages, isPlaceholderSrc, resolveUrl, resolveUrls } from '@/lib/lazy-images';

const PAGE_URL = 'https://www.example.org/stories/2024/lazy.html';
const html = readFileSync(join(import.meta.dirname, '../fixtures/extract/lazy-images.html'), 'utf8');

function fixed() {
  const doc = new JSDOM(html, { url: PAGE_URL }).window.document;
  const changed = fixLazyImages(doc.body);
  resolveUrls(doc.body, PAGE_URL);
  const img = (sel: string) => doc.querySelector(sel) as HTMLImageElement;
  return { doc, changed, img };
}

describe('isPlaceholderSrc', () => {
  it.each([
    [null],
    [''],
    ['data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'],
    ['data:image/png;base64,iVBORw0KGgo='],
    ['/img/blank.gif'],
    ['https://cdn.example/spacer.gif'],
    ['/assets/lazy-placeholder.png'],
    ['/assets/placeholder-16x9.jpg?v=2'],
    ['/static/loading.gif'],
    ['/themes/icons/spinners/spinner2.gif'],
  ])('%s is a placeholder', (src) => {
    expect(isPlaceholderSrc(src)).toBe(true);
  });

  it.each([
    ['https://cdn.example/photos/harbour.jpg'],
    ['/images/loading-dock-at-dawn.jpg'],
    ['/images/transparent-solar-panels.jpg'],
    ['/images/fidget-spinner.jpg'],
    [
      `data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg">${'<path d="M0 0L10 10"/>'.repeat(20)}</svg>`)}`,
    ],
  ])('%s is a real image', (src) => {
    expect(isPlaceholderSrc(src)).toBe(false);
  });
});

describe('fixLazyImages', () => {
  it('moves data-src over a 1×1 GIF placeholder', () => {
    expect(fixed().img('#data-src').getAttribute('src')).toBe('https://cdn.example.org/media/photos/one.jpg');
  });

  it('uses data-lazy-src when there is no src at all', () => {
    expect(fixed().img('#lazy-src').getAttribute('src')).toBe('https://cdn.example.org/media/photos/two.jpg');
  });

  it('replaces a blank.gif src with data-original', () => {
    expect(fixed().img('#original').getAttribute('src')).toBe(
      'https://cdn.example.org/media/photos/three.jpg',
    );
  });

  it('copies data-srcset to srcset and picks its largest candidate as src', () => {
    const img = fixed().img('#srcset');
    expect(img.getAttribute('srcset')).toBe(
      'https://cdn.example.org/media/photos/four-400.jpg 400w, https://cdn.example.org/media/photos/four-800.jpg 800w',
    );
    expect(img.getAttribute('src')).toBe('https://cdn.example.org/media/photos/four-800.jpg');
  });

  it('drops a placeholder srcset and keeps the real src', () => {
    const img = fixed().img('#placeholder-srcset');
    expect(img.hasAttribute('srcset')).toBe(false);
    expect(img.getAttribute('src')).toBe('https://cdn.example.org/media/photos/five.jpg');
  });

  it('leaves real images alone', () => {
    expect(fixed().img('#real').getAttribute('src')).toBe('https://cdn.example.org/media/photos/six.jpg');
  });

  it('takes the real image from a <noscript> fallback', () => {
    const { doc, img } = fixed();
    expect(img('#noscript-target').getAttribute('src')).toBe(
      'https://cdn.example.org/media/photos/seven.jpg',
    );
    expect(img('#noscript-target').getAttribute('alt')).toBe('seven');
    expect(doc.querySelector('noscript')).toBeNull();
  });

  it('reads a <noscript> fallback that is raw text (scripting enabled)', () => {
    const doc = new JSDOM(
      '<body><img id="x" src="data:image/gif;base64,R0lGOD=="><noscript></noscript></body>',
      {
        url: PAGE_URL,
      },
    ).window.document;
    // With scripting enabled, a browser stores the fallback as text, not elements.
    doc.querySelector('noscript')!.textContent = '<img src="/real.jpg" alt="real">';
    fixLazyImages(doc.body);
    expect(doc.getElementById('x')?.getAttribute('src')).toBe('/real.jpg');
  });

  it('fixes <picture><source data-srcset>', () => {
    const { img } = fixed();
    expect(img('#picture source').getAttribute('srcset')).toBe(
      'https://cdn.example.org/media/photos/eight.webp 1x, https://cdn.example.org/media/photos/eight@2x.webp 2x',
    );
    expect(img('#picture img').getAttribute('src')).toBe('https://cdn.example.org/media/photos/eight.jpg');
  });

  it('gives a lazy <figure data-src> an image', () => {
    expect(fixed().img('#figure img').getAttribute('src')).toBe(
      'https://cdn.example.org/media/photos/nine.jpg',
    );
  });

  // A template's own loader attribute (seen on a Caribbean newspaper's pages: a spinner GIF in `src`,
  // the photo in `ta-srcset`).
  it("reads a loader's own *-srcset / *-src attribute over a placeholder", () => {
    const own = fixed().img('#own-srcset');
    expect(own.getAttribute('srcset')).toBe(
      'https://cdn.example.org/media/photos/ten-300.jpg 300w, https://cdn.example.org/media/photos/ten-1000.jpg 1000w',
    );
    expect(own.getAttribute('src')).toBe('https://cdn.example.org/media/photos/ten-1000.jpg');
    expect(fixed().img('#own-src').getAttribute('src')).toBe(
      'https://cdn.example.org/media/photos/eleven.jpg',
    );
  });

  // The same newspaper's lead photo: a blurred 300-pixel WebP inline in `src` (12 kB, no spacer),
  // the photo in `ta-srcset`; a travel site's inline JPEG preview before `data-src`.
  it('gives an inline preview up for the photo a lazy attribute names, and keeps an inline photo alone', () => {
    const preview = `data:image/webp;base64,${'UklGRiIvAABXRUJQVlA4I'.repeat(40)}`;
    const doc = new JSDOM(
      `<img id="own" src="${preview}" ta-srcset="/p/class-300.jpg 300w, /p/class.jpg 1000w">` +
        `<img id="known" src="data:image/jpeg;base64,${'/9j/4AAQSkZJRg'.repeat(40)}" data-src="/p/car.jpg">` +
        `<img id="alone" src="${preview}" alt="A chart drawn inline">`,
      { url: PAGE_URL },
    ).window.document;
    fixLazyImages(doc.body);
    const src = (id: string) => doc.getElementById(id)!.getAttribute('src');
    expect(src('own')).toBe('/p/class.jpg');
    expect(doc.getElementById('own')!.getAttribute('srcset')).toBe(
      '/p/class-300.jpg 300w, /p/class.jpg 1000w',
    );
    expect(src('known')).toBe('/p/car.jpg');
    expect(src('alone')).toBe(preview);
  });

  it('never lets an unknown *-src attribute replace a real picture', () => {
    const img = fixed().img('#real-with-own');
    expect(img.getAttribute('src')).toBe('https://cdn.example.org/media/photos/twelve.jpg');
    expect(img.hasAttribute('srcset')).toBe(false);
  });

  it('reports how many elements it changed', () => {
    expect(fixed().changed).toBeGreaterThanOrEqual(10);
  });
});

describe('URL resolution', () => {
  it('resolves against the page URL and keeps fragments and data: URLs', () => {
    expect(resolveUrl('../img/a.jpg', PAGE_URL)).toBe('https://www.example.org/stories/img/a.jpg');
    expect(resolveUrl('#notes', PAGE_URL)).toBe('#notes');
    expect(resolveUrl('data:image/png;base64,AAAA', PAGE_URL)).toBe('data:image/png;base64,AAAA');
    expect(resolveUrl('mailto:desk@example.org', PAGE_URL)).toBe('mailto:desk@example.org');
  });

  it('honours <base href> and rewrites links, media and srcsets', () => {
    const doc = new JSDOM(
      '<head><base href="/base/"></head><body><a href="page">p</a><video poster="p.jpg" src="v.mp4"></video>' +
        '<img srcset="a.jpg 1x, b.jpg 2x"></body>',
    ).window.document;
    resolveUrls(doc.body, 'https://site.example/x/y.html');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://site.example/base/page');
    expect(doc.querySelector('video')?.getAttribute('poster')).toBe('https://site.example/base/p.jpg');
    expect(doc.querySelector('video')?.getAttribute('src')).toBe('https://site.example/base/v.mp4');
    expect(doc.querySelector('img')?.getAttribute('srcset')).toBe(
      'https://site.example/base/a.jpg 1x, https://site.example/base/b.jpg 2x',
    );
  });
});
