import type { IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '@/utils/article/types';
import type { HistoryEntry } from '@/utils/history-types';
import {
  SEARCH_TERM_CAP,
  clearHistory,
  deleteHistoryEntry,
  exportHistory,
  importHistory,
  listHistory,
  openBackstoryDB,
  putAnalysis,
  putEntityCache,
  putFeedItems,
  putRelatedResult,
  recordVisit,
  searchHistory,
  type BackstoryDatabase,
} from '@/utils/db';
import { parseHistoryExport, toExportJson } from '@/utils/history-export';

let counter = 0;
const opened: BackstoryDatabase[] = [];
async function freshDB(): Promise<BackstoryDatabase> {
  const db = await openBackstoryDB({ name: `history-search-${++counter}` });
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function article(slug: string, title: string, text: string, overrides: Partial<Article> = {}): Article {
  return {
    url: `https://www.example.com/${slug}`,
    canonicalUrl: `https://www.example.com/${slug}`,
    title,
    byline: null,
    siteName: 'Example News',
    publishedAt: null,
    lang: 'en',
    excerpt: '',
    text,
    wordCount: 10,
    readingMinutes: 1,
    ...overrides,
  };
}

const FLOOD = article('flood', 'Flood barrier closes', 'Engineers in Harwick tested the sluice gates overnight. Residents of São Paulo watched.');
const STRIKE = article('strike', 'Rail strike called off', 'The union and Harwick Rail agreed on wages after talks.', {
  canonicalUrl: 'https://rail.example.org/strike',
  url: 'https://rail.example.org/strike',
  siteName: 'Rail Weekly',
});
const urls = (entries: { canonicalUrl: string }[]) => entries.map((e) => e.canonicalUrl);

describe('searchHistory', () => {
  async function seeded() {
    const db = await freshDB();
    await recordVisit(FLOOD, 1000, db);
    await recordVisit(STRIKE, 2000, db);
    return db;
  }

  it('finds an article by a word of its text, which is not stored itself', async () => {
    const db = await seeded();
    expect(urls(await searchHistory({ query: 'sluice', limit: 10 }, db))).toEqual([FLOOD.canonicalUrl]);
    const [entry] = await listHistory({ limit: 1 }, db);
    expect(JSON.stringify(entry)).not.toContain('sluice');
  });

  it('matches every query word by prefix (AND), newest visit first', async () => {
    const db = await seeded();
    expect(urls(await searchHistory({ query: 'harw', limit: 10 }, db))).toEqual([STRIKE.canonicalUrl, FLOOD.canonicalUrl]);
    expect(urls(await searchHistory({ query: 'harw wag', limit: 10 }, db))).toEqual([STRIKE.canonicalUrl]);
    expect(urls(await searchHistory({ query: 'harw wag sluice', limit: 10 }, db))).toEqual([]);
    await recordVisit(FLOOD, 3000, db); // a new visit moves it to the top
    expect(urls(await searchHistory({ query: 'harw', limit: 10 }, db))).toEqual([FLOOD.canonicalUrl, STRIKE.canonicalUrl]);
  });

  it('folds case and diacritics on both sides', async () => {
    const db = await seeded();
    expect(urls(await searchHistory({ query: 'SAO pau', limit: 10 }, db))).toEqual([FLOOD.canonicalUrl]);
    expect(urls(await searchHistory({ query: 'São', limit: 10 }, db))).toEqual([FLOOD.canonicalUrl]);
  });

  it('searches title and outlet, ignores stop words between words, and caps the results', async () => {
    const db = await seeded();
    expect(urls(await searchHistory({ query: 'rail weekly', limit: 10 }, db))).toEqual([STRIKE.canonicalUrl]);
    expect(urls(await searchHistory({ query: 'the flood', limit: 10 }, db))).toEqual([FLOOD.canonicalUrl]);
    expect(await searchHistory({ query: 'harwick', limit: 1 }, db)).toHaveLength(1);
  });

  it('filters by site, by visit date and by entity (after the analysis is stored)', async () => {
    const db = await seeded();
    expect(urls(await searchHistory({ query: '', site: 'rail.example.org', limit: 10 }, db))).toEqual([STRIKE.canonicalUrl]);
    expect(urls(await searchHistory({ query: 'harwick', site: 'example.com', limit: 10 }, db))).toEqual([FLOOD.canonicalUrl]);
    expect(urls(await searchHistory({ query: '', from: 1500, limit: 10 }, db))).toEqual([STRIKE.canonicalUrl]);
    expect(urls(await searchHistory({ query: 'harwick', to: 1500, limit: 10 }, db))).toEqual([FLOOD.canonicalUrl]);
    expect(await searchHistory({ query: '', entity: 'Jane Smith', limit: 10 }, db)).toEqual([]);
    const analysis = { lang: 'en', entities: [{ name: 'Jane Smith', type: 'person' as const, mentions: 2, variants: [] }], keyTerms: [], summary: [] };
    await putAnalysis({ canonicalUrl: STRIKE.canonicalUrl, analysis, entityKeys: ['jane smith'], analysedAt: 2500 }, db);
    expect(urls(await searchHistory({ query: '', entity: 'jane smith', limit: 10 }, db))).toEqual([STRIKE.canonicalUrl]);
    expect(urls(await searchHistory({ query: '', entity: 'Jane', limit: 10 }, db))).toEqual([STRIKE.canonicalUrl]);
    expect(await searchHistory({ query: '', entity: 'Smith', limit: 10 }, db)).toEqual([]);
    expect(urls(await searchHistory({ query: 'smi', limit: 10 }, db))).toEqual([STRIKE.canonicalUrl]);
    // Still found by its text words after the entity terms were added.
    expect(urls(await searchHistory({ query: 'wages', limit: 10 }, db))).toEqual([STRIKE.canonicalUrl]);
  });

  it('gives the same answer as a scan when a word starts more terms than the cap (checked on the candidates instead)', async () => {
    const db = await freshDB();
    const n = SEARCH_TERM_CAP + 50;
    // Imported in one go, as a restored export would be: every article has its own "zz…" word.
    await importHistory(
      Array.from({ length: n }, (_, i) => {
        const url = `https://example.com/${i}`;
        return {
          canonicalUrl: url, url, title: `Story ${i}`, byline: null, siteName: null, publishedAt: null, lang: 'en',
          excerpt: '', wordCount: 1, readingMinutes: 1, visits: [i], lastVisitedAt: i, site: 'example.com',
          terms: ['shared', i % 7 === 0 ? 'seven' : 'other', `zz${i}`],
        };
      }),
      db,
    );
    const found = await searchHistory({ query: 'zz seven', limit: 5 }, db); // "zz" is broad, "seven" narrow
    const expected = Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 === 0).reverse().slice(0, 5);
    expect(found.map((e) => e.lastVisitedAt)).toEqual(expected);
    expect((await searchHistory({ query: 'zz12', limit: 3 }, db)).map((e) => e.lastVisitedAt)).toEqual([1299, 1298, 1297]); // narrow again
    // Every word broad: the newest articles are checked first.
    const allBroad = await searchHistory({ query: 'zz', limit: 3 }, db);
    expect(allBroad.map((e) => e.lastVisitedAt)).toEqual([n - 1, n - 2, n - 3]);
    const withDate = await searchHistory({ query: 'zz', from: 10, to: 11, limit: 3 }, db);
    expect(withDate.map((e) => e.lastVisitedAt)).toEqual([11, 10]);
  });
});

describe('searchHistory against a scan', () => {
  it('two articles visited at the same moment: only the one that matches is returned', async () => {
    const db = await freshDB();
    await recordVisit(FLOOD, 1000, db);
    await recordVisit(STRIKE, 1000, db);
    expect(urls(await searchHistory({ query: 'sluice', limit: 10 }, db))).toEqual([FLOOD.canonicalUrl]);
    expect(urls(await searchHistory({ query: 'wages', limit: 10 }, db))).toEqual([STRIKE.canonicalUrl]);
    expect(urls(await searchHistory({ query: 'harw', limit: 10 }, db)).sort()).toEqual([FLOOD.canonicalUrl, STRIKE.canonicalUrl].sort());
  });

  it('gives exactly what a scan of every record gives, for words common and rare, in a history with deletions and repeat visits', async () => {
    // Stands for a long-used history: 400 articles over a small vocabulary (so words are shared
    // unevenly), some deleted, some read again later, some at the same minute.
    const db = await freshDB();
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const words = Array.from({ length: 120 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`);
    const pick = () => words[Math.floor(words.length * random() ** 2)]!;
    const n = 400;
    for (let i = 0; i < n; i++) {
      const text = Array.from({ length: 12 }, pick).join(' ');
      await recordVisit(article(`a${i}`, `Story ${pick()}`, text), 10_000 + Math.floor(i / 3) * 60_000, db);
    }
    for (let i = 0; i < n; i += 9) await deleteHistoryEntry(`https://www.example.com/a${i}`, db);
    for (let i = 5; i < n; i += 37) await recordVisit(article(`a${i}`, 'Read again', 'wbax'), 50_000_000 + i, db);

    const everything = await listHistory({ limit: 10_000 }, db);
    const records = await db.getAll('search');
    const termsOf = new Map(records.map((r) => [r.canonicalUrl, r.terms]));
    const scan = (prefixes: string[], limit: number) =>
      everything.filter((e) => prefixes.every((p) => termsOf.get(e.canonicalUrl)!.some((t) => t.startsWith(p)))).slice(0, limit);
    for (const query of ['wa', 'wb', 'wbax', 'wcbx', 'wz', 'wa wb', 'waax wbax', 'story wa', 'read', 'wqax', 'wxx']) {
      for (const limit of [5, 100]) {
        const found = await searchHistory({ query, limit }, db);
        const expected = scan(query.split(' '), limit);
        // Articles visited at the same minute may come in either order (and either may be the last
        // one within the limit): the visit times agree, every result matches, and above the last
        // time the articles are the same.
        expect(found.map((e) => e.lastVisitedAt), `${query} / ${limit}`).toEqual(expected.map((e) => e.lastVisitedAt));
        expect(urls(scan(query.split(' '), 10_000)), query).toEqual(expect.arrayContaining(urls(found)));
        const cut = expected.at(-1)?.lastVisitedAt ?? 0;
        const above = (entries: HistoryEntry[]) => urls(entries.filter((e) => e.lastVisitedAt > cut)).sort();
        expect(above(found), query).toEqual(above(expected));
      }
    }
  });
});

describe('deleting and clearing', () => {
  it('deletes one article from every store and returns it for an undo, which restores it', async () => {
    const db = await freshDB();
    await recordVisit(FLOOD, 1000, db);
    await recordVisit(STRIKE, 2000, db);
    const removed = await deleteHistoryEntry(FLOOD.canonicalUrl, db);
    expect(removed).toMatchObject({ canonicalUrl: FLOOD.canonicalUrl, visits: [1000] });
    expect(removed!.terms).toContain('sluice');
    expect(await searchHistory({ query: 'sluice', limit: 10 }, db)).toEqual([]);
    expect(await db.count('search')).toBe(1);
    await importHistory([removed!], db);
    expect(urls(await searchHistory({ query: 'sluice', limit: 10 }, db))).toEqual([FLOOD.canonicalUrl]);
    expect(await deleteHistoryEntry('https://unknown.example/x', db)).toBeNull();
  });

  it('clear all leaves no article data in any store', async () => {
    const db = await freshDB();
    await recordVisit(FLOOD, 1000, db);
    const analysis = { lang: 'en', entities: [], keyTerms: [], summary: [] };
    await putAnalysis({ canonicalUrl: FLOOD.canonicalUrl, analysis, entityKeys: [], analysedAt: 1 }, db);
    await putRelatedResult(FLOOD.canonicalUrl, 'q', 1, { id: 'gdelt', name: 'GDELT', state: 'empty', stories: [] }, db);
    await putEntityCache({ key: 'summary:en:harwick', fetchedAt: 1 }, db);
    const feedItem = { title: 'Feed item', url: 'https://feed.example/1', source: 'Feed', domain: 'feed.example', publishedAt: null, description: null, lang: 'en', provider: 'feeds' };
    await putFeedItems('https://feed.example/rss', [feedItem], 1, db);

    await clearHistory(db);
    for (const store of db.objectStoreNames) {
      const records: unknown[] = await (db as IDBPDatabase<unknown>).getAll(store);
      // Feed items are the reader's subscriptions' items, not what they read: kept, but nothing of the history is in them.
      if (store === 'feed-items') expect(records).toEqual([expect.objectContaining({ url: feedItem.url })]);
      else expect({ store, records }).toEqual({ store, records: [] });
      expect(JSON.stringify(records)).not.toContain(FLOOD.canonicalUrl);
    }
  });
});

describe('export and import', () => {
  it('round-trips: an export imported into an empty history gives the same entries, found by their words', async () => {
    const db = await freshDB();
    await recordVisit(FLOOD, 1000, db);
    await recordVisit(STRIKE, 2000, db);
    await recordVisit(FLOOD, 3000, db);
    const json = toExportJson(await exportHistory(db), 4000);
    const before = await listHistory({ limit: 10 }, db);
    await clearHistory(db);

    const parsed = parseHistoryExport(json);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await importHistory(parsed.articles, db)).toEqual({ added: 2, updated: 0 });
    expect(await listHistory({ limit: 10 }, db)).toEqual(before);
    expect(urls(await searchHistory({ query: 'wages', limit: 10 }, db))).toEqual([STRIKE.canonicalUrl]);
  });

  it('merges by canonical URL: visits unioned and sorted without duplicates, newest metadata kept', async () => {
    const db = await freshDB();
    await recordVisit(FLOOD, 1000, db);
    await recordVisit(FLOOD, 3000, db);
    const [exported] = await exportHistory(db);
    const incoming = { ...exported!, title: 'Flood barrier closes (update)', visits: [500, 3000, 5000], lastVisitedAt: 5000, terms: ['gates'] };
    expect(await importHistory([incoming], db)).toEqual({ added: 0, updated: 1 });
    const [entry] = await listHistory({ limit: 10 }, db);
    expect(entry!.visits).toEqual([500, 1000, 3000, 5000]);
    expect(entry!.lastVisitedAt).toBe(5000);
    expect(entry!.title).toBe('Flood barrier closes (update)');
    expect(await db.count('search')).toBe(1);
    expect(urls(await searchHistory({ query: 'sluice update', limit: 10 }, db))).toEqual([FLOOD.canonicalUrl]);
  });

  it('changes nothing when a write fails part-way (one transaction)', async () => {
    const db = await freshDB();
    await recordVisit(FLOOD, 1000, db);
    const [exported] = await exportHistory(db);
    const second = { ...exported!, canonicalUrl: 'https://example.com/two', url: 'https://example.com/two', visits: [9000], lastVisitedAt: 9000 };
    let puts = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      // From the third put on (a retry after pruning caches fails too): the first record was already written.
      if (++puts >= 3) throw new DOMException('quota', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(importHistory([{ ...exported!, visits: [1000, 2000], lastVisitedAt: 2000 }, second], db)).rejects.toThrow(/nothing was imported/);
    vi.restoreAllMocks();
    const { terms: _terms, ...stored } = exported!;
    expect(await listHistory({ limit: 10 }, db)).toEqual([stored]);
    expect(await db.count('search')).toBe(1);
  });
});
