/**
 * What a page puts in its <head> that cannot live there (a <div>, a paragraph, stray text) starts
 * the body in a browser's parser (https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inhead,
 * "anything else"): that node and everything after it in the head move to the body. linkedom leaves
 * them in the head, where Readability met a story candidate with no <body> above it and crashed
 * ("Cannot read properties of null (reading 'tagName')"): the command line failed on a page the
 * browser reads.
 */
const HEAD_ONLY = new Set([
  'BASE',
  'BASEFONT',
  'BGSOUND',
  'LINK',
  'META',
  'TITLE',
  'NOSCRIPT',
  'NOFRAMES',
  'STYLE',
  'SCRIPT',
  'TEMPLATE',
]);

export function moveBodyContentOutOfHead(doc: Document): void {
  const { head, body } = doc;
  if (!head || !body) return;
  const first = Array.from(head.childNodes).find((n) =>
    n.nodeType === 1
      ? !HEAD_ONLY.has((n as Element).tagName)
      : n.nodeType === 3 && (n.nodeValue ?? '').trim() !== '',
  );
  if (!first) return;
  const moved: Node[] = [];
  for (let n: Node | null = first; n; n = n.nextSibling) moved.push(n);
  body.prepend(...moved);
}
