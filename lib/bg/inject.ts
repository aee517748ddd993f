import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

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

/**
 * Runs one of the extension's scripts in the tab's top frame (the reader, or the capture script of
 * lib/bg/read-ahead.ts) and gives back its value; ForbiddenPageError where no extension may run.
 */
export async function injectInTopFrame(tabId: number, file: ScriptPublicPath): Promise<unknown> {
  let lastError: unknown;
  for (const delay of RETRY_DELAYS_MS) {
    if (delay) await new Promise((r) => setTimeout(r, delay));
    try {
      const results = await browser.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        files: [file],
      });
      return results?.[0]?.result;
    } catch (err) {
      lastError = err;
      if (!TRANSIENT.test(String((err as Error)?.message ?? err))) break;
    }
  }
  const message = String((lastError as Error)?.message ?? lastError);
  throw FORBIDDEN.test(message) || TRANSIENT.test(message) ? new ForbiddenPageError(message) : lastError;
}
