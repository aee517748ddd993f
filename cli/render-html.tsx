import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { ReaderApp } from '../components/ReaderApp';
import { I18n, type MessageTable, tableTranslator } from '../lib/i18n';
import { DEFAULT_PREFS } from '../lib/prefs';
import type { ArticleResult } from '../lib/types';

const ROOT = join(import.meta.dirname, '..');
const css = readFileSync(join(ROOT, 'components/reader.css'), 'utf8').replace(':host', ':root');
const t = tableTranslator(
  JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as MessageTable,
);

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The same Preact view as the overlay, rendered to a standalone page that opens anywhere. */
export function renderStandalone(article: ArticleResult, contentHtml: string, url: string | null): string {
  const body = renderToString(
    <I18n.Provider value={t}>
      <ReaderApp
        state={{ kind: 'article', article, html: contentHtml }}
        url={url}
        prefs={{ ...DEFAULT_PREFS }}
      />
    </I18n.Provider>,
  );
  // No scripts at all, and a CSP that forbids them in case the page is opened from a server.
  return `<!doctype html>
<html lang="${escapeText(article.lang ?? 'en').replace(/"/g, '')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(article.title)}</title>
<style>${css}</style>
</head>
<body>${body}</body>
</html>
`;
}
