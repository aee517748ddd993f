import { documentFacts, toWireNodes } from './dom-wire';
import { isHtmlType } from './html-page';

/** A page as the pipeline document reads it (lib/read-page.ts): its nodes, address and base address. */
export type PageCapture = { nodes: string; url: string; base: string };

/** The page's DOM for the pipeline document, or null when it is not an HTML page (a feed, a drawing). */
export function capturePage(doc: Document, url: string): PageCapture | null {
  const { contentType, baseURI } = documentFacts(doc);
  if (!isHtmlType(contentType)) return null;
  return { nodes: JSON.stringify(toWireNodes(doc)), url, base: baseURI };
}
