/**
 * Text-extraction scores.
 * - Word F1 (the WCXB metric): tokens are /[\p{L}\p{N}_]+/gu over the lower-cased text; precision =
 *   overlap / |predicted tokens|, recall = overlap / |truth tokens|, overlap counted on multisets; the
 *   page's F1 is their harmonic mean, and a corpus figure is the mean of per-page values.
 * - Token 4-gram F1 (the Zyte article-extraction-benchmark metric, "shingles"): the same tokens grouped
 *   in overlapping runs of 4, overlap on multisets. Zyte reports the harmonic mean of the corpus-mean
 *   precision and the corpus-mean recall; `zyteF1` computes that.
 */

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

function counts(items: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Size of the multiset intersection. */
export function overlap(a: string[], b: string[]): number {
  const cb = counts(b);
  let n = 0;
  for (const t of a) {
    const c = cb.get(t);
    if (c) {
      n++;
      cb.set(t, c - 1);
    }
  }
  return n;
}

/**
 * Precision/recall/F1 of `pred` against `truth`, both token lists. Both empty is a perfect match; an
 * empty prediction for a non-empty truth (or the reverse) scores 0.
 */
export function prf(pred: string[], truth: string[]): PRF {
  if (!pred.length && !truth.length) return { p: 1, r: 1, f1: 1 };
  if (!pred.length || !truth.length) return { p: 0, r: 0, f1: 0 };
  const o = overlap(pred, truth);
  const p = o / pred.length;
  const r = o / truth.length;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/**
 * Overlapping n-grams of a token list, joined into strings. As in the Zyte benchmark, a text shorter
 * than n yields one shorter n-gram (so a 2-word text still has something to match).
 */
export function ngrams(toks: string[], n = 4): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(1, toks.length - n + 1); i++) {
    const g = toks.slice(i, i + n);
    if (g.length) out.push(g.join('\u0001'));
  }
  return out;
}

export function wordPRF(pred: string, truth: string): PRF {
  return prf(tokens(pred), tokens(truth));
}

export function ngramPRF(pred: string, truth: string, n = 4): PRF {
  return prf(ngrams(tokens(pred), n), ngrams(tokens(truth), n));
}

export function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN;
}

/** Corpus summary: means of per-page P, R, F1 over the pages. */
export function summarize(scores: PRF[]): PRF {
  return {
    p: mean(scores.map((s) => s.p)),
    r: mean(scores.map((s) => s.r)),
    f1: mean(scores.map((s) => s.f1)),
  };
}

/**
 * Zyte's corpus F1: harmonic mean of mean precision (over pages with a prediction) and mean recall.
 */
export function zyteF1(scores: Array<PRF & { predEmpty?: boolean }>): number {
  const withPred = scores.filter((s) => !s.predEmpty);
  const p = mean(withPred.map((s) => s.p));
  const r = mean(scores.map((s) => s.r));
  return p + r ? (2 * p * r) / (p + r) : 0;
}

/** Detection counts: positives are articles. */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function detectionScores(c: Confusion): {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
} {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const total = c.tp + c.fp + c.fn + c.tn;
  return { precision, recall, f1, accuracy: total ? (c.tp + c.tn) / total : 0 };
}

/**
 * Removes caption paragraphs from a text: `captions` are the captions the pipeline reported (once
 * each). Whole paragraphs equal to a caption go first; a caption found inside a paragraph is cut out.
 */
export function withoutCaptions(text: string, captions: string[]): string {
  if (!captions.length) return text;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const wanted = new Map<string, number>();
  for (const c of captions) {
    const k = norm(c);
    if (k) wanted.set(k, (wanted.get(k) ?? 0) + 1);
  }
  const kept: string[] = [];
  for (const para of text.split(/\n{2,}/)) {
    const k = norm(para);
    const n = wanted.get(k);
    if (n) {
      wanted.set(k, n - 1);
      continue;
    }
    kept.push(para);
  }
  let out = kept.join('\n\n');
  for (const [caption, n] of wanted) {
    for (let i = 0; i < n; i++) {
      const at = out.indexOf(caption);
      if (at < 0) break;
      out = out.slice(0, at) + out.slice(at + caption.length);
    }
  }
  return out;
}
