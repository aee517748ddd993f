/**
 * Quote-mark tokenizer: finds the characters in a paragraph's text that can open or close a quotation,
 * and says which role each one may play. Pairing (quotes-pair.ts) decides which ones actually do.
 *
 * Why a separate tokenizer: most of the difficulty of quote detection is *not* pairing but telling quote
 * marks from look-alikes — apostrophes (Aleppo's, don’t, ’tis, '90s, rock 'n' roll), primes and
 * feet/inches (6'2", 5′ 11″). Those decisions depend only on the characters around the mark, so they
 * are made here, once, and the pairing stage can stay a simple scan.
 */

/**
 * Quote families: marks only pair within their family. Marks of another family inside an open quote
 * are part of its content (a ‘single’ quote nested in a “double” one is not a quote of its own).
 */
export type Family = 'double' | 'single' | 'guillemet' | 'single-guillemet' | 'corner' | 'white-corner';

export interface MarkToken {
  /** Offset of the mark in the paragraph text. */
  pos: number;
  ch: string;
  family: Family;
  /** May open a quote when no quote of its family is open. */
  canOpen: boolean;
  /** May close an open quote of its family (which opener it fits is decided in quotes-pair.ts). */
  canClose: boolean;
  /** Looks like a closing mark: text before it, space or punctuation after (`word” `). */
  rightOnly: boolean;
  /** Straight ASCII/fullwidth marks, whose direction is guessed from context only. */
  straight: boolean;
  /** Right after an opening bracket (`("seats")`): it opens, and inside a quote it nests. */
  bracketed: boolean;
  /**
   * A single closing mark that may just as well be a plural possessive (`the Joneses' dog`): it closes
   * a quote only if no better closer follows (see quotes-pair.ts).
   */
  weak: boolean;
}

const FAMILY: Record<string, Family> = {
  '"': 'double',
  '\uFF02': 'double', // ＂ fullwidth
  '\u201C': 'double', // “
  '\u201D': 'double', // ”
  '\u201E': 'double', // „
  '\u201F': 'double', // ‟
  "'": 'single',
  '\u2018': 'single', // ‘
  '\u2019': 'single', // ’
  '\u201A': 'single', // ‚
  '\u201B': 'single', // ‛
  '\u00AB': 'guillemet', // «
  '\u00BB': 'guillemet', // »
  '\u2039': 'single-guillemet', // ‹
  '\u203A': 'single-guillemet', // ›
  '\u300C': 'corner', // 「
  '\u300D': 'corner', // 」
  '\uFF62': 'corner', // ｢ halfwidth
  '\uFF63': 'corner', // ｣ halfwidth
  '\u300E': 'white-corner', // 『
  '\u300F': 'white-corner', // 』
};

const MARK_RE = /["'\uFF02\u2018-\u201F\u00AB\u00BB\u2039\u203A\u300C-\u300F\uFF62\uFF63]/g;

/** Characters that may stand right before an opening mark: `(“`, `—"`, `/'`. */
const OPEN_PUNCT = /[([{\u2014\u2013\-/\u201C\u201E\u2018\u201A\u00AB\u2039\u300C\u300E]/;
/** Characters that may stand right after a closing mark: `”,`, `".`, `’)`. */
const CLOSE_PUNCT = /[.,;:!?)\]}\u2014\u2013\-/\u2026\u201D\u2019\u00BB\u203A\u300D\u300F"']/;
const WORD = /[\p{L}\p{N}]/u;
/** CJK scripts write no spaces, so straight quotes there sit between letters on both sides. */
const CJK = /[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u3000-\u303F\uFF00-\uFFEF]/;
/**
 * French typography pads guillemets with no-break or thin spaces (« Bonjour »). For guillemets those
 * spaces are "inside" padding, not word separators.
 */
const PADDING = /[\u00A0\u202F\u2009\u200A\u2007]/;
const SPACE = /\s/;
/** Hebrew letters: a straight double mark between two is a gershayim (צה"ל), not a quote. */
const HEBREW = /[\u05D0-\u05EA]/;

/**
 * Word-initial elisions written with an apostrophe that *looks* like an opening single quote:
 * ’tis, 'twas, 'em, 'til, 'cause, 'bout, and decades ('90s, ’06). Not quotes.
 */
const ELISION_AFTER = /^(?:\d\d(?:s\b|\b)|(?:tis|twas|til|em|cause|bout|cos|nother|nuff)\b)/i;
/** Dutch elisions: 't is (het), 's avonds (des); lower-case and followed by a space. */
const DUTCH_ELISION = /^[ts]\s/;
/** rock 'n' roll, fish ’n’ chips: both marks are apostrophes. */
const N_ELISION = /(^|[^\p{L}\p{N}])(['\u2018\u2019])n(['\u2019])(?=[^\p{L}\p{N}]|$)/gu;
/** Feet and inches written with ASCII marks: 6'2", 5' 11". */
const FEET_INCHES = /\d['\u2019]\s?\d{1,2}$/;

function isSpaceAt(s: string, i: number): boolean {
  return i < 0 || i >= s.length || SPACE.test(s[i]);
}

/** Skips guillemet padding to find the first meaningful neighbour. */
function neighbour(s: string, i: number, step: 1 | -1, skipPadding: boolean): number {
  let j = i + step;
  if (skipPadding) while (j >= 0 && j < s.length && PADDING.test(s[j])) j += step;
  return j;
}

/**
 * Finds the candidate quote marks in `text`. `text` must be one paragraph (never more: a quote cannot
 * cross a block boundary, so the caller tokenizes each block separately).
 */
export function tokenizeMarks(text: string): MarkToken[] {
  const skip = new Set<number>();
  for (const m of text.matchAll(N_ELISION)) {
    const at = (m.index ?? 0) + m[1].length;
    skip.add(at);
    skip.add(at + 2);
  }
  const tokens: MarkToken[] = [];
  for (const m of text.matchAll(MARK_RE)) {
    const pos = m.index ?? 0;
    if (skip.has(pos)) continue;
    const tok = classify(text, pos, m[0]);
    if (tok) tokens.push(tok);
  }
  return tokens;
}

/**
 * An apostrophe, not a quote mark: Dutch 't / 's after a space, or a possessive 's glued to what
 * precedes it that is not a letter (the U.S.'s report, A.I.'s, the 2020's).
 */
function elided(s: string, i: number, prevSpace: boolean): boolean {
  const after = s.slice(i + 1, i + 3);
  if (prevSpace) return DUTCH_ELISION.test(after);
  return after[0] === 's' && (after.length === 1 || !WORD.test(after[1]));
}

function classify(s: string, i: number, ch: string): MarkToken | null {
  const family = FAMILY[ch];
  const isGuillemet = family === 'guillemet' || family === 'single-guillemet';
  const p = neighbour(s, i, -1, isGuillemet);
  const n = neighbour(s, i, 1, isGuillemet);
  const prevSpace = isSpaceAt(s, p);
  const nextSpace = isSpaceAt(s, n);
  const prev = p >= 0 ? s[p] : '';
  const next = n < s.length ? s[n] : '';
  const prevWord = prev !== '' && WORD.test(prev);
  const nextWord = next !== '' && WORD.test(next);
  // Flanking, as in Markdown: an opener hugs the text after it, a closer hugs the text before it.
  const left = !nextSpace && (prevSpace || OPEN_PUNCT.test(prev));
  const right = !prevSpace && (nextSpace || CLOSE_PUNCT.test(next));
  const leftOnly = left && !right;
  const rightOnly = right && !left;
  const bracketed = /[([{]/.test(prev) && !nextSpace;
  // One object shape for every token (cheaper than spreads on long articles).
  const tok = (canOpen: boolean, canClose: boolean, straight = false, weak = false): MarkToken => ({
    pos: i,
    ch,
    family,
    canOpen,
    canClose,
    rightOnly,
    straight,
    bracketed,
    weak,
  });
  // `the Joneses' dog`: a closing single mark after -s, followed by a lowercase word.
  const possessive = () => (prev === 's' || prev === 'S') && /^\s\p{Ll}/u.test(s.slice(i + 1, i + 3));

  switch (ch) {
    case '"':
    case '\uFF02': {
      // 6'2": an inch mark, not a closing quote.
      if (FEET_INCHES.test(s.slice(Math.max(0, i - 6), i))) return null;
      if (HEBREW.test(prev) && HEBREW.test(next)) return null;
      const intraword = prevWord && nextWord;
      const cjk = CJK.test(prev) || CJK.test(next);
      // `said,"Hello` (punctuation, then a word) may open; `a"b` between letters only closes an open
      // quote, except in CJK text which has no spaces to tell the two apart.
      const punctThenWord = !prevSpace && !nextSpace && !prevWord && nextWord;
      const canOpen = left || punctThenWord || (intraword && cjk);
      const canClose = right || (!prevSpace && !nextSpace && !bracketed);
      if (!canOpen && !canClose) return null;
      return tok(canOpen, canClose, true);
    }
    case "'": {
      // Apostrophes inside words (Aleppo's, o'clock) and primes between digits (6'2) are never quotes.
      if (prevWord && nextWord) return null;
      if (!prevWord && ELISION_AFTER.test(s.slice(i + 1, i + 8))) return null;
      if (elided(s, i, prevSpace)) return null;
      const punctThenWord = !prevSpace && !nextSpace && !prevWord && nextWord;
      const canOpen = left || punctThenWord;
      const canClose = right || (!prevSpace && !nextSpace && !bracketed);
      if (!canOpen && !canClose) return null;
      return tok(canOpen, canClose, true, possessive());
    }
    case '\u2019': // ’ — by far most often an apostrophe: don’t, ’tis, the Joneses’.
      if (prevWord && nextWord) return null;
      if (elided(s, i, prevSpace)) return null;
      // It can only ever close (Swedish-style ’…’ is not supported: too ambiguous with apostrophes).
      return prevSpace ? null : tok(false, true, false, possessive());
    case '\u2018': // ‘ — an opener, unless it is a misused apostrophe (‘90s, ‘tis) or clearly a closer.
    case '\u201B':
      if (prevWord && nextWord) return null;
      if (!prevWord && ELISION_AFTER.test(s.slice(i + 1, i + 8))) return null;
      if (elided(s, i, prevSpace)) return null;
      return tok(!rightOnly && !nextSpace, !prevSpace);
    case '\u201C': // “ — opens; also closes German „…“ and sloppy “…“.
    case '\u201F':
      return tok(!rightOnly && !nextSpace, !prevSpace);
    case '\u201D': // ” — closes; opens only when it clearly hugs the following word (Swedish ”…”, typos).
      return tok(leftOnly, !prevSpace || !nextSpace);
    case '\u201E': // „ and ‚ — German/Polish low openers.
    case '\u201A':
      return nextSpace ? null : tok(true, false);
    case '\u00AB': // « opens (French) or closes (German »…«).
    case '\u2039':
      // French elides an article before it: l’« urgence », d'« abord ».
      return tok(!rightOnly || /['\u2019]/.test(prev), true);
    case '\u00BB': // » closes (French) or opens (German »…«, Swedish »…»).
    case '\u203A':
      return tok(leftOnly, true);
    case '\u300C':
    case '\u300E':
    case '\uFF62':
      return tok(true, false);
    default: // 」 』 ｣
      return tok(false, true);
  }
}

/**
 * Whether `closer` ends a quote opened by `opener` (same family assumed). Encodes which pairs are
 * conventional: “…”, „…“, „…”, «…», »…«, »…», "…", and the sloppy “…“ / "…” mixes seen in the wild.
 */
export function closesQuote(opener: MarkToken, closer: MarkToken): boolean {
  if (!closer.canClose) return false;
  const o = opener.ch;
  const c = closer.ch;
  switch (opener.family) {
    case 'double':
      if (o === '\u201E') return c !== '\u201E';
      // Swedish ”…”, and Arabic press ”…“ (marks mirrored for right-to-left text).
      if (o === '\u201D') return c === '\u201D' || closer.straight || (c === '\u201C' && closer.rightOnly);
      if (c === '\u201C' || c === '\u201F') return closer.rightOnly;
      return true;
    case 'single':
      if (o === '\u201A') return c !== '\u201A';
      if (c === '\u2018' || c === '\u201B') return closer.rightOnly;
      return true;
    case 'guillemet':
      if (o === '\u00AB') return c === '\u00BB';
      return c === '\u00AB' || closer.rightOnly;
    case 'single-guillemet':
      if (o === '\u2039') return c === '\u203A';
      return c === '\u2039' || closer.rightOnly;
    default:
      return c === '\u300D' || c === '\u300F' || c === '\uFF63';
  }
}
