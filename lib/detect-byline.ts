/**
 * The headline and what sits next to it. Most stories show a date or a reading time by the headline
 * ("March 14, 2025 · 5 min read"); few other pages do. We read the text just after (and a little
 * before) the first real <h1> with a TreeWalker over text nodes, bounded in characters, so the cost
 * does not grow with the page.
 */

import { headline, isDay, isMonthName, isNumber, isYear, textNear, words } from './headline-text';
import { wordSet } from './word-set';

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

const AGO_UNITS = wordSet('hour hours hr hrs day days minute minutes min mins');

// English wording cues, kept modest in the score: on other languages they simply do not fire.
const QUESTION_WORDS = wordSet('how what why when where which is are can should do does');
const STORY_WORDS = wordSet(
  'guide tips ways things ideas lessons steps explained vs versus review history checklist',
);
const GENERIC_WORDS = wordSet(
  'services service solutions software platform pricing plans agency consulting contact courses programs program certificate certificates calculator archive archives category categories tag tags results jobs shop store sale deals products collection collections',
);

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
  const ws = words(textNear(root, h1));
  out.readTime = ws.some((w, i) => w === 'read' && (ws[i - 1] ?? '').startsWith('min'));
  out.date = hasDate(ws);
  return out;
}

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
