import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '@/utils/article/types';
import type { HistoryEntry } from '@/utils/history-types';
import {
  DB_VERSION,
  MAX_VISITS,
  clearHistory,
  deleteHistoryEntry,
  findAnalysesByEntities,
  getAnalysis,
  getBackstoryDB,
  getEntityCache,
  getHistoryEntries,
  getHistoryEntry,
  getRelatedCache,
  listFeedItems,
  listHistory,
  openBackstoryDB,
  pruneCaches,
  pruneFeedItems,
  putAnalysis,
  putEntityCache,
  putFeedItems,
  putRelatedResult,
  recordVisit,
  searchHistory,
  type BackstoryDatabase,
  type EntityCacheRecord,
  type RelatedCacheRecord,
  type StoredAnalysis,
} from '@/utils/db';

let counter = 0;
const opened: IDBPDatabase<unknown>[] = [];

/** A fresh database with a name no other test uses. */
async function freshDB(version?: number): Promise<{ name: string; db: BackstoryDatabase }> {
  const name = `backstory-test-${++counter}`;
  const db = await openBackstoryDB({ name, version });
  opened.push(db as IDBPDatabase<unknown>);
  return { name, db };
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function article(n: number | string, overrides: Partial<Article> = {}): Article {
  return {
    url: `https://www.example.com/news/${n}?utm_source=x`,
    canonicalUrl: `https://www.example.com/news/${n}`,
    title: `Story ${n}`,
    byline: 'Jane Doe',
    siteName: 'Example News',
    publishedAt: '2025-03-01T10:00:00Z',
    lang: 'en',
    excerpt: `Excerpt of story ${n}.`,
    text: `Body of story ${n}.`,
    wordCount: 4,
    readingMinutes: 1,
    ...overrides,
  };
}

describe('schema upgrades', () => {
  const v1Entry: HistoryEntry = {
    canonicalUrl: 'https://example.com/a',
    url: 'https://example.com/a?ref=home',
    title: 'A',
    byline: null,
    siteName: 'Example',
    publishedAt: null,
    lang: 'en',
    excerpt: 'About A.',
    wordCount: 300,
    readingMinutes: 2,
    visits: [1000, 2000],
    lastVisitedAt: 2000,
    site: 'example.com',
  };
  const analysis: StoredAnalysis = {
    canonicalUrl: 'https://example.com/a',
    analysis: { lang: 'en', entities: [{ name: 'Harwick', type: 'place', mentions: 3, variants: [] }], keyTerms: ['flood barrier'], summary: ['One.'] },
    entityKeys: ['harwick'],
    analysedAt: 3000,
  };
  const related: RelatedCacheRecord = {
    canonicalUrl: 'https://example.com/a',
    queryKey: 'abc',
    fetchedAt: 4000,
    results: [{ id: 'gdelt', name: 'GDELT', state: 'empty', stories: [] }],
  };
  const explainer: EntityCacheRecord = { key: 'search:en:harwick', fetchedAt: 5000, search: [{ title: 'Harwick', description: null }] };
  const feedItem = {
    title: 'Barrier gates tested',
    url: 'https://feeds.example.org/barrier',
    source: 'Example Feed',
    domain: 'feeds.example.org',
    publishedAt: null,
    description: null,
    lang: 'en',
    provider: 'feeds',
    feedUrl: 'https://feeds.example.org/rss',
    fetchedAt: 6000,
  };

  /**
   * One case per upgrade step: records in the shape that version `k` stored, and how they read
   * back at the latest version. To add step k+1, add a case whose records have the v(k+1) shape.
   */
  const upgradeCases: Array<{ version: number; records: Array<{ store: string; record: unknown }>; check: (db: BackstoryDatabase) => Promise<void> }> = [
    {
      version: 1,
      records: [{ store: 'articles', record: v1Entry }],
      check: async (db) => {
        expect(await getHistoryEntry(v1Entry.canonicalUrl, db)).toEqual(v1Entry);
        expect(await listHistory({ limit: 10 }, db)).toEqual([v1Entry]);
      },
    },
    {
      version: 2,
      records: [
        { store: 'articles', record: v1Entry },
        { store: 'analyses', record: analysis },
        { store: 'related', record: related },
        { store: 'entities', record: explainer },
        { store: 'feed-items', record: feedItem },
      ],
      check: async (db) => {
        expect(await getHistoryEntry(v1Entry.canonicalUrl, db)).toEqual(v1Entry);
        expect(await getAnalysis(analysis.canonicalUrl, db)).toEqual(analysis);
        expect(await findAnalysesByEntities(['harwick'], {}, db)).toEqual([{ canonicalUrl: analysis.canonicalUrl, shared: ['harwick'] }]);
        expect(await getRelatedCache(related.canonicalUrl, db)).toEqual(related);
        expect(await getEntityCache(explainer.key, db)).toEqual(explainer);
        expect(await listFeedItems({}, db)).toEqual([feedItem]);
      },
    },
    {
      // v3 adds the search index: existing articles get terms from title, outlet, excerpt and entity names.
      version: 3,
      records: [
        { store: 'articles', record: v1Entry },
        { store: 'analyses', record: analysis },
        { store: 'search', record: { canonicalUrl: v1Entry.canonicalUrl, lastVisitedAt: 2000, terms: ['barrier', '\u0001s:example.com'] } },
      ],
      check: async (db) => {
        expect(await getHistoryEntry(v1Entry.canonicalUrl, db)).toEqual(v1Entry);
        expect(await searchHistory({ query: 'barr', limit: 10 }, db)).toEqual([v1Entry]);
        expect(await searchHistory({ query: '', site: 'example.com', limit: 10 }, db)).toEqual([v1Entry]);
      },
    },
    {
      // v4 replaces the multi-entry term index by an inverted index: each v3 record gets a doc number and postings.
      version: 4,
      records: [
        { store: 'articles', record: v1Entry },
        { store: 'search', record: { canonicalUrl: v1Entry.canonicalUrl, lastVisitedAt: 2000, terms: ['barrier', 'sluice', '\u0001s:example.com'], doc: 0 } },
        { store: 'postings', record: { term: 'barrier', docs: [0] } },
        { store: 'postings', record: { term: 'sluice', docs: [0] } },
        { store: 'postings', record: { term: '\u0001s:example.com', docs: [0] } },
        { store: 'search-meta', record: { key: 'docs', next: 1, visited: [2000] } },
      ],
      check: async (db) => {
        expect(await searchHistory({ query: 'slu barr', limit: 10 }, db)).toEqual([v1Entry]);
        expect(await searchHistory({ query: '', site: 'example.com', limit: 10 }, db)).toEqual([v1Entry]);
      },
    },
  ];

  it('upgrading from v2 indexes the existing history by title, outlet, excerpt and entity names, dropping nothing', async () => {
    const { name, db: old } = await freshDB(2);
    const other: HistoryEntry = { ...v1Entry, canonicalUrl: 'https://news.example.org/b', url: 'https://news.example.org/b', title: 'Élection à Zürich', site: 'news.example.org', lastVisitedAt: 500, visits: [500] };
    await (old as IDBPDatabase<unknown>).put('articles', v1Entry);
    await (old as IDBPDatabase<unknown>).put('articles', other);
    await (old as IDBPDatabase<unknown>).put('analyses', analysis);
    old.close();
    const db = await openBackstoryDB({ name });
    opened.push(db as IDBPDatabase<unknown>);
    expect(await listHistory({ limit: 10 }, db)).toEqual([v1Entry, other]);
    expect(await searchHistory({ query: 'harw', limit: 10 }, db)).toEqual([v1Entry]); // entity name
    expect(await searchHistory({ query: 'about', limit: 10 }, db)).toEqual([]); // a stop word is not indexed
    expect(await searchHistory({ query: 'zurich elect', limit: 10 }, db)).toEqual([other]); // diacritics folded
    expect(await searchHistory({ query: 'example', limit: 10 }, db)).toEqual([v1Entry, other]); // outlet, newest first
    expect(await searchHistory({ query: '', entity: 'Harwick', limit: 10 }, db)).toEqual([v1Entry]);
  });

  it('has a test case for every upgrade step', () => {
    expect(upgradeCases.map((c) => c.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  for (const { version, records, check } of upgradeCases) {
    it(`keeps v${version} records readable after upgrading to the latest version`, async () => {
      const { name, db: old } = await freshDB(version);
      expect(old.version).toBe(version);
      for (const { store, record } of records) await (old as IDBPDatabase<unknown>).put(store, record);
      old.close();

      const db = await openBackstoryDB({ name });
      opened.push(db as IDBPDatabase<unknown>);
      expect(db.version).toBe(DB_VERSION);
      await check(db);
    });
  }

  it('creates the stores with their indexes', async () => {
    const { db } = await freshDB();
    expect([...db.objectStoreNames].sort()).toEqual(['analyses', 'articles', 'entities', 'feed-items', 'postings', 'related', 'search', 'search-meta']);
    expect(db.transaction('search').store.keyPath).toEqual(['lastVisitedAt', 'canonicalUrl']);
    expect([...db.transaction('search').store.indexNames].sort()).toEqual(['by-doc', 'by-url']);
    expect(db.transaction('search').store.index('by-doc').unique).toBe(true);
    expect(db.transaction('search').store.index('by-url').unique).toBe(true);
    expect(db.transaction('postings').store.keyPath).toBe('term');
    const indexes = (store: 'articles' | 'analyses' | 'related' | 'entities' | 'feed-items') => [...db.transaction(store).store.indexNames].sort();
    expect(db.transaction('articles').store.keyPath).toBe('canonicalUrl');
    expect(indexes('articles')).toEqual(['by-lastVisitedAt', 'by-site']);
    expect(indexes('analyses')).toEqual(['by-entity']);
    expect(db.transaction('analyses').store.index('by-entity').multiEntry).toBe(true);
    expect(indexes('related')).toEqual(['by-fetchedAt']);
    expect(indexes('entities')).toEqual(['by-fetchedAt']);
    expect(indexes('feed-items')).toEqual(['by-feedUrl', 'by-fetchedAt']);
  });
});

describe('recordVisit', () => {
  it('stores the article metadata without its text, with the site taken from the canonical URL', async () => {
    const { db } = await freshDB();
    const entry = await recordVisit(article(1), 5000, db);
    expect(entry).toEqual({
      canonicalUrl: 'https://www.example.com/news/1',
      url: 'https://www.example.com/news/1?utm_source=x',
      title: 'Story 1',
      byline: 'Jane Doe',
      siteName: 'Example News',
      publishedAt: '2025-03-01T10:00:00Z',
      lang: 'en',
      excerpt: 'Excerpt of story 1.',
      wordCount: 4,
      readingMinutes: 1,
      visits: [5000],
      lastVisitedAt: 5000,
      site: 'example.com',
    });
    expect(await getHistoryEntry(entry.canonicalUrl, db)).toEqual(entry);
    expect(await getHistoryEntry(entry.canonicalUrl, db)).not.toHaveProperty('text');
  });

  it('keeps one entry for a repeat visit, with both visit times and the newest metadata', async () => {
    const { db } = await freshDB();
    await recordVisit(article(1), 1000, db);
    await recordVisit(article(1, { title: 'Story 1 (updated)', url: 'https://example.com/news/1' }), 2000, db);

    const entries = await listHistory({ limit: 10 }, db);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      title: 'Story 1 (updated)',
      url: 'https://example.com/news/1',
      visits: [1000, 2000],
      lastVisitedAt: 2000,
    });
  });

  it('keeps visits oldest first and the newer metadata when an older visit arrives late', async () => {
    const { db } = await freshDB();
    await recordVisit(article(1, { title: 'New title' }), 3000, db);
    const entry = await recordVisit(article(1, { title: 'Old title' }), 1000, db);
    expect(entry).toMatchObject({ title: 'New title', visits: [1000, 3000], lastVisitedAt: 3000 });
  });

  it('gives 20 entries for 20 concurrent visits to different articles', async () => {
    const { db } = await freshDB();
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordVisit(article(i), 1000 + i, db)));
    const entries = await listHistory({ limit: 100 }, db);
    expect(entries).toHaveLength(20);
    expect(new Set(entries.map((e) => e.canonicalUrl)).size).toBe(20);
  });

  it('loses no visit when the same article is recorded concurrently', async () => {
    const { db } = await freshDB();
    const times = Array.from({ length: 20 }, (_, i) => 1000 + i);
    await Promise.all(times.map((t) => recordVisit(article(1), t, db)));
    const entries = await listHistory({ limit: 100 }, db);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.visits).toEqual(times);
  });

  it(`keeps only the latest ${MAX_VISITS} visits of one article`, async () => {
    const { db } = await freshDB();
    await (db as IDBPDatabase<unknown>).put('articles', {
      ...(await recordVisit(article(1), 0, db)),
      visits: Array.from({ length: MAX_VISITS }, (_, i) => i),
      lastVisitedAt: MAX_VISITS - 1,
    });
    const entry = await recordVisit(article(1), MAX_VISITS, db);
    expect(entry.visits).toHaveLength(MAX_VISITS);
    expect(entry.visits[0]).toBe(1);
    expect(entry.visits.at(-1)).toBe(MAX_VISITS);
  });

  it('rejects with a clear error and writes nothing when storage is full', async () => {
    const { db } = await freshDB();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await expect(recordVisit(article(1), 1000, db)).rejects.toThrow(/storage is full/);
    vi.restoreAllMocks();
    expect(await getHistoryEntry(article(1).canonicalUrl, db)).toBeUndefined();
    // The database stays usable afterwards.
    await expect(recordVisit(article(2), 2000, db)).resolves.toMatchObject({ visits: [2000] });
  });
});

describe('listHistory', () => {
  it('lists entries by latest visit, newest first, whatever the insertion order', async () => {
    const { db } = await freshDB();
    await recordVisit(article('a'), 3000, db);
    await recordVisit(article('b'), 1000, db);
    await recordVisit(article('c'), 2000, db);
    await recordVisit(article('b'), 4000, db); // revisiting moves b to the top
    const titles = (await listHistory({ limit: 10 }, db)).map((e) => e.title);
    expect(titles).toEqual(['Story b', 'Story a', 'Story c']);
  });

  it('returns at most `limit` entries, the newest ones', async () => {
    const { db } = await freshDB();
    for (let i = 0; i < 5; i++) await recordVisit(article(i), 1000 + i, db);
    expect((await listHistory({ limit: 2 }, db)).map((e) => e.title)).toEqual(['Story 4', 'Story 3']);
    expect(await listHistory({ limit: 0 }, db)).toEqual([]);
  });

  it('returns an empty list for an empty history', async () => {
    const { db } = await freshDB();
    expect(await listHistory({ limit: 10 }, db)).toEqual([]);
  });
});

describe('deleting history', () => {
  it('deletes one entry and leaves the others', async () => {
    const { db } = await freshDB();
    await recordVisit(article(1), 1000, db);
    await recordVisit(article(2), 2000, db);
    await deleteHistoryEntry(article(1).canonicalUrl, db);
    await deleteHistoryEntry('https://never.example/visited', db);
    expect((await listHistory({ limit: 10 }, db)).map((e) => e.title)).toEqual(['Story 2']);
  });

  it('clears the whole history', async () => {
    const { db } = await freshDB();
    await recordVisit(article(1), 1000, db);
    await recordVisit(article(2), 2000, db);
    await clearHistory(db);
    expect(await listHistory({ limit: 10 }, db)).toEqual([]);
  });
});

describe('connections', () => {
  it('closes on versionchange so that a newer version can upgrade without being blocked', async () => {
    const { name, db } = await freshDB();
    const blocked = vi.fn();
    const newer = await openDB(name, DB_VERSION + 1, { blocked });
    newer.close();
    expect(blocked).not.toHaveBeenCalled();
    expect(() => db.transaction('articles')).toThrow();
  });

  it('uses the default database when no connection is passed, and reopens it after a deletion', async () => {
    await recordVisit(article(1), 1000);
    expect((await listHistory({ limit: 10 })).map((e) => e.title)).toEqual(['Story 1']);
    const first = await getBackstoryDB();
    expect(await getBackstoryDB()).toBe(first);

    await deleteDB('backstory'); // e.g. the user clears extension data; not blocked by our open connection

    expect(await listHistory({ limit: 10 })).toEqual([]);
    expect(await getBackstoryDB()).not.toBe(first);
    await recordVisit(article(2), 2000);
    expect(await getHistoryEntry(article(2).canonicalUrl)).toMatchObject({ visits: [2000] });
    (await getBackstoryDB()).close();
  });
});

describe('analyses', () => {
  const stored = (url: string, keys: string[]): StoredAnalysis => ({
    canonicalUrl: url,
    analysis: { lang: 'en', entities: keys.map((k) => ({ name: k, type: 'person' as const, mentions: 1, variants: [] })), keyTerms: [], summary: [] },
    entityKeys: keys,
    analysedAt: 1,
  });

  it('finds earlier articles by the names they share, most shared first', async () => {
    const { db } = await freshDB();
    await putAnalysis(stored('https://a.example/1', ['harwick', 'priya okafor']), db);
    await putAnalysis(stored('https://a.example/2', ['harwick']), db);
    await putAnalysis(stored('https://a.example/3', ['castlebury']), db);
    expect(await findAnalysesByEntities(['harwick', 'priya okafor', 'river ouse'], {}, db)).toEqual([
      { canonicalUrl: 'https://a.example/1', shared: ['harwick', 'priya okafor'] },
      { canonicalUrl: 'https://a.example/2', shared: ['harwick'] },
    ]);
    expect(await findAnalysesByEntities(['nobody'], {}, db)).toEqual([]);
  });

  it('deleting a history entry deletes its analysis and cached coverage; clearing deletes every cache', async () => {
    const { db } = await freshDB();
    await recordVisit(article(1), 1000, db);
    await putAnalysis(stored(article(1).canonicalUrl, ['harwick']), db);
    await putRelatedResult(article(1).canonicalUrl, 'k', 1, { id: 'gdelt', name: 'GDELT', state: 'empty', stories: [] }, db);
    await putEntityCache({ key: 'summary:en:Harwick', fetchedAt: 1, summary: { kind: 'not-found' } }, db);
    await deleteHistoryEntry(article(1).canonicalUrl, db);
    expect(await getAnalysis(article(1).canonicalUrl, db)).toBeUndefined();
    expect(await getRelatedCache(article(1).canonicalUrl, db)).toBeUndefined();
    expect(await getEntityCache('summary:en:Harwick', db)).toBeDefined();
    await putAnalysis(stored(article(2).canonicalUrl, ['x']), db);
    await clearHistory(db);
    expect(await getAnalysis(article(2).canonicalUrl, db)).toBeUndefined();
    expect(await getEntityCache('summary:en:Harwick', db)).toBeUndefined();
  });

  it('reads several history entries at once, skipping unknown URLs', async () => {
    const { db } = await freshDB();
    await recordVisit(article(1), 1000, db);
    await recordVisit(article(2), 2000, db);
    const found = await getHistoryEntries([article(2).canonicalUrl, 'https://never.example/', article(1).canonicalUrl], db);
    expect(found.map((e) => e.title)).toEqual(['Story 2', 'Story 1']);
  });
});

describe('related cache', () => {
  const result = (id: string, state: 'ok' | 'empty' = 'empty') => ({ id, name: id, state, stories: [] });

  it('collects provider answers that arrive concurrently into one record', async () => {
    const { db } = await freshDB();
    await Promise.all(['google-news', 'gdelt', 'bing-news'].map((id) => putRelatedResult('https://a.example/1', 'k1', 100, result(id), db)));
    const record = await getRelatedCache('https://a.example/1', db);
    expect(record?.fetchedAt).toBe(100);
    expect(record?.results.map((r) => r.id).sort()).toEqual(['bing-news', 'gdelt', 'google-news']);
  });

  it('replaces a provider answer, and starts over for other questions or a newer lookup', async () => {
    const { db } = await freshDB();
    await putRelatedResult('https://a.example/1', 'k1', 100, result('gdelt'), db);
    await putRelatedResult('https://a.example/1', 'k1', 100, result('gdelt', 'ok'), db);
    expect((await getRelatedCache('https://a.example/1', db))?.results).toEqual([result('gdelt', 'ok')]);
    await putRelatedResult('https://a.example/1', 'k1', 100, result('bing-news'), db);
    await putRelatedResult('https://a.example/1', 'k2', 100, result('google-news'), db);
    expect(await getRelatedCache('https://a.example/1', db)).toEqual({
      canonicalUrl: 'https://a.example/1',
      queryKey: 'k2',
      fetchedAt: 100,
      results: [result('google-news')],
    });
    await putRelatedResult('https://a.example/1', 'k2', 900, result('gdelt'), db);
    expect(await getRelatedCache('https://a.example/1', db)).toMatchObject({ fetchedAt: 900, results: [result('gdelt')] });
  });

  it('prunes related and explainer records fetched before a time', async () => {
    const { db } = await freshDB();
    await putRelatedResult('https://a.example/old', 'k', 100, result('gdelt'), db);
    await putRelatedResult('https://a.example/new', 'k', 900, result('gdelt'), db);
    await putEntityCache({ key: 'old', fetchedAt: 100, search: [] }, db);
    await putEntityCache({ key: 'new', fetchedAt: 900, search: [] }, db);
    expect(await pruneCaches(500, db)).toBe(2);
    expect(await getRelatedCache('https://a.example/old', db)).toBeUndefined();
    expect(await getRelatedCache('https://a.example/new', db)).toBeDefined();
    expect(await getEntityCache('old', db)).toBeUndefined();
    expect(await getEntityCache('new', db)).toBeDefined();
  });
});

describe('feed items', () => {
  const item = (n: number) => ({
    title: `Item ${n}`,
    url: `https://feeds.example.org/${n}`,
    source: 'Feed',
    domain: 'feeds.example.org',
    publishedAt: null,
    description: null,
    lang: null,
    provider: 'feeds',
  });

  it('stores a poll, replaces items seen again, and prunes old items and removed feeds', async () => {
    const { db } = await freshDB();
    await putFeedItems('https://feeds.example.org/a.xml', [item(1), item(2)], 100, db);
    await putFeedItems('https://feeds.example.org/a.xml', [item(2)], 900, db);
    await putFeedItems('https://feeds.example.org/b.xml', [item(3)], 900, db);
    expect((await listFeedItems({}, db)).map((i) => [i.title, i.fetchedAt])).toEqual([
      ['Item 1', 100],
      ['Item 2', 900],
      ['Item 3', 900],
    ]);
    expect(await pruneFeedItems(500, ['https://feeds.example.org/a.xml'], db)).toBe(2);
    expect((await listFeedItems({}, db)).map((i) => i.title)).toEqual(['Item 2']);
  });
});
