/**
 * A heading's start tag closes a heading left open (https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inbody,
 * 'A start tag whose tag name is one of: "h1", …, "h6"': "If the current node is … h1 … h6 …, pop
 * the current node"): in a browser, `<h1>Title<div></div><h3>Posted on …</h3></h1>` is an <h1> and
 * an <h3> side by side, and what follows the <h3> is outside both. linkedom nests the <h3> in the
 * <h1>, and the command line took "Title Posted on July 1, 2024 by infuy" for the headline. A heading
 * that is a child of a heading moves out after it, with everything that follows it there.
 */
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

export function unnestHeadings(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  for (const inner of Array.from(body.querySelectorAll(HEADINGS))) {
    const outer = inner.parentElement;
    if (!outer || !/^H[1-6]$/.test(outer.tagName)) continue;
    const moved: Node[] = [];
    for (let n: Node | null = inner; n; n = n.nextSibling) moved.push(n);
    outer.after(...moved);
  }
}
