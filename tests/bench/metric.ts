/**
 * The article-extraction metric of the Zyte article-extraction benchmark, as specified in issue #3:
 * multiset overlap of 4-token shingles between predicted and true article bodies.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Maximal runs of Unicode letters, digits and underscore, case-sensitive. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** 4-grams of consecutive tokens as a multiset; 1–3 tokens give one shingle of all of them; none give none. */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  if (tokens.length < n) {
    add(tokens.join('\u0000'));
    return counts;
  }
  for (let i = 0; i + n <= tokens.length; i++) add(tokens.slice(i, i + n).join('\u0000'));
  return counts;
}

/** One page's counts, normalised so that tp + fp + fn = 1 (all zero when both texts are empty). */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** tp = Σ min(true, pred), fp = Σ max(0, pred − true), fn = Σ max(0, true − pred), normalised to sum to 1. */
export function pageCounts(truth: string, prediction: string): PageCounts {
  const t = shingles(truth);
  const p = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, pc] of p) {
    const tc = t.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [key, tc] of t) fn += Math.max(0, tc - (p.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum === 0 ? { tp: 0, fp: 0, fn: 0 } : { tp: tp / sum, fp: fp / sum, fn: fn / sum };
}

/** Precision, recall and F1 over pages. */
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * precision = mean over pages with tp + fp > 0 of tp / (tp + fp) (empty predictions do not count);
 * recall = mean over pages with tp + fn > 0 of tp / (tp + fn); F1 = 2PR / (P + R) of those means.
 */
export function score(pages: PageCounts[]): Scores {
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map((c) => c.tp / (c.tp + c.fp)));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map((c) => c.tp / (c.tp + c.fn)));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
