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
