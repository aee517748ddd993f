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

/**
 * A browser's document has one <body>, and what a page puts between </head> and <body> (scripts,
 * comments) or after </body> ends up in the head or the body. linkedom gives such a page an empty
 * <body> first and the page's own <body> as a second child of <html>, with the stray nodes between
 * them: `document.body` was the empty one, and the command line found no article on pages the
 * browser reads (a WordPress theme with Google's tag between </head> and <body>). Everything after
 * the first <body> moves into it, in order; a later <body>'s attributes fill in the ones it lacks.
 */
export function mergeBodies(doc: Document): void {
  const html = doc.documentElement;
  const body = doc.body;
  if (!html || !body || body.parentNode !== html || !body.nextSibling) return;
  for (let n = body.nextSibling; n; n = body.nextSibling) {
    if (n.nodeType === 1 && (n as Element).tagName === 'BODY') {
      const other = n as Element;
      for (const a of Array.from(other.attributes))
        if (!body.hasAttribute(a.name)) body.setAttribute(a.name, a.value);
      body.append(...Array.from(other.childNodes));
      other.remove();
    } else {
      body.append(n);
    }
  }
}

/**
 * `<html>`, `<head>` and `<body>` tags inside the body (a story pasted whole into a CMS field) are
 * ignored by a browser's parser, which keeps their content in place. linkedom made real nested
 * <html> and <body> elements of them, and Readability scored the story differently on the command
 * line than in the browser (a development page's post sat in a nested <html><body>).
 */
export function unwrapNestedRoots(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  for (const el of Array.from(body.querySelectorAll('html, head, body')).reverse())
    el.replaceWith(...Array.from(el.childNodes));
}
