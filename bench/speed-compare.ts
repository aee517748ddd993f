/**
 * `npm run bench:speed-compare -- BEFORE.json[,BEFORE2.json…] AFTER.json[,AFTER2.json…]`: two builds'
 * open times, page by page (bench/lib/paired.ts), from the per-page files `npm run bench:speed --
 * CORPUS --pages FILE.json` writes. Run the benchmark alternately on the code before and after a change
 * (a worktree of each), on the same pages, then compare here.
 */
import { readFileSync } from 'node:fs';
import { comparePaired, type PagedRun } from './lib/paired';

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: bench:speed-compare BEFORE.json[,MORE.json] AFTER.json[,MORE.json]');
  process.exit(2);
}
function load(list: string): PagedRun[] {
  return list.split(',').map((file) => {
    let pages: unknown;
    try {
      pages = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      console.error(`bench:speed-compare: cannot read ${file}: ${(err as Error).message.split('\n')[0]}`);
      process.exit(2);
    }
    if (!Array.isArray(pages) || !pages.every((p) => typeof p?.id === 'string')) {
      console.error(`bench:speed-compare: ${file} is not a per-page file of bench:speed --pages`);
      process.exit(2);
    }
    return {
      pages: pages.map((p) => ({ id: p.id, openMs: typeof p.openMs === 'number' ? p.openMs : Number.NaN })),
    };
  });
}
const c = comparePaired(load(before), load(after));
const ms = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
console.log(`first-open medians: before ${ms(c.beforeMedians)} ms; after ${ms(c.afterMedians)} ms`);
console.log(
  `page by page (mean over each side's runs), ${c.pages} pages: faster after on ${c.faster}, ` +
    `by ${c.medianGain.toFixed(1)} ms at the median (${c.meanGain.toFixed(1)} mean)`,
);
