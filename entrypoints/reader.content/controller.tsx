import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createOverlayHost, type OverlayHost } from '@/components/overlay-host';
import { ReaderApp, type ReaderState } from '@/components/ReaderApp';
import { browserTranslator, I18n } from '@/lib/i18n';
import { runPipeline } from '@/lib/pipeline';
import { getPrefs, normalizePrefs, type ReaderPrefs, readerPrefs } from '@/lib/settings';

const t = browserTranslator(browser.i18n);

function readPage(): ReaderState {
  try {
    const outcome = runPipeline(document, { url: location.href, window });
    if (outcome.ok) return { kind: 'article', article: outcome.article };
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
    const prefs = await getPrefs();
    if (this.overlay) return; // a second request raced us
    const state = readPage();
    this.auto = auto;
    this.openedFor = location.href;
    this.returnFocus = document.activeElement;
    const overlay = createOverlayHost(document, this.css);
    this.overlay = overlay;
    document.addEventListener('keydown', this.onKeyDown, true);
    overlay.shadow.addEventListener('keydown', this.onKeyDown as EventListener);
    // Another tab (or device) changing a preference shows here at once.
    this.unwatch = readerPrefs.watch((value) => this.update(normalizePrefs(value), false));
    this.state = state;
    this.prefs = prefs;
    this.paint();
  }

  private update(prefs: ReaderPrefs, persist: boolean): void {
    if (JSON.stringify(prefs) === JSON.stringify(this.prefs)) return;
    this.prefs = prefs;
    this.paint();
    if (persist) void readerPrefs.setValue(prefs);
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
    render(null, overlay.mount);
    overlay.remove();
    const back = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (back && typeof back.focus === 'function' && back.isConnected) back.focus({ preventScroll: true });
  }
}
