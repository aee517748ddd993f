import { fromWireNodes } from './dom-wire';
import { runPipeline } from './pipeline';
import { toWire, type WireArticle } from './wire-article';

export type ReadReply = { ok: true; article: WireArticle } | { ok: false; error: string };

/** The page's nodes as the page sent them: JSON text (lib/capture.ts); null when it is not that. */
function parseWire(nodes: unknown): unknown {
  if (typeof nodes !== 'string') return null;
  try {
    return JSON.parse(nodes);
  } catch {
    return null;
  }
}

/**
 * The pipeline over a page's DOM as the page sent it (lib/capture.ts: lib/dom-wire.ts's nodes as JSON
 * text, so no extension context between builds the page's objects), rebuilt in a document of
 * the extension's own (see entrypoints/offscreen): inert (no scripts run, nothing loads). `baseUrl` is
 * the page's `document.baseURI`; `mark` times the stages (benchmark builds).
 */
export function readPage(
  nodes: unknown,
  url: string,
  baseUrl: string,
  win: Window,
  mark?: (stage: string) => void,
): ReadReply {
  const doc = win.document.implementation.createHTMLDocument('');
  const root = fromWireNodes(doc, parseWire(nodes));
  if (!root) return { ok: false, error: 'Unreadable page' };
  // Made before the page's nodes join the document: a named <img> or <form> shadows the document's
  // own methods (`<img name="createElement">`), and the page's markup is hostile.
  const ownBase = doc.createElement('base');
  doc.replaceChild(root, doc.documentElement);
  // Relative addresses resolve as on the page: against its base (which a page's <base> may give
  // relative to the page: it gets the address the page resolved it to). And this document's own
  // address is the extension's, so it answers with the page's: Readability keeps "#section" links as
  // they are only where a document is its own base (baseURI == documentURI), as most pages are.
  const base = root.querySelector('base[href]') ?? (root.querySelector('head') ?? root).appendChild(ownBase);
  base.setAttribute('href', baseUrl);
  Object.defineProperty(doc, 'documentURI', { value: url });
  mark?.('rebuild');
  const outcome = runPipeline(doc, { url, window: win, mark });
  return outcome.ok ? { ok: true, article: toWire(outcome.article) } : { ok: false, error: outcome.error };
}
