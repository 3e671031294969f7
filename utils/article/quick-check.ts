/**
 * The content script's first look at every page: can this page be an article at all? It answers
 * "no" only when the classifier (detect.ts `classifyPage`) would say "not an article" whatever the
 * content walk found, so it never loses an article; pages it cannot rule out get the full reader.
 *
 * It costs a fraction of the classifier: the page type (JSON-LD, meta tags) and the URL are read
 * exactly, and so is a search box holding a query; but the content walk is replaced by an upper bound: all paragraph text counted as prose
 * (no furniture, no link text taken off), every other positive content signal assumed present.
 */
import { readPageType } from './page-type';
import {
  CONTENT_WEIGHTS,
  effectiveLength,
  holdsSearchQuery,
  isSearchInput,
  metadataSignals,
  MIN_PROSE,
  proseSignal,
  SEARCH_QUERY_SIGNAL,
  THRESHOLD,
  urlSignals,
} from './page-signals';

/** What the quick check saw: the best score the classifier could give, and the prose it counted. */
export interface QuickCheck {
  /** False only when the page cannot be an article (see the module comment). */
  possible: boolean;
  /** Upper bound of the classifier's score. */
  bestScore: number;
  /** Upper bound of the classifier's prose (effective characters). */
  proseBound: number;
}

/** Paragraph text as the classifier counts it (`p`, `pre`, `div`s holding `<br>`), nothing taken off. */
function proseUpperBound(doc: Document): number {
  let total = 0;
  for (const p of Array.from(doc.querySelectorAll('p, pre'))) total += effectiveLength(p.textContent ?? '');
  const seen = new Set<Element>();
  for (const br of Array.from(doc.querySelectorAll('div > br'))) {
    const div = br.parentElement;
    if (!div || seen.has(div)) continue;
    seen.add(div);
    total += effectiveLength(div.textContent ?? '');
  }
  return total;
}

/** Whether `doc` (loaded from `url`) may be an article; see the module comment. */
export function quickCheck(doc: Document, url: string): QuickCheck {
  if (!doc.body) return { possible: false, bestScore: -Infinity, proseBound: 0 };
  const proseBound = proseUpperBound(doc);
  if (proseBound < MIN_PROSE) return { possible: false, bestScore: -Infinity, proseBound };
  const signals = [...metadataSignals(readPageType(doc)), ...urlSignals(url)];
  const searchInputs = Array.from(doc.querySelectorAll('input[value]')).filter(isSearchInput);
  if (holdsSearchQuery(searchInputs)) signals.push(SEARCH_QUERY_SIGNAL);
  const bestScore =
    signals.reduce((sum, s) => sum + s.weight, 0) +
    (proseSignal(proseBound)?.weight ?? 0) +
    CONTENT_WEIGHTS.paragraphsTogether +
    CONTENT_WEIGHTS.lowLinkDensity;
  return { possible: bestScore >= THRESHOLD, bestScore, proseBound };
}
