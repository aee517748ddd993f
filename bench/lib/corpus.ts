/**
 * Loading benchmark corpora. Two layouts are understood:
 * - WCXB: `index.json`, `truth/ID.json` (url, page_type, ...), `html/ID.html.gz`;
 * - Readability's test pages: `NAME/source.html.gz` + `NAME/expected-metadata.json` (no URL; the
 *   page type is `readerable` or `not-readerable`, which is about readerability, not news).
 * Benchmarks take the corpus folder as an argument: nothing here knows where corpora live.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export type PageType =
  | 'article'
  | 'listing'
  | 'collection'
  | 'product'
  | 'service'
  | 'forum'
  | 'documentation'
  | 'readerable'
  | 'not-readerable'
  | (string & {});

/** One page's ground truth as the corpus ships it (fields we do not use are kept loosely typed). */
export interface Truth {
  id: string;
  url: string;
  page_type: PageType;
  domain: string;
  title?: string;
  author?: string | null;
  publish_date?: string | null;
  main_content?: string;
  with?: string[];
  without?: string[];
}

/** What a benchmark needs to know about a page before parsing it. */
export interface CorpusPage {
  id: string;
  /** The page's address; '' when the corpus does not know it. */
  url: string;
  pageType: PageType;
  /** Site the page comes from ('' when unknown): the unit of cross-validation splits. */
  domain: string;
  /** The gzipped HTML, relative to the corpus folder. */
  file: string;
}

export type CorpusKind = 'wcxb' | 'readability';

export function corpusKind(dir: string): CorpusKind {
  if (existsSync(join(dir, 'index.json'))) return 'wcxb';
  if (readdirSync(dir).some((n) => existsSync(join(dir, n, 'source.html.gz')))) return 'readability';
  throw new Error(`not a corpus folder (no index.json, no NAME/source.html.gz): ${dir}`);
}

/** All pages of a corpus of either layout, in id order. */
export function loadCorpus(dir: string): { kind: CorpusKind; pages: CorpusPage[] } {
  const kind = corpusKind(dir);
  return { kind, pages: kind === 'wcxb' ? listPages(dir) : listReadabilityPages(dir) };
}

function listReadabilityPages(dir: string): CorpusPage[] {
  return readdirSync(dir)
    .filter((n) => existsSync(join(dir, n, 'source.html.gz')))
    .sort()
    .map((id) => {
      const metaPath = join(dir, id, 'expected-metadata.json');
      const meta = existsSync(metaPath)
        ? (JSON.parse(readFileSync(metaPath, 'utf8')) as { readerable?: boolean })
        : {};
      return {
        id,
        url: '',
        pageType: meta.readerable === false ? 'not-readerable' : 'readerable',
        domain: id,
        file: join(id, 'source.html.gz'),
      };
    });
}

/** A page's HTML (UTF-8), whatever the corpus layout. */
export function readPageHtml(dir: string, page: CorpusPage): string {
  return gunzipSync(readFileSync(join(dir, page.file))).toString('utf8');
}

/** Detection labels: articles are positives; these four are negatives; forum/documentation are neither. */
export const NEGATIVE_TYPES: readonly PageType[] = ['listing', 'collection', 'product', 'service'];

/** true = should be detected as an article, false = should not, null = not scored. */
export function detectionLabel(pageType: PageType): boolean | null {
  if (pageType === 'article') return true;
  return NEGATIVE_TYPES.includes(pageType) ? false : null;
}

/** All pages of a WCXB corpus, in id order, with URL and type from their truth files. */
export function listPages(dir: string): CorpusPage[] {
  const indexPath = join(dir, 'index.json');
  if (!existsSync(indexPath)) throw new Error(`not a corpus folder (no index.json): ${dir}`);
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as Record<
    string,
    { page_type: string; domain: string }
  >;
  return Object.keys(index)
    .sort()
    .map((id) => {
      const t = readTruth(dir, id);
      return {
        id,
        url: t.url,
        pageType: t.page_type ?? index[id].page_type,
        domain: t.domain ?? index[id].domain,
        file: join('html', `${id}.html.gz`),
      };
    });
}

export function readTruth(dir: string, id: string): Truth {
  return JSON.parse(readFileSync(join(dir, 'truth', `${id}.json`), 'utf8')) as Truth;
}

/** A WCXB page as fetched (UTF-8 HTML). */
export function readHtml(dir: string, id: string): string {
  return gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
}

/**
 * A stable fold number for a domain (FNV-1a hash), so cross-validation never puts pages of one site
 * on both sides of a split: a rule that only works because it memorised a site shows up as a drop.
 */
export function domainFold(domain: string, folds = 2): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < domain.length; i++) {
    h ^= domain.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % folds;
}
