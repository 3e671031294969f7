/**
 * Synthetic reading history for the history benchmarks (Node: tests/bench/history.ts; Chromium:
 * tests/bench/browser-history.ts). A seeded generator, so every run measures the same data: a
 * 30,000-word vocabulary picked Zipf-like (a few words very common, most rare), articles of 8-word
 * titles, 20-word excerpts and 600-word texts on 40 sites, and one- or two-word prefix queries.
 */
import type { Article } from '../../utils/article/types';
import type { ExportedArticle } from '../../utils/history-types';
import { buildSearchTerms, siteOf } from '../../utils/history-terms';

/** First visit of article 0; article i was visited i minutes later. */
export const FIRST_VISIT = 1_700_000_000_000;

/** A seeded generator of the synthetic vocabulary, articles and queries. */
export function createHistoryData(seed = 42) {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const LETTERS = 'abcdefghijklmnoprstuvwyz';
  const vocabulary = Array.from({ length: 30_000 }, () => {
    const length = 4 + Math.floor(random() * 7);
    return Array.from({ length }, () => LETTERS[Math.floor(random() * LETTERS.length)]).join('');
  });
  /** Zipf-like pick: a few words are very common, most are rare. */
  const pickWord = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
  const sentence = (n: number) => Array.from({ length: n }, pickWord).join(' ');

  function makeArticle(i: number, textWords = 600): Article {
    const url = `https://site${i % 40}.example/news/${i}`;
    return {
      url,
      canonicalUrl: url,
      title: sentence(8),
      byline: null,
      siteName: `Outlet ${i % 40}`,
      publishedAt: null,
      lang: 'en',
      excerpt: sentence(20),
      text: sentence(textWords),
      wordCount: textWords,
      readingMinutes: Math.max(1, Math.round(textWords / 230)),
    };
  }

  /** One or two word prefixes of 2–6 letters from the vocabulary, so common and rare words both occur. */
  function makeQuery(): string {
    const words = 1 + Math.floor(random() * 2);
    return Array.from({ length: words }, () => {
      const word = pickWord();
      return word.slice(0, 2 + Math.floor(random() * Math.min(5, word.length - 1)));
    }).join(' ');
  }

  /** Article i as an export record (what `recordVisit` would have stored, with its search terms). */
  function exportedArticle(i: number): ExportedArticle {
    const a = makeArticle(i);
    const at = FIRST_VISIT + i * 60_000;
    const site = siteOf(a.canonicalUrl);
    const { text, ...meta } = a;
    return {
      ...meta,
      visits: [at],
      lastVisitedAt: at,
      site,
      terms: buildSearchTerms({ title: a.title, outlet: [a.siteName, site], extra: [a.excerpt], text, site }),
    };
  }

  return { random, makeArticle, makeQuery, exportedArticle };
}
