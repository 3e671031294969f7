/**
 * History search benchmark (issue "The reader's interface": History).
 *
 *   npx tsx tests/bench/history.ts [--sizes 1000,10000] [--queries 200]
 *
 * Fills a fake-indexeddb database (Node) with N synthetic articles through `recordVisit` (so the
 * search index is built as in the extension), then times `searchHistory` on random queries (one or
 * two word prefixes of 2–6 letters, taken from the synthetic vocabulary, so common and rare words
 * both occur) next to a linear scan over the same search records (read all, filter, sort). Prints
 * p50/p95 per size, side by side; no thresholds. Numbers are for fake-indexeddb in Node, which is
 * not Chromium's IndexedDB: they compare the two strategies, they do not predict the browser.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import type { Article } from '../../utils/article/types';
import { openBackstoryDB, recordVisit, searchHistory, type BackstoryDatabase } from '../../utils/db';
import { queryPrefixes } from '../../utils/history-terms';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const SIZES = arg('sizes', '1000,10000').split(',').map(Number);
const QUERIES = Number(arg('queries', '200'));
const LIMIT = 100;

// A seeded generator, so every run measures the same data.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);

const LETTERS = 'abcdefghijklmnoprstuvwyz';
const VOCABULARY = Array.from({ length: 30_000 }, () => {
  const length = 4 + Math.floor(random() * 7);
  return Array.from({ length }, () => LETTERS[Math.floor(random() * LETTERS.length)]).join('');
});
/** Zipf-like pick: a few words are very common, most are rare. */
const pickWord = () => VOCABULARY[Math.floor(VOCABULARY.length * random() ** 3)]!;
const sentence = (n: number) => Array.from({ length: n }, pickWord).join(' ');

function makeArticle(i: number): Article {
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
    text: sentence(600),
    wordCount: 600,
    readingMinutes: 3,
  };
}

function makeQuery(): string {
  const words = 1 + Math.floor(random() * 2);
  return Array.from({ length: words }, () => {
    const word = pickWord();
    return word.slice(0, 2 + Math.floor(random() * Math.min(5, word.length - 1)));
  }).join(' ');
}

/** The baseline: every search record read, filtered in memory, newest first. */
async function linearSearch(db: BackstoryDatabase, query: string) {
  const prefixes = queryPrefixes(query);
  const records = await db.getAll('search');
  return records
    .filter((r) => prefixes.every((p) => r.terms.some((t) => t.startsWith(p))))
    .sort((a, b) => b.lastVisitedAt - a.lastVisitedAt)
    .slice(0, LIMIT);
}

const percentile = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

console.log(`History search benchmark: fake-indexeddb in Node ${process.version}, ${QUERIES} queries per size, limit ${LIMIT}`);
console.log('size     | index p50 | index p95 | scan p50 | scan p95 | same results');
for (const size of SIZES) {
  const db = await openBackstoryDB({ name: `bench-history-${size}` });
  const fillStart = performance.now();
  for (let i = 0; i < size; i++) await recordVisit(makeArticle(i), 1_700_000_000_000 + i * 60_000, db);
  const fillSeconds = (performance.now() - fillStart) / 1000;
  const queries = Array.from({ length: QUERIES }, makeQuery);
  const indexed: number[] = [];
  const scanned: number[] = [];
  let same = 0;
  for (const q of queries) {
    let a: string[] = [];
    let b: string[] = [];
    indexed.push(await time(async () => (a = (await searchHistory({ query: q, limit: LIMIT }, db)).map((e) => e.canonicalUrl))));
    scanned.push(await time(async () => (b = (await linearSearch(db, q)).map((r) => r.canonicalUrl))));
    if (a.join() === b.join()) same++;
  }
  const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
  console.log(
    `${String(size).padEnd(8)} | ${ms(percentile(indexed, 50))} | ${ms(percentile(indexed, 95))} | ${ms(percentile(scanned, 50))} | ${ms(percentile(scanned, 95))} | ${same}/${queries.length}` +
      `   (filled in ${fillSeconds.toFixed(1)} s)`,
  );
  db.close();
}
