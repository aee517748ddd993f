/**
 * Subject phrases: given the words before a speech verb ("But U.S. spokesman John Kirby also"), keep
 * the subject ("U.S. spokesman John Kirby") or reject the phrase when it cannot be one (a clause, the
 * tail of a list, the writer's "I", a plural noun mistaken for a verb). quotes-speaker.ts then turns
 * the subject into a name.
 */
import { isPersonName } from './quotes-speaker';
import { BASE_FORMS, type VerbMatch } from './quotes-verbs';

/** Placeholder for a quote in a paragraph skeleton (a private-use character, never in real text). */
export const PH = '\uE000';

/** Words that cannot be part of a subject: they start a clause or are finite "be" forms. */
const CLAUSE_WORDS = new Set(
  (
    'that whether unless until which who whom whose when where while whereas although though because if ' +
    'was were is are be been being not never would will could should can may might must than what how ' +
    'why every each nothing something anything everything everyone everybody nobody somebody anyone'
  ).split(' '),
);
/**
 * First and second person ("we say", "let me tell you", "I get asked"): the writer or the reader, not a
 * speaker the text names.
 */
const FIRST_PERSON = new Set("i we you me us let let's let\u2019s my our your".split(' '));
/** I, I’ve, we're, let's… */
function isFirstPerson(word: string): boolean {
  return FIRST_PERSON.has(
    word
      .toLowerCase()
      .replace(/[^\p{L}]+$/u, '')
      .replace(/['\u2019]\p{L}+$/u, ''),
  );
}
const PREPOSITIONS = new Set(
  (
    'in on at by for with from to of during after before into over under about through without within ' +
    'across against among between like near per since via as speaking and or nor'
  ).split(' '),
);
/**
 * Sentence connectives and adverbs of frequency stripped from the front of a subject: "But Kirby
 * said" → "Kirby"; "often sharing content posted by…" → "sharing content", a participle phrase.
 */
const LEADING =
  /^(?:(?:but|and|so|yet|still|however|meanwhile|then|later|also|now|after|as|when|while|because|since|although|though|instead|indeed|earlier|previously|separately|similarly|again|today|yesterday|that|often|sometimes|usually|always|frequently|rarely|seldom|occasionally|typically)\b[\s,]*)+/i;
/** "Wheezingly he spoke": a manner adverb before a pronoun. */
const LEADING_ADVERB = /^\p{L}+ly,?\s+(?=(?:he|she|they|it)$)/iu;
/** Prepositions that end a subject ("the man in the hat") — not of/for, which belong to titles. */
const SUBJECT_CUT =
  /\s(?:(?:in|at|with|during|after|before|from|via|through|near|inside|outside|wearing|laying)\s|on\s(?!\p{Lu}))/u;
/** "Izuku found himself smiling": a clause, not a subject. */
const NOT_IN_SUBJECT = new Set(
  (
    'himself herself themselves itself found made took gave got went came saw knew thought felt kept left ' +
    'began ran held stood brought heard put sat met lost paid sent built fell led won wore broke chose ' +
    'drove forgot meant sold spent threw understood turned looked seemed became'
  ).split(' '),
);
/** Adverbs and auxiliaries stripped from the end: "Kirby also said", "he had told". */
const TRAILING =
  /(?:\s+(?:also|later|then|again|once|had|has|have|did|does|do|would|will|could|previously|recently|earlier|repeatedly|further|simply|only|even|still|already|just|finally|eventually|soon|first|and|but|or|often|sometimes|usually|always|frequently|rarely|seldom|occasionally|typically|\p{Ll}+ly))+$/u;

/** Words that begin a noun phrase (and so cannot end one). */
const DETERMINERS =
  /^(?:the|a|an|his|her|its|their|our|this|these|those|some|many|several|both|two|three|one|another)$/;

const PRONOUN = /^(?:he|she|they|it)$/i;
const DEGREE = new Set('most more least less very much so too'.split(' '));
/** Sentence-initial verbs that give an order ("Ask your doctor:", "Note that …"). */
const IMPERATIVES = new Set([
  ...BASE_FORMS,
  'note',
  'remember',
  'consider',
  'imagine',
  'try',
  'read',
  'think',
]);
/** Collective nouns that can speak on their own ("police said") although they do not end in -s. */
const COLLECTIVE = new Set('police staff media military government management public'.split(' '));

/**
 * A word that starts a clause or a phrase, never a name, even capitalized at a sentence start: "But",
 * "When", "The", "He", "We", "In" (quotes-names.ts: "But Levin" is not a person called But Levin).
 */
export function isFunctionWord(word: string): boolean {
  const w = word.toLowerCase();
  return (
    LEADING.test(w) ||
    CLAUSE_WORDS.has(w) ||
    PREPOSITIONS.has(w) ||
    DETERMINERS.test(w) ||
    PRONOUN.test(w) ||
    isFirstPerson(w)
  );
}

/** Cleans and checks a candidate subject; returns it trimmed, or null when it cannot be a subject. */
export function cleanSubject(raw: string): string | null {
  // Punctuation first ("said he mildly." → "he mildly"), then connectives and adverbs ("he").
  let s = raw
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:\u2014\u2013-]+/, '')
    .replace(/[\s,;:!?\u2014\u2013-]+$/, '')
    .replace(/(?<!\b(?:\p{Lu}|Jr|Sr|Inc|Co|Corp|Ltd))\.$/u, '') // but keep an initial's, "U.S.", "Jr."
    .trim()
    .replace(LEADING, '')
    .replace(LEADING_ADVERB, '')
    .replace(TRAILING, '')
    .trim();
  if (s === '' || s.includes(PH) || /[()[\]"\u201C\u201D]/.test(s)) return null;
  // "Bartleby in a singularly mild, firm voice": the speaker ends where a prepositional phrase starts.
  const cut = s.search(SUBJECT_CUT);
  if (cut > 0) s = s.slice(0, cut);
  let words = s.split(' ');
  // "he moreover", "she too": a pronoun is the whole subject.
  if (words.length > 1 && PRONOUN.test(words[0])) {
    s = words[0];
    words = [s];
  }
  if (words.length > 10) return null;
  if (words.some((w) => CLAUSE_WORDS.has(w.toLowerCase()) || isFirstPerson(w))) return null;
  if (words.some((w) => NOT_IN_SUBJECT.has(w))) return null;
  // Negations ("Don’t say", "they don’t") are not attributions.
  if (words.some((w) => /n['\u2019]t$/i.test(w))) return null;
  const first = words[0];
  if (PREPOSITIONS.has(first.toLowerCase())) return null;
  if (/^\p{Ll}/u.test(first) && !DETERMINERS.test(first) && words.length > 4) return null;
  // A participle phrase ("walking backward while he", "laying his hand") is not a subject.
  if (/^\p{Ll}+ing$/u.test(first)) return null;
  // A lone lowercase word is a speaker only as a plural or collective noun ("officials", "police"),
  // not an adjective ("self-governing").
  const loneWord = words.length === 1 && /^\p{Ll}/u.test(first) && !PRONOUN.test(first);
  if (loneWord && !/s$/.test(first) && !COLLECTIVE.has(first)) return null;
  // "officials in several [states said]": a phrase cannot end on a determiner or preposition.
  const last = words[words.length - 1].toLowerCase();
  if (DETERMINERS.test(last) || PREPOSITIONS.has(last)) return null;
  // "The most commonly asked question": a phrase cannot end on a degree word either.
  if (DEGREE.has(last)) return null;
  // "Write posts that …": a verb in the imperative, capitalized by the sentence, is no one; nor is
  // what it governs ("READ Hoenig's full remarks:", where "remarks" read as the verb).
  if (words.length === 1 && IMPERATIVES.has(last)) return null;
  const second = words[1] ?? '';
  if (
    IMPERATIVES.has(first.toLowerCase()) &&
    (/['\u2019]s$/.test(second) || DETERMINERS.test(second) || /^\p{Ll}/u.test(second))
  )
    return null;
  // "Osprey's stated capability": after a possessive the "verb" is a modifier, not a verb.
  if (/['\u2019]s?$/.test(last)) return null;
  if (!/\p{L}/u.test(s)) return null;
  // "OpenAI demonstrated this dynamic…": a past-tense verb after a name means a clause, not a subject
  // ("the embattled president" and "a recently retired general" are fine).
  for (let i = 1; i < words.length; i++) {
    if (/^\p{Ll}+ed$/u.test(words[i]) && !DETERMINERS.test(words[i - 1]) && !/ly$/.test(words[i - 1]))
      return null;
  }
  return s;
}

/**
 * Checks on the raw text before an ambiguous verb form (`head`, its last clause, before clean-up):
 * a base form must follow its subject directly, without a comma ("his finger, say, on"); a nounish
 * form ("claims") counts only after a short subject with no preposition in it.
 */
export function plausibleFor(verb: VerbMatch, head: string): boolean {
  if (BASE_FORMS.has(verb.text) && /,\s*$/.test(head)) return false;
  if (!verb.nounish) return true;
  const words = (head.split(/[,;:(\u2014\u2013\uE000]/).pop() ?? '').trim().split(/\s+/);
  return words.length <= 4 && !words.some((w) => PREPOSITIONS.has(w.toLowerCase()));
}

/** The subject right before a verb: the last clause of `head`, skipping an appositive in commas. */
export function subjectBefore(head: string): string | null {
  const clause = head.split(/[;:(\u2014\u2013\uE000]/).pop() ?? '';
  const parts = clause.split(/,(?!\d{3})/); // not the comma of 56,000
  const last = parts[parts.length - 1];
  const coordinated = subjectOfCoordinated(last);
  if (coordinated !== undefined) return coordinated;
  // "an avid collector of games, rare cards, and books says": the tail of a list, not a subject.
  if (parts.length > 1 && /^\s*(?:and|or|nor)\b/i.test(last)) return null;
  if (last.trim() === '' && parts.length >= 3) {
    // "Kirby, a spokesman for the department, said": prefer the name before the appositive; but
    // "the car's longtime owner, Zane Merva, said": the name is the appositive.
    const before = cleanSubject(parts[parts.length - 3]);
    const inCommas = cleanSubject(parts[parts.length - 2]);
    return before && !(inCommas && isPersonName(inCommas) && !isPersonName(before)) ? before : inCommas;
  }
  return cleanSubject(last);
}

/**
 * "Mellor agrees and recommends …", "Smith paused briefly and added": the verb's subject is the
 * first verb's. `clause` ends in "and"; the first verb is a past form, or an -s form between a
 * one-word subject and "and" (in "Others clutch their cables and say" the -s word is the object).
 * Undefined when the clause is not such a predicate.
 */
function subjectOfCoordinated(clause: string): string | null | undefined {
  if (!/\sand\s*$/.test(clause)) return undefined;
  const words = clause.trim().split(/\s+/).slice(0, -1);
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (
      /^\p{Ll}+ed$/u.test(w) ||
      NOT_IN_SUBJECT.has(w) ||
      (i === 1 && words.length === 2 && /^\p{Ll}+s$/u.test(w))
    )
      return cleanSubject(words.slice(0, i).join(' '));
  }
  return undefined;
}
