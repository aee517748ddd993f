import { describe, expect, it } from 'vitest';
import { renderStandalone } from '../../cli/render-html';
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
