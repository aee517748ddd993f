/**
 * Two builds' open times compared page by page. On this 2-core machine the first-open median moves by
 * ±7 ms between runs of the same code (bench/results/speed.md), as much as a real change is worth, so
 * a change is judged on the same pages, run alternately with the code before it: each page's mean
 * over the runs of each side, then the differences.
 */
export interface PagedRun {
  /** Per page, its open time in ms (NaN when it did not open). */
  pages: { id: string; openMs: number }[];
}

export interface PairedComparison {
  /** Each run's median open time, in the order given. */
  beforeMedians: number[];
  afterMedians: number[];
  /** Pages timed on both sides. */
  pages: number;
  /** Pages whose mean open time is lower after than before. */
  faster: number;
  /** Median and mean of (before − after) per page, ms: positive is faster. */
  medianGain: number;
  meanGain: number;
}

export const median = (xs: number[]): number => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Each page's mean open time over `runs`, for the pages timed in every one of them. */
function pageMeans(runs: PagedRun[]): Map<string, number> {
  const times = new Map<string, number[]>();
  for (const run of runs)
    for (const p of run.pages)
      if (Number.isFinite(p.openMs)) times.set(p.id, [...(times.get(p.id) ?? []), p.openMs]);
  const out = new Map<string, number>();
  for (const [id, xs] of times) if (xs.length === runs.length) out.set(id, mean(xs));
  return out;
}

export function comparePaired(before: PagedRun[], after: PagedRun[]): PairedComparison {
  const runMedian = (run: PagedRun) => median(run.pages.map((p) => p.openMs).filter(Number.isFinite));
  const b = pageMeans(before);
  const a = pageMeans(after);
  const gains = [...b].filter(([id]) => a.has(id)).map(([id, ms]) => ms - (a.get(id) as number));
  return {
    beforeMedians: before.map(runMedian),
    afterMedians: after.map(runMedian),
    pages: gains.length,
    faster: gains.filter((g) => g > 0).length,
    medianGain: median(gains),
    meanGain: gains.length ? mean(gains) : Number.NaN,
  };
}
