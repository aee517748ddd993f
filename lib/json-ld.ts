/**
 * The page's JSON-LD, read by the reader's header: who wrote the story (lib/byline.ts) and when it was
 * published (lib/metadata.ts). The auto-open detector reads its own, smaller part (detect-meta.ts), in
 * a bundle of its own.
 */
import { isArticleType } from './schema-types';

const LD_SCRIPT_MAX = 60_000;
// Types are bare names in practice ("NewsArticle"); a full IRI still ends in the name.
export const isStoryType = (t: unknown) =>
  (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && isArticleType(x));

/** The page's JSON-LD nodes, top level and `@graph` members, in order (at most 200). */
export function jsonLdNodes(doc: Document): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = script.textContent ?? '';
    if (text.length > LD_SCRIPT_MAX) continue;
    try {
      const queue: unknown[] = [JSON.parse(text)];
      while (queue.length && nodes.length < 200) {
        const n = queue.shift();
        if (Array.isArray(n)) queue.push(...n);
        else if (n && typeof n === 'object') {
          nodes.push(n as Record<string, unknown>);
          const graph = (n as Record<string, unknown>)['@graph'];
          if (Array.isArray(graph)) queue.push(...graph);
        }
      }
    } catch {
      // Broken JSON-LD is common; the other sources remain.
    }
  }
  return nodes;
}

/**
 * When the page's JSON-LD says its story or, failing that, its web page was published (Yoast's
 * graphs on WordPress often hold only a WebPage, which Readability does not read).
 */
export function jsonLdPublished(doc: Document): string | undefined {
  // A date is a string: anything else a hostile page writes there is no date.
  const dated = jsonLdNodes(doc).filter((n) => typeof n.datePublished === 'string');
  return (dated.find((n) => isStoryType(n['@type'])) ?? dated.find((n) => /WebPage/.test(`${n['@type']}`)))
    ?.datePublished as string | undefined;
}
