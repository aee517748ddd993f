import { browser } from 'wxt/browser';
import { isNewsArticle } from '@/lib/detect-score';

// The benchmark build times each decision (bench/speed.ts); what people install has no marks.
const mark =
  import.meta.env.MODE === 'bench' ? (name: string) => void performance.mark(`calm:${name}`) : undefined;
mark?.('detector-loaded');

/**
 * Runs on the person's auto-open sites only (registered at run time for exactly the origins
 * they granted). Cheap: one detection per page view, no work elsewhere.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  // WXT's older way of retiring a previous copy of this script posts a message to the page's window:
  // the page's own listeners would see that an extension runs here, and on a page without scripts of
  // its own that post cost about 7 ms at injection (the page's script context is built for it).
  // The custom-event way stays. https://github.com/wxt-dev/wxt/pull/2035
  noScriptStartedPostMessage: true,
  main(ctx) {
    let last = '';
    const check = () => {
      const url = location.href;
      if (url === last) return;
      last = url;
      mark?.('detector-start');
      const article = isNewsArticle(document, url);
      mark?.('detector-decided');
      if (article) {
        void browser.runtime.sendMessage({ type: 'detector:article', url }).catch(() => undefined);
      }
    };
    check();
    // Single-page apps: another article arrives without a page load. WXT polls the URL;
    // give the new view a moment to render before judging it.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(check, 600);
    });
    mark?.('detector-done');
  },
});
