/**
 * Is this page a news/story article, and why? The score lives in detect-score.ts (what the auto-open
 * content script bundles); this module adds the human-readable reason the reader's notice, the CLI
 * and the benchmarks show.
 */
import { BIAS, type Part, scoreParts, total } from './detect-score';
import type { Detection } from './types';

export type { DetectSignals, Part } from './detect-score';
export { collectSignals, headlineParts, isNewsArticle, pageParts, scoreSignals } from './detect-score';

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** What each contribution's code means, in words (its detail is a count or a declared type). */
const LABELS: Record<string, string | ((d: string & number) => string)> = {
  empty: 'empty document',
  ld: (t) => `schema.org ${t}`,
  og: 'og:type article',
  ldProduct: 'schema.org Product',
  ogProduct: (t) => `og:type ${t}`,
  price: 'price markup',
  ldList: 'schema.org list page',
  ldOther: 'schema.org non-story type',
  post: 'CMS post template',
  metaDate: 'publication date meta',
  dated: 'dated URL',
  slug: (n) => `${n}-word slug`,
  storyPath: 'story path',
  shop: 'shop URL',
  home: 'home page',
  listing: 'listing URL',
  block: (n) => `text block of ${plural(n, 'long paragraph')}`,
  noParagraph: 'no paragraph of running text',
  heads: (n) => plural(n, 'heading'),
  linkedHeads: (n) => plural(n, 'linked heading'),
  priceEls: (n) => plural(n, 'price element'),
  date: 'date by the headline',
  readTime: 'reading time',
  storyHeadline: 'story headline',
  genericTitle: 'shop/service/list title',
  readerable: 'readerable',
};

/** A contribution in words; an unknown code (a test's own part) is its own label. */
export function label([code, weight, detail]: Part): string {
  if (code === 'block' && weight <= 0) return 'little running text';
  const l = LABELS[code];
  if (l === undefined) return code;
  return typeof l === 'string' ? l : l(detail as string & number);
}

/** Is this page a news/story article? Never throws. */
export function detectArticle(doc: Document, url?: string): Detection {
  try {
    return decide(scoreParts(doc, url));
  } catch (e) {
    return { isArticle: false, reason: `not an article: detector error (${(e as Error)?.message ?? e})` };
  }
}

/**
 * The decision and a reason naming the strongest signals on the winning side, strongest first. A
 * page that fails for want of evidence (its positive signals do not even make up the bias) says so
 * first: that, not its headings, is why it is not an article.
 */
export function decide(parts: Part[]): Detection {
  const score = Math.round(total(parts) * 100) / 100;
  const isArticle = score > 0;
  const sorted = [...parts].sort((a, b) => (isArticle ? b[1] - a[1] : a[1] - b[1]));
  const why = sorted.filter((p) => (isArticle ? p[1] > 0 : p[1] < 0)).map(label);
  const evidence = parts.reduce((a, p) => a + Math.max(0, p[1]), 0);
  if (!isArticle && evidence < -BIAS) why.unshift('too little article evidence');
  const named = why.length ? why.slice(0, 3).join(' + ') : 'no signals';
  return {
    isArticle,
    reason: `${isArticle ? 'article' : 'not an article'}: ${named} (score ${score.toFixed(1)})`,
    score,
    signals: sorted.map((p) => `${label(p)} ${p[1] >= 0 ? '+' : ''}${p[1].toFixed(1)}`),
  };
}
