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
  /** Most long paragraphs sharing one parent (or grandparent, whichever is more). */
  bestRun: number;
  /** Characters of those paragraphs in that best container. */
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
const MAX_P = 400;

export function textSignals(doc: Document): TextSignals {
  const root = doc.body ?? doc.documentElement;
  if (!root) return EMPTY;
  const ps = root.getElementsByTagName('p');
  const n = Math.min(ps.length, MAX_P);
  let longParas = 0;
  let longChars = 0;
  const byParent = new Map<Node, [number, number]>();
  const byGrand = new Map<Node, [number, number]>();
  for (let i = 0; i < n; i++) {
    const p = ps[i];
    const len = (p.textContent ?? '').trim().length;
    if (len < LONG) continue;
    if (linkChars(p) > len * 0.5 || p.closest('li')) continue;
    longParas++;
    longChars += len;
    bump(byParent, p.parentNode, len);
    bump(byGrand, p.parentNode?.parentNode, len);
  }
  let bestRun = 0;
  let bestChars = 0;
  let best: Node | null = null;
  for (const m of [byParent, byGrand]) {
    for (const [node, [count, chars]] of m) {
      if (chars > bestChars) {
        bestChars = chars;
        bestRun = count;
        best = node;
      }
    }
  }
  let bestLinkDensity = 0;
  if (best && best.nodeType === 1) {
    const total = (best.textContent ?? '').length;
    bestLinkDensity = total ? linkChars(best as Element) / total : 0;
  }
  const heads = root.querySelectorAll('h1,h2,h3');
  let linkedHeads = 0;
  let h1 = 0;
  for (let i = 0; i < heads.length && i < 300; i++) {
    const h = heads[i];
    if (h.tagName === 'H1') h1++;
    if (h.querySelector('a[href]') || h.closest('a[href]')) linkedHeads++;
  }
  return {
    longParas,
    longChars,
    bestRun,
    bestChars,
    bestLinkDensity,
    paras: n,
    articles: root.getElementsByTagName('article').length,
    links: doc.links?.length ?? 0,
    linkedHeads,
    heads: Math.min(heads.length, 300) - linkedHeads,
    h1,
  };
}

function bump(m: Map<Node, [number, number]>, key: Node | null | undefined, len: number): void {
  if (!key) return;
  const v = m.get(key);
  if (v) {
    v[0]++;
    v[1] += len;
  } else m.set(key, [1, len]);
}

function linkChars(el: Element): number {
  const as = el.getElementsByTagName('a');
  let c = 0;
  for (let i = 0; i < as.length; i++) c += (as[i].textContent ?? '').trim().length;
  return c;
}
