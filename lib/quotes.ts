/**
 * Quote highlighting: wraps each run of quoted speech in the article body in `<q data-speaker>`.
 *
 * Pipeline (each stage in its own module):
 *   1. quotes-dom.ts          paragraphs ("segments") of inline text; existing <q> turned into text
 *   2. quotes-marks.ts        candidate quote marks, with apostrophes and primes filtered out
 *   3. quotes-pair.ts         top-level quotes per paragraph (+ quotes left open at paragraph end)
 *   4. this file              multi-paragraph chains, then attribution in document order
 *   5. quotes-attribution.ts  English patterns around each quote, built on quotes-verbs.ts (speech
 *                             verbs), quotes-subject.ts (subject phrases), quotes-speaker.ts (names)
 *   6. quotes-dom.ts          wrapping; the marks stay outside the <q>, so visible text is unchanged
 */
import {
  attributeAccording,
  attributeAfter,
  attributeBefore,
  attributeSentenceEnd,
  colonIntroduction,
  PH,
  sentenceSpeaker,
  sentenceStarts,
} from './quotes-attribution';
import { collectSegments, type Segment, unwrapExistingQuotes, wrapRange } from './quotes-dom';
import { tokenizeMarks } from './quotes-marks';
import { fullNames, isSurname, opensSentence } from './quotes-names';
import { pairMarks, type QuoteSpan } from './quotes-pair';
import { isPersonName, isTitle, normalizeSpeaker } from './quotes-speaker';
import { isFunctionWord } from './quotes-subject';
import type { Quote } from './types';

interface Found {
  seg: Segment;
  span: QuoteSpan;
  /** Content range in seg.text: inside the marks, whitespace trimmed. */
  start: number;
  end: number;
  text: string;
  words: number;
  /** Previous paragraph of the same multi-paragraph quote. */
  prev: Found | null;
  speaker: string | null;
  /** How the speaker was found (for the scare-quote and inheritance rules). */
  how: 'after' | 'before' | 'according' | 'inherit' | 'colon' | 'chain' | 'next' | null;
}

/**
 * Marks quoted speech in `root` with `<q>` elements (`data-speaker="Name"` when the speaker is known);
 * returns one entry per quote, in document order. A quote that cannot be wrapped by one element (it
 * starts inside an inline element it does not cover) is wrapped piecewise: several `<q>`, same speaker,
 * the extra ones marked `data-quote-cont`, counted once here.
 *
 * Speakers are only looked for in English (`lang` `en*`, or unset on a text that reads as English):
 * the patterns are English, and a wrong name is worse than none.
 */
export function findQuotes(root: Element, opts: { lang?: string | null } = {}): Quote[] {
  if (!root || typeof root !== 'object' || !root.ownerDocument) return [];
  try {
    return highlight(root, opts.lang ?? null);
  } catch {
    // Never throw into the pipeline: report whatever was wrapped before the failure.
    return Array.from(root.querySelectorAll('q:not([data-quote-cont])'), (q) => ({
      text: (q.textContent ?? '').replace(/\s+/g, ' ').trim(),
      speaker: q.getAttribute('data-speaker'),
    }));
  }
}

function highlight(root: Element, lang: string | null): Quote[] {
  unwrapExistingQuotes(root);
  const segments = collectSegments(root);
  const perSegment = segments.map(findInSegment);
  linkParagraphs(segments, perSegment);
  const declared = lang?.trim();
  const english = declared ? /^en(?:[-_]|$)/i.test(declared) : looksEnglish(segments);
  if (english) attribute(segments, perSegment);
  resolveChains(perSegment);
  if (english) useFullNames(segments, perSegment);

  const doc = root.ownerDocument;
  const quotes: Quote[] = [];
  segments.forEach((seg, i) => {
    const found = perSegment[i];
    // Last to first: splitting text nodes keeps earlier offsets valid (see wrapRange).
    for (let k = found.length - 1; k >= 0; k--) {
      const f = found[k];
      const pieces = wrapRange(seg, f.start, f.end, doc, root);
      pieces.forEach((q, n) => {
        if (f.speaker) q.setAttribute('data-speaker', f.speaker);
        // A term of a word or three with nobody saying it ("kitchen sink", 'Nelly Moser') is a
        // quote, but not speech: the view leaves it unhighlighted. Speech ends on its punctuation
        // ("Hello world," he said).
        else if (f.words <= 3 && !/[,.!?…:;]$/.test(f.text)) q.setAttribute('data-term', '');
        if (n > 0) q.setAttribute('data-quote-cont', '');
      });
    }
    for (const f of found) quotes.push({ text: f.text, speaker: f.speaker });
  });
  return quotes;
}

const SPACE = /\s/;

/** Words common in English text and rare in the other languages a page may be written in. */
const EN_WORDS = new Set(
  'the and of that was for with said his her from this have which were are has not you they but all at it is be by'.split(
    ' ',
  ),
);

/**
 * A page that declares no language: English when, of its first 400 words, at least one in 25 is one
 * of EN_WORDS. On the development and Mozilla stories, English text ran from 1 in 15 (a listing) to
 * 1 in 3 and was mostly above 1 in 6; text in other languages below 1 in 90, but for a Spanish front
 * page full of English labels (1 in 18; that one declares its language). Short texts count as English.
 */
function looksEnglish(segments: Segment[]): boolean {
  let words = 0;
  let hits = 0;
  for (const seg of segments) {
    for (const w of seg.text.toLowerCase().split(/[^\p{L}]+/u)) {
      if (!w) continue;
      words++;
      if (EN_WORDS.has(w)) hits++;
    }
    if (words >= 400) break;
  }
  return words < 40 || hits * 25 >= words;
}

/** Quotes of one paragraph, open-ended ones included (linkParagraphs confirms or drops those). */
function findInSegment(seg: Segment): Found[] {
  const found: Found[] = [];
  for (const span of pairMarks(tokenizeMarks(seg.scanText))) {
    let start = span.open.pos + 1;
    let end = span.close ? span.close.pos : seg.text.length;
    while (start < end && SPACE.test(seg.text[start])) start++;
    while (end > start && SPACE.test(seg.text[end - 1])) end--;
    if (start === end) continue; // "" — nothing to wrap
    const text = seg.text.slice(start, end).replace(/\s+/g, ' ');
    found.push({
      seg,
      span,
      start,
      end,
      text,
      words: text.split(' ').length,
      prev: null,
      speaker: null,
      how: null,
    });
  }
  return found;
}

const isCaption = (seg: Segment) => !!seg.nodes[0]?.parentElement?.closest('figcaption, figure');

function startsWithQuote(seg: Segment, found: Found[]): boolean {
  return found.length > 0 && found[0].span.open.pos === seg.text.search(/\S/);
}

/**
 * Multi-paragraph quotes: a paragraph's quote left open at its end continues only if the next
 * paragraph starts with an opening mark of the same family (the convention: an opening mark on every
 * paragraph, a closing mark only on the last). Otherwise the open mark was stray and is ignored —
 * which is what keeps an unbalanced mark from turning the rest of the article into one quote.
 */
function linkParagraphs(segments: Segment[], perSegment: Found[][]): void {
  for (let i = 0; i < segments.length; i++) {
    const found = perSegment[i];
    if (!found.some((f) => !f.span.close)) continue;
    // A photo placed between two paragraphs of a quote does not end it: its caption is skipped.
    let j = i + 1;
    while (j < segments.length && isCaption(segments[j])) j++;
    const next = perSegment[j];
    const family = next && startsWithQuote(segments[j], next) ? next[0].span.open.family : null;
    // A paragraph that continues a quote and never closes it keeps its quote (the chain is evidence
    // enough); otherwise only a candidate confirmed by the next paragraph survives.
    const continued = !found[0].span.close && found[0].prev !== null;
    const k = continued ? 0 : found.findIndex((f) => !f.span.close && f.span.open.family === family);
    if (k >= 0) {
      if (found[k].span.open.family === family) next[0].prev = found[k];
      // It runs to the end of the paragraph, so anything found after it is its content.
      found.splice(k + 1);
    }
    perSegment[i] = found.filter((f, j) => f.span.close || j === k);
  }
}

/** A multi-paragraph quote has one speaker: the first one found on any of its paragraphs. */
function resolveChains(perSegment: Found[][]): void {
  const chains = new Map<Found, Found[]>();
  const headOf = new Map<Found, Found>();
  for (const found of perSegment) {
    for (const f of found) {
      const head = f.prev ? (headOf.get(f.prev) ?? f.prev) : f;
      headOf.set(f, head);
      const chain = chains.get(head);
      if (chain) chain.push(f);
      else chains.set(head, [f]);
    }
  }
  for (const chain of chains.values()) {
    if (chain.length < 2) continue;
    const speaker = chain.find((c) => c.speaker)?.speaker ?? null;
    for (const c of chain) {
      if (c.speaker !== speaker) {
        c.speaker = speaker;
        c.how = 'chain';
      }
    }
  }
}

/**
 * Verbs that report what someone said ("Helmstetter says there's been a rise …"), for a quote that
 * follows the sentence; not the other speech verbs' uses ("Whirlpool offers storage bins", "the
 * price reflects demand").
 */
const REPORTING =
  /\b(?:says|said|tells|told|explains|explained|adds|added|notes|noted|argues|argued|warns|warned|according to|insists|insisted|believes|believed|emphasi[sz]es|emphasi[sz]ed|stresses|stressed|recalls|recalled|suggests|suggested|recommends|recommended|points out|pointed out)\b/i;

/** A noun phrase ending in a lowercase plural: "Opposition lawmakers", "Local officials". */
const PLURAL_GROUP = /\s\p{Ll}[\p{L}'’-]*[^s']s$/u;

/** English attribution, in document order, with the state that crosses paragraphs. */
function attribute(segments: Segment[], perSegment: Found[][]): void {
  // Pronouns resolve to the last named speaker; he/she only to a proper name ("Kirby"), never to a
  // noun phrase such as "the army" or "a note", which they/it may refer to.
  let lastSpeaker: string | null = null;
  let lastPerson: string | null = null;
  let carry: string | null = null; // speaker announced by "X said:" at the end of a paragraph
  let follow: string | null = null; // speaker of the quote that ended the previous paragraph

  /** People quoted so far, by full name: a sentence that opens on one is about them. */
  const people = new Set<string>();
  const resolve = (subject: string): string | null => {
    const s = normalizeSpeaker(subject);
    if (!s) return null;
    if (s.kind === 'pronoun') return s.personal ? lastPerson : lastSpeaker;
    lastSpeaker = s.name;
    // Nor a group whose first word a sentence capitalized ("Opposition lawmakers had said …"): he or
    // she is one person ("One tester … He also noted" stays).
    if (/^\p{Lu}/u.test(s.name) && !/^(?:the|a|an)\s/i.test(s.name) && !PLURAL_GROUP.test(s.name)) {
      lastPerson = s.name;
      if (isPersonName(s.name)) people.add(s.name);
    }
    return s.name;
  };

  // Past the last paragraph with a quote, the speakers named in the text have nothing left to
  // attribute: an article without quotes (most blog posts) skips the sentence scan entirely.
  let lastQuoted = perSegment.length - 1;
  while (lastQuoted >= 0 && perSegment[lastQuoted].length === 0) lastQuoted--;
  // The quotes of a paragraph that is nothing but quotes, until the next paragraph signs them.
  let unsigned: Found[] | null = null;

  segments.forEach((seg, i) => {
    if (i > lastQuoted + 1) return; // one more: it may sign the last quote
    const found = perSegment[i];
    // A signature on a line of its own under a quote: "“…”" / "—Kerry, Move.org Moving Grant recipient".
    const signed =
      unsigned && !found.length && /^\s*[\u2014\u2013]/.test(seg.text) && attributeAfter(seg.text, '');
    if (signed) {
      const who = resolve(signed.subject);
      for (const f of unsigned ?? []) {
        if (!f.speaker) {
          f.speaker = who;
          f.how = 'after';
        }
      }
    }
    unsigned = null;
    // A heading starts another section, often about another person (a list of photographers, of
    // planners): "he said" after it must not reach back to the previous section's speaker.
    if (seg.nodes[0].parentElement?.closest('h1, h2, h3, h4, h5, h6'))
      lastSpeaker = lastPerson = carry = follow = null;
    const { skel, at } = skeleton(seg, found);
    const starts = sentenceStarts(skel);
    const sentenceOf = (p: number) => {
      let s = 0;
      while (s + 1 < starts.length && starts[s + 1] <= p) s++;
      return s;
    };

    // Walk sentences in order so pronouns see the speakers named before them.
    let q = 0;
    // The sentence before, if it reported someone's words without quoting them ("Helmstetter says
    // there's been a rise in nostalgic desserts."): a quote opening the next sentence is theirs.
    let reported: string | null = null;
    for (let s = 0; s < starts.length; s++) {
      const sEnd = starts[s + 1] ?? skel.length;
      if (q >= found.length || at[q] >= sEnd) {
        const sentence = skel.slice(starts[s], sEnd);
        const named = sentenceSpeaker(sentence);
        reported = null;
        const who = named ? resolve(named) : null;
        if (who) {
          if (REPORTING.test(sentence)) reported = who;
        } else {
          // "Senator James Lankford, an Oklahoma Republican, played down that threat.": the person a
          // sentence opens on, in apposition, is who "he said" means next.
          const introduced = introducedPerson(sentence);
          // Introduced in full, they may be named by given name or surname from here on.
          if (introduced) people.add(introduced);
          const subject = introduced ?? openingSpeaker(sentence, people);
          if (subject) lastPerson = subject;
        }
        continue;
      }
      // "Bernard’s go-to option is “…,” he explains.": a sentence with a quote that opens on a person
      // named before makes them the "he" of its attribution too.
      const lead = q < found.length ? skel.slice(starts[s], at[q]) : '';
      if (lead) {
        const opener = openingSpeaker(lead, people);
        if (opener) lastPerson = opener;
      }
      let signed = false;
      for (; q < found.length && at[q] < sEnd; q++) {
        const p = at[q];
        const f = found[q];
        const before = skel.slice(Math.max(starts[s], skel.lastIndexOf(PH, p - 1) + 1), p);
        const nextPH = skel.indexOf(PH, p + 1);
        const after = skel.slice(p + 1, nextPH >= 0 ? Math.min(nextPH, sEnd) : sEnd);
        const own =
          attributeAfter(after, f.text) ??
          attributeBefore(before) ??
          attributeAccording(`${before} ${after}`, /^\s*,?\s*according to\b/i.test(after)) ??
          // A second quote of the sentence whose verb came before the first: `Mr Obama said it was
          // "distressing" not to have made progress "even in the face of repeated mass killings"`.
          (before.length < p - starts[s] ? attributeBefore(skel.slice(starts[s], p)) : null) ??
          attributeSentenceEnd(skel.slice(starts[s], sEnd));
        // Scare quotes: one or two words are a quote of a term, not speech, unless the attribution
        // is attached to them (`"No," he said`).
        if (own && (own.attached || f.words > 2)) {
          f.speaker = resolve(own.subject);
          f.how = f.speaker ? own.how : null;
          signed = true;
        } else if (own) {
          signed = true;
          // A scare quote has no speaker, but its sentence still names one for the pronouns that
          // follow: 'Clean eating will stay in fashion, according to Gans. "It is misleading," she says.'
          resolve(own.subject);
        } else if (reported && f.words > 2 && skel.slice(starts[s], p).trim() === '') {
          f.speaker = reported;
          f.how = 'next';
        }
      }
      // Words the sentence reports from someone else are not its speaker's, but its speaker is the
      // "he" of the next sentence: 'House Minority Leader John Boehner said in a statement that … the
      // Trustees have "repeatedly warned …" He added that …' (CNN).
      if (!signed && lead) {
        const named = sentenceSpeaker(lead);
        if (named) resolve(named);
      }
      reported = null;
    }

    inheritSplitQuotes(found, at, skel, starts, sentenceOf);

    const opensWithQuote = startsWithQuote(seg, found);
    if (carry && opensWithQuote) {
      for (const f of found) {
        if (!f.speaker) {
          f.speaker = carry;
          f.how = 'colon';
        }
      }
    }
    const intro = colonIntroduction(skel.slice(starts[starts.length - 1]));
    if (intro) carry = resolve(intro);
    else if (!opensWithQuote) carry = null;

    // News style attributes a run of quote paragraphs once: a paragraph that is nothing but a quote,
    // right after one whose last sentence quoted a named speaker, is that speaker's (a photo between
    // them does not break the run, a sentence of narration does).
    if (isCaption(seg)) return;
    const quoteOnly = found.length > 0 && /^[\s\p{P}]*$/u.test(skel.replaceAll(PH, ''));
    if (quoteOnly) unsigned = found;
    if (follow && quoteOnly) {
      for (const f of found) {
        if (!f.speaker) {
          f.speaker = follow;
          f.how = 'next';
        }
      }
    }
    const last = found.length - 1;
    follow = last >= 0 && sentenceOf(at[last]) === starts.length - 1 ? found[last].speaker : reported;
  });
}

/**
 * A speaker named before, opening a sentence that is not speech ("Forrest Jones made a discovery when
 * he was helping the housekeepers. “…,” he said."): "he" is now that person, not the last one quoted.
 * Only a full name already quoted: "Wall Street reacted" is no one.
 */
function openingSpeaker(sentence: string, people: Set<string>): string | null {
  // "Fundamentally, Tipton credits …": an opening adverb, then the surname of one person quoted.
  const t = sentence
    .trimStart()
    .replace(/^\p{L}+ly,\s+/u, '')
    // "For his part, Bernard believes …", "For Bernard, it’s not so much …": about that person.
    .replace(/^for (?:his|her|their) part,\s+/i, '')
    .replace(/^For (\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?),\s+/u, '$1 ')
    // "Bernard’s go-to option is …": the possessive opens on the person too.
    .replace(/^(\p{Lu}[\p{L}-]+)['\u2019]s\s/u, '$1 ');
  let found: string | null = null;
  for (const name of people) {
    const surname = name.slice(name.lastIndexOf(' ') + 1);
    // Features name people by given name once introduced ("Bernard P Achampong" … "Bernard").
    const space = name.indexOf(' ');
    const given = space > 2 && !opensSentence(name.slice(0, space)) ? name.slice(0, space) : '';
    for (const n of [name, surname, given]) {
      if (!n || !t.startsWith(`${n} `) || !/^\p{Ll}/u.test(t.slice(n.length + 1))) continue;
      // A surname two people share names neither of them.
      if (found && found !== name) return null;
      found = name;
    }
  }
  return found;
}

/**
 * The person a sentence opens on, introduced by an appositive: "Senator James Lankford, an Oklahoma
 * Republican who …", "Charles Schultze, chairman of the Council …". A name of two or more words (a
 * title before it dropped) followed by a comma and a description; "Wall Street reacted" is no one.
 */
function introducedPerson(sentence: string): string | null {
  const m = /^\s*([^,;:\d\uE000]{3,60}),\s+(\p{L}+)\s/u.exec(sentence);
  let run = m?.[1].trim() ?? '';
  // "Enter Stuart R. Kaplan, a graduate of …": a stage verb, not a first name.
  if (opensSentence(run.split(' ')[0])) run = run.slice(run.indexOf(' ') + 1);
  // Not an opening phrase: "For Friedman, …", "At Zettler Digital, …".
  if (!m || isFunctionWord(run.split(/\s/)[0])) return null;
  const s = normalizeSpeaker(run);
  if (s?.kind !== 'name' || !isPersonName(s.name) || !run.endsWith(s.name)) return null;
  // A person shows by a title before the name or a description after it: "a …", "chairman of …"
  // ("Wall Street, the financial district," names no one).
  const prefix = run.slice(0, -s.name.length).trim();
  const role = m[2][0].toUpperCase() + m[2].slice(1);
  const titled = prefix !== '' && prefix.split(/\s+/).every(isTitle);
  return titled || /^an?$/.test(m[2]) || isTitle(role) ? s.name : null;
}

/** "Helmstetter" → "Beth Helmstetter" when the article names exactly one Helmstetter in full. */
function useFullNames(segments: Segment[], perSegment: Found[][]): void {
  const surnames = new Set<string>();
  for (const fs of perSegment)
    for (const f of fs) if (f.speaker && isSurname(f.speaker)) surnames.add(f.speaker);
  if (!surnames.size) return;
  const names = fullNames(
    segments.map((s) => s.text),
    surnames,
  );
  for (const fs of perSegment) for (const f of fs) f.speaker = names.get(f.speaker ?? '') ?? f.speaker;
}

/**
 * The split quote: `"A," Kirby said. "B."` — B has no attribution of its own but is the same
 * speaker's next sentence. B inherits when nothing but that attribution sentence (or nothing at all)
 * separates it from the attributed quote before it.
 */
function inheritSplitQuotes(
  found: Found[],
  at: number[],
  skel: string,
  starts: number[],
  sentenceOf: (p: number) => number,
): void {
  for (let k = 1; k < found.length; k++) {
    const prev = found[k - 1];
    const f = found[k];
    if (f.speaker || !prev.speaker) continue;
    const gap = skel.slice(at[k - 1] + 1, at[k]);
    const s = sentenceOf(at[k]);
    const sentenceStart = starts[s];
    const ownSentenceEmpty = skel.slice(sentenceStart, at[k]).trim() === '';
    const oneSentenceBetween = sentenceStart > at[k - 1] && sentenceOf(at[k - 1]) === s - 1;
    // “I am here,” said Maria Lopez, “and I will stay.”: the attribution between the halves is the
    // first half's, and a comma hands it on in the same sentence.
    const splitByIt = prev.how === 'after' && sentenceOf(at[k - 1]) === s && /,\s*$/.test(gap);
    if (gap.trim() === '' || splitByIt || (prev.how === 'after' && ownSentenceEmpty && oneSentenceBetween)) {
      f.speaker = prev.speaker;
      f.how = 'inherit';
    }
  }
}

/**
 * The paragraph with each quote replaced by PH; `at[k]` is quote k's placeholder offset. A quote that
 * ends with a period and is followed by a capital letter ends its sentence (`"We won." He left.`),
 * so a period is kept after its placeholder for the sentence splitter.
 */
function skeleton(seg: Segment, found: Found[]): { skel: string; at: number[] } {
  let skel = '';
  let pos = 0;
  const at: number[] = [];
  for (const f of found) {
    const open = f.span.open.pos;
    const close = f.span.close ? f.span.close.pos + 1 : seg.text.length;
    skel += seg.text.slice(pos, open);
    at.push(skel.length);
    skel += PH;
    if (/[.]$/.test(f.text) && /^\s+\p{Lu}/u.test(seg.text.slice(close, close + 3))) skel += '.';
    pos = close;
  }
  skel += seg.text.slice(pos);
  return { skel, at };
}
