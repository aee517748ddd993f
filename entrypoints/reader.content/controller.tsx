import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createOverlayHost, type OverlayHost } from '@/components/overlay-host';
import { ReaderApp, type ReaderState } from '@/components/ReaderApp';
import { capturePage } from '@/lib/capture';
import { browserTranslator, I18n } from '@/lib/i18n';
import type { ReadRequest } from '@/lib/messages';
import { runPipelineAsync } from '@/lib/pipeline';
import { PIPELINE_IN_PAGE } from '@/lib/pipeline-place';
import type { ReaderPrefs } from '@/lib/prefs';
import type { ReadReply } from '@/lib/read-page';
import { loadPrefs, savePrefs, watchPrefs } from '@/lib/reader-prefs';
import { sanitizeArticle } from '@/lib/sanitize';
import type { ArticleResult } from '@/lib/types';
import { fromWire } from '@/lib/wire-article';

const t = browserTranslator(browser.i18n);
/** The browser's interface language: the overlay's chrome speaks it, mirrored when it is written rtl. */
const uiLang = browser.i18n.getUILanguage();
const uiDir = browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';

/** Per-stage timing marks, in benchmark builds only (`wxt build --mode bench`); gone from production. */
const benchMark =
  import.meta.env.MODE === 'bench' ? (stage: string) => void performance.mark(`calm:${stage}`) : undefined;

/**
 * Work on a normal page finishes in one task. Past this much main-thread time the rest of the
 * pipeline yields between stages (a huge page then never blocks the tab in one long task), with a
 * loading view shown meanwhile.
 */
const SLICE_MS = 100;

const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

async function readHere(onSlow: () => void): Promise<ArticleResult | null> {
  let slow = false;
  const outcome = await runPipelineAsync(document, {
    url: location.href,
    window,
    mark: benchMark,
    pause: (elapsed) => {
      if (elapsed < SLICE_MS) return;
      if (!slow) onSlow();
      slow = true;
      return nextTask();
    },
  });
  return outcome.ok ? outcome.article : null;
}

/**
 * The story read ahead while this reader was being injected (lib/bg/read-ahead.ts), if it is this
 * page's; else the page is sent now. Null when the page is not one the reader reads.
 */
async function requestStory(ahead: boolean): Promise<ReadReply | undefined | null> {
  if (ahead) {
    const asked = browser.runtime.sendMessage({ type: 'reader:ahead' }) as Promise<
      { url?: unknown; reply?: ReadReply } | undefined
    >;
    warmSanitizer();
    const answer = await asked;
    benchMark?.('ahead');
    if (answer?.url === location.href) return answer.reply;
  }
  const page = capturePage(document, location.href);
  if (!page) return null;
  const request: ReadRequest = { type: 'reader:extract', ...page };
  benchMark?.('serialize');
  const replied = browser.runtime.sendMessage(request) as Promise<ReadReply | undefined>;
  if (!ahead) warmSanitizer();
  return replied;
}

/**
 * While the pipeline document works, the page's thread is idle: the sanitizer's first run in a fresh
 * page (building its instance, compiling its code) is paid then instead of after the reply.
 */
const warmSanitizer = () => {
  sanitizeArticle('<p>A <a href="https://example.org/">link</a>.</p>', window);
  benchMark?.('warm');
};

async function readElsewhere(onSlow: () => void, ahead: boolean): Promise<ArticleResult | null> {
  // The page is not blocked meanwhile; past SLICE_MS the overlay shows its loading view.
  const slow = setTimeout(onSlow, SLICE_MS);
  try {
    const reply = await requestStory(ahead);
    benchMark?.('relay');
    if (import.meta.env.MODE === 'bench') benchRemote(reply);
    if (!reply?.ok) return null;
    const article = fromWire(reply.article, window);
    benchMark?.('sanitize');
    return article?.text.trim() ? article : null;
  } finally {
    clearTimeout(slow);
  }
}

/**
 * The pipeline document's own stage times, as marks the benchmark reads (benchmark builds only): the
 * request's way there and the answer's way back (wall clocks of two processes), the steps between.
 */
function benchRemote(reply: unknown) {
  // The page left when the reader last sent it itself, or else when the click's capture script took it.
  const left = (
    performance.getEntriesByName('calm:serialize').at(-1) ?? performance.getEntriesByName('calm:captured')[0]
  )?.startTime;
  if (left === undefined) return;
  const sent = performance.timeOrigin + left;
  const timings = (reply as { timings?: [string, number][] } | undefined)?.timings ?? [];
  const arrived = timings.find(([stage]) => stage === 'arrived')?.[1];
  const answered = timings.find(([stage]) => stage === 'answered')?.[1];
  if (arrived === undefined || answered === undefined) return;
  const back = performance.timeOrigin + performance.now() - answered;
  performance.mark('calm-remote:there', { detail: arrived - sent });
  for (const [stage, ms] of timings)
    if (stage !== 'arrived' && stage !== 'answered')
      performance.mark(`calm-remote:${stage}`, { detail: arrived - sent + ms });
  performance.mark('calm-remote:back', { detail: answered - sent + back });
  const heap = (reply as { heap?: number }).heap;
  if (heap) performance.mark('calm-remote-heap', { detail: heap });
}

async function readPage(onSlow: () => void, ahead: boolean): Promise<ReaderState> {
  try {
    const article = PIPELINE_IN_PAGE ? await readHere(onSlow) : await readElsewhere(onSlow, ahead);
    if (article) return { kind: 'article', article };
  } catch (err) {
    // A hostile or broken page must never break the reader: say so politely instead.
    console.debug('[reader] extraction failed', err);
  }
  return { kind: 'notice', message: t('noArticle'), detail: t('noArticleDetail') };
}

/** Opens and closes the overlay in this tab; one instance per page. */
export class ReaderController {
  private overlay: OverlayHost | null = null;
  private openedFor: string | null = null;
  private returnFocus: Element | null = null;
  /** A page view on which the person closed an auto-opened reader stays closed. */
  private dismissed: string | null = null;
  private auto = false;
  private unwatch: (() => void) | null = null;
  private state: ReaderState | null = null;
  private prefs: ReaderPrefs | null = null;
  /** The first open after injection asks for the story read ahead meanwhile (lib/bg/read-ahead.ts). */
  private ahead = true;

  constructor(private readonly css: string) {}

  get isOpen(): boolean {
    return this.overlay !== null;
  }

  toggle(): void {
    if (this.overlay) this.close();
    else void this.open(false);
  }

  /** From the detector, via the background: only for the page view it was asked for. */
  openAuto(url: string): void {
    if (url !== location.href || this.dismissed === url) return;
    if (this.overlay && this.openedFor === url) return;
    if (this.overlay) this.close(false);
    void this.open(true);
  }

  private async open(auto: boolean): Promise<void> {
    benchMark?.('open');
    const ahead = this.ahead;
    this.ahead = false;
    const prefs = await loadPrefs();
    benchMark?.('prefs');
    if (this.overlay) return; // a second request raced us
    this.prefs = prefs;
    // A normal page is read within this task, before the overlay appears. A huge one is read in
    // slices (see readPage); the overlay then shows a loading view meanwhile, and a click closes it.
    let shown: OverlayHost | null = null;
    const state = await readPage(() => {
      shown = this.attach(auto);
      render(<Loading prefs={prefs} />, shown.mount);
    }, ahead);
    if (shown && this.overlay !== shown) return; // closed while reading
    if (!shown) this.attach(auto);
    this.state = state;
    this.paint();
    benchMark?.('render');
  }

  private attach(auto: boolean): OverlayHost {
    this.auto = auto;
    this.openedFor = location.href;
    this.returnFocus = document.activeElement;
    const overlay = createOverlayHost(document, this.css);
    this.overlay = overlay;
    document.addEventListener('keydown', this.onKeyDown, true);
    overlay.shadow.addEventListener('keydown', this.onKeyDown as EventListener);
    // Another tab (or device) changing a preference shows here at once.
    this.unwatch = watchPrefs((value) => this.update(value, false));
    return overlay;
  }

  private update(prefs: ReaderPrefs, persist: boolean): void {
    if (JSON.stringify(prefs) === JSON.stringify(this.prefs)) return;
    this.prefs = prefs;
    this.paint();
    if (persist) void savePrefs(prefs).catch(() => undefined);
  }

  private paint(): void {
    const { state, prefs } = this;
    if (!this.overlay || !state || !prefs) return;
    const canList = /^https?:$/.test(location.protocol);
    render(
      <I18n.Provider value={t}>
        <ReaderApp
          state={state}
          url={location.href}
          prefs={prefs}
          onPrefsChange={(p) => this.update(p, true)}
          onClose={() => this.close()}
          onAlwaysOpen={canList ? this.onAlwaysOpen : undefined}
          uiLang={uiLang}
          uiDir={uiDir}
          deferDate
        />
      </I18n.Provider>,
      this.overlay.mount,
    );
  }

  private onAlwaysOpen = (event: MouseEvent): void => {
    // A page script can dispatch synthetic clicks at our buttons: privileges change only
    // on a real click by the person.
    if (!event.isTrusted) return;
    void browser.runtime.sendMessage({ type: 'site:request-add' });
  };

  private onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !e.isTrusted || !this.overlay) return;
    e.preventDefault();
    e.stopPropagation();
    // The innermost first: open settings close, and the reader stays (components/Toolbar.tsx).
    const settings = this.overlay.shadow.querySelector<HTMLElement>('.settings-toggle[aria-expanded="true"]');
    if (settings) {
      settings.click();
      settings.focus();
      return;
    }
    this.close();
  };

  close(byPerson = true): void {
    const overlay = this.overlay;
    if (!overlay) return;
    if (byPerson && this.auto) this.dismissed = this.openedFor;
    this.overlay = null;
    this.openedFor = null;
    this.unwatch?.();
    this.unwatch = null;
    this.state = null;
    document.removeEventListener('keydown', this.onKeyDown, true);
    overlay.shadow.removeEventListener('keydown', this.onKeyDown as EventListener);
    // Pending image loads (lazy ones waiting for the viewport, failing ones waiting for their error
    // event) keep their elements, and the whole view, alive in the browser well after closing.
    for (const img of Array.from(overlay.shadow.querySelectorAll('img, source'))) {
      img.removeAttribute('srcset');
      img.removeAttribute('src');
    }
    render(null, overlay.mount);
    overlay.remove();
    const back = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (back && typeof back.focus === 'function' && back.isConnected) back.focus({ preventScroll: true });
  }
}

/** What the overlay shows while a huge page is read: never a half-drawn view. */
function Loading({ prefs }: { prefs: ReaderPrefs }) {
  return (
    <div
      class="reader"
      role="dialog"
      aria-busy="true"
      aria-label={t('extName')}
      lang={uiLang}
      dir={uiDir}
      data-theme={prefs.theme}
    >
      <div class="page">
        <p class="notice-message">{t('loading')}</p>
      </div>
    </div>
  );
}
