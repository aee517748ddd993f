import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '@/lib/detect';
import { runPipeline } from '@/lib/pipeline';

const VOA_URL = 'https://www.voanews.com/a/syrian-army-says-aleppo-retaken/3646363.html';
const html = readFileSync(join(import.meta.dirname, '../fixtures/voa-aleppo.html'), 'utf8');

function run(source = html, url = VOA_URL) {
  const dom = new JSDOM(source, { url });
  const before = dom.window.document.documentElement.outerHTML;
  const outcome = runPipeline(dom.window.document, {
    url,
    window: dom.window as unknown as Window,
    detect: detectArticle,
  });
  return { outcome, dom, before };
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('pipeline on the VOA seed story', () => {
  const { outcome, dom, before } = run();
  if (!outcome.ok) throw new Error(outcome.error);
  const a = outcome.article;

  it('leaves the page itself untouched', () => {
    expect(dom.window.document.documentElement.outerHTML).toBe(before);
  });

  it('reads the metadata', () => {
    expect(a.title).toBe('Syrian Army Says Aleppo Has Been Retaken; US, UN Remain Wary');
    expect(a.byline).toBe('VOA News');
    expect(a.siteName).toBe('Voice of America');
    expect(a.lang).toBe('en');
    expect(a.publishedTime?.startsWith('2016-12-22')).toBe(true);
    expect(a.readingMinutes).toBeGreaterThanOrEqual(2);
  });

  it('drops the page furniture the seed shows', () => {
    expect(a.text).not.toContain('Accessibility links');
    expect(a.text).not.toMatch(/\bXS\b[\s\S]*\bLG\b/);
  });

  it('prints every caption exactly once, inside its figure', () => {
    expect(a.captions).toHaveLength(4);
    for (const c of a.captions) expect(count(a.text, c)).toBe(1);
    const figures = [...a.content.querySelectorAll('figure')];
    expect(figures.filter((f) => f.querySelector('img') && f.querySelector('figcaption'))).toHaveLength(4);
  });

  it('marks the five quotes with their speakers', () => {
    expect(a.quotes.map((q) => q.speaker)).toEqual([
      "the army's general command",
      'John Kirby',
      'John Kirby',
      'Staffan de Mistura',
      'the army',
    ]);
    const qs = [...a.content.querySelectorAll('q')];
    expect(qs.length).toBeGreaterThanOrEqual(5);
    expect(qs.every((q) => q.textContent && a.text.includes(q.textContent.trim().slice(0, 30)))).toBe(true);
  });

  it('returns sanitized content: no scripts, handlers or styles', () => {
    expect(a.content.querySelector('script, style, iframe, form')).toBeNull();
    const attrs = [...a.content.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].map((at) => at.name),
    );
    expect(attrs.filter((n) => n.startsWith('on') || n === 'style')).toEqual([]);
  });
});

describe('pipeline on pages without a story', () => {
  it.each([
    ['an empty page', '<html><body></body></html>'],
    ['a sign-in form', '<html><body><form><input type=email><button>Go</button></form></body></html>'],
    [
      'a frameset',
      '<html><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>',
    ],
  ])('%s gives a clear "no article" outcome', (_name, source) => {
    const { outcome } = run(source, 'https://example.com/');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toBe('No article found on this page');
  });
});
