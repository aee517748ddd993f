/**
 * Reading time. Words per minute only makes sense for scripts that separate words with spaces; Chinese
 * and Japanese are read (and counted) by character, and right-to-left scripts are read more slowly.
 */

/** Average silent reading speed for Latin, Cyrillic, Greek… text (words per minute). */
export const WORDS_PER_MINUTE = 230;
/** Arabic, Hebrew, Persian, Urdu: slower per word (words per minute). */
export const RTL_WORDS_PER_MINUTE = 180;
/** Chinese, Japanese, Korean: characters per minute. */
export const CJK_CHARS_PER_MINUTE = 500;

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;
const RTL_CHAR = /[\p{Script=Arabic}\p{Script=Hebrew}]/gu;
const RTL_LANGS = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'ckb', 'dv']);

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/**
 * Minutes to read `text`, at least 1. CJK characters are counted at characters/minute and removed
 * before counting words, so mixed text (a Japanese story quoting an English name) adds both parts.
 */
export function readingMinutes(text: string, lang?: string | null): number {
  const cjk = count(text, CJK_CHAR);
  const rest = cjk ? text.replace(CJK_CHAR, ' ') : text;
  const words = count(rest, WORD);
  const primary = lang?.toLowerCase().split(/[-_]/)[0] ?? '';
  // Without a language tag, let the script decide: mostly Arabic/Hebrew letters reads at the RTL pace.
  const rtl = primary ? RTL_LANGS.has(primary) : count(rest, RTL_CHAR) > rest.length / 4;
  const minutes = cjk / CJK_CHARS_PER_MINUTE + words / (rtl ? RTL_WORDS_PER_MINUTE : WORDS_PER_MINUTE);
  return Math.max(1, Math.round(minutes));
}
