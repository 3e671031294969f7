import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '@/utils/article/types';
import type { HistoryEntry } from '@/utils/history-types';
import {
  DB_VERSION,
  MAX_VISITS,
  clearHistory,
  deleteHistoryEntry,
  getBackstoryDB,
  getHistoryEntry,
  listHistory,
  openBackstoryDB,
  recordVisit,
  type BackstoryDatabase,
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
  /**
   * One case per upgrade step: a record in the shape that version `k` stored, and what it reads
   * back as at the latest version. To add step k+1, add a case whose record has the v(k+1) shape.
   */
  const upgradeCases: Array<{ version: number; store: string; record: unknown; expected: HistoryEntry }> = [
    {
      version: 1,
      store: 'articles',
      record: {
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
      },
      expected: {
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
      },
    },
  ];

  it('has a test case for every upgrade step', () => {
    expect(upgradeCases.map((c) => c.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  for (const { version, store, record, expected } of upgradeCases) {
    it(`keeps v${version} records readable after upgrading to the latest version`, async () => {
      const { name, db: old } = await freshDB(version);
      expect(old.version).toBe(version);
      await (old as IDBPDatabase<unknown>).put(store, record);
      old.close();

      const db = await openBackstoryDB({ name });
      opened.push(db as IDBPDatabase<unknown>);
      expect(db.version).toBe(DB_VERSION);
      expect(await getHistoryEntry(expected.canonicalUrl, db)).toEqual(expected);
      expect(await listHistory({ limit: 10 }, db)).toEqual([expected]);
    });
  }

  it('creates the articles store with its indexes', async () => {
    const { db } = await freshDB();
    expect([...db.objectStoreNames]).toContain('articles');
    const store = db.transaction('articles').store;
    expect(store.keyPath).toBe('canonicalUrl');
    expect([...store.indexNames].sort()).toEqual(['by-lastVisitedAt', 'by-site']);
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
