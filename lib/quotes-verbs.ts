/**
 * The English speech-verb lexicon: which words introduce speech or writing ("said", "warned", "is
 * saying", "pointed out"), and which of their forms are ambiguous (base forms, -s forms that are also
 * plural nouns). Used by quotes-attribution.ts.
 */

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
  'inquire enquire recommend remind rule scoff sneer stammer assure threaten apologize apologise share ' +
  'elaborate reflect laugh chuckle enthuse'
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
    'chant pledge tease hint rule vow murmur mutter reason sneer scoff retort plead respond share laugh'
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
/** Two-word speech verbs: "pointed out", "points out", "as she put it", "went on", "goes on", "chimed in". */
const PHRASAL = new Map([
  ['pointed', 'out'],
  ['points', 'out'],
  ['puts', 'it'],
  ['put', 'it'],
  ['went', 'on'],
  ['goes', 'on'],
  ['chimed', 'in'],
  ['weighs', 'in'],
  ['weighed', 'in'],
]);

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
    } else if (prev && gapIsSpace && PHRASAL.get(prev.word) === word) {
      out.push({ index: prev.index, text: text.slice(prev.index, index + word.length), nounish: false });
    } else if (finite.has(word)) {
      out.push({ index, text: word, nounish: nounish.has(word) });
    }
    prev = { index, word };
  }
  return out;
}

/** Base forms ("say", "warn"): "officials say", but also "to put his finger, say, on…". */
export const BASE_FORMS = new Set(['say', 'tell', 'write', ...BASE_OK]);
