import { browser } from 'wxt/browser';
import { readInPipelineDocument } from './pipeline-doc';

const CAPTURE_SCRIPT = '/capture.js';

/**
 * How long a story read ahead waits for its reader: far longer than a reader takes to start, and
 * short enough that a story nobody asked for (the reader refused to open) does not linger.
 */
const KEEP_MS = 30_000;

export type AheadReply = { url: string; reply: unknown } | { none: true };
const NONE: AheadReply = { none: true };

/** Per tab, the story being read ahead of its newly injected reader. */
const ahead = new Map<number, Promise<AheadReply>>();

/**
 * At the click that injects the reader: the page's DOM is taken by a small script of its own and
 * sent to the pipeline document at once, so the story is read while the reader's larger script is
 * still being compiled and started in the page, not after (bench/results/speed.md, twentieth
 * round). Never throws: whatever fails here, the reader reads the page itself.
 */
export function readAhead(tabId: number): void {
  const read: Promise<AheadReply> = browser.scripting
    .executeScript({ target: { tabId, frameIds: [0] }, files: [CAPTURE_SCRIPT] })
    .then(async ([injection]) => {
      const page = injection?.result as { nodes?: unknown; url?: unknown; base?: unknown } | null;
      if (
        !page ||
        typeof page.nodes !== 'string' ||
        typeof page.url !== 'string' ||
        typeof page.base !== 'string'
      )
        return NONE;
      const reply = await readInPipelineDocument({
        type: 'reader:extract',
        nodes: page.nodes,
        url: page.url,
        base: page.base,
      });
      return { url: page.url, reply };
    })
    .catch(() => NONE);
  ahead.set(tabId, read);
  setTimeout(() => {
    if (ahead.get(tabId) === read) ahead.delete(tabId);
  }, KEEP_MS);
}

/** The reader's first request: the story read ahead for its tab, once; `none` when there is none. */
export function takeAhead(tabId: number): Promise<AheadReply> {
  const read = ahead.get(tabId);
  ahead.delete(tabId);
  return read ?? Promise.resolve(NONE);
}
