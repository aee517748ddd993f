import { browser } from 'wxt/browser';
import { isNewsArticle } from '@/lib/detect-score';

/**
 * Runs on the person's auto-open sites only (registered at run time for exactly the origins
 * they granted). Cheap: one detection per page view, no work elsewhere.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    let last = '';
    const check = () => {
      const url = location.href;
      if (url === last) return;
      last = url;
      if (isNewsArticle(document, url)) {
        void browser.runtime.sendMessage({ type: 'detector:article', url }).catch(() => undefined);
      }
    };
    check();
    // Single-page apps: another article arrives without a page load. WXT polls the URL;
    // give the new view a moment to render before judging it.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(check, 600);
    });
  },
});
