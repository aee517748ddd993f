import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toWireNodes } from '@/lib/dom-wire';
import { runPipeline } from '@/lib/pipeline';
import { readPage } from '@/lib/read-page';
import { serializeFragment } from '@/lib/sanitize';
import { fromWire, toWire } from '@/lib/wire-article';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const pages = [
  ['voa-aleppo', readFileSync(join(FIXTURES, 'voa-aleppo.html'), 'utf8')],
  ...readdirSync(join(FIXTURES, 'readability'))
    .filter((name) => !name.includes('.'))
    .map((name) => [name, readFileSync(join(FIXTURES, 'readability', name, 'source.html'), 'utf8')]),
];
const URL = 'https://news.example/2024/05/story.html';

/** The page's `document.baseURI` in a browser that loaded it from URL (jsdom's parser doc has its own). */
const baseInBrowser = (doc: Document) =>
  new globalThis.URL(doc.querySelector('base[href]')?.getAttribute('href') ?? '', URL).href;

/** What the message carries, as the browser carries it: JSON. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value));
/** The page's nodes as lib/capture.ts sends them: JSON text. */
const wire = (doc: Document) => JSON.stringify(toWireNodes(doc));

describe('the pipeline document reads what the page reads (lib/read-page.ts)', () => {
  it.each(pages)('%s: the same article as the pipeline on the page itself', (_, html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const here = runPipeline(doc, { url: URL, window });
    const there = overTheWire(readPage(wire(doc), URL, baseInBrowser(doc), window));
    if (!here.ok || !there.ok) throw new Error('no article');
    expect(there.article).toEqual(overTheWire(toWire(here.article)));
    // And the reader's side: validated, sanitized again, the same story.
    const shown = fromWire(there.article, window);
    expect(shown && serializeFragment(shown.content)).toBe(serializeFragment(here.article.content));
    expect(shown?.quotes).toEqual(here.article.quotes);
  });

  it('answers "no article" for a page without one, and refuses what is not a page', () => {
    const doc = new DOMParser().parseFromString('<ul><li><a href="/a">A</a></li></ul>', 'text/html');
    expect(readPage(wire(doc), URL, URL, window).ok).toBe(false);
    for (const notAPage of [
      JSON.stringify([['p', 0, [], 0], 'x']),
      '<html>',
      '[["html",0,[],1]',
      [['html', 0, [], 0]],
    ])
      expect(readPage(notAPage, URL, URL, window)).toEqual({ ok: false, error: 'Unreadable page' });
  });

  it("resolves the page's relative links and photos against the page's own base, as the page did", () => {
    const doc = new DOMParser().parseFromString(
      `<head><base href="../"></head><article><h1>Harbour wall rebuilt</h1>${'<p>The harbour master said the new wall would be finished before the autumn tides, and fishermen described the storm. </p>'.repeat(6)}<p><a href="other.html">More</a> <a href="#map">Map</a></p><figure><img src="img/wall.jpg" alt="The wall"><figcaption>The wall.</figcaption></figure></article>`,
      'text/html',
    );
    // The page, at URL, resolved its <base href="../"> to this.
    const reply = readPage(wire(doc), URL, 'https://news.example/2024/', window);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.article.contentHtml).toContain('href="https://news.example/2024/other.html"');
    expect(reply.article.contentHtml).toContain('src="https://news.example/2024/img/wall.jpg"');
  });

  it('keeps a "#section" link as it is on a page that is its own base, as the pipeline in the page does', () => {
    const story = `<article><h1>Harbour wall rebuilt</h1>${'<p>The harbour master said the new wall would be finished before the autumn tides, and fishermen described the storm. </p>'.repeat(6)}<p>See <a href="#map">the map</a> and <a href="img/">the photos</a>.</p></article>`;
    const doc = new DOMParser().parseFromString(story, 'text/html');
    const reply = readPage(wire(doc), URL, URL, window);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.article.contentHtml).toContain('<a href="#map" ');
    expect(reply.article.contentHtml).toContain('href="https://news.example/2024/05/img/"');
  });
});
