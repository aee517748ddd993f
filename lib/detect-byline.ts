/**
 * The headline and what sits next to it. Most stories show a date or a reading time by the headline
 * ("March 14, 2025 · 5 min read"); few other pages do. We read the text just after (and a little
 * before) the first real <h1> with a TreeWalker over text nodes, bounded in characters, so the cost
 * does not grow with the page.
 */

export interface BylineSignals {
  /** A calendar date (month name + day + year, ISO, d/m/y) or "N hours ago" near the headline. */
  date: boolean;
  /** "N min read" near the headline. */
  readTime: boolean;
  /** The headline reads like a story's: a question, "How to…", "10 ways…", a guide, a year. */
  headStory: boolean;
  /** The headline or title reads like a shop, service or list page: "Services", "Pricing", "Archives"… */
  headGeneric: boolean;
}

// Regular expressions are compiled on first use, and a content script's every run is a first run:
// one small tokenizer regex does all the work below.
const WORD = /[^a-z0-9?]+/;
const MONTHS = new Set('jan feb mar apr may jun jul aug sep oct nov dec'.split(' '));
const AGO_UNITS = new Set('hour hours hr hrs day days minute minutes min mins'.split(' '));

// English wording cues, kept modest in the score: on other languages they simply do not fire.
const QUESTION_WORDS = new Set('how what why when where which is are can should do does'.split(' '));
const STORY_WORDS = new Set(
  'guide tips ways things ideas lessons steps explained vs versus review history checklist'.split(' '),
);
const GENERIC_WORDS = new Set(
  'services service solutions software platform pricing plans agency consulting contact courses programs program certificate certificates calculator archive archives category categories tag tags results jobs shop store sale deals products collection collections'.split(
    ' ',
  ),
);

const AFTER = 700;
const BEFORE = 300;

export function bylineSignals(doc: Document): BylineSignals {
  const out: BylineSignals = { date: false, readTime: false, headStory: false, headGeneric: false };
  out.headGeneric = words(doc.title ?? '').some((w) => GENERIC_WORDS.has(w));
  const root = doc.body;
  const h1 = root && headline(root);
  if (!root || !h1) return out;
  const head = words(h1.textContent ?? '');
  // Questions, "How to…", numbered lists ("10 ways…", "Top 5…"), dated titles ("…of 2025").
  const lead = head[0] === 'top' ? head[1] : head[0];
  out.headStory =
    QUESTION_WORDS.has(head[0]) ||
    isNumber(lead ?? '') ||
    head.some((w) => STORY_WORDS.has(w) || w.endsWith('?') || (isNumber(w) && +w >= 2010 && +w <= 2039));
  out.headGeneric ||= head.some((w) => GENERIC_WORDS.has(w));
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let near = '';
  walker.currentNode = h1;
  while (near.length < AFTER && walker.nextNode()) near += textOf(walker.currentNode);
  walker.currentNode = h1;
  let before = 0;
  while (before < BEFORE && walker.previousNode()) {
    const t = textOf(walker.currentNode);
    before += t.length;
    near = t + near;
  }
  const ws = words(near);
  out.readTime = ws.some((w, i) => w === 'read' && (ws[i - 1] ?? '').startsWith('min'));
  out.date = hasDate(ws);
  return out;
}

/** Lower-case words and numbers ("?" kept on the word it ends). */
function words(text: string): string[] {
  return text.toLowerCase().split(WORD).filter(Boolean);
}

const isNumber = (w: string) => w.length > 0 && w.length <= 4 && !Number.isNaN(+w);
const isYear = (w: string) => w.length === 4 && +w >= 1900 && +w <= 2099;
const isDay = (w: string) => {
  const d = Number.isNaN(+w.slice(-2)) ? w.slice(0, -2) : w; // "14th" -> "14"
  return isNumber(d) && d.length <= 2;
};
const isMonthName = (w: string) =>
  w.length >= 3 && w.length <= 9 && MONTHS.has(w.slice(0, 3)) && Number.isNaN(+w);

/**
 * A calendar date among the words: "March 14, 2025", "14 Mar 2025", "2025-03-14", "14/03/2025", or
 * "3 hours ago". Separators are gone after tokenizing, so a date is a year with a month name or two
 * small numbers right beside it.
 */
function hasDate(ws: string[]): boolean {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (w === 'ago' && i >= 2 && AGO_UNITS.has(ws[i - 1]) && isNumber(ws[i - 2])) return true;
    if (!isYear(w)) continue;
    const a = ws[i - 1] ?? '';
    const b = ws[i - 2] ?? '';
    if ((isMonthName(a) || isMonthName(b)) && (isDay(a) || isDay(b))) return true; // "Mar 14 2025", "14 Mar 2025"
    if (isDay(a) && isDay(b)) return true; // "14/03/2025"
    if (isDay(ws[i + 1] ?? '') && isDay(ws[i + 2] ?? '')) return true; // "2025-03-14"
  }
  return false;
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
  const tag = (n.parentNode as Element | null)?.localName;
  if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return '';
  const t = (n.nodeValue ?? '').trim();
  return t ? ` ${t}` : '';
}
