/**
 * Parse a page with jsdom the way the benchmarks need: the page URL set (so relative links and
 * `document.URL` resolve), no scripts, no resource loading, CSS errors silenced, and a close()
 * that frees the window (jsdom keeps windows alive until closed; 1,000+ open ones exhaust the heap).
 */
import { createRequire } from 'node:module';

// jsdom ships no types and @types/jsdom is not a dependency: describe the little we use.
interface JsdomWindow {
  document: Document;
  close(): void;
}
interface JsdomModule {
  JSDOM: new (
    html: string,
    opts: { url?: string; virtualConsole?: unknown; contentType?: string },
  ) => { window: JsdomWindow };
  VirtualConsole: new () => unknown;
}
const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as JsdomModule;

export interface ParsedPage {
  doc: Document;
  close: () => void;
}

export interface ParseOptions {
  /**
   * Empty every <style> element before parsing. jsdom parses stylesheets eagerly, which is about half
   * its parse time on real pages; a job that never asks for computed styles (inline `style` still
   * works) loses nothing by it.
   */
  stripStyles?: boolean;
}

export function parsePage(html: string, url?: string, opts: ParseOptions = {}): ParsedPage {
  if (opts.stripStyles) html = html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2');
  // A console that forwards nowhere: real pages' CSS makes jsdom print parse errors by the hundred.
  const virtualConsole = new VirtualConsole();
  let dom: { window: JsdomWindow };
  try {
    dom = new JSDOM(html, { url, virtualConsole, contentType: 'text/html' });
  } catch {
    // A URL jsdom refuses (rare): parse without it rather than lose the page.
    dom = new JSDOM(html, { virtualConsole, contentType: 'text/html' });
  }
  return { doc: dom.window.document, close: () => dom.window.close() };
}
