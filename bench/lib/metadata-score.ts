/**
 * The header's metadata against a corpus truth (WCXB's `title`, `author`, `publish_date`), field by
 * field, as a reader would judge it: the same words for the title; every credited author named in
 * the byline; the same calendar day, give or take one (our dates are UTC instants, the truth's are
 * the page's local day). A field the truth leaves empty is not scored (null).
 */

export interface MetaGuess {
  title?: string | null;
  byline?: string | null;
  publishedTime?: string | null;
}

export interface MetaTruth {
  title?: string | null;
  author?: string | null;
  publish_date?: string | null;
}

export interface MetaMatch {
  title: boolean | null;
  author: boolean | null;
  date: boolean | null;
}

const words = (s: string | null | undefined) =>
  (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .match(/[\p{L}\p{N}]+/gu)
    ?.join(' ') ?? '';

const DAY = 86_400_000;

export function matchMetadata(guess: MetaGuess, truth: MetaTruth): MetaMatch {
  const title = truth.title ? words(guess.title) === words(truth.title) : null;
  let author: boolean | null = null;
  if (truth.author) {
    const byline = words(guess.byline);
    const names = truth.author
      .split(/\s*(?:,|&|\band\b)\s*/i)
      .map(words)
      .filter(Boolean);
    author = !!byline && names.every((n) => byline.includes(n));
  }
  let date: boolean | null = null;
  if (truth.publish_date) {
    const want = Date.parse(truth.publish_date.slice(0, 10));
    const got = Date.parse(guess.publishedTime ?? '');
    date = !Number.isNaN(want) && !Number.isNaN(got) && Math.abs(Math.floor(got / DAY) - want / DAY) <= 1;
  }
  return { title, author, date };
}
