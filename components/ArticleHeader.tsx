import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/lib/i18n';
import type { ArticleResult } from '@/lib/types';

/**
 * The story's day. A time with the publisher's offset (lib/metadata.ts keeps it) is the day printed
 * on the page, wherever the person reads; a UTC time says nothing of the publisher's zone, so it is
 * the person's own day.
 */
export function formatDate(iso: string | null, lang: string | null): string | null {
  if (!iso) return null;
  let d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const wall = /[+-]\d{2}:\d{2}$/.test(iso) && /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (wall) d = new Date(Date.UTC(Number(wall[1]), Number(wall[2]) - 1, Number(wall[3]), 12));
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', ...(wall ? { timeZone: 'UTC' } : {}) };
  try {
    return new Intl.DateTimeFormat(lang ?? undefined, options).format(d);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(d);
  }
}

/**
 * The date in the article's language. The first date a page formats costs about 15 ms (the browser
 * loads its calendar data; measured in Chromium on a fresh page), as much as drawing the whole view,
 * so the live view fills it in once the story is on screen and the page is idle. The static page of
 * the command line has no later: it formats at once.
 */
function useLocalDate(iso: string | null, lang: string | null, defer: boolean): string | null {
  const [late, setLate] = useState<string | null>(null);
  useEffect(() => {
    if (!defer) return;
    const fill = () => setLate(formatDate(iso, lang));
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(fill, 50);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(fill, { timeout: 500 });
    return () => cancelIdleCallback(idle);
  }, [iso, lang, defer]);
  return defer ? late : formatDate(iso, lang);
}

/** Title, byline, site, date, reading time and a link back: all rendered as text, never as HTML. */
export function ArticleHeader({
  article,
  url,
  deferDate = false,
}: {
  article: ArticleResult;
  url: string | null;
  deferDate?: boolean;
}) {
  const t = useT();
  const date = useLocalDate(article.publishedTime, article.lang, deferDate);
  const safeUrl = url && /^https?:/i.test(url) ? url : null;
  // A company blog signs its posts with its own name ("Cleveland Clinic" over "Cleveland Clinic"):
  // the site's name above the title says it once.
  const squash = (s: string | null) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const byline =
    article.byline && squash(article.byline) !== squash(article.siteName) ? article.byline : null;
  return (
    <header class="article-header">
      {article.siteName ? <p class="site-name">{article.siteName}</p> : null}
      <h1 id="reader-title">{article.title}</h1>
      <p class="meta">
        {byline ? <span class="byline">{byline}</span> : null}
        {date ? (
          <time class="date" dateTime={article.publishedTime ?? undefined}>
            {date}
          </time>
        ) : null}
        <span class="reading-time">{t('readingTime', [String(article.readingMinutes)])}</span>
        {safeUrl ? (
          <a class="original" href={safeUrl} target="_blank" rel="noopener noreferrer">
            {t('viewOriginal')}
          </a>
        ) : null}
      </p>
    </header>
  );
}
