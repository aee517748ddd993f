/**
 * Pairs the quote marks of ONE paragraph into top-level quotations.
 *
 * Rules, and why:
 * - Only top-level quotes are returned. Marks of another family inside an open quote are content
 *   (‘nested’ quotes, apostrophes in Aleppo's, guillemets inside “…”), so the scan for a closer only
 *   looks at the opener's own family.
 * - A quote never leaves its paragraph. An opener whose closer is not in the paragraph is either the
 *   start of a multi-paragraph quote (reported with `close: null`, to be confirmed by the caller when
 *   the next paragraph starts with an opening mark) or a stray mark, which is dropped. Either way an
 *   unbalanced mark cannot swallow the rest of the article.
 * - A straight " that can only open, met while another straight " is open, means the first one was
 *   stray (`he said "yes and then "no" to me`): the scan restarts at the new opener. Unless it
 *   follows an opening bracket (`"… every employee ("seats") to use …"`): that one nests.
 * - Directional marks may nest within the same family (“a “b” c”) up to a small depth; deeper
 *   nesting is never real typography, so the scan restarts there too. This bound, and scanning only
 *   the opener's family, keep the work linear-ish even on paragraphs full of stray marks.
 */
import { closesQuote, type Family, type MarkToken } from './quotes-marks';

export interface QuoteSpan {
  open: MarkToken;
  /** Null for a quote that runs to the end of the paragraph (multi-paragraph convention). */
  close: MarkToken | null;
}

const MAX_DEPTH = 2;

export function pairMarks(tokens: MarkToken[]): QuoteSpan[] {
  // Per-family token lists, so a scan never walks over marks it cannot use.
  const byFamily = new Map<Family, number[]>();
  // rankInFamily[i]: position of token i in its family's list.
  const rankInFamily: number[] = [];
  tokens.forEach((t, i) => {
    let list = byFamily.get(t.family);
    if (!list) {
      list = [];
      byFamily.set(t.family, list);
    }
    rankInFamily[i] = list.length;
    list.push(i);
  });

  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const opener = tokens[i];
    if (!opener.canOpen) {
      i++;
      continue;
    }
    const family = byFamily.get(opener.family)!;
    const result = scanForCloser(tokens, family, rankInFamily[i], opener);
    if (result.kind === 'closed') {
      spans.push({ open: opener, close: tokens[result.at] });
      i = result.at + 1;
    } else if (result.kind === 'restart') {
      i = result.at;
    } else {
      // No closer in the paragraph: either a quote that continues in the next paragraph (if the
      // caller finds an opening mark there) or a stray mark. Until the caller decides, it is only a
      // candidate, so the scan goes on as if it were stray; quotes found after it become its content
      // if the caller confirms it (see linkParagraphs in quotes.ts).
      spans.push({ open: opener, close: null });
      i++;
    }
  }
  return spans;
}

type ScanResult = { kind: 'closed' | 'restart'; at: number } | { kind: 'unclosed' };

function scanForCloser(tokens: MarkToken[], family: number[], rank: number, opener: MarkToken): ScanResult {
  let depth = 1;
  // A possessive-looking closer (`the Joneses' dog`) is held back: it is used only if the scan finds
  // no other way to close the quote.
  let weak = -1;
  for (let r = rank + 1; r < family.length; r++) {
    const at = family[r];
    const t = tokens[at];
    if (closesQuote(opener, t)) {
      if (t.weak && depth === 1) {
        if (weak < 0) weak = at;
        continue;
      }
      depth--;
      if (depth === 0) return { kind: 'closed', at };
    } else if (t.canOpen) {
      // `"… every employee ("seats") to use …"`: a quote in parentheses is nested, not a new start.
      if (t.bracketed && depth < MAX_DEPTH) {
        depth++;
        continue;
      }
      if (t.straight || opener.straight || depth >= MAX_DEPTH) {
        return weak >= 0 ? { kind: 'closed', at: weak } : { kind: 'restart', at };
      }
      depth++;
    }
  }
  return weak >= 0 ? { kind: 'closed', at: weak } : { kind: 'unclosed' };
}
