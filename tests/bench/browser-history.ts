/**
 * History in real Chromium (part of tests/bench/browser.ts): the production build's IndexedDB is
 * filled with 1k, 10k, 50k synthetic articles (tests/bench/history-data.ts) through the History
 * tab's import (`importHistory` messages of 5,000 export records each: the records `recordVisit`
 * would write, terms from `buildSearchTerms`, indexed by the production code). At each size:
 * - record one visit: a real article page loaded in a tab, timed in the worker (perf marks around `recordVisit`);
 * - search p50/p95: `searchHistory` messages from an extension page, as the History tab sends them
 *   (round trip included), on seeded one- and two-word prefix queries;
 * - baseline: a linear scan over the same search records (read all, filter, sort, read the hits'
 *   articles) in the extension page, on the first queries;
 * - storage used (navigator.storage.estimate in the extension's origin).
 * After the 10k stage, 100 lookups (`getContext` for 100 synthetic articles), then the worker's heap.
 */
import type { Page } from 'playwright-core';
import type { ExportedArticle } from '../../utils/history-types';
import { toExportJson } from '../../utils/history-export';
import { queryPrefixes } from '../../utils/history-terms';
import { serviceWorkerHeap } from './browser-cdp';
import { createHistoryData } from './history-data';
import { median, quantile, type BenchRow } from './table';

// The callbacks passed to page.evaluate run inside the extension, where `chrome` exists.
declare const chrome: {
  runtime: { sendMessage: (message: unknown) => Promise<{ ok: boolean; data?: unknown; error?: string }> };
};

type Launched = Awaited<ReturnType<typeof import('../e2e/browser.mjs').launchWithExtension>>;

export interface HistoryBenchOptions {
  browser: Launched;
  sizes: number[];
  queries: number;
  /** Queries the linear scan runs per size (it is slow by design). */
  scanQueries: number;
  /** Filling stops (larger sizes are skipped, and said so) once it took this long; default 300 s. */
  fillBudgetMs?: number;
  /** URL of a fresh article page for a recorded visit (each call another canonical URL). */
  articleUrl: () => string;
  log: (line: string) => void;
}

const SEARCH_LIMIT = 100;
const FILL_CHUNK = 5_000;
const FILL_BUDGET_MS = 300_000;

/**
 * Writes history records through the History tab's import (the `importHistory` message, one
 * transaction per call), so the search index is built by the production code.
 */
async function putRecords(page: Page, articles: ExportedArticle[]): Promise<void> {
  await send(page, 'importHistory', { json: toExportJson(articles, Date.now()) });
}

async function send<T>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = await page.evaluate(async (message) => chrome.runtime.sendMessage(message), { type, data });
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
  return reply.data as T;
}

/** Times `searchHistory` messages from the extension page: ms per query and the result URLs. */
function timeSearches(page: Page, queries: string[]) {
  return page.evaluate(
    async ({ queries, limit }) => {
      const out: { ms: number; urls: string[] }[] = [];
      for (const query of queries) {
        const start = performance.now();
        const reply = await chrome.runtime.sendMessage({ type: 'searchHistory', data: { query, limit } });
        const ms = performance.now() - start;
        if (!reply.ok) throw new Error(`searchHistory: ${reply.error}`);
        out.push({ ms, urls: (reply.data as { canonicalUrl: string }[]).map((e) => e.canonicalUrl) });
      }
      return out;
    },
    { queries, limit: SEARCH_LIMIT },
  );
}

/** The baseline: every search record read, filtered and sorted in memory, then the hits' articles read. */
async function timeScans(page: Page, prefixLists: string[][]) {
  // tsx names the callback's inner functions with an `__name` helper that the page lacks.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(
    async ({ prefixLists, limit }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('backstory');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const request = <T,>(r: IDBRequest<T>) =>
        new Promise<T>((ok, fail) => {
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
      const out: { ms: number; urls: string[] }[] = [];
      try {
        for (const prefixes of prefixLists) {
          const start = performance.now();
          const tx = db.transaction(['search', 'articles']);
          const records = await request(tx.objectStore('search').getAll() as IDBRequest<{ canonicalUrl: string; lastVisitedAt: number; terms: string[] }[]>);
          const hits = records
            .filter((r) => prefixes.every((p) => r.terms.some((t) => t.startsWith(p))))
            .sort((a, b) => b.lastVisitedAt - a.lastVisitedAt || (a.canonicalUrl < b.canonicalUrl ? -1 : 1))
            .slice(0, limit);
          const articles = tx.objectStore('articles');
          await Promise.all(hits.map((h) => request(articles.get(h.canonicalUrl))));
          out.push({ ms: performance.now() - start, urls: hits.map((h) => h.canonicalUrl) });
        }
      } finally {
        db.close();
      }
      return out;
    },
    { prefixLists, limit: SEARCH_LIMIT },
  );
}

/** Loads a fresh article page and waits until the worker recorded it; ms spent in `recordVisit`. */
async function timeOneVisit(options: HistoryBenchOptions): Promise<number> {
  const { browser } = options;
  const marks = () =>
    browser.serviceWorker.evaluate(() => performance.getEntriesByName('backstory:bg:record-visit:end').length);
  const before = await marks();
  const tab = await browser.context.newPage();
  try {
    await tab.goto(options.articleUrl());
    const deadline = Date.now() + 20_000;
    while ((await marks()) <= before) {
      if (Date.now() > deadline) throw new Error('the visit was not recorded within 20 s');
      await new Promise((ok) => setTimeout(ok, 50));
    }
    return await browser.serviceWorker.evaluate((n) => {
      const start = performance.getEntriesByName('backstory:bg:record-visit:start')[n]!;
      const end = performance.getEntriesByName('backstory:bg:record-visit:end')[n]!;
      return end.startTime - start.startTime;
    }, before);
  } finally {
    await tab.close();
  }
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export async function runHistoryBench(options: HistoryBenchOptions): Promise<BenchRow[]> {
  const { browser, log } = options;
  const data = createHistoryData();
  const rows: BenchRow[] = [];
  const page = await browser.context.newPage();
  // An extension page that only talks to the worker (the popup for a tab that does not exist).
  await page.goto(browser.extensionUrl('popup.html?tab=999999999'));
  const heapAtStart = await serviceWorkerHeap(browser.context, page, browser.extensionId).catch(() => null);
  const queries = Array.from({ length: options.queries }, data.makeQuery);
  /** 100 lookups (the context of 100 articles the reader might open: analysis, queries, ranking), then the worker's heap. */
  const memoryRow = async (label: string): Promise<BenchRow> => {
    const figure = `service-worker heap after ${label} articles and 100 lookups`;
    try {
      for (let i = 0; i < 100; i++) await send(page, 'getContext', { article: data.makeArticle(1_000_000 + i, 400) });
      await new Promise((ok) => setTimeout(ok, 2_000));
      const heap = await serviceWorkerHeap(browser.context, page, browser.extensionId);
      return {
        group: 'history',
        figure,
        ours: mb(heap.used),
        baseline: heapAtStart ? mb(heapAtStart.used) : null,
        unit: 'MB',
        goal: 'reported',
        met: null,
        note: 'baseline: the same worker just started, empty profile (JS heap used after a full GC)',
      };
    } catch (error) {
      return { group: 'history', figure, ours: null, baseline: null, unit: 'MB', goal: 'reported', met: null, note: `not measured: ${(error as Error).message}` };
    }
  };
  // The extension creates its database (current schema) before anything is written into it.
  await send(page, 'getHistory', { limit: 1 });
  let stored = 0;
  let filling = 0;
  let memoryMeasured = false;
  const budget = options.fillBudgetMs ?? FILL_BUDGET_MS;
  for (const size of [...options.sizes].sort((a, b) => a - b)) {
    const label = size >= 1000 ? `${size / 1000}k` : String(size);
    const fillStart = Date.now();
    while (stored < size && filling + Date.now() - fillStart < budget) {
      const end = Math.min(size, stored + FILL_CHUNK);
      await putRecords(page, Array.from({ length: end - stored }, (_, k) => data.exportedArticle(stored + k)));
      stored = end;
    }
    filling += Date.now() - fillStart;
    if (stored < size) {
      const note = `not measured: filling stopped at ${stored} articles after ${(filling / 1000).toFixed(0)} s (budget ${budget / 1000} s, --fill-budget)`;
      rows.push({ group: 'history', figure: `history ${label}: search p95`, ours: null, baseline: null, unit: 'ms', goal: size === 50_000 ? '≤ 150 ms' : size === 10_000 ? '≤ 50 ms' : '—', met: null, note });
      log(`history ${label}: ${note}`);
      break;
    }
    log(`history: ${size} articles stored (filled in ${((Date.now() - fillStart) / 1000).toFixed(1)} s)`);
    const visits: number[] = [];
    for (let i = 0; i < 3; i++) visits.push(await timeOneVisit(options));
    await timeSearches(page, queries.slice(0, 5)); // warm-up: worker awake, code compiled
    const searched = await timeSearches(page, queries);
    // The same searches timed inside the worker (perf marks around searchHistory): without the message round trip.
    const inWorker = await browser.serviceWorker.evaluate((n) => {
      const starts = performance.getEntriesByName('backstory:bg:search:start').slice(-n);
      const ends = performance.getEntriesByName('backstory:bg:search:end').slice(-n);
      return ends.map((end, i) => end.startTime - starts[i]!.startTime);
    }, queries.length);
    const scanCount = Math.min(size > 10_000 ? Math.ceil(options.scanQueries / 2) : options.scanQueries, queries.length);
    const scanned = await timeScans(page, queries.slice(0, scanCount).map(queryPrefixes));
    const same = scanned.filter((s, i) => s.urls.join() === searched[i]!.urls.join()).length;
    const { usage } = await page.evaluate(() => navigator.storage.estimate());
    const ours = searched.map((s) => s.ms);
    const base = scanned.map((s) => s.ms);
    const goal = size === 10_000 ? 50 : size === 50_000 ? 150 : null;
    rows.push(
      {
        group: 'history',
        figure: `history ${label}: search p95`,
        ours: quantile(ours, 0.95),
        baseline: quantile(base, 0.95),
        unit: 'ms',
        goal: goal === null ? '—' : `≤ ${goal} ms`,
        met: goal === null ? null : quantile(ours, 0.95) <= goal,
        note:
          `p50 ${median(ours).toFixed(1)} ms (scan p50 ${median(base).toFixed(1)} ms); in the worker alone p50 ${median(inWorker).toFixed(1)} / p95 ${quantile(inWorker, 0.95).toFixed(1)} ms; ` +
          `${ours.length} queries, scan on the first ${base.length}, same results ${same}/${base.length}`,
      },
      { group: 'history', figure: `history ${label}: record one visit (median of ${visits.length})`, ours: median(visits), baseline: null, unit: 'ms', goal: '—', met: null },
      { group: 'history', figure: `history ${label}: storage used`, ours: mb(usage ?? 0), baseline: null, unit: 'MB', goal: '—', met: null },
    );
    const slowest = searched.map((r, i) => ({ q: queries[i]!, ms: r.ms, hits: r.urls.length })).sort((a, b) => b.ms - a.ms).slice(0, 5);
    log(`history ${label}: slowest queries ${slowest.map((x) => `"${x.q}" ${x.ms.toFixed(0)} ms (${x.hits} hits)`).join(', ')}`);
    log(`history ${label}: search p50 ${median(ours).toFixed(1)} p95 ${quantile(ours, 0.95).toFixed(1)} ms; scan p50 ${median(base).toFixed(1)} p95 ${quantile(base, 0.95).toFixed(1)} ms; visit ${median(visits).toFixed(1)} ms; ${mb(usage ?? 0).toFixed(1)} MB`);

    if (size === 10_000) {
      rows.push(await memoryRow(label));
      memoryMeasured = true;
    }
  }
  if (!memoryMeasured && stored > 0) rows.push(await memoryRow(stored >= 1000 ? `${(stored / 1000).toFixed(stored % 1000 ? 1 : 0)}k` : String(stored)));
  await page.close();
  return rows;
}
