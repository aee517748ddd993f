import { describe, expect, it } from 'vitest';
import { comparePaired, median } from '@/bench/lib/paired';

const run = (times: Record<string, number | null>) => ({
  pages: Object.entries(times).map(([id, openMs]) => ({ id, openMs: openMs ?? Number.NaN })),
});

describe('two builds compared page by page (bench/lib/paired.ts)', () => {
  it("averages each page over its side's runs and counts the pages that got faster", () => {
    const before = [run({ a: 100, b: 200, c: 300 }), run({ a: 120, b: 220, c: 280 })];
    const after = [run({ a: 100, b: 150, c: 320 }), run({ a: 100, b: 170, c: 300 })];
    const c = comparePaired(before, after);
    // Per page, before − after: a 110 − 100 = 10, b 210 − 160 = 50, c 290 − 310 = −20.
    expect(c).toMatchObject({ pages: 3, faster: 2, medianGain: 10 });
    expect(c.meanGain).toBeCloseTo(40 / 3);
    expect(c.beforeMedians).toEqual([200, 220]);
    expect(c.afterMedians).toEqual([150, 170]);
  });

  it('leaves out a page that failed in any run (NaN, or null once written as JSON) or is missing from one', () => {
    const before = [run({ a: 100, b: 200, c: 300 }), run({ a: 100, b: null, c: 300 })];
    const after = [run({ a: 90, b: 100, c: 290 }), run({ a: 90, b: 100 })];
    const c = comparePaired(before, after);
    expect(c.pages).toBe(1);
    expect(c.medianGain).toBe(10);
    expect(c.beforeMedians).toEqual([200, 200]);
  });

  it('takes the middle of an even count as the mean of the two middle values', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
