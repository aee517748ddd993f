/**
 * The article as it travels between the extension's pipeline document and the reader in a tab: plain
 * JSON, the story as an HTML string. The reader treats what arrives as untrusted as the page it came
 * from (the pipeline read hostile markup) and sanitizes it again, right before rendering.
 */
import { sanitizeArticle, serializeFragment } from './sanitize';
import type { ArticleResult, Metadata, Quote } from './types';

export type WireArticle = Omit<ArticleResult, 'content' | 'detection'> & { contentHtml: string };

export function toWire(article: ArticleResult): WireArticle {
  const { content, detection: _detection, ...rest } = article;
  return { ...rest, contentHtml: serializeFragment(content) };
}

const META_STRINGS = ['byline', 'siteName', 'publishedTime', 'lang', 'excerpt', 'leadImage'] as const;

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown) => v === null || isString(v);
const isQuote = (v: unknown): v is Quote =>
  !!v && typeof v === 'object' && isString((v as Quote).text) && isStringOrNull((v as Quote).speaker);

/**
 * A WireArticle back into what the view renders, or null when `raw` is not one (every field checked,
 * nothing extra kept). The story goes through DOMPurify in `win`, the reader's window.
 */
export function fromWire(raw: unknown, win?: Window): ArticleResult | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const w = raw as Record<string, unknown>;
  if (!isString(w.title) || !isString(w.contentHtml) || !isString(w.text)) return null;
  if (!META_STRINGS.every((k) => isStringOrNull(w[k]))) return null;
  if (w.dir !== null && w.dir !== 'ltr' && w.dir !== 'rtl') return null;
  const minutes = w.readingMinutes;
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) return null;
  if (!Array.isArray(w.captions) || !w.captions.every(isString)) return null;
  if (!Array.isArray(w.quotes) || !w.quotes.every(isQuote)) return null;
  const meta = Object.fromEntries(META_STRINGS.map((k) => [k, w[k]])) as Pick<
    Metadata,
    (typeof META_STRINGS)[number]
  >;
  return {
    ...meta,
    title: w.title,
    dir: w.dir,
    readingMinutes: minutes,
    text: w.text,
    captions: w.captions,
    quotes: w.quotes.map((q) => ({ text: q.text, speaker: q.speaker })),
    content: sanitizeArticle(w.contentHtml, win),
  };
}
