import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { headlineDate } from '@/lib/headline-date';
import { readMetadata } from '@/lib/metadata';

const URL_ = 'https://www.coastal-gazette.example/news/bridge-reopens';
const H1 = '<h1>Bridge reopens after a year of repairs</h1>';
const STORY = '<p>The bridge over the river reopened on Monday after a year of repair work on its piers.</p>';

function page(body: string, head = ''): Document {
  return new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, { url: URL_ })
    .window.document;
}

const day = (iso: string) => `${iso}T12:00:00.000Z`;

describe('the date printed beside the headline', () => {
  it.each([
    ['March 14, 2025', '2025-03-14'],
    ['Mar. 4, 2025', '2025-03-04'],
    ['14 Mar 2025', '2025-03-14'],
    ['3 January, 2025', '2025-01-03'],
    ['Sept 30th, 2024', '2024-09-30'],
    ['Published: 2025-03-14', '2025-03-14'],
    ['2025/03/14 09:30', '2025-03-14'],
    ['14/03/2025', '2025-03-14'],
    ['03/14/2025', '2025-03-14'],
    ['12.12.2025', '2025-12-12'],
  ])('reads "%s" under the headline as %s', (printed, iso) => {
    expect(headlineDate(page(`${H1}<div class="meta">By Ana Ruiz · ${printed}</div>${STORY}`))).toBe(
      day(iso),
    );
  });

  it('reads a date printed above the headline', () => {
    expect(headlineDate(page(`<span>Dec 12, 2025</span>${H1}${STORY}`))).toBe(day('2025-12-12'));
  });

  it('takes the date nearest the headline: not the masthead\u2019s "today", not a date the story cites', () => {
    const d = page(
      `<header>Friday, December 19, 2025 · Subscribe · Sections</header><nav>Money Life Work</nav>${H1}` +
        '<p class="dek">What the closure cost.</p><div>12 Dec 2025</div>' +
        '<p>The county first closed the bridge on March 3, 2024, after an inspection found cracks.</p>',
    );
    expect(headlineDate(d)).toBe(day('2025-12-12'));
  });

  it('prefers the publication date to an "Updated" date beside it', () => {
    const d = page(`${H1}<div>Updated: January 02, 2026</div><div>Published December 22, 2022</div>${STORY}`);
    expect(headlineDate(d)).toBe(day('2022-12-22'));
    const only = page(`${H1}<div>Updated on April 19, 2025</div>${STORY}`);
    expect(headlineDate(only)).toBe(day('2025-04-19'));
  });

  it.each([
    ['an order that depends on the country', '04/05/2025'],
    ['a day the month does not have', 'February 30, 2025'],
    ['a month name in another language', '04-ago-2021 5:11:10'],
    ['a year and a time', '30 avril 2015 à 07:19'],
    ['a year alone', 'Best bridges of 2025'],
    ['a month and a year', 'March 2025'],
  ])('gives no date for %s ("%s")', (_, printed) => {
    expect(headlineDate(page(`${H1}<div>${printed}</div>${STORY}`))).toBeNull();
  });

  it('gives no date without a headline, or for a date far down the page', () => {
    expect(headlineDate(page(`<p>March 14, 2025</p>${STORY}`))).toBeNull();
    const far = `${H1}${STORY.repeat(10)}<p>March 14, 2025</p>`;
    expect(headlineDate(page(far))).toBeNull();
  });

  it('is the header\u2019s last resort: a declared date wins', () => {
    const printed = `${H1}<div>March 14, 2025</div>${STORY}`;
    const declared = '<meta property="article:published_time" content="2025-03-10T09:00:00Z">';
    expect(readMetadata(page(printed, declared), null, URL_).publishedTime).toBe('2025-03-10T09:00:00.000Z');
    expect(readMetadata(page(printed), null, URL_).publishedTime).toBe(day('2025-03-14'));
  });
});
