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
import './node-browser-shim';
import { performance } from 'node:perf_hooks';
import { openBackstoryDB, recordVisit, searchHistory, type BackstoryDatabase } from '../../utils/db';
import { queryPrefixes } from '../../utils/history-terms';
import { createHistoryData, FIRST_VISIT } from './history-data';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const SIZES = arg('sizes', '1000,10000').split(',').map(Number);
const QUERIES = Number(arg('queries', '200'));
const LIMIT = 100;

const { makeArticle, makeQuery } = createHistoryData();

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
  for (let i = 0; i < size; i++) await recordVisit(makeArticle(i), FIRST_VISIT + i * 60_000, db);
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
