import { describe, expect, it } from 'vitest';
import { matchMetadata } from '../../bench/lib/metadata-score';

describe('metadata benchmark matching', () => {
  it('matches a title on its words, not its typography', () => {
    expect(
      matchMetadata({ title: 'Aleppo’s  Siege: What We Know' }, { title: "Aleppo's siege - what we know" })
        .title,
    ).toBe(true);
    expect(matchMetadata({ title: 'Aleppo siege | VOA' }, { title: 'Aleppo siege' }).title).toBe(false);
    expect(matchMetadata({ title: null }, { title: 'Aleppo siege' }).title).toBe(false);
  });

  it('wants every credited author in the byline', () => {
    const truth = { author: 'Mara Quist, Ilse Marten & Jo Bloggs' };
    expect(matchMetadata({ byline: 'Mara Quist, Ilse Marten and Jo Bloggs' }, truth).author).toBe(true);
    expect(matchMetadata({ byline: 'Mara Quist' }, truth).author).toBe(false);
    expect(matchMetadata({ byline: null }, { author: 'Mara Quist' }).author).toBe(false);
  });

  it('takes a date within a day (UTC instants against local days)', () => {
    const truth = { publish_date: '2020-04-12' };
    expect(matchMetadata({ publishedTime: '2020-04-13T01:00:00.000Z' }, truth).date).toBe(true);
    expect(matchMetadata({ publishedTime: '2020-04-11T23:00:00.000Z' }, truth).date).toBe(true);
    expect(matchMetadata({ publishedTime: '2020-04-14T12:00:00.000Z' }, truth).date).toBe(false);
    expect(matchMetadata({ publishedTime: null }, truth).date).toBe(false);
  });

  it('does not score what the truth leaves empty', () => {
    expect(matchMetadata({ title: 'x', byline: 'y', publishedTime: '2020-01-01' }, {})).toEqual({
      title: null,
      author: null,
      date: null,
    });
  });
});
