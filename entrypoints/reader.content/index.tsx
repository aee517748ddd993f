import { browser } from 'wxt/browser';
import css from '@/components/reader.css?inline';
import { fromOwnBackground, parseToReader } from '@/lib/messages';
import { ReaderController } from './controller';

/**
 * The reader: injected into a tab once (by the toolbar button, the shortcut or the
 * auto-open detector), then driven by messages, so a second click closes it.
 */
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  // WXT's older way of retiring a previous copy of this script posts a message to the page's window:
  // the page's own listeners would see that an extension runs here, and on a page without scripts of
  // its own that post cost about 7 ms at injection (the page's script context is built for it).
  // The custom-event way stays. https://github.com/wxt-dev/wxt/pull/2035
  noScriptStartedPostMessage: true,
  main(ctx) {
    const reader = new ReaderController(css);
    const onMessage = (raw: unknown, sender: unknown, sendResponse: (reply: string) => void) => {
      const msg = parseToReader(raw);
      if (!msg || !fromOwnBackground(sender as { id?: string }, browser.runtime.id)) return;
      if (msg.type === 'reader:toggle') reader.toggle();
      else reader.openAuto(msg.url);
      sendResponse('ok');
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      reader.close(false);
    });
  },
});
