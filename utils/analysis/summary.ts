/**
 * Extractive summary: the sentences closest to the article's centroid (its most frequent content
 * words, headline words counted double), with a lead prior because news puts the essentials first.
 * Linear in the text length: no sentence-by-sentence similarity matrix.
 */
import { contentWords } from './words';
import type { Sentence } from './text';

/** Options for {@link summarise}. */
export interface SummaryOptions {
  lang: string;
  /** Headline, whose words count double in the centroid. */
  title?: string;
  /** Number of sentences wanted (default 3). */
  count?: number;
}

const CAPTION = /^(?:by|von|par|por|photo|foto|image|picture|credit|source|quelle|read more|lire aussi|lesen sie auch|lea también|advertisement|anzeige|publicité)\b/iu;
const ENDS_LIKE_PROSE = /[.!?…]["'”»’)]*$/u;

function isSummaryCandidate(s: Sentence, minWords: number, maxWords: number): boolean {
  const words = s.tokens.length;
  if (words < minWords || words > maxWords) return false;
  if (CAPTION.test(s.text) && words < 15) return false;
  // Captions, datelines and bylines are usually not full sentences.
  if (!ENDS_LIKE_PROSE.test(s.text)) return false;
  return !/[©|]/u.test(s.text);
}

/**
 * Share of the smaller sentence's content words found in the other (overlap coefficient): a
 * standfirst restated in the lede is mostly contained in it, which Jaccard underrates.
 */
function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/** Picks the `count` sentences that best summarise the text, returned in article order. */
export function summarise(sentences: Sentence[], options: SummaryOptions): string[] {
  const count = options.count ?? 3;
  const bags = sentences.map((s) => contentWords(s.tokens, options.lang));
  const weight = new Map<string, number>();
  for (const bag of bags) for (const w of bag) weight.set(w, (weight.get(w) ?? 0) + 1);
  if (options.title) {
    for (const w of contentWords(options.title, options.lang)) weight.set(w, (weight.get(w) ?? 0) + 2);
  }
  let pool = sentences.map((_, i) => i).filter((i) => isSummaryCandidate(sentences[i]!, 8, 55));
  if (pool.length < count) pool = sentences.map((_, i) => i).filter((i) => isSummaryCandidate(sentences[i]!, 4, 80));
  if (pool.length < count) pool = sentences.map((_, i) => i);
  const scored = pool.map((i) => {
    const bag = new Set(bags[i]);
    let sum = 0;
    for (const w of bag) sum += Math.log1p(weight.get(w) ?? 0);
    const centrality = bag.size === 0 ? 0 : sum / Math.sqrt(bag.size);
    const lead = 1 + 1 / (1 + i / 2);
    const isQuote = /^["“«„‘']/u.test(sentences[i]!.text);
    return { i, bag, score: centrality * lead * (isQuote ? 0.8 : 1) };
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen: typeof scored = [];
  for (const s of scored) {
    if (chosen.length >= count) break;
    if (chosen.some((c) => overlap(c.bag, s.bag) >= 0.5)) continue;
    chosen.push(s);
  }
  return chosen.sort((a, b) => a.i - b.i).map((s) => sentences[s.i]!.text);
}
