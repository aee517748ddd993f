/**
 * After Readability: markup the story keeps that draws badly in a reader view. Nothing of the story
 * is removed here; parts are rearranged so that what the page showed (or would show on a click) reads
 * as text, and a typed section break is drawn as one.
 */

import { detached } from './dom-text';

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

/** A line of stars, dashes or underscores ("* * *", "___", "-------------"): a section break. */
const SEPARATOR = /^[\s*_=~#+•·–—-]+$/;
const MARKS = /[*_=~#+•·–—-]/g;

/**
 * A section break typed as a line of characters is drawn as one (`<hr>`), not as a row of stars in
 * the story's font; one with nothing of the story after it (a wire story's "___" before its end
 * credits stays: they are the story's) goes, as does one before the story starts.
 */
export function drawSeparators(root: Element): number {
  let drawn = 0;
  for (const block of Array.from(root.querySelectorAll('p, div'))) {
    // A <div> of separators went whole, with its <p>s.
    if (detached(block, root)) continue;
    const text = block.textContent ?? '';
    if (text.length > 80 || !SEPARATOR.test(text) || (text.match(MARKS)?.length ?? 0) < 3) continue;
    if (block.querySelector('img, picture, figure, iframe, video, svg')) continue;
    if (textBeside(root, block, true) && textBeside(root, block, false))
      block.replaceWith(block.ownerDocument.createElement('hr'));
    else block.remove();
    drawn++;
  }
  return drawn;
}

/** Is there text after (or before) `el` inside `root`? */
function textBeside(root: Element, el: Element, after: boolean): boolean {
  for (let n: Node | null = el; n && n !== root; n = n.parentNode) {
    for (let s = after ? n.nextSibling : n.previousSibling; s; s = after ? s.nextSibling : s.previousSibling)
      if ((s.textContent ?? '').trim()) return true;
  }
  return false;
}
