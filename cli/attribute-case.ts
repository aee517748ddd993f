/**
 * HTML attribute names are case-insensitive, and a browser's parser lowercases them on HTML elements
 * (https://html.spec.whatwg.org/multipage/parsing.html#creating-and-inserting-nodes); linkedom keeps
 * them as written. Pages rendered by React on the server write `dateTime`, `srcSet` and `itemProp`,
 * so on the command line `time[datetime]` found no date, and a lazy image's `srcSet` was not seen.
 * SVG and MathML keep their own case (`viewBox`), as in a browser.
 */
export function lowerCaseAttributes(doc: Document): void {
  for (const el of doc.querySelectorAll('*')) {
    const names = el.getAttributeNames().filter((n) => n !== n.toLowerCase());
    if (!names.length || el.closest('svg, math')) continue;
    for (const name of names) {
      const value = el.getAttribute(name) ?? '';
      el.removeAttribute(name);
      // The first of two spellings wins, as in a browser.
      if (!el.hasAttribute(name.toLowerCase())) el.setAttribute(name.toLowerCase(), value);
    }
  }
}
