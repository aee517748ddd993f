import { readdirSync, readFileSync } from 'node:fs';
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

describe('captions appear verbatim in the text (the command line contract)', () => {
  const STORY = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Paragraph ${i + 1}: the ferry operator said crossings would resume on Monday once the harbour wall had been inspected by engineers.</p>`,
  ).join('');

  it('keeps a caption’s line break (<br>) in both, so the caption is found in the text', () => {
    const page = `<html><head><title>Ferries resume</title></head><body><article><h1>Ferries resume after storm</h1>${STORY.slice(0, 400)}<figure><img src="https://example.com/a.jpg" alt=""><figcaption>Browsing the <em>timetable</em> is the best way to plan a crossing.<br>Photo Credit: Screenshot from the operator</figcaption></figure>${STORY}</article></body></html>`;
    const { outcome } = run(page, 'https://news.example/2024/05/ferries-resume');
    if (!outcome.ok) throw new Error(outcome.error);
    const { captions, text } = outcome.article;
    expect(captions).toEqual([
      'Browsing the timetable is the best way to plan a crossing.\nPhoto Credit: Screenshot from the operator',
    ]);
    for (const c of captions) expect(count(text, c)).toBe(1);
  });

  it.each([
    'voa-aleppo.html',
    ...['quotes-mixed.html', 'rtl-arabic.html', 'spa.html'].map((f) => `pages/${f}`),
    ...readdirSync(join(import.meta.dirname, '../fixtures/captions')).map((f) => `captions/${f}`),
  ])('holds on %s', (name) => {
    const { outcome } = run(readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8'), VOA_URL);
    if (!outcome.ok) return expect(outcome.error).toBe('No article found on this page');
    for (const c of outcome.article.captions) expect(outcome.article.text).toContain(c);
  });
});
