/**
 * English attribution: who said a quote, read from the sentence around it.
 *
 * Works on a paragraph "skeleton": the paragraph text with each top-level quote replaced by one
 * placeholder character (PH). Removing the quoted words first matters: a quote's own text is full of
 * verbs, names and periods that would otherwise be mistaken for the attribution or for sentence ends.
 *
 * Patterns, in order of precedence (the subject of a speech verb always beats an `according to`
 * source, because "X said …, according to AFP" means AFP reported what X said):
 *   after:   PH, X said / PH, said X / PH X told reporters
 *   before:  X said, PH / X told reporters: PH / X warned that Idlib … PH (partial quote)
 *   according to X, anywhere in the quote's sentence.
 */

/** Placeholder for a quote in the skeleton (a private-use character, never in real text). */
export const PH = '\uE000';

const irregular: Record<string, string[]> = {
  say: ['said', 'says', 'say'],
  tell: ['told', 'tells', 'tell'],
  speak: ['spoke', 'speaks', 'spoken'],
  write: ['wrote', 'writes', 'write', 'written'],
  tweet: ['tweeted', 'tweets'],
};
const ING: Record<string, string> = { say: 'saying', tell: 'telling', write: 'writing', speak: 'speaking' };

/** Verbs that introduce speech or writing; forms are generated below. */
const REGULAR = (
  'warn add describe insist ask explain note state declare argue claim reply announce post recall ' +
  'continue concede admit caution urge stress remark comment observe acknowledge affirm allege assert ' +
  'confirm contend emphasize emphasise exclaim joke lament maintain muse predict promise reiterate ' +
  'respond shout suggest whisper yell scream demand boast complain counter retort sigh text email ' +
  'message blog thunder charge answer beg brag conclude confess confide recount report reveal wonder ' +
  'murmur mutter proclaim protest reason repeat speculate summarize surmise opine vow testify mention ' +
  'cry plead quip snap chant advise agree pledge tease interject grumble hint instruct inform preach ' +
  'inquire enquire recommend remind rule scoff sneer stammer venture assure threaten'
).split(' ');
/** Base forms that safely follow a plural subject ("officials say"); most others double as nouns. */
const BASE_OK = new Set(['warn', 'insist', 'ask', 'explain', 'argue', 'admit', 'add', 'agree', 'predict']);
const DOUBLING = new Set(['admit', 'quip', 'snap', 'beg', 'brag', 'blog']);
/**
 * Verbs whose -s form is just as often a plural noun: "the nutrition claims", "the four No answers",
 * "copyright claims". Their -s forms count only after a short subject without prepositions.
 */
const NOUNISH = new Set(
  (
    'note state claim reply post tweet remark comment joke promise report answer charge demand protest ' +
    'text email message blog thunder shout whisper yell scream cry quip snap sigh boast counter muse ' +
    'chant pledge tease hint rule vow murmur mutter reason venture sneer scoff retort plead respond'
  ).split(' '),
);

function forms(stem: string): { finite: string[]; ing: string } {
  if (irregular[stem]) return { finite: irregular[stem], ing: ING[stem] ?? `${stem}ing` };
  let past: string;
  let third: string;
  let ing: string;
  if (stem.endsWith('e')) {
    past = `${stem}d`;
    third = `${stem}s`;
    ing = `${stem.slice(0, -1)}ing`;
  } else if (/[^aeiou]y$/.test(stem)) {
    past = `${stem.slice(0, -1)}ied`;
    third = `${stem.slice(0, -1)}ies`;
    ing = `${stem}ing`;
  } else if (DOUBLING.has(stem)) {
    const last = stem.slice(-1);
    past = `${stem}${last}ed`;
    third = `${stem}s`;
    ing = `${stem}${last}ing`;
  } else {
    past = `${stem}ed`;
    third = /(?:s|sh|ch|x|z)$/.test(stem) ? `${stem}es` : `${stem}s`;
    ing = `${stem}ing`;
  }
  return { finite: BASE_OK.has(stem) ? [past, third, stem] : [past, third], ing };
}

const finite = new Set<string>();
const progressive = new Set<string>();
const nounish = new Set<string>();
for (const stem of [...Object.keys(irregular), ...REGULAR]) {
  const f = forms(stem);
  for (const w of f.finite) finite.add(w);
  progressive.add(f.ing);
  if (NOUNISH.has(stem)) nounish.add(f.finite[1]);
}
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'been', 'be']);
/** Two-word speech verbs: "pointed out", "went on", "goes on", "chimed in". */
const PHRASAL: Record<string, string> = { pointed: 'out', went: 'on', goes: 'on', chimed: 'in' };

export interface VerbMatch {
  index: number;
  /** The matched text ("said", "is saying", "pointed out"). */
  text: string;
  /** An -s form that may be a plural noun ("claims"): see NOUNISH. */
  nounish: boolean;
}

const WORD_RE = /[\p{L}\p{N}'\u2019-]+/gu;

/**
 * Speech verbs in `text`, in order: finite forms ("said", "says", "warned"), phrasal ones ("pointed
 * out"), or a progressive with its auxiliary ("is saying"). Case-sensitive on purpose: "States" in
 * "United States" and "Post" in "Washington Post" are names, not verbs. A word scan with set lookups,
 * because one regex alternating hundreds of verb forms is slow on long articles.
 */
export function findVerbs(text: string): VerbMatch[] {
  const out: VerbMatch[] = [];
  let prev: { index: number; word: string } | null = null;
  for (const m of text.matchAll(WORD_RE)) {
    const word = m[0];
    const index = m.index ?? 0;
    const gapIsSpace = prev !== null && /^\s+$/.test(text.slice(prev.index + prev.word.length, index));
    if (prev && gapIsSpace && progressive.has(word) && AUXILIARIES.has(prev.word)) {
      out.push({ index: prev.index, text: text.slice(prev.index, index + word.length), nounish: false });
    } else if (prev && gapIsSpace && PHRASAL[prev.word] === word) {
      out.push({ index: prev.index, text: text.slice(prev.index, index + word.length), nounish: false });
    } else if (finite.has(word)) {
      out.push({ index, text: word, nounish: nounish.has(word) });
    }
    prev = { index, word };
  }
  return out;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col sgt capt adm maj cmdr sen rep gov pres rev hon st jr sr inc ltd co corp no nos ' +
    'vs jan feb mar apr jun jul aug sep sept oct nov dec ft mt approx dept univ est fig'
  ).split(' '),
);

/**
 * Start offsets of the sentences of a skeleton. A period ends a sentence only when a capital letter,
 * a quote or a placeholder follows and the word before it is not an abbreviation (U.S., Mr., Dec.) —
 * "U.S. State Department spokesman" must stay one sentence.
 */
export function sentenceStarts(skel: string): number[] {
  const starts = [0];
  const re = /[.!?\u2026]+["'\u201D\u2019)\]]*\s+(?=[\p{Lu}\uE000"\u201C\u2018\u00AB([])/gu;
  for (const m of skel.matchAll(re)) {
    const at = m.index ?? 0;
    if (m[0][0] === '.') {
      const word = skel.slice(0, at).match(/(\S+)$/)?.[1] ?? '';
      const bare = word.replace(/^[("'\u201C\u2018]+/, '');
      if (/^(?:\p{L}\.)*\p{L}$/u.test(bare) || ABBREVIATIONS.has(bare.toLowerCase())) continue;
    }
    starts.push(at + m[0].length);
  }
  return starts;
}

/** Words that cannot be part of a subject: they start a clause or are finite "be" forms. */
const CLAUSE_WORDS = new Set(
  (
    'that whether unless until which who whom whose when where because if was were is are be been being ' +
    'not never would will could should can may might must than what how why every each nothing something ' +
    'anything everything everyone everybody nobody somebody anyone'
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
      .replace(/[.,;:!?]+$/, '')
      .replace(/['\u2019]\p{L}+$/u, ''),
  );
}
const PREPOSITIONS = new Set(
  (
    'in on at by for with from to of during after before into over under about through without within ' +
    'across against among between like near per since via as speaking and or nor'
  ).split(' '),
);
/** Sentence connectives stripped from the front of a subject: "But Kirby said" → "Kirby". */
const LEADING =
  /^(?:(?:but|and|so|yet|still|however|meanwhile|then|later|also|now|after|as|when|while|because|since|although|though|instead|indeed|earlier|previously|separately|similarly|again|today|yesterday|that)\b[\s,]*)+/i;
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
  /(?:\s+(?:also|later|then|again|once|had|has|have|did|does|do|would|will|could|previously|recently|earlier|repeatedly|further|simply|only|even|still|already|just|finally|eventually|soon|\p{Ll}+ly))+$/u;

/** Words that begin a noun phrase (and so cannot end one). */
const DETERMINERS =
  /^(?:the|a|an|his|her|its|their|our|this|these|those|some|many|several|both|two|three|one|another)$/;

/** Cleans and checks a candidate subject; returns it trimmed, or null when it cannot be a subject. */
export function cleanSubject(raw: string): string | null {
  // Punctuation first ("said he mildly." → "he mildly"), then connectives and adverbs ("he").
  let s = raw
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:\u2014\u2013-]+/, '')
    .replace(/(?<!\b\p{Lu})[\s,;:.!?\u2014\u2013-]+$/u, '')
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
  if (words.length > 1 && /^(?:he|she|they|it)$/i.test(words[0])) {
    s = words[0];
    words = [s];
  }
  if (words.length > 10) return null;
  if (words.some((w) => CLAUSE_WORDS.has(w.toLowerCase()) || isFirstPerson(w))) return null;
  if (words.some((w) => NOT_IN_SUBJECT.has(w))) return null;
  const first = words[0];
  if (PREPOSITIONS.has(first.toLowerCase())) return null;
  if (/^\p{Ll}/u.test(first) && !DETERMINERS.test(first) && words.length > 4) return null;
  // "officials in several [states said]": a phrase cannot end on a determiner or preposition.
  const last = words[words.length - 1].toLowerCase();
  if (DETERMINERS.test(last) || PREPOSITIONS.has(last)) return null;
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

/** Base forms ("say", "warn"): "officials say", but also "to put his finger, say, on…". */
const BASE_FORMS = new Set(['say', 'tell', 'write', ...BASE_OK]);

/**
 * Checks on the raw text before an ambiguous verb form (`head`, its last clause, before clean-up):
 * a base form must follow its subject directly, without a comma ("his finger, say, on"); a nounish
 * form ("claims") counts only after a short subject with no preposition in it.
 */
function plausibleFor(verb: VerbMatch, head: string): boolean {
  if (BASE_FORMS.has(verb.text) && /,\s*$/.test(head)) return false;
  if (!verb.nounish) return true;
  const words = (head.split(/[,;:(\u2014\u2013\uE000]/).pop() ?? '').trim().split(/\s+/);
  return words.length <= 4 && !words.some((w) => PREPOSITIONS.has(w.toLowerCase()));
}

export interface Attribution {
  subject: string;
  /** The attribution touches the quote ("…," X said / X said: "…"): strong enough even for 1–2 words. */
  attached: boolean;
  how: 'after' | 'before' | 'according';
}

/** Cuts after a verb-first subject ("said John Kirby, a spokesman" / "said the army in a statement"). */
const VERB_FIRST_CUT =
  /[,;:!?\uE000]|\s(?:in|on|at|during|after|before|while|when|as|who|which|adding|according|via|with|through|told|to|from|and then|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|earlier|later|last|this|on)\b/u;

/** `PH, X said` and `PH, said X`. `after` is the skeleton from the end of the quote to the sentence end. */
export function attributeAfter(after: string, quoteText: string): Attribution | null {
  const lead = after.match(/^\s*(?:[,;]\s*)?(?:[\u2014\u2013-]\s*)?/)?.[0] ?? '';
  const rest = after.slice(lead.length);
  // The quote must end like a quote that hands over to its attribution: `"…," X said`, `"…?" X
  // asked`, `"…", X said`, `"…" — X`. Without that, the words after it belong to the sentence
  // (`the four "No" answers`).
  const handsOver =
    /[,?!\u2026\u2014\u2013-]$/.test(quoteText) ||
    /[,\u2014\u2013-]/.test(lead) ||
    (quoteText.endsWith('.') && /^\p{Ll}/u.test(rest));
  if (!handsOver) return null;
  for (const m of findVerbs(rest)) {
    const at = m.index;
    if (at === 0) {
      // Verb first: `"…," said John Kirby, a State Department spokesman.`
      const tail = rest.slice(m.text.length);
      const cut = tail.search(VERB_FIRST_CUT);
      const subject = cleanSubject(cut >= 0 ? tail.slice(0, cut) : tail);
      return subject ? { subject, attached: true, how: 'after' } : null;
    }
    // Subject first: the subject is everything between the quote and the verb. A comma there is only
    // acceptable around an appositive ("Kirby, the spokesman, said" → Kirby); otherwise the words
    // before it are not a subject ("The "ceasefire" lasted an hour, the army said").
    const between = rest.slice(0, at);
    const parts = between.split(',');
    const subject =
      parts.length === 1 || parts[parts.length - 1].trim() === '' ? cleanSubject(parts[0]) : null;
    if (subject && plausibleFor(m, between)) return { subject, attached: true, how: 'after' };
    if (/[.;:!?]/.test(between.replace(/\b(?:\p{L}\.)+/gu, ''))) return null;
  }
  return null;
}

/**
 * `X said, PH` / `X told reporters: PH` / `X warned that Idlib, …, PH`. `before` is the skeleton from the
 * start of the quote's sentence (or the previous quote) to the quote. The nearest verb wins.
 */
export function attributeBefore(before: string): Attribution | null {
  const verbs = findVerbs(before);
  for (let v = verbs.length - 1; v >= 0; v--) {
    const m = verbs[v];
    const at = m.index;
    const head = before.slice(0, at);
    if (/\bto\s+$/.test(head)) continue; // "refused to say" is not an attribution
    const subject = subjectBefore(head);
    if (!subject || !plausibleFor(m, head)) continue;
    const gap = before.slice(at + m.text.length);
    const gapWords = gap.trim() === '' ? 0 : gap.trim().split(/\s+/).length;
    // Attached: nothing, or a few words ending in a comma/colon, between verb and quote.
    const attached = gapWords === 0 || (/^[^.;!?]*[,:]\s*$/.test(gap) && gapWords <= 5);
    // Otherwise the verb must still plausibly govern the quote: not too far from it, and the quote
    // not inside a parenthesis opened after it ("It has added … (with questions like "…").
    const opens = (gap.match(/\(/g) ?? []).length;
    const closes = (gap.match(/\)/g) ?? []).length;
    if (!attached && (gapWords > 12 || opens > closes)) return null;
    return { subject, attached, how: 'before' };
  }
  return null;
}

/** The subject right before a verb: the last clause of `head`, skipping an appositive in commas. */
export function subjectBefore(head: string): string | null {
  const clause = head.split(/[;:(\u2014\u2013\uE000]/).pop() ?? '';
  const parts = clause.split(',');
  const last = parts[parts.length - 1];
  // "an avid collector of games, rare cards, and books says": the tail of a list, not a subject.
  if (parts.length > 1 && /^\s*(?:and|or|nor)\b/i.test(last)) return null;
  if (last.trim() === '' && parts.length >= 3) {
    // "Kirby, a spokesman for the department, said": prefer the name before the appositive.
    return cleanSubject(parts[parts.length - 3]) ?? cleanSubject(parts[parts.length - 2]);
  }
  return cleanSubject(last);
}

/** Documents are not speakers: "according to a statement from the army" → "the army". */
const DOCUMENT_PREFIX =
  /^(?:an?|the)\s+(?:\p{L}+\s+)?(?:statement|report|release|post|tweet|transcript|video|letter|memo|document|filing|recording|message|email|note)\s+(?:(?:issued|released|posted|published)\s+)?(?:from|by|of)\s+/iu;

/** `according to X` anywhere in the text (the quote's sentence). */
export function attributeAccording(text: string, attached: boolean): Attribution | null {
  const m = text.match(/\baccording to\s+([^,;:!?\uE000]+)/i);
  if (!m) return null;
  let source = m[1].replace(/\.\s*$/, '');
  const cut = source.search(/\s(?:who|which|in|on|at|during|after|before|while|when)\b/);
  if (cut >= 0) source = source.slice(0, cut);
  source = source.replace(DOCUMENT_PREFIX, '');
  const subject = cleanSubject(source);
  return subject ? { subject, attached, how: 'according' } : null;
}

/**
 * The speaker announced by a colon at the end of a paragraph ("Kirby told reporters:"), which carries
 * into the quoted paragraphs that follow.
 */
export function colonIntroduction(lastSentence: string): string | null {
  const trimmed = lastSentence.trimEnd();
  if (!trimmed.endsWith(':')) return null;
  return attributeBefore(trimmed.slice(0, -1))?.subject ?? null;
}

/** The first speech verb's subject in a sentence without quotes, to resolve later pronouns. */
export function sentenceSpeaker(sentence: string): string | null {
  for (const m of findVerbs(sentence)) {
    const head = sentence.slice(0, m.index);
    if (/\bto\s+$/.test(head)) continue;
    const subject = subjectBefore(head);
    if (subject && plausibleFor(m, head)) return subject;
  }
  return null;
}
