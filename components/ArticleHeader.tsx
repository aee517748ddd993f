import { useT } from '@/lib/i18n';
import type { ArticleResult } from '@/lib/types';

function formatDate(iso: string | null, lang: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(lang ?? undefined, { dateStyle: 'long' }).format(d);
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(d);
  }
}

/** Title, byline, site, date, reading time and a link back: all rendered as text, never as HTML. */
export function ArticleHeader({ article, url }: { article: ArticleResult; url: string | null }) {
  const t = useT();
  const date = formatDate(article.publishedTime, article.lang);
  const safeUrl = url && /^https?:/i.test(url) ? url : null;
  return (
    <header class="article-header">
      {article.siteName ? <p class="site-name">{article.siteName}</p> : null}
      <h1 id="reader-title">{article.title}</h1>
      <p class="meta">
        {article.byline ? <span class="byline">{article.byline}</span> : null}
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
