/**
 * The compact search index of the reading history: a capped, de-duplicated set of folded words
 * per article (title, outlet, entity names, then the article's most frequent words), stored
 * instead of the article's text. Queries match these terms by prefix (`utils/db.ts`, `searchHistory`).
 */
import { STOP_WORDS } from './analysis/lexicon';
import { foldText } from './related/text';

/** Most words kept per article: enough for the words a reader remembers, small enough for 10,000 articles. */
export const MAX_TERMS = 200;
/** Longest indexed word; longer ones are cut (a query prefix still matches them). */
export const MAX_TERM_LENGTH = 32;
/** Filter keys start with this control character, which no folded word can start with. */
const FILTER_MARK = '\u0001';

const STOP = new Set(Object.values(STOP_WORDS).flatMap((set) => [...set].map(foldText)));
const WORD = /[\p{L}\p{N}]+/gu;

/** Folded words of `text` (letters and digits, apostrophes removed), in order, stop words and 1-letter words kept. */
function foldedWords(text: string): string[] {
  return (foldText(text).match(WORD) ?? []).map((w) => w.slice(0, MAX_TERM_LENGTH));
}

const isIndexable = (word: string): boolean => word.length >= 2 && !STOP.has(word);

/** Indexable folded words of `text`: diacritics folded, lowercase, stop words and single letters dropped. */
export function termsOf(text: string): string[] {
  return foldedWords(text).filter(isIndexable);
}

/** A history record's `site`: its canonical URL's host name without `www.` (indexed; what {@link siteKey} keys). */
export const siteOf = (url: string): string => new URL(url).hostname.replace(/^www\./, '');

/** The index key of a site filter ("example.com"). */
export const siteKey = (site: string): string => `${FILTER_MARK}s:${site.toLowerCase()}`;
/** The index key of an entity filter: its folded name, spaces collapsed (as in the analyses' `by-entity` index). */
export const entityKey = (name: string): string => `${FILTER_MARK}e:${foldText(name).replace(/\s+/g, ' ').trim()}`;
/** Whether an index term is a filter key, not a word. */
export const isFilterKey = (term: string): boolean => term.startsWith(FILTER_MARK);

const STORED_WORD = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}]+$/u;
/** Whether a term (e.g. from an imported file) is a folded word or a filter key as this module writes them. */
export function isStoredTerm(term: string): boolean {
  if (isFilterKey(term)) return (term.startsWith(`${FILTER_MARK}s:`) || term.startsWith(`${FILTER_MARK}e:`)) && term.length > 3 && term.length <= 300;
  return term.length <= MAX_TERM_LENGTH && STORED_WORD.test(term) && term === foldText(term);
}

/** What an article's search terms are made of. */
export interface TermSources {
  title: string;
  /** Outlet name and host, e.g. ["Example News", "example.com"]. */
  outlet: readonly (string | null)[];
  /** Names of its entities, most salient first. */
  entities?: readonly string[];
  /** Other short texts always indexed (e.g. the excerpt). */
  extra?: readonly string[];
  /** The article's text: its most frequent words fill the rest of the budget. */
  text?: string;
  /** Terms already stored (from an earlier visit or an import), kept after the new priority words. */
  previous?: readonly string[];
  site: string;
}

/**
 * The search terms of one article: title, outlet and entity words first, then previous terms, then
 * the text's words by frequency (first seen first on ties), at most {@link MAX_TERMS} words,
 * plus filter keys for its site and entities (not counted).
 */
export function buildSearchTerms(sources: TermSources): string[] {
  const words = new Set<string>();
  const add = (list: Iterable<string>) => {
    for (const w of list) {
      if (words.size >= MAX_TERMS) return;
      if (!isFilterKey(w) && isIndexable(w)) words.add(w);
    }
  };
  add(termsOf(sources.title));
  for (const outlet of sources.outlet) if (outlet) add(termsOf(outlet.replace(/\./g, ' ')));
  for (const name of sources.entities ?? []) add(termsOf(name));
  for (const extra of sources.extra ?? []) add(termsOf(extra));
  const previous = (sources.previous ?? []).filter(isStoredTerm);
  add(previous);
  if (sources.text && words.size < MAX_TERMS) {
    const counts = new Map<string, number>();
    for (const w of termsOf(sources.text)) counts.set(w, (counts.get(w) ?? 0) + 1);
    // Map keeps first-seen order; a stable sort keeps it among equal counts.
    add([...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w));
  }
  const keys = new Set([siteKey(sources.site)]);
  for (const name of sources.entities ?? []) if (entityKey(name).length > 4) keys.add(entityKey(name));
  for (const term of previous) if (isFilterKey(term)) keys.add(term);
  return [...words, ...keys];
}

/**
 * The prefixes a query asks for, all of which must match (AND): folded words of two letters or
 * more, stop words dropped except the last word (still being typed: "the" may become "theatre"),
 * and words that are a prefix of another query word dropped (they add nothing).
 */
export function queryPrefixes(query: string): string[] {
  const words = foldedWords(query);
  // A single letter (nothing is indexed that short) waits for the next keystroke instead of matching nearly everything.
  const kept = words.filter((w, i) => w.length >= 2 && (i === words.length - 1 || isIndexable(w)));
  const unique = [...new Set(kept)];
  return unique.filter((w) => !unique.some((other) => other !== w && other.startsWith(w)));
}

/** The key range of every index term starting with `prefix`. */
export function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`);
}
