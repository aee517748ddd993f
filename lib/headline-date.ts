/**
 * The date a story prints beside its headline ("Published: Jan 23, 2024", "23 Oct 2025",
 * "Last updated on: October 1, 2025"), for pages that declare none in their metadata. About a
 * quarter of the development corpus's dated stories carry their date only this way, and a reader
 * header without a date hides how old a news story is.
 *
 * It reads the words around the headline that the detector reads for its date signal
 * (lib/headline-text.ts). Numeric dates are taken only when the order is certain (year first, or a
 * day above 12, or day and month the same): "04/05/2025" means April in one country and May in
 * another, and a wrong date is worse than none.
 *
 * The detector's own test (`hasDate` in lib/detect-byline.ts) only asks whether a date-shaped run of
 * words is there, more loosely and in fewer bytes: its bundle has a 6 kB budget, and a loose yes
 * costs nothing there, while here it would print a wrong date.
 */
import { headline, isDay, isMonthName, isYear, MONTHS, textNear, words } from './headline-text';

/**
 * The calendar date nearest the headline (in words, above or below it), as an ISO string at noon
 * UTC, or null. Nearest, not first: a newspaper's masthead prints today's date a little above the
 * headline, and the story's first paragraph may cite another date a little below the dateline.
 */
export function headlineDate(doc: Document): string | null {
  const root = doc.body;
  const h1 = root && headline(root);
  if (!root || !h1) return null;
  const near = textNear(root, h1);
  const ws = words(near);
  const at = ws.length - words(textNear(root, h1, 0)).length; // the headline's first word
  const end = at + words(h1.textContent ?? '').length; // the word after it
  let best: string | null = null;
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ws.length && i - 2 - end < gap; i++) {
    const md = isYear(ws[i]) && monthDay(ws, i, near);
    // Noon UTC: the same calendar day wherever the reader formats it in local time.
    const date = md && new Date(Date.UTC(+ws[i], md[0] - 1, md[1], 12));
    // An "Updated …" date counts as farther away: the header shows when the story came out.
    const far = md && /^(updat|modif|revis)/.test(`${ws[i - 3]} ${ws[i - 4]}`.replace(/^on /, '')) ? 50 : 0;
    // Words between the headline and the date (its year above it, its first word below it).
    const away = (i < at ? at - i : Math.max(0, i - 2 - end)) + far;
    if (date && date.getUTCMonth() === md[0] - 1 && date.getUTCDate() === md[1] && away < gap) {
      best = date.toISOString();
      gap = away;
    }
  }
  return best;
}

/** Month (1–12) and day of the year `ws[i]`'s neighbours: `b a YEAR c d`. */
function monthDay(ws: string[], i: number, text: string): [number, number] | null {
  const b = ws[i - 2] ?? '';
  const a = ws[i - 1] ?? '';
  const c = ws[i + 1] ?? '';
  const d = ws[i + 2] ?? '';
  if (isMonthName(b) && isDay(a)) return [monthOf(b), parseInt(a, 10)]; // "March 14, 2025"
  if (isMonthName(a) && isDay(b)) return [monthOf(a), parseInt(b, 10)]; // "14 March 2025"
  if (isDay(a) && isDay(b)) {
    const x = +b;
    const y = +a; // "14/03/2025" or "03/14/2025": certain only when one side cannot be a month
    if (x > 12 && y <= 12) return [y, x];
    if (y > 12 && x <= 12) return [x, y];
    if (x === y) return [x, y];
    return null;
  }
  // "2025-03-14" (or 2025/03/14), written so: the words alone would also read "30 avril 2015 à 07:19" as July 19.
  if (isDay(c) && isDay(d) && new RegExp(`${ws[i]}([-/.])${c}\\1(?:${d})`).test(text)) return [+c, +d];
  return null;
}

/** 1–12 for a month name (MONTHS keeps the calendar's order). */
const monthOf = (w: string) => [...MONTHS].indexOf(w.slice(0, 3)) + 1;
