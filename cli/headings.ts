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

/**
 * A heading's end tag closes whichever heading is open (same section of the spec: 'An end tag whose
 * tag name is one of: "h1", …, "h6"' pops until any h1–h6 is popped): in a browser,
 * `<h1>Checklist</h2><p>January 1, 2025</p>` is an <h1> and a <p>. linkedom closes only an element
 * of the same name, so the <h1> stayed open, held the date and the story after it, and the command
 * line's headline read "Checklist January 1, 2025". Rewritten in the source before parsing: each
 * heading end tag names the heading last opened. (A heading's start tag inside a script's string
 * only matters if the string leaves it unclosed and a real mismatched end tag follows.)
 */
export function closeHeadingsAsBrowsersDo(html: string): string {
  let open: string | null = null;
  return html.replace(/<(\/?)h([1-6])(?=[\s/>])/gi, (tag, slash: string, level: string) => {
    if (!slash) {
      open = level;
      return tag;
    }
    const closes = open;
    open = null;
    return closes && closes !== level ? `</h${closes}` : tag;
  });
}
