/**
 * A visible date or byline next to the headline: most stories show one ("By Jane Porter · March
 * 14, 2025", "5 min read"), few other pages do. We read the text just after (and a little before)
 * the first <h1> with a TreeWalker over text nodes, bounded in characters, so the cost does not grow
 * with the page.
 */

export interface BylineSignals {
  /** A calendar date (month name + day + year, ISO, d/m/y) or "N hours ago" near the headline. */
  date: boolean;
  /** "By Name", "Written by", "Author:", "Posted by" near the headline. */
  by: boolean;
  /** "N min read" near the headline. */
  readTime: boolean;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE = new RegExp(
  `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d\\d\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(?:19|20)\\d\\d\\b|\\b(?:19|20)\\d\\d-[01]\\d-[0-3]\\d\\b|\\b[0-3]?\\d[./][01]?\\d[./](?:19|20)\\d\\d\\b|\\b\\d{1,2}\\s+(?:hours?|hrs?|days?|minutes?|mins?)\\s+ago\\b`,
  'i',
);
const BY = /(?:^|[\s|·•])(?:by|written by|posted by|author:|words by|von|par|por)\s+[A-Z\u00c0-\u024f]/;
const READ = /\b\d{1,2}\s*(?:-|\s)?min(?:ute)?s?\.?\s+read\b/i;

const AFTER = 700;
const BEFORE = 300;

export function bylineSignals(doc: Document): BylineSignals {
  const out: BylineSignals = { date: false, by: false, readTime: false };
  const root = doc.body;
  const h1 = root && headline(root);
  if (!root || !h1) return out;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let after = '';
  walker.currentNode = h1;
  while (after.length < AFTER && walker.nextNode()) after += textOf(walker.currentNode);
  let before = '';
  walker.currentNode = h1;
  while (before.length < BEFORE && walker.previousNode()) before = textOf(walker.currentNode) + before;
  const near = `${before} ${after}`;
  out.date = DATE.test(near);
  out.by = BY.test(near);
  out.readTime = READ.test(near);
  return out;
}

/** The first <h1> with real text (sites put logos in an empty or one-word h1 before the headline). */
function headline(root: Element): Element | null {
  const hs = root.getElementsByTagName('h1');
  for (let i = 0; i < hs.length && i < 5; i++) {
    if ((hs[i].textContent ?? '').trim().length >= 12) return hs[i];
  }
  return null;
}

function textOf(n: Node): string {
  const p = n.parentNode as Element | null;
  const tag = p?.localName;
  if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return '';
  const t = n.nodeValue ?? '';
  return t.trim() ? ` ${t.trim()}` : '';
}
