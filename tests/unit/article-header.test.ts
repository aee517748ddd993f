import { describe, expect, it } from 'vitest';
import { renderStandalone } from '../../cli/render-html';
import { formatDate } from '../../components/ArticleHeader';
import type { ArticleResult } from '../../lib/types';

const article = (byline: string | null, siteName: string | null): ArticleResult => ({
  title: 'Bridge reopens after repair',
  byline,
  siteName,
  publishedTime: null,
  lang: 'en',
  dir: 'ltr',
  excerpt: null,
  leadImage: null,
  readingMinutes: 3,
  content: document.createDocumentFragment(),
  text: 'Story.',
  captions: [],
  quotes: [],
});

const bylineOf = (html: string) => /<span class="byline">([^<]*)<\/span>/.exec(html)?.[1] ?? null;

describe('the header', () => {
  it("shows a byline that is only the site's name once, above the title", () => {
    const html = renderStandalone(article('Cleveland Clinic', 'Cleveland Clinic'), '<p>Story.</p>', null);
    expect(bylineOf(html)).toBeNull();
    expect(html).toContain('<p class="site-name">Cleveland Clinic</p>');
    expect(bylineOf(renderStandalone(article('whova', 'Whova'), '<p>Story.</p>', null))).toBeNull();
  });

  it('shows every other byline', () => {
    expect(bylineOf(renderStandalone(article('Jane Doe', 'Cleveland Clinic'), '<p>Story.</p>', null))).toBe(
      'Jane Doe',
    );
    expect(bylineOf(renderStandalone(article('Podium Staff', 'Podium'), '<p>Story.</p>', null))).toBe(
      'Podium Staff',
    );
    expect(bylineOf(renderStandalone(article('Jane Doe', null), '<p>Story.</p>', null))).toBe('Jane Doe');
  });
});

describe("the header's date", () => {
  it('is the day printed on the page when the page gave its own offset, wherever it is read', () => {
    // 19:30 in New York is already the 19th in UTC (and in Europe and Asia).
    expect(formatDate('2025-12-18T19:30:00.000-05:00', 'en')).toBe('December 18, 2025');
    // 06:00 in Tokyo is still the 18th in UTC (and in the Americas).
    expect(formatDate('2025-12-19T06:00:00.000+09:00', 'en')).toBe('December 19, 2025');
  });

  it("is the reader's own day for a UTC time, and the day itself for a bare day", () => {
    const utc = '2025-12-19T02:41:41.000Z';
    expect(formatDate(utc, 'en')).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(utc)),
    );
    expect(formatDate('2024-03-05T12:00:00.000Z', 'fr')).toBe('5 mars 2024');
  });

  it('is nothing for what is not a date', () => {
    expect(formatDate('yesterday', 'en')).toBeNull();
    expect(formatDate(null, 'en')).toBeNull();
  });
});
