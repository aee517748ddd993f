import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '@/lib/i18n';
import type { ReaderPrefs } from '@/lib/prefs';
import { normalizePrefs, TEXT_SIZES } from '@/lib/prefs';
import type { ArticleResult } from '@/lib/types';
import { ArticleBody } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { trapTab } from './focus';
import { Notice } from './Notice';
import { QuotesPanel } from './QuotesPanel';
import { Toolbar } from './Toolbar';

export type ReaderState =
  | { kind: 'article'; article: ArticleResult; html?: string }
  | { kind: 'notice'; message: string; detail?: string };

export interface ReaderAppProps {
  state: ReaderState;
  url: string | null;
  prefs: ReaderPrefs;
  onPrefsChange?: (prefs: ReaderPrefs) => void;
  onClose?: () => void;
  onAlwaysOpen?: (event: MouseEvent) => void;
  /** The interface language and its direction: the overlay's chrome follows them (mirrored for rtl). */
  uiLang?: string;
  uiDir?: 'ltr' | 'rtl';
  /** Live view: the header's date is formatted after the first frame (see ArticleHeader). */
  deferDate?: boolean;
}

function stepSize(prefs: ReaderPrefs, delta: number): ReaderPrefs {
  const i = TEXT_SIZES.indexOf(prefs.textSize) + delta;
  return { ...prefs, textSize: TEXT_SIZES[Math.max(0, Math.min(TEXT_SIZES.length - 1, i))] };
}

const isTyping = (e: KeyboardEvent) => {
  const el = e.composedPath()[0] as HTMLElement | undefined;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName ?? ''));
};

/** The reader view. Controlled: preferences come in as props and changes go out. */
export function ReaderApp({
  state,
  url,
  prefs,
  onPrefsChange,
  onClose,
  onAlwaysOpen,
  uiLang,
  uiDir,
  deferDate,
}: ReaderAppProps) {
  const t = useT();
  const [quotesOpen, setQuotesOpen] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const story = useRef<HTMLElement>(null);

  const update = (patch: Partial<ReaderPrefs>) => {
    onPrefsChange?.(normalizePrefs({ ...prefs, ...patch }));
  };

  useEffect(() => {
    dialog.current?.focus({ preventScroll: true });
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Tab' && dialog.current) trapTab(e, dialog.current);
    if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '+' || e.key === '=') {
      update(stepSize(prefs, +1));
      e.preventDefault();
    } else if (e.key === '-' || e.key === '_') {
      update(stepSize(prefs, -1));
      e.preventDefault();
    }
  };

  const article = state.kind === 'article' ? state.article : null;
  const pickQuote = (index: number) => {
    const qs = dialog.current?.querySelectorAll<HTMLElement>('.article-body q:not([data-quote-cont])');
    const el = qs?.[index];
    if (!el) return;
    const still = el.ownerDocument.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    el.classList.remove('flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 1500);
  };

  return (
    <div
      ref={dialog}
      class="reader"
      role="dialog"
      aria-modal="true"
      aria-labelledby={article ? 'reader-title' : undefined}
      aria-label={article ? undefined : t('extName')}
      tabIndex={-1}
      lang={uiLang}
      dir={uiDir}
      data-theme={prefs.theme}
      data-font={prefs.font}
      data-width={prefs.width}
      data-line-height={prefs.lineHeight}
      data-size={prefs.textSize}
      data-images={prefs.showImages ? 'shown' : 'hidden'}
      data-quotes={prefs.highlightQuotes ? 'marked' : 'plain'}
      onKeyDown={onKeyDown}
    >
      {/* A static rendering (the command line's page) has no script: no controls that cannot work. */}
      {onPrefsChange ? (
        <Toolbar
          prefs={prefs}
          onPrefs={update}
          onClose={onClose}
          onAlwaysOpen={onAlwaysOpen}
          quotesCount={article?.quotes.length ?? 0}
          quotesOpen={quotesOpen}
          onToggleQuotes={() => setQuotesOpen((o) => !o)}
          story={article ? { ref: story, lang: article.lang } : undefined}
        />
      ) : null}
      <div class="page">
        {article ? (
          <>
            {quotesOpen ? <QuotesPanel quotes={article.quotes} onPick={pickQuote} /> : null}
            <article ref={story} lang={article.lang ?? undefined} dir={article.dir ?? 'auto'}>
              <ArticleHeader article={article} url={url} deferDate={deferDate} />
              <ArticleBody
                content={state.kind === 'article' && state.html !== undefined ? state.html : article.content}
              />
            </article>
          </>
        ) : (
          <Notice
            message={state.kind === 'notice' ? state.message : ''}
            detail={state.kind === 'notice' ? state.detail : undefined}
          />
        )}
      </div>
    </div>
  );
}
