import { browser } from 'wxt/browser';
import { parseToPipeline } from '@/lib/messages';
import { readPage } from '@/lib/read-page';

/**
 * The pipeline document (see lib/bg/pipeline-doc.ts): reads the DOM a reader sent, relayed by our
 * own background only, and answers with the article. After a while without work it asks to be
 * closed: it keeps no state, and a closed document costs no memory. Fifteen minutes covers reading a
 * long story before opening the next; the first open after that pays for creating the document and
 * compiling the pipeline again (bench/results/speed.md, --cold-pipeline).
 */
const IDLE_MS = 15 * 60 * 1000;
let idle: ReturnType<typeof setTimeout> | undefined;

/** Per-stage times since the request arrived, in benchmark builds only (bench/speed.ts). */
const timed = import.meta.env.MODE === 'bench';

browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
  const msg = parseToPipeline(raw);
  if (!msg || sender.id !== browser.runtime.id || sender.tab) return;
  clearTimeout(idle);
  idle = setTimeout(() => void browser.runtime.sendMessage({ type: 'offscreen:idle' }), IDLE_MS);
  const start = performance.now();
  // Wall-clock times of arrival and answer too, to tell the messages' cost from the work's.
  const timings: [string, number][] = [['arrived', performance.timeOrigin + start]];
  const mark = timed ? (stage: string) => void timings.push([stage, performance.now() - start]) : undefined;
  try {
    const reply = readPage(msg.nodes, msg.url, msg.base, window, mark);
    if (timed) timings.push(['answered', performance.timeOrigin + performance.now()]);
    // And the document's JS heap (Chromium's coarse figure), to see what staying open costs.
    const heap = (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
    sendResponse(timed ? { ...reply, timings, heap } : reply);
  } catch (err) {
    sendResponse({ ok: false, error: String((err as Error)?.message ?? err) });
  }
});
