import { type Browser, browser } from 'wxt/browser';
import type { ReadRequest, ToPipeline } from '../messages';
import { PIPELINE_IN_PAGE } from '../pipeline-place';

/**
 * The pipeline runs in an offscreen document of the extension's own (Chromium), not in the page: a
 * reader injected into a news site's fresh renderer process compiled and first-ran ~70 kB of
 * extraction code on every first open there (bench/results/speed.md), while this document keeps it
 * compiled and warm across sites, and the page's main thread is not blocked while a story is read.
 * https://developer.chrome.com/docs/extensions/reference/api/offscreen (reason DOM_PARSER)
 * Firefox has no offscreen documents; its reader runs the pipeline in the page as before.
 */
const PATH = '/offscreen.html';

let creating: Promise<void> | null = null;
/**
 * Known to be open since this worker made or found it: a click then sends the page at once instead
 * of asking the browser first (a round trip on the way to the story). Forgotten when it closes or a
 * message to it fails; a worker that starts again asks again.
 */
let open = false;

async function hasDocument(): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [browser.runtime.getURL(PATH)],
  });
  return contexts.length > 0;
}

/** Creates the document unless it exists; concurrent callers share one creation. */
export function ensurePipelineDocument(): Promise<void> {
  if (open) return Promise.resolve();
  creating ??= (async () => {
    if (!(await hasDocument()))
      await browser.offscreen.createDocument({
        url: PATH,
        reasons: ['DOM_PARSER' as Browser.offscreen.Reason],
        justification: 'Reads the article out of the page the reader sends when a person opens it.',
      });
    open = true;
  })().finally(() => {
    creating = null;
  });
  return creating;
}

/**
 * At a click, while the reader is injected: the document the reader is about to need. Never throws
 * (the reader's own request creates it again if this failed), and nothing where the reader reads in
 * the page (lib/pipeline-place.ts).
 */
export function preparePipelineDocument(): Promise<void> {
  return browser.offscreen && !PIPELINE_IN_PAGE
    ? ensurePipelineDocument().catch(() => undefined)
    : Promise.resolve();
}

/** The document asks to go after a while without work (it holds memory, not state). */
export async function closePipelineDocument(): Promise<void> {
  open = false;
  if (await hasDocument()) await browser.offscreen.closeDocument();
}

/**
 * Relays a reader's request to the pipeline document, creating it first if needed; once more if the
 * document closed itself just then (it goes after a while without work).
 */
export async function readInPipelineDocument(msg: ReadRequest): Promise<unknown> {
  const relay: ToPipeline = { type: 'offscreen:read', nodes: msg.nodes, url: msg.url, base: msg.base };
  for (let attempt = 0; ; attempt++) {
    await ensurePipelineDocument();
    try {
      return await browser.runtime.sendMessage(relay);
    } catch (err) {
      open = false;
      if (attempt) throw err;
    }
  }
}
