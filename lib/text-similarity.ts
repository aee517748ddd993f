/**
 * Text normalization for duplicate detection (captions, pull quotes).
 *
 * The rule is deliberately *exact after normalization*, never a fuzzy score: two captions such as
 * "Buses are seen … Dec. 21, 2016." and "Buses are seen … Dec. 22, 2016." describe different photos,
 * and a similarity threshold loose enough to survive markup noise would merge them. Instead every
 * difference that does not change meaning is normalized away (whitespace, quote and dash styles,
 * letter case, trailing punctuation, a photo credit), and what remains must be identical.
 */

/** Whitespace-collapsed, trimmed text: what a reader sees, on one line. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u300C\u300D]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * Typography-insensitive form that keeps letter case and inner punctuation: NFKC, no zero-width
 * characters, straight quotes, ASCII hyphens, "..." for an ellipsis, collapsed whitespace.
 */
export function basicForm(text: string): string {
  return collapseWhitespace(
    text
      .normalize('NFKC')
      .replace(ZERO_WIDTH, '')
      .replace(SINGLE_QUOTES, "'")
      .replace(DOUBLE_QUOTES, '"')
      .replace(DASHES, '-')
      .replace(/\u2026/g, '...'),
  );
}

/** Agencies and credit words seen at the end of news photo captions. */
export const AGENCIES =
  'AP|AFP|Reuters|EPA|EPA-EFE|EFE|Getty Images|Getty|Xinhua|Anadolu(?: Agency)?|SANA|Bloomberg|NurPhoto|' +
  'Shutterstock|Alamy|iStock|VOA|Pool|Sputnik|TASS|UPI|dpa|Kyodo|Yonhap|ANSA|PA(?: Images| Wire)?|' +
  'ZUMA(?: Press| Wire)?|Sipa(?: USA)?|SOPA Images|Corbis|Magnum|Polaris|Redux|Wikimedia Commons|NASA';

/** A parenthetical is a credit only if it says so; "(left)" or "(2016)" is caption text. */
const CREDIT_PARENTHETICAL = new RegExp(
  `^(?:(?:${AGENCIES})(?: photo)?|.*\\b(?:photo|photograph|image|picture|credit|courtesy|file|pool|handout|via)\\b.*|.*[\\p{L}]\\s*/\\s*[\\p{L}].*|.*©.*)$`,
  'iu',
);

const CREDIT_SUFFIXES: RegExp[] = [
  // "Photo: AP", "Credit: Jane Doe/VOA", "Photo credit - Reuters"
  /(?:^|[\s.!?;,|-])\s*(?:photo(?:graph)?s?|pictures?|images?|credits?|photo credit|source|courtesy)(?:\s+(?:by|of|credit))?(?:\s*:\s*|\s+-\s+)\S.{0,79}$/i,
  // "Photo by Jane Doe" (only after a sentence end or a separator, so "a photo by the lake" stays)
  /(?:^|[.!?|-])\s*(?:photo(?:graph)?s?|pictures?|images?)\s+(?:by|courtesy of)\s+\S.{0,59}$/i,
  // "REUTERS/Omar Sanadiki", "AFP PHOTO / GEORGE OURFALIAN", "EPA/STR/File"
  new RegExp(`(?:^|\\s)(?:${AGENCIES}|AFP PHOTO|AP PHOTO)\\s*/\\s*[^/]{1,60}(?:/[^/]{1,40})?$`, 'i'),
  // "© Jane Doe"
  /(?:^|\s)©\s*\S.{0,79}$/,
];

/** "… the city. Reuters" → "… the city." (a bare agency name after a sentence). */
const BARE_AGENCY = new RegExp(`([.!?])\\s+(?:${AGENCIES})$`, 'i');

const TRAILING_PUNCTUATION = /[\s.,;:!?'"|-]+$/;

/** Removes one credit suffix from basic-form text, if there is one. */
function stripOneCredit(text: string): string {
  const paren = /\s*\(([^()]{1,80})\)$/.exec(text);
  if (paren && CREDIT_PARENTHETICAL.test(paren[1]!.trim())) return text.slice(0, paren.index);
  for (const re of CREDIT_SUFFIXES) {
    const m = re.exec(text);
    // Keep the separator that precedes the credit ("city." keeps its period).
    if (m) return text.slice(0, m.index + (/^[\s.!?;,|-]/.test(m[0]) ? 1 : 0));
  }
  return text.replace(BARE_AGENCY, '$1');
}

/**
 * Removes photo-credit suffixes ("(Reuters)", "Photo: AP", "REUTERS/Name", "(AP Photo/Name)",
 * "Credit: …") from basic-form text. Used for comparison only; never shown. A text that would be
 * left (almost) empty is returned as it was: a caption that is only a credit is still a caption.
 */
export function stripCredit(text: string): string {
  let current = text;
  for (let i = 0; i < 4; i++) {
    const next = stripOneCredit(current.replace(TRAILING_PUNCTUATION, '')).replace(TRAILING_PUNCTUATION, '');
    if (next === current) break;
    current = next;
  }
  return current.replace(/\s/g, '').length >= 3 ? current : text;
}

/** Comparison key of a caption: basic form, credit stripped, trailing punctuation stripped, case-folded. */
export function captionKey(text: string): string {
  return stripCredit(basicForm(text)).replace(TRAILING_PUNCTUATION, '').toLowerCase();
}

/** Does `text` end with a photo credit? (The credited copy of a caption is the one to keep.) */
export function hasCredit(text: string): boolean {
  const basic = basicForm(text).replace(TRAILING_PUNCTUATION, '');
  return stripCredit(basic) !== basic;
}

/**
 * Word-sequence key for containment tests (pull quotes): letters and digits only, case-folded, one
 * space between words. Quotation marks, commas and ellipses then cannot hide a repeated sentence.
 */
export function wordKey(text: string): string {
  return basicForm(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Number of words (runs of letters/digits). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
