/**
 * Turns the subject of a speech verb ("U.S. State Department spokesman John Kirby") into the speaker
 * name shown to the reader ("John Kirby"). English only.
 *
 * News style puts a person's job before their name without commas ("spokesman John Kirby",
 * "Special Envoy for Syria Staffan de Mistura"). The reader wants the person, so job titles are
 * dropped; but organizations and noun phrases ("the army's general command", "the Syrian Observatory
 * for Human Rights") are kept whole, because there is no person inside them to extract.
 */

import { wordSet } from './word-set';

export type Subject = { kind: 'name'; name: string } | { kind: 'pronoun'; personal: boolean };

/**
 * A party or a people named by its adjective, alone, is nobody's name: "Roosevelt … blasted recent
 * Republican claims" (CNN) read "recent" as a job and "Republican" as the person making the claims,
 * and six later quotes' "he" went to "Republican".
 */
const NOT_ALONE = wordSet(
  'republican democrat democratic conservative liberal labour tory libertarian socialist communist ' +
    'american british european chinese russian iranian israeli palestinian syrian iraqi afghan ' +
    'ukrainian german french japanese korean indian mexican canadian australian african arab',
);

const PRONOUNS = new Set(['he', 'she', 'they', 'it']);

/** Lowercase words that glue titles and names together; they do not end a title. */
const FUNCTION_WORDS = new Set(['of', 'for', 'the', 'and', 'to', 'on', 'at', 'in', 'a', 'an', '&']);

/** Lowercase name particles: Staffan de Mistura, Ludwig van Beethoven, Osama bin Laden. */
const PARTICLES = new Set(
  'de da di del della der den van von le la du dos das bin ibn al el ter ten y bint abu ben'.split(' '),
);

/** Capitalized job titles and honorifics that precede names: "Foreign Minister Sergei Lavrov". */
const TITLES = new Set(
  (
    'President Vice Prime Minister Secretary Envoy Ambassador Spokesman Spokeswoman Spokesperson ' +
    'Chancellor Senator Sen. Representative Rep. Governor Gov. Mayor General Gen. Colonel Col. Lieutenant ' +
    'Lt. Captain Capt. Sergeant Sgt. Admiral Adm. Major Maj. Commander Cmdr. Chief Director Chairman ' +
    'Chairwoman Chair CEO Judge Justice Attorney King Queen Prince Princess Pope Sheikh Emir Mr. Mrs. Ms. ' +
    'Mr Mrs Ms Miss Dr. Dr Prof. Professor Rev. Reverend Father Bishop Archbishop Cardinal Rabbi Imam ' +
    'Officer Detective Sheriff Coach Speaker Leader Deputy Commissioner Special Foreign Premier Agent ' +
    'Councilman Councilwoman Superintendent Inspector Coordinator Adviser Advisor Counsel Congressman ' +
    'Congresswoman Assemblyman Assemblywoman Pastor Ayatollah Sir Dame Lord Lady Marshal Brigadier Pres. ' +
    'Supt. Insp. Det. Sgt Gen ' +
    // Business and feature writing: "Holloway Events Founder Cathleen Holloway", "Co-Owner and Lead
    // Planner Erica Vanco" (a hyphenated title counts by its parts).
    'Founder Owner Partner Planner Designer Editor Manager Producer Analyst Economist Researcher ' +
    'Scientist Engineer Executive Strategist Consultant Dietitian Nutritionist Therapist Physician ' +
    'Surgeon Curator Instructor Architect Historian CTO CFO COO CMO VP'
  ).split(' '),
);

const DETERMINERS = /^(?:the|a|an|his|her|its|their|our|this|that|these|those)$/i;
const INITIAL = /^\p{Lu}\.$/u;
const CAPITALIZED = /^(?:\p{Lu}|\d|(?:al|el|bin|ibn|abu|ben|de|van|von|da|di)-\p{Lu})/u;

export function isTitle(word: string): boolean {
  return TITLES.has(word) || (word.includes('-') && word.split('-').some((w) => TITLES.has(w)));
}

function isNameWord(word: string): boolean {
  return CAPITALIZED.test(word) || PARTICLES.has(word) || INITIAL.test(word);
}

/** A run of name words that starts and ends with a capitalized word: "Staffan de Mistura". */
function isNameRun(words: string[]): boolean {
  return (
    words.length > 0 &&
    words.every(isNameWord) &&
    CAPITALIZED.test(words[0]) &&
    CAPITALIZED.test(words[words.length - 1])
  );
}

/**
 * Two to five name words ("Zane Merva", "Brig. Gen. Yahya Saree"): a person, not a description
 * ("Clinique's Senior Brand Engagement Manager": a possessive, and it ends on a title).
 */
export function isPersonName(s: string): boolean {
  const words = s.split(' ');
  return (
    words.length >= 2 &&
    words.length <= 5 &&
    isNameRun(words) &&
    !isTitle(words[words.length - 1]) &&
    !words.some((w) => /['\u2019]s$/.test(w))
  );
}

/** Counts the words of a name run that carry the name (not particles, not initials). */
function coreCount(words: string[]): number {
  return words.filter((w) => CAPITALIZED.test(w) && !INITIAL.test(w)).length;
}

/** Keeps the last two core words of a long run, with the particles/initials between them. */
function lastTwoCore(words: string[]): string[] {
  let seen = 0;
  for (let i = words.length - 1; i >= 0; i--) {
    if (CAPITALIZED.test(words[i]) && !INITIAL.test(words[i])) seen++;
    if (seen === 2) return words.slice(i);
  }
  return words;
}

/**
 * Drops a leading title from a run of words: "Foreign Minister Sergei Lavrov" → "Sergei Lavrov",
 * "Secretary of State John Kerry" → "John Kerry", "Envoy for Syria Staffan de Mistura" →
 * "Staffan de Mistura". Returns null when no title is followed by a name.
 */
function afterTitle(words: string[]): string[] | null {
  let t = -1;
  for (let i = 0; i < words.length; i++) if (isTitle(words[i])) t = i;
  if (t < 0 || t === words.length - 1) return null;
  let rest = words.slice(t + 1);
  if (FUNCTION_WORDS.has(rest[0])) {
    // "… of State John Kerry": after of/for comes the title's complement (State, Syria, Foreign
    // Affairs); the person is the last two name words.
    rest = rest.filter((w, i) => !(i < 2 && FUNCTION_WORDS.has(w)));
    if (coreCount(rest) < 2) return null;
    rest = coreCount(rest) > 2 ? lastTwoCore(rest) : rest.slice(1);
  }
  return isNameRun(rest) ? rest : null;
}

/**
 * Normalizes a subject phrase. Returns a pronoun marker (he/she/they/it, to be resolved by the caller;
 * `personal` for he/she),
 * a name, or null when the phrase does not look like a speaker at all.
 */
export function normalizeSpeaker(raw: string): Subject | null {
  const phrase = raw
    .replace(/^[\s,;:\u2014\u2013-]+/, '')
    .replace(/[\s,;:\u2014\u2013-]+$/, '')
    .replace(/(?<!\b(?:\p{Lu}|Jr|Sr|Inc|Co|Corp|Ltd))\.$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (phrase === '') return null;
  const lower = phrase.toLowerCase();
  if (PRONOUNS.has(lower)) return { kind: 'pronoun', personal: lower === 'he' || lower === 'she' };
  const words = phrase.split(' ');
  const name = (w: string[]) =>
    w.length === 1 && NOT_ALONE.has(w[0].toLowerCase()) ? null : { kind: 'name' as const, name: w.join(' ') };

  // 0. "Pamela Lyon of the University of Adelaide": a person, then where they work.
  const at = words.findIndex((w, i) => i >= 2 && /^(?:of|at|from)$/.test(w) && words[i + 1] === 'the');
  if (at > 0 && isPersonName(words.slice(0, at).join(' '))) return name(words.slice(0, at));
  // "explains Norris of his process": a surname, then what the words were about.
  if (words.length > 2 && words[1] === 'of' && /^(?:his|her|their)$/.test(words[2]) && isNameRun([words[0]]))
    return name([words[0]]);
  // "RedMonk’s Stephens", "Car Talk’s John Paul": where the person works, then the person.
  const owner = words.findIndex((w) => /['\u2019]s$/.test(w));
  if (owner >= 0 && owner < words.length - 1 && owner < 3 && isNameRun(words.slice(owner + 1)))
    return name(afterTitle(words.slice(owner + 1)) ?? words.slice(owner + 1));
  // 1. "State Department spokesman John Kirby": a lowercase job noun followed by a name.
  let k = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (/^\p{Ll}/u.test(w) && !FUNCTION_WORDS.has(w) && !PARTICLES.has(w)) k = i;
  }
  if (k >= 0 && k < words.length - 1) {
    const run = words.slice(k + 1);
    if (isNameRun(run)) return name(afterTitle(run) ?? run);
  }
  // 2. "Foreign Minister Sergei Lavrov", "U.N. Special Envoy for Syria Staffan de Mistura".
  const titled = afterTitle(words);
  if (titled) return name(titled);
  // 3. Organizations and noun phrases: "the army's general command", "the Syrian Observatory …".
  if (DETERMINERS.test(words[0])) return words.length > 1 ? name(words) : null;
  // 4. A bare name or anything short enough to be a speaker ("officials", "Syrian state media").
  return words.length <= 8 ? name(words) : null;
}
