/**
 * After Readability: markup the story keeps that draws badly in a reader view. Nothing is removed
 * here; parts are rearranged so that what the page showed (or would show on a click) reads as text.
 */

const BLOCK_CHILD = 'p, div, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, table, figure, pre';

/**
 * A `<details>` (an FAQ's answers, a "Show transcript") unfolded: the reader view shows the whole
 * story, as it does with other collapsed panels (clean-visibility.ts). The summary becomes a bold
 * line above what it hid. The sanitizer keeps no `open` attribute (`<details open ontoggle>` is an
 * old script trigger), so an unfolded copy is plain blocks.
 */
export function unfoldDetails(root: Element): number {
  const all = Array.from(root.querySelectorAll('details'));
  // Innermost first, so an outer one moves finished blocks.
  for (const details of all.reverse()) {
    const doc = details.ownerDocument;
    const summary = Array.from(details.children).find((c) => c.localName === 'summary');
    if (summary) {
      const line = doc.createElement(summary.querySelector(BLOCK_CHILD) ? 'div' : 'p');
      if (line.localName === 'p') {
        const strong = doc.createElement('strong');
        strong.append(...Array.from(summary.childNodes));
        line.append(strong);
      } else line.append(...Array.from(summary.childNodes));
      summary.replaceWith(line);
    }
    const box = doc.createElement('div');
    box.append(...Array.from(details.childNodes));
    details.replaceWith(box);
  }
  return all.length;
}

/**
 * `<li>South America:</li><li><ul><li>Argentina</li></ul></li>`: a list item holding nothing but a
 * nested list draws an empty bullet beside it. The nested list belongs to the item before.
 */
export function adoptOrphanSublists(root: Element): number {
  let moved = 0;
  for (const li of Array.from(root.querySelectorAll('li'))) {
    const kids = li.children;
    if (kids.length !== 1 || !/^(ul|ol)$/.test(kids[0].localName)) continue;
    const prev = li.previousElementSibling;
    if (prev?.localName !== 'li') continue;
    let own = '';
    for (const n of Array.from(li.childNodes)) if (n.nodeType === 3) own += n.nodeValue ?? '';
    if (own.trim()) continue;
    prev.append(kids[0]);
    li.remove();
    moved++;
  }
  return moved;
}
