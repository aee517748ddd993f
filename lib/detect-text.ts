/**
 * The shape of a page's text: a story is many long paragraphs side by side in one container; a front
 * page or a shop is many short, link-heavy teasers. We look at paragraphs only (capped), never at
 * every element, and use textContent (innerText would force a layout).
 */

export interface TextSignals {
  /** Paragraphs of ≥ LONG chars that are not mostly link text and not inside list items. */
  longParas: number;
  /** Characters in those long paragraphs. */
  longChars: number;
  /** Readability-style score of the best container (paragraph scores shared with ancestors). */
  topScore: number;
  /** Long paragraphs inside that best container. */
  bestRun: number;
  /** Characters of all counted paragraphs in that best container. */
  bestChars: number;
  /** Share of the best container's text that is link text. */
  bestLinkDensity: number;
  /** All <p> elements seen (capped at MAX_P). */
  paras: number;
  /** <article> elements. */
  articles: number;
  /** Links in the document. */
  links: number;
  /** Headings that hold a link (h2 a, h3 a...): each is usually a teaser headline. */
  linkedHeads: number;
  /** Headings h1–h3 without links (a story's sub-heads or a landing page's sections). */
  heads: number;
  h1: number;
}

const EMPTY: TextSignals = {
  longParas: 0,
  longChars: 0,
  topScore: 0,
  bestRun: 0,
  bestChars: 0,
  bestLinkDensity: 0,
  paras: 0,
  articles: 0,
  links: 0,
  linkedHeads: 0,
  heads: 0,
  h1: 0,
};
const LONG = 120;
const MIN = 25;
const MAX_P = 400;
/** A paragraph's score goes to its ancestors, less the further up (Readability's 1, 1/2, 1/6, 1/9). */
const SHARE = [1, 0.5, 1 / 6, 1 / 9];

type Cand = { score: number; long: number; chars: number };

export function textSignals(doc: Document): TextSignals {
  const root = doc.body ?? doc.documentElement;
  if (!root) return EMPTY;
  const ps = root.getElementsByTagName('p');
  const n = Math.min(ps.length, MAX_P);
  let longParas = 0;
  let longChars = 0;
  const cands = new Map<Node, Cand>();
  for (let i = 0; i < n; i++) {
    const p = ps[i];
    const text = p.textContent ?? '';
    const len = text.trim().length;
    if (len < MIN) continue;
    if (linkChars(p) > len * 0.5 || p.closest('li')) continue;
    const long = len >= LONG ? 1 : 0;
    if (long) {
      longParas++;
      longChars += len;
    }
    // Commas mark real sentences; length rewards prose over captions (capped as Readability does).
    const score = 1 + text.split(',').length + Math.min(Math.floor(len / 100), 3);
    let a: Node | null = p.parentNode;
    for (let level = 0; level < SHARE.length && a && a.nodeType === 1; level++, a = a.parentNode) {
      const c = cands.get(a);
      if (c) {
        c.score += score * SHARE[level];
        c.long += long;
        c.chars += len;
      } else cands.set(a, { score: score * SHARE[level], long, chars: len });
    }
  }
  let best: Node | null = null;
  let top: Cand = { score: 0, long: 0, chars: 0 };
  for (const [node, c] of cands) {
    if (c.score > top.score) {
      top = c;
      best = node;
    }
  }
  let bestLinkDensity = 0;
  if (best) {
    const total = (best.textContent ?? '').length;
    bestLinkDensity = total ? linkChars(best as Element) / total : 0;
  }
  const heads = root.querySelectorAll('h1,h2,h3');
  let linkedHeads = 0;
  let h1 = 0;
  for (let i = 0; i < heads.length && i < 300; i++) {
    const h = heads[i];
    if (h.localName === 'h1') h1++;
    if (h.querySelector('a[href]') || h.closest('a[href]')) linkedHeads++;
  }
  return {
    longParas,
    longChars,
    topScore: top.score,
    bestRun: top.long,
    bestChars: top.chars,
    bestLinkDensity,
    paras: n,
    articles: root.getElementsByTagName('article').length,
    links: doc.links?.length ?? 0,
    linkedHeads,
    heads: Math.min(heads.length, 300) - linkedHeads,
    h1,
  };
}

function linkChars(el: Element): number {
  const as = el.getElementsByTagName('a');
  let c = 0;
  for (let i = 0; i < as.length; i++) c += (as[i].textContent ?? '').trim().length;
  return c;
}
