import { describe, expect, it } from 'vitest';
import { serializeFragment } from '@/lib/sanitize';
import { fromWire, type WireArticle } from '@/lib/wire-article';

/** What the pipeline document sends for a plain story. */
const good = (): WireArticle => ({
  title: 'Harbour wall rebuilt',
  byline: 'Ana Ruiz',
  siteName: 'The Harbour Gazette',
  publishedTime: '2024-05-01T08:00:00.000Z',
  lang: 'en',
  dir: null,
  excerpt: 'The wall is finished.',
  leadImage: null,
  readingMinutes: 2,
  text: 'The wall is finished.',
  captions: [],
  quotes: [{ text: 'It held', speaker: 'Ana Ruiz' }],
  contentHtml: '<p>The wall is finished. <q data-speaker="Ana Ruiz">It held</q></p>',
});

describe('an article from the pipeline document, as the reader takes it (lib/wire-article.ts)', () => {
  it('comes back whole, the story as DOM', () => {
    const article = fromWire(good(), window);
    expect(article?.title).toBe('Harbour wall rebuilt');
    expect(article?.quotes).toEqual([{ text: 'It held', speaker: 'Ana Ruiz' }]);
    expect(serializeFragment(article!.content)).toBe(good().contentHtml);
  });

  // The pipeline read hostile markup: whatever it let through, the reader's own pass removes.
  it.each([
    ['an inline handler', '<img src="x" onerror="alert(1)">', /onerror/],
    ['a script', '<p>a</p><script>alert(1)</script>', /script/],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', /javascript:/],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>', /iframe/],
    ['a data: link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:/],
    [
      'a namespace confusion (CVE-2020-26870 class)',
      '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
      /onerror/,
    ],
  ])('sanitizes %s out of the story again', (_, contentHtml, bad) => {
    const article = fromWire({ ...good(), contentHtml }, window);
    expect(serializeFragment(article!.content)).not.toMatch(bad);
  });

  it.each([
    ['nothing', null],
    ['a string', 'article'],
    ['an array', []],
    ['no title', { ...good(), title: undefined }],
    ['a title that is not text', { ...good(), title: { toString: (): string => 'x' } }],
    ['no story', { ...good(), contentHtml: undefined }],
    ['a byline that is a number', { ...good(), byline: 5 }],
    ['an unknown direction', { ...good(), dir: 'up' }],
    ['a negative reading time', { ...good(), readingMinutes: -1 }],
    ['an endless reading time', { ...good(), readingMinutes: Number.POSITIVE_INFINITY }],
    ['captions that are not text', { ...good(), captions: [1] }],
    ['a quote without text', { ...good(), quotes: [{ speaker: 'A' }] }],
    ['a speaker that is not text', { ...good(), quotes: [{ text: 'a', speaker: 1 }] }],
  ])('refuses %s', (_, raw) => {
    expect(fromWire(raw, window)).toBeNull();
  });

  it('keeps nothing it was not asked for', () => {
    const article = fromWire(
      { ...good(), extra: 'x', quotes: [{ text: 'a', speaker: null, at: 3 }] },
      window,
    ) as unknown as Record<string, unknown>;
    expect(article.extra).toBeUndefined();
    expect(article.quotes).toEqual([{ text: 'a', speaker: null }]);
  });
});
