/**
 * The shape of a page's text: a story is many long paragraphs side by side in one container; a front
 * page, a shop or a landing page is short, link-heavy teasers and sections. We look at paragraphs and
 * headings only (capped), never at every element, and use textContent (innerText forces a layout).
 */

export interface TextSignals {
  /** Paragraphs of ≥ LONG chars that are not mostly link text and not inside list items. */
  longParas: number;
  /** Readability-style score of the best container (paragraph scores shared with ancestors). */
  topScore: number;
  /** Long paragraphs inside that best container. */
  bestRun: number;
  /** Headings h1–h3 without links (a story's sub-heads, or a landing page's many sections). */
  heads: number;
  /** Headings that hold or sit in a link: each is usually a teaser headline. */
  linkedHeads: number;
}

const EMPTY: TextSignals = { longParas: 0, topScore: 0, bestRun: 0, heads: 0, linkedHeads: 0 };
const LONG = 120;
const MIN = 25;
const MAX_P = 300;
const MAX_HEADS = 200;
/** A paragraph's score goes to its ancestors, less the further up (Readability's 1, 1/2, 1/6, 1/9). */
const SHARE = [1, 0.5, 1 / 6, 1 / 9];

export function textSignals(doc: Document): TextSignals {
  const root = doc.body;
  if (!root) return EMPTY;
  const ps = root.getElementsByTagName('p');
  // Chinese, Japanese and Korean say in 40 characters what English says in 120: a story's paragraphs
  // are short in characters (BBC Chinese's read as "no paragraph of running text").
  const cjk = /[\u3040-\u9fff\uac00-\ud7af]/.test(doc.title);
  const longAt = cjk ? LONG / 3 : LONG;
  let longParas = 0;
  const score = new Map<Node, number>();
  const long = new Map<Node, number>();
  for (let i = 0; i < ps.length && i < MAX_P; i++) {
    const p = ps[i];
    const text = (p.textContent ?? '').trim();
    const len = text.length;
    if (len < MIN || linkChars(p) > len / 2 || p.closest('li')) continue;
    const isLong = len >= longAt ? 1 : 0;
    longParas += isLong;
    // Commas mark real sentences; length rewards prose over captions (capped, as Readability does).
    let commas = 0;
    for (let c = text.indexOf(','); c >= 0; c = text.indexOf(',', c + 1)) commas++;
    const own = 2 + commas + Math.min(Math.floor(len / 100), 3);
    let a: Node | null = p.parentNode;
    for (let level = 0; level < SHARE.length && a && a.nodeType === 1; level++, a = a.parentNode) {
      score.set(a, (score.get(a) ?? 0) + own * SHARE[level]);
      if (isLong) long.set(a, (long.get(a) ?? 0) + 1);
    }
  }
  let topScore = 0;
  let bestRun = 0;
  for (const [node, sc] of score) {
    if (sc > topScore) {
      topScore = sc;
      bestRun = long.get(node) ?? 0;
    }
  }
  const hs = root.querySelectorAll('h1,h2,h3');
  let linkedHeads = 0;
  const n = Math.min(hs.length, MAX_HEADS);
  for (let i = 0; i < n; i++) if (hs[i].closest('a[href]') || hs[i].querySelector('a[href]')) linkedHeads++;
  return { longParas, topScore, bestRun, heads: n - linkedHeads, linkedHeads };
}

function linkChars(el: Element): number {
  const as = el.getElementsByTagName('a');
  let c = 0;
  for (let i = 0; i < as.length; i++) c += (as[i].textContent ?? '').trim().length;
  return c;
}
