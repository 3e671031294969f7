// Storage quota exceeded (issue #7): caches are pruned first, the history is kept, the reader is told.
// fake-indexeddb has no quota, so a fake one stands in: while "full", every put throws the
// QuotaExceededError a browser raises; deleting records frees it (as real deletes free space).
import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '@/utils/article/types';
import {
  clearCaches,
  getAnalysis,
  getHistoryEntry,
  importHistory,
  listHistory,
  openBackstoryDB,
  pruneOldAnalyses,
  putAnalysis,
  putEntityCache,
  putFeedItems,
  putRelatedResult,
  recordVisit,
  searchHistory,
  type BackstoryDatabase,
  type StoredAnalysis,
} from '@/utils/db';
import { getStorageWarning } from '@/utils/storage-warning';

let counter = 0;
const opened: IDBPDatabase<unknown>[] = [];

async function freshDB(): Promise<BackstoryDatabase> {
  const db = await openBackstoryDB({ name: `backstory-quota-${++counter}` });
  opened.push(db as IDBPDatabase<unknown>);
  return db;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) db.close();
});

const article = (n: number): Article => ({
  url: `https://news.example.com/story-${n}`,
  canonicalUrl: `https://news.example.com/story-${n}`,
  title: `Harwick story number ${n}`,
  byline: null,
  siteName: 'Example News',
  publishedAt: '2026-03-01T10:00:00Z',
  lang: 'en',
  excerpt: `Excerpt ${n}.`,
  text: `Councillors in Harwick discussed item ${n} at length.`,
  wordCount: 8,
  readingMinutes: 1,
});

const analysisOf = (url: string, analysedAt: number): StoredAnalysis => ({
  canonicalUrl: url,
  analysis: { lang: 'en', entities: [{ name: 'Harwick', type: 'place', mentions: 2, variants: [] }], keyTerms: ['flood barrier'], summary: ['One.'] },
  entityKeys: ['harwick'],
  analysedAt,
});

/** A history of two articles with analyses, plus one record in each cache and an orphan analysis. */
async function filledDB(): Promise<BackstoryDatabase> {
  const db = await freshDB();
  await recordVisit(article(1), 1000, db);
  await recordVisit(article(2), 2000, db);
  await putAnalysis(analysisOf(article(1).canonicalUrl, 1000), db);
  await putAnalysis(analysisOf(article(2).canonicalUrl, 2000), db);
  await putAnalysis(analysisOf('https://news.example.com/deleted-long-ago', 500), db);
  await putRelatedResult(article(1).canonicalUrl, 'q', 1000, { id: 'gdelt', name: 'GDELT', state: 'ok', stories: [] }, db);
  await putEntityCache({ key: 'summary:en:Harwick', fetchedAt: 1000, search: [] }, db);
  await putFeedItems(
    'https://feeds.example.org/rss',
    [{ title: 'Barrier', url: 'https://feeds.example.org/a', source: 'Feed', domain: 'feeds.example.org', publishedAt: null, description: null, lang: 'en', provider: 'feeds' }],
    1000,
    db,
  );
  return db;
}

/**
 * Fakes a full disk: puts throw QuotaExceededError until records of a store in `freedBy` are
 * deleted or cleared (null: nothing frees it). Returns what was deleted, store by store.
 */
function fillQuota(freedBy: readonly string[] | null) {
  let full = true;
  const freed: string[] = [];
  const { put, clear, delete: del } = IDBObjectStore.prototype;
  const free = (store: IDBObjectStore) => {
    freed.push(store.name);
    if (freedBy?.includes(store.name)) full = false;
  };
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
  vi.spyOn(IDBObjectStore.prototype, 'clear').mockImplementation(function (this: IDBObjectStore) {
    free(this);
    return clear.apply(this);
  });
  vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, key) {
    free(this);
    return del.apply(this, [key]);
  });
  return { freed };
}

const counts = async (db: BackstoryDatabase) => ({
  articles: await db.count('articles'),
  search: await db.count('search'),
  analyses: await db.count('analyses'),
  related: await db.count('related'),
  entities: await db.count('entities'),
  feedItems: await db.count('feed-items'),
});

describe('storage quota exceeded', () => {
  beforeEach(() => {
    vi.spyOn(Date, 'now').mockReturnValue(9_000);
  });

  it('prunes the caches, then records the visit, and tells the reader space was freed', async () => {
    const db = await filledDB();
    const quota = fillQuota(['related', 'entities', 'feed-items']);
    const entry = await recordVisit(article(3), 3000, db);
    expect(entry.visits).toEqual([3000]);
    expect(await counts(db)).toEqual({ articles: 3, search: 3, analyses: 3, related: 0, entities: 0, feedItems: 0 });
    // Caches went first; no analysis was touched.
    expect(quota.freed).not.toContain('analyses');
    expect((await listHistory({ limit: 10 }, db)).map((e) => e.visits)).toEqual([[3000], [2000], [1000]]);
    expect((await searchHistory({ query: 'harwick', limit: 10 }, db)).length).toBe(3);
    expect(await getStorageWarning()).toEqual({ kind: 'pruned', at: 9_000 });
  });

  it('then deletes orphaned and old analyses, never history', async () => {
    const db = await filledDB();
    fillQuota(['analyses']);
    await recordVisit(article(3), 3000, db);
    expect(await counts(db)).toMatchObject({ articles: 3, search: 3, related: 0, entities: 0, feedItems: 0 });
    // The analysis of an article no longer in the history goes; the history's stay (fewer than the 200 kept).
    expect(await getAnalysis('https://news.example.com/deleted-long-ago', db)).toBeUndefined();
    expect(await getAnalysis(article(2).canonicalUrl, db)).toBeDefined();
    expect(await getStorageWarning()).toMatchObject({ kind: 'pruned' });
  });

  it('keeps only the newest analyses when asked to prune them', async () => {
    const db = await filledDB();
    expect(await pruneOldAnalyses(1, db)).toBe(2);
    expect(await getAnalysis(article(2).canonicalUrl, db)).toBeDefined();
    expect(await getAnalysis(article(1).canonicalUrl, db)).toBeUndefined();
    expect(await counts(db)).toMatchObject({ articles: 2, search: 2 });
  });

  it('when nothing frees enough: rejects, keeps every stored visit, and says the visit was not saved', async () => {
    const db = await filledDB();
    const before = await listHistory({ limit: 10 }, db);
    fillQuota(null);
    await expect(recordVisit(article(1), 5000, db)).rejects.toThrow('storage is full: the visit was not recorded');
    await expect(recordVisit(article(3), 5000, db)).rejects.toThrow(/storage is full/);
    vi.restoreAllMocks();
    expect(await listHistory({ limit: 10 }, db)).toEqual(before);
    expect(await getHistoryEntry(article(3).canonicalUrl, db)).toBeUndefined();
    expect(await db.count('search')).toBe(2);
    expect(await getStorageWarning()).toMatchObject({ kind: 'not-saved' });
    // Space comes back: recording works again.
    await expect(recordVisit(article(3), 6000, db)).resolves.toMatchObject({ visits: [6000] });
  });

  it('an import that still does not fit changes nothing', async () => {
    const db = await filledDB();
    fillQuota(null);
    const incoming = { ...(await listHistory({ limit: 1 }, db))[0]!, canonicalUrl: 'https://other.example/x', url: 'https://other.example/x', terms: [] };
    await expect(importHistory([incoming], db)).rejects.toThrow('storage is full: nothing was imported');
    vi.restoreAllMocks();
    expect(await db.count('articles')).toBe(2);
  });

  it('a cache write only prunes caches, and the reader is told', async () => {
    const db = await filledDB();
    const quota = fillQuota(['related']);
    await putRelatedResult(article(2).canonicalUrl, 'q2', 3000, { id: 'bing-news', name: 'Bing News', state: 'ok', stories: [] }, db);
    expect(quota.freed).not.toContain('analyses');
    expect(await counts(db)).toEqual({ articles: 2, search: 2, analyses: 3, related: 1, entities: 0, feedItems: 0 });
    expect(await getStorageWarning()).toMatchObject({ kind: 'pruned' });
  });

  it('a cache write that cannot fit fails without touching history or analyses', async () => {
    const db = await filledDB();
    fillQuota(null);
    await expect(putEntityCache({ key: 'summary:en:Ouse', fetchedAt: 3000, search: [] }, db)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();
    expect(await counts(db)).toEqual({ articles: 2, search: 2, analyses: 3, related: 0, entities: 0, feedItems: 0 });
  });

  it('other write errors are not mistaken for a full disk: nothing is pruned', async () => {
    const db = await filledDB();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('bad key', 'DataError');
    });
    await expect(recordVisit(article(3), 3000, db)).rejects.toMatchObject({ name: 'DataError' });
    vi.restoreAllMocks();
    expect(await counts(db)).toEqual({ articles: 2, search: 2, analyses: 3, related: 1, entities: 1, feedItems: 1 });
    expect(await getStorageWarning()).toBeNull();
  });

  it('clearCaches empties related, explainer and feed caches only', async () => {
    const db = await filledDB();
    expect(await clearCaches(db)).toBe(3);
    expect(await counts(db)).toEqual({ articles: 2, search: 2, analyses: 3, related: 0, entities: 0, feedItems: 0 });
  });
});
