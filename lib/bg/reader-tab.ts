import { browser } from 'wxt/browser';
import type { ToReader } from '../messages';
import { PIPELINE_IN_PAGE } from '../pipeline-place';
import { clearBadgeIf } from './badge';
import { preparePipelineDocument } from './pipeline-doc';
import { readAhead } from './read-ahead';

const READER_SCRIPT = '/content-scripts/reader.js';

/**
 * Right after a toolbar click Chromium sometimes answers executeScript with "Cannot access
 * contents of the page" for a moment (the activeTab grant lands a tick later); retry briefly. The
 * moment grows with the machine's load, so the retries span three seconds, not under one: a busy
 * machine's click is slow, not refused (a page that really is off limits says so at once, in other
 * words, and is not retried).
 */
const RETRY_DELAYS_MS = [0, 50, 100, 200, 400, 800, 1500];
const TRANSIENT =
  /Cannot access contents of the page|Frame with ID 0 is showing error page|No frame with id/i;

export class ForbiddenPageError extends Error {}

/** Pages no extension may script: a clear badge is the right answer, not an exception. */
const FORBIDDEN =
  /Cannot access a chrome|cannot be scripted|Cannot access contents of url|The extensions gallery|chrome-extension:|Missing host permission|PDF|error page/i;

async function sendToReader(tabId: number, msg: ToReader): Promise<boolean> {
  try {
    const reply = await browser.tabs.sendMessage(tabId, msg, { frameId: 0 });
    return reply === 'ok';
  } catch {
    return false; // no reader in the tab yet
  }
}

async function injectReader(tabId: number): Promise<void> {
  let lastError: unknown;
  for (const delay of RETRY_DELAYS_MS) {
    if (delay) await new Promise((r) => setTimeout(r, delay));
    try {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [READER_SCRIPT] });
      return;
    } catch (err) {
      lastError = err;
      if (!TRANSIENT.test(String((err as Error)?.message ?? err))) break;
    }
  }
  const message = String((lastError as Error)?.message ?? lastError);
  throw FORBIDDEN.test(message) || TRANSIENT.test(message) ? new ForbiddenPageError(message) : lastError;
}

/** Delivers `msg` to the tab's reader, injecting the reader first if the tab has none. */
export async function driveReader(tabId: number, msg: ToReader): Promise<void> {
  // The reader's first request is for the pipeline document: it is created meanwhile (the request
  // waits for the same creation if it comes first).
  void preparePipelineDocument();
  if (await sendToReader(tabId, msg)) return;
  if (browser.offscreen && !PIPELINE_IN_PAGE) readAhead(tabId);
  await injectReader(tabId);
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
