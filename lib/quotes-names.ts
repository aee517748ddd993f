/**
 * News style names a person in full once ("Beth Helmstetter, a wedding planner, …") and by surname
 * after that ("…," Helmstetter said). The Quotes panel groups quotes by speaker, so without this one
 * person shows up twice, as "Beth Helmstetter" and as "Helmstetter". A surname-only speaker gets the
 * full name the article gives, when exactly one person in it has that surname (two Halls stay
 * "Hall"). English only, as attribution is.
 */
import { normalizeSpeaker } from './quotes-speaker';
import { isFunctionWord } from './quotes-subject';

/**
 * A word that can be part of a name: Holly, O'Neil, Al-Ibrahim, the initial in "Elizabeth A. Hoge";
 * not a possessive ("Adelaide's Lyon").
 */
const NAME_WORD = /^(?:\p{Lu}(?![\p{L}\p{M}'’-]*['’]s$)[\p{L}\p{M}'’-]*\p{L}|\p{Lu}\.)$/u;
/** A surname-only speaker: one capitalized word (LaRovere), not an acronym (EY, HCA are organizations). */
const SURNAME = /^\p{Lu}(?=.*\p{Ll})[\p{L}\p{M}'’-]*\p{L}$/u;
const TRAILING = /(?:['’]s)?[,;:.!?)\]"”’]*$/u;

export const isSurname = (speaker: string) => SURNAME.test(speaker);

/**
 * Stage verbs and interjections that open a sentence before a name: "Enter Stuart R. Kaplan, …", "Ah
 * Bartleby"; and the labels of a credit line ("Source Adam Kramer (Facebook)": The Verge).
 */
const OPENERS = new Set(
  'enter meet ask take thanks ah oh alas well yes no hey wow okay source via photo credit courtesy'.split(
    ' ',
  ),
);
/**
 * A sentence adverb ("Accordingly Turkey said"): long, with an adverb's ending. Not every word in -ly:
 * Holly, Kelly, Emily and Kimberly are names.
 */
const SENTENCE_ADVERB = /^\p{Lu}\p{Ll}{3,}(?:all|ingl|edl|ousl|ivel|atel|entl|antl|full|ssl)y$/u;
/**
 * A past participle opening a sentence ("Haunted Izuku on the drive home", "Stunned, Lee left"): not
 * a first name. Names in -ed are spared: Ahmed, Saeed, Mohammed, Alfred, Manfred.
 */
const PARTICIPLE = /^\p{Lu}\p{Ll}{3,}(?<!ee|m|fr)ed,?$/u;
export const opensSentence = (word: string) =>
  OPENERS.has(word.toLowerCase()) || SENTENCE_ADVERB.test(word) || PARTICIPLE.test(word);

/** For each surname, the one full name the texts give it; surnames with none, or several, are left out. */
export function fullNames(texts: string[], surnames: Set<string>): Map<string, string> {
  const seen = new Map<string, Set<string>>();
  for (const text of texts) {
    const words = text.split(/\s+/);
    for (let i = 1; i < words.length; i++) {
      const x = words[i].replace(TRAILING, '');
      if (!surnames.has(x)) continue;
      // Not the end of a name: "Yeun Joon Kim" names no one called Joon, "Dana F. Besecker Company,"
      // no one called Dana F. Besecker.
      if (x === words[i] && NAME_WORD.test((words[i + 1] ?? '').replace(TRAILING, ''))) continue;
      // The name words right before it, with no punctuation between ("Slayton. Klinger" is two people).
      let from = i;
      while (from > 0 && i - from < 4 && NAME_WORD.test(words[from - 1])) from--;
      // Capitalized because they start a sentence ("But Levin said"), or a heading's verb ("Comparing
      // Google, Meta and OpenAI"): not names.
      while (
        from < i &&
        (isFunctionWord(words[from]) || words[from].endsWith('ing') || opensSentence(words[from]))
      )
        from++;
      if (from === i) continue;
      const s = normalizeSpeaker([...words.slice(from, i), x].join(' '));
      if (s?.kind !== 'name' || !s.name.endsWith(` ${x}`)) continue;
      const names = seen.get(x) ?? new Set<string>();
      seen.set(x, names.add(s.name));
    }
  }
  const out = new Map<string, string>();
  for (const [x, names] of seen) {
    // "Lyn Brand" is the same person as "Tessa Lyn Brand".
    const people = [...names].filter((n) => ![...names].some((m) => m !== n && m.endsWith(` ${n}`)));
    if (people.length === 1) out.set(x, people[0]);
  }
  return out;
}
