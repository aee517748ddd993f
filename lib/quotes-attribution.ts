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
import { isPersonName } from './quotes-speaker';
import { cleanSubject, PH, plausibleFor, subjectBefore } from './quotes-subject';
import { findVerbs } from './quotes-verbs';

export { PH };

/** Abbreviations whose period does not end a sentence ("Mr. Kirby", "Dec. 22", "Gen. Smith"). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col sgt capt adm maj cmdr brig sen rep gov pres rev hon st jr sr inc ltd co ' +
    'corp no nos vs jan feb mar apr jun jul aug sep sept oct nov dec ft mt approx dept univ est fig'
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

export interface Attribution {
  subject: string;
  /** The attribution touches the quote ("…," X said / X said: "…"): strong enough even for 1–2 words. */
  attached: boolean;
  how: 'after' | 'before' | 'according';
}

/** Cuts after a verb-first subject ("said John Kirby, a spokesman" / "said the army in a statement"). */
const VERB_FIRST_CUT =
  /[,;:!?\uE000]|\s(?:in|on|at|during|after|before|while|when|as|who|which|adding|according|via|with|through|told|to|from|and then|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|earlier|later|last|this|on)\b/u;

/**
 * "said the ministry's spokesman, Ahmed Saeed", "according to Clinique's brand manager, Lysis
 * Bourget-Vennin,": a description followed by a name in apposition; the name is the speaker.
 * `rest` is the text right after the subject.
 */
function inApposition(subject: string | null, rest: string): string | null {
  const named = /^\s*,\s*([^,;:.!?\uE000]+(?:\.\s[^,;:.!?\uE000]+)*)/u.exec(rest)?.[1].trim();
  return subject && named && !isPersonName(subject) && isPersonName(named) ? named : subject;
}

/** The subject after a verb that comes first: "said John Kirby, a spokesman" → John Kirby. */
function subjectAfterVerb(tail: string): string | null {
  const cut = tail.search(VERB_FIRST_CUT);
  return inApposition(cleanSubject(cut >= 0 ? tail.slice(0, cut) : tail), cut >= 0 ? tail.slice(cut) : '');
}

/** What may follow a verb that ends an attribution: punctuation, the end, or a preposition. */
const CLAUSE_END =
  /^\s*(?:$|[.,;:!?)\u2014\u2013-]|(?:with|to|in|on|at|during|via|from|about|over|of|that)\b)/;

/** `PH, X said` and `PH, said X`. `after` is the skeleton from the end of the quote to the sentence end. */
export function attributeAfter(after: string, quoteText: string): Attribution | null {
  const lead = after.match(/^\s*(?:[,;]\s*)?(?:[\u2014\u2013-]\s*)?/)?.[0] ?? '';
  const rest = after.slice(lead.length);
  // `"… drug,’" said X`: the comma can sit inside a nested quote's closing mark.
  const bare = quoteText.replace(/['"\u2019\u201D\u00BB\u203A]+$/, '');
  // `"…" — Courtney C. (Read all reviews.)`, `"…" – Kyle Wiens, CEO iFixit`: a dash and a name, with
  // nothing else in the sentence, signs the quote. Not attached: a signed word or two stays a term.
  if (/[\u2014\u2013-]/.test(lead)) {
    const signed = cleanSubject(rest.replace(/^(?:source|via)\s*:\s*/i, '').replace(/\s*[,(].*$/s, ''))
      // "Software engineer working [on data platforms]"
      ?.replace(/\s+\p{Ll}+ing$/u, '');
    if (signed && /^\p{Lu}/u.test(signed) && signed.split(' ').length <= 6 && !findVerbs(signed).length)
      return { subject: signed, attached: false, how: 'after' };
  }
  // The quote must end like a quote that hands over to its attribution: `"…," X said`, `"…?" X
  // asked`, `"…", X said`, `"…" — X`. Without that, the words after it belong to the sentence
  // (`the four "No" answers`).
  const handsOver =
    /[,?!\u2026\u2014\u2013-]$/.test(bare) ||
    /[,\u2014\u2013-]/.test(lead) ||
    (bare.endsWith('.') && /^\p{Ll}/u.test(rest));
  if (!handsOver) return null;
  for (const m of findVerbs(rest)) {
    const at = m.index;
    if (at === 0) {
      // Verb first: `"…," said John Kirby, a State Department spokesman.`
      const subject = subjectAfterVerb(rest.slice(m.text.length));
      return subject ? { subject, attached: true, how: 'after' } : null;
    }
    // Subject first: the subject is everything between the quote and the verb. A comma there is only
    // acceptable around an appositive ("Kirby, the spokesman, said" → Kirby); otherwise the words
    // before it are not a subject ("The "ceasefire" lasted an hour, the army said").
    const between = rest.slice(0, at);
    const parts = between.split(',');
    const subject =
      parts.length === 1 || parts[parts.length - 1].trim() === '' ? cleanSubject(parts[0]) : null;
    // A verb that doubles as a plural noun must end its clause: `"…," Dan shares.` but not
    // `"substantially all" – the Alibaba shares being left behind …`.
    const ends = !m.nounish || CLAUSE_END.test(rest.slice(at + m.text.length));
    if (subject && ends && plausibleFor(m, between)) return { subject, attached: true, how: 'after' };
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
    // Attached: a few words ending in a comma/colon between verb and quote, or nothing at all after
    // a verb that only means speaking ("He said "no""; but "projects add "long-term value"" and
    // "Part 1 screams "HashSet"" name a term).
    const attached =
      (gapWords === 0 && (gap.trim() !== '' || PLAIN_SAY.has(m.text))) ||
      (/^[^.;!?]*[,:]\s*$/.test(gap) && gapWords <= 5);
    // Otherwise the verb must still plausibly govern the quote: not too far from it, and the quote
    // not inside a parenthesis opened after it ("It has added … (with questions like "…").
    const opens = (gap.match(/\(/g) ?? []).length;
    const closes = (gap.match(/\)/g) ?? []).length;
    if (!attached && (gapWords > 12 || opens > closes)) return null;
    return { subject, attached, how: 'before' };
  }
  return null;
}

/** Verbs that mean nothing but speaking: right before a quote of a word or two, it is speech. */
const PLAIN_SAY = new Set(
  'said says say told tells asked asks answered answers replied replies wrote writes whispered shouted yelled'.split(
    ' ',
  ),
);

/** What may follow the verb that ends a sentence: a day ("…, Azzouz said Wednesday."). */
const AFTER_FINAL_VERB =
  /^\s*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s*)?[.!?]?\s*$/;

/**
 * `"…" in that law, Azzouz said.`: a sentence that opens with a quote and ends with `, X said`
 * speaks for the quotes inside it. `sentence` is the quote's sentence as a skeleton; the attribution
 * is the part after the last comma that follows its last quote, a subject and a speech verb with
 * nothing after the verb but a day. Not a sentence led by other words ("He called the plan "…" and
 * left, officials said": his words). Never attached: a term of a word or two stays a term.
 */
export function attributeSentenceEnd(sentence: string): Attribution | null {
  if (!/^[\s\p{P}]*\uE000/u.test(sentence)) return null;
  const tail = sentence.slice(sentence.lastIndexOf(PH) + 1);
  const comma = tail.lastIndexOf(',');
  if (comma < 0) return null;
  const part = tail.slice(comma + 1);
  const verbs = findVerbs(part);
  const m = verbs[verbs.length - 1];
  if (!m || !AFTER_FINAL_VERB.test(part.slice(m.index + m.text.length))) return null;
  const head = part.slice(0, m.index);
  const subject = cleanSubject(head);
  return subject && plausibleFor(m, head) ? { subject, attached: false, how: 'after' } : null;
}

/** Documents are not speakers: "according to a statement from the army" → "the army". */
const DOCUMENT_PREFIX =
  /^(?:an?|the)\s+(?:\p{L}+\s+)?(?:statement|report|release|post|tweet|transcript|video|letter|memo|document|filing|recording|message|email|note)\s+(?:(?:issued|released|posted|published)\s+)?(?:from|by|of)\s+/iu;

/** `according to X` (or `in the words of X`) anywhere in the text (the quote's sentence). */
export function attributeAccording(text: string, attached: boolean): Attribution | null {
  const m = text.match(/\b(?:according to|in the words of)\s+([^,;:!?\uE000]+)/i);
  if (!m) return null;
  // The sentence's full stop, not a suffix's: "Ed Begley Jr." keeps its point.
  let source = m[1].replace(/(?<!\b(?:Jr|Sr|Inc|Co|Corp|Ltd))\.\s*$/, '');
  const cut = source.search(/\s(?:who|which|in|on|at|during|after|before|while|when)\b/);
  if (cut >= 0) source = source.slice(0, cut);
  source = source.replace(DOCUMENT_PREFIX, '');
  const subject = inApposition(cleanSubject(source), text.slice((m.index ?? 0) + m[0].length));
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

/**
 * Who speaks in a sentence without quotes, to resolve later pronouns: the first speech verb's subject
 * ("Kendale points out that …"), else a name after a verb that ends the sentence ("…, explains
 * Hoge."), else an `according to` source.
 */
export function sentenceSpeaker(sentence: string): string | null {
  const verbs = findVerbs(sentence);
  for (const m of verbs) {
    const head = sentence.slice(0, m.index);
    if (/\bto\s+$/.test(head)) continue;
    // "Paris Baguette boasts 20 consecutive quarters", "reported 5 cases": a count, not words.
    if (/^\s+\d/.test(sentence.slice(m.index + m.text.length))) continue;
    const subject = subjectBefore(head);
    // A pronoun names no one new: "It suggests a way …, explains Hoge." names Hoge.
    if (subject && plausibleFor(m, head) && !/^(?:he|she|they|it)$/i.test(subject)) return subject;
  }
  for (const m of verbs) {
    if (!/,\s*$/.test(sentence.slice(0, m.index))) continue;
    const subject = subjectAfterVerb(sentence.slice(m.index + m.text.length));
    if (subject && /^\p{Lu}/u.test(subject)) return subject;
  }
  return attributeAccording(sentence, false)?.subject ?? null;
}
