import { parseToBackground } from '../messages';
import { injectInTopFrame } from './inject';
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
  const read: Promise<AheadReply> = injectInTopFrame(tabId, CAPTURE_SCRIPT)
    .then(async (page) => {
      // The page's DOM as the reader would send it, held to the same checks as the reader's request.
      const request = parseToBackground({ ...(page as object | null), type: 'reader:extract' });
      if (request?.type !== 'reader:extract') return NONE;
      return { url: request.url, reply: await readInPipelineDocument(request) };
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
