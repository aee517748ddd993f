import { browser } from 'wxt/browser';
import type { ToReader } from '../messages';
import { PIPELINE_IN_PAGE } from '../pipeline-place';
import { clearBadgeIf } from './badge';
import { ForbiddenPageError, injectInTopFrame } from './inject';
import { preparePipelineDocument } from './pipeline-doc';
import { readAhead } from './read-ahead';

const READER_SCRIPT = '/content-scripts/reader.js';

async function sendToReader(tabId: number, msg: ToReader): Promise<boolean> {
  try {
    const reply = await browser.tabs.sendMessage(tabId, msg, { frameId: 0 });
    return reply === 'ok';
  } catch {
    return false; // no reader in the tab yet
  }
}

/** Delivers `msg` to the tab's reader, injecting the reader first if the tab has none. */
export async function driveReader(tabId: number, msg: ToReader): Promise<void> {
  // The reader's first request is for the pipeline document: it is created meanwhile (the request
  // waits for the same creation if it comes first).
  void preparePipelineDocument();
  if (await sendToReader(tabId, msg)) return;
  if (browser.offscreen && !PIPELINE_IN_PAGE) readAhead(tabId);
  await injectInTopFrame(tabId, READER_SCRIPT);
  if (!(await sendToReader(tabId, msg))) throw new Error('The reader did not answer');
}

/** Toolbar button and shortcut: toggle, and say clearly when the page cannot be read. */
export async function toggleFromUser(tabId: number): Promise<void> {
  try {
    await driveReader(tabId, { type: 'reader:toggle' });
    await clearBadgeIf(tabId, '!');
  } catch (err) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
    await browser.action.setBadgeText({ tabId, text: '!' });
    await browser.action.setTitle({
      tabId,
      title: browser.i18n.getMessage(err instanceof ForbiddenPageError ? 'forbiddenPage' : 'readerFailed'),
    });
  }
}
