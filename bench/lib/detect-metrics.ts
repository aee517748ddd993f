/**
 * Scoring an article detector against labelled pages: precision/recall/F1 on the scored pages,
 * how many pages of each type are called articles, per-domain-fold figures, and a threshold chosen
 * on one fold and applied to the other (honest cross-validation of the one tuned number).
 */
import { detectionLabel, domainFold, type PageType } from './corpus';

export interface DetectOutcome {
  id: string;
  pageType: PageType;
  domain: string;
  isArticle: boolean;
  reason: string;
  score?: number;
  /** Detector time in jsdom (ms), for information only: the budget is Chromium's. */
  ms: number;
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(rows: { label: boolean; predicted: boolean }[]): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const r of rows) {
    if (r.predicted) r.label ? tp++ : fp++;
    else r.label ? fn++ : tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/** Outcomes that count for detection (articles vs listing/collection/product/service), labelled. */
export function scored(
  outcomes: DetectOutcome[],
  predict: (o: DetectOutcome) => boolean = (o) => o.isArticle,
) {
  const rows: { o: DetectOutcome; label: boolean; predicted: boolean }[] = [];
  for (const o of outcomes) {
    const label = detectionLabel(o.pageType);
    if (label !== null) rows.push({ o, label, predicted: predict(o) });
  }
  return rows;
}

/** Pages per type and how many of them were called articles. */
export function byType(outcomes: DetectOutcome[]): { type: PageType; n: number; articles: number }[] {
  const m = new Map<PageType, { n: number; articles: number }>();
  for (const o of outcomes) {
    const v = m.get(o.pageType) ?? { n: 0, articles: 0 };
    v.n++;
    if (o.isArticle) v.articles++;
    m.set(o.pageType, v);
  }
  return [...m].sort((a, b) => b[1].n - a[1].n).map(([type, v]) => ({ type, ...v }));
}

/** The detector's own decision, scored separately on each half of the domains. */
export function perFold(outcomes: DetectOutcome[], folds = 2): Prf[] {
  return Array.from({ length: folds }, (_, k) =>
    prf(scored(outcomes.filter((o) => domainFold(o.domain, folds) === k))),
  );
}

/**
 * Two-fold cross-validation of the decision threshold on `score`: for each fold, pick the threshold
 * that maximises min(precision, recall) on the other fold, apply it here, and pool the held-out
 * decisions. Shows whether the shipped threshold is tuned to these very pages.
 */
export function thresholdCv(outcomes: DetectOutcome[]): { thresholds: number[]; heldOut: Prf } | null {
  const withScore = outcomes.filter((o) => typeof o.score === 'number');
  if (withScore.length < outcomes.length || !withScore.length) return null;
  const thresholds: number[] = [];
  const pooled: { label: boolean; predicted: boolean }[] = [];
  for (let k = 0; k < 2; k++) {
    const train = withScore.filter((o) => domainFold(o.domain) !== k);
    const test = withScore.filter((o) => domainFold(o.domain) === k);
    const candidates = [...new Set(train.map((o) => o.score as number))].sort((a, b) => a - b);
    let bestT = 0;
    let best = -1;
    for (const t of candidates) {
      const r = prf(scored(train, (o) => (o.score as number) >= t));
      const v = Math.min(r.precision, r.recall);
      if (v > best) {
        best = v;
        bestT = t;
      }
    }
    thresholds.push(bestT);
    pooled.push(...scored(test, (o) => (o.score as number) >= bestT));
  }
  return { thresholds, heldOut: prf(pooled) };
}

export function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

export function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
}

export const pct = (x: number) => (x * 100).toFixed(1);
export const fixed = (x: number, d = 3) => x.toFixed(d);
