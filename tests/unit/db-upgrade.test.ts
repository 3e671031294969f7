// Upgrade from every earlier schema version with data intact (issue #7). Each saved database
// (tests/fixtures/db/v<N>.json) was written by the utils/db.ts of the commit that shipped version N
// (make-fixtures.mjs); here it is restored at version N with that version's stores and indexes,
// then opened with today's code. Stands for a reader who installed version N and updates.
import type { IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DB_VERSION,
  findAnalysesByEntities,
  getAnalysis,
  getEntityCache,
  getRelatedCache,
  listFeedItems,
  listHistory,
  openBackstoryDB,
  recordVisit,
  searchHistory,
  type BackstoryDatabase,
} from '@/utils/db';
import type { HistoryEntry } from '@/utils/history-types';
import { DUMPED_VERSIONS, readDump, type DatabaseDump } from '../fixtures/db/fixtures';

const opened: IDBPDatabase<unknown>[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const request = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));

/** Restores a dump with the raw API: its version, stores, indexes and records exactly as saved. */
async function restore(dump: DatabaseDump, name: string): Promise<void> {
  const open = indexedDB.open(name, dump.version);
  open.onupgradeneeded = () => {
    for (const [storeName, store] of Object.entries(dump.stores)) {
      const created = open.result.createObjectStore(storeName, { keyPath: store.keyPath, autoIncrement: store.autoIncrement });
      for (const index of store.indexes) created.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
    }
  };
  const db = await request(open);
  const names = Object.keys(dump.stores);
  if (names.length) {
    const tx = db.transaction(names, 'readwrite');
    for (const [storeName, store] of Object.entries(dump.stores))
      for (const { key, value } of store.records) tx.objectStore(storeName).put(value, store.keyPath === null ? key : undefined);
    await new Promise((ok, fail) => ((tx.oncomplete = ok), (tx.onerror = () => fail(tx.error))));
  }
  db.close();
}

let counter = 0;
async function upgraded(version: number): Promise<{ dump: DatabaseDump; db: BackstoryDatabase }> {
  const dump = readDump(version);
  const name = `backstory-upgrade-${version}-${++counter}`;
  await restore(dump, name);
  const db = await openBackstoryDB({ name });
  opened.push(db as IDBPDatabase<unknown>);
  return { dump, db };
}

const articlesOf = (dump: DatabaseDump) => dump.stores.articles!.records.map((r) => r.value as HistoryEntry);
const urls = (entries: HistoryEntry[]) => entries.map((e) => e.canonicalUrl);
const FLOOD = 'https://www.harwick-gazette.example/news/flood-barrier-vote';
const MUNICH = 'https://nachrichten.example.de/wirtschaft/stadtwerke-muenchen-tarif';
const STRIKE = 'https://live.castlebury-post.example/rail/northline-strike-dates';
const BLOG = 'http://blog.example.org/2026/01/notes';

describe('saved databases of earlier versions', () => {
  it('exist for every earlier schema version, each written by the code of its own version', () => {
    expect(DUMPED_VERSIONS).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
    for (const version of DUMPED_VERSIONS) {
      const dump = readDump(version);
      expect(dump.version).toBe(version);
      expect(dump.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(dump.about).toContain(dump.commit);
      expect(articlesOf(dump).length).toBe(4);
    }
  });
});

describe.each(DUMPED_VERSIONS)('upgrading the saved v%i database to today', (version) => {
  it('keeps every record of every store exactly as it was', async () => {
    const { dump, db } = await upgraded(version);
    expect(db.version).toBe(DB_VERSION);
    for (const [storeName, store] of Object.entries(dump.stores)) {
      const raw = db as unknown as IDBPDatabase<unknown>;
      expect(await raw.count(storeName), storeName).toBe(store.records.length);
      // v4 gives each search record its number in the inverted index; nothing else changes.
      const expected = (value: unknown) => (storeName === 'search' && version < 4 ? { ...(value as object), doc: expect.any(Number) } : value);
      for (const { key, value } of store.records) expect(await raw.get(storeName, key), `${storeName} ${String(key)}`).toEqual(expected(value));
    }
  });

  it('has every store and index of today', async () => {
    const { db } = await upgraded(version);
    const fresh = await openBackstoryDB({ name: `backstory-upgrade-fresh-${++counter}` });
    opened.push(fresh as IDBPDatabase<unknown>);
    const schema = (d: BackstoryDatabase) =>
      [...d.objectStoreNames].sort().map((name) => {
        const store = d.transaction(name).store;
        return { name, keyPath: store.keyPath, indexes: [...store.indexNames].sort().map((i) => [i, store.index(i).keyPath, store.index(i).unique, store.index(i).multiEntry]) };
      });
    expect(schema(db)).toEqual(schema(fresh));
  });

  it('lists the whole history, newest first, with its visits', async () => {
    const { dump, db } = await upgraded(version);
    const history = await listHistory({ limit: 10 }, db);
    expect(urls(history)).toEqual([FLOOD, STRIKE, MUNICH, BLOG]);
    expect(history).toEqual(expect.arrayContaining(articlesOf(dump)));
    expect(history[0]!.visits).toEqual([1_772_600_000_000, 1_772_700_000_000]);
  });

  it('finds the old records by title, outlet, excerpt, site and (with analyses) entity', async () => {
    const { db } = await upgraded(version);
    const search = async (query: string, extra: object = {}) => urls(await searchHistory({ query, limit: 10, ...extra }, db));
    expect(await search('flood barr')).toEqual([FLOOD]);
    expect(await search('northline')).toEqual([STRIKE, BLOG]);
    expect(await search('marsh')).toEqual([FLOOD]); // excerpt only
    expect(await search('fernwarme munchen')).toEqual([MUNICH]); // umlauts folded
    expect(await search('castlebury post')).toEqual([STRIKE]); // outlet
    expect(await search('', { site: 'blog.example.org' })).toEqual([BLOG]);
    if (version >= 2) {
      expect(await search('', { entity: 'Priya' })).toEqual([FLOOD]);
      expect(await search('sahin')).toEqual([MUNICH]); // entity name of an analysis stored before the search index
    }
    if (version >= 3) expect(await search('councillors')).toEqual([FLOOD]); // article text indexed by the v3 code at the visit
  });

  it('keeps analyses and caches usable (v2 and later)', async () => {
    const { db } = await upgraded(version);
    if (version < 2) {
      expect(await getAnalysis(FLOOD, db)).toBeUndefined();
      return;
    }
    expect((await getAnalysis(FLOOD, db))?.analysis.entities.map((e) => e.name)).toEqual(['Priya Okafor', 'River Ouse', 'Harwick']);
    expect(await findAnalysesByEntities(['harwick'], {}, db)).toEqual([{ canonicalUrl: FLOOD, shared: ['harwick'] }]);
    expect((await getRelatedCache(FLOOD, db))?.results[0]?.stories[0]?.source).toBe('BBC News');
    expect((await getEntityCache('summary:en:River_Ouse', db))?.fetchedAt).toBe(1_772_600_002_000);
    expect((await listFeedItems({}, db)).map((i) => i.title)).toEqual(['Barrier gates to be tested in April']);
  });

  it('goes on recording: a new visit to an old article joins its record and becomes searchable by its text', async () => {
    const { db } = await upgraded(version);
    const old = (await listHistory({ limit: 10 }, db)).find((e) => e.canonicalUrl === STRIKE)!;
    const entry = await recordVisit(
      { ...old, text: 'Picket lines formed outside the Castlebury depot at dawn.' },
      1_772_800_000_000,
      db,
    );
    expect(entry.visits).toEqual([...old.visits, 1_772_800_000_000]);
    expect(urls(await listHistory({ limit: 10 }, db))).toEqual([STRIKE, FLOOD, MUNICH, BLOG]);
    expect(urls(await searchHistory({ query: 'picket', limit: 10 }, db))).toEqual([STRIKE]);
    expect(urls(await searchHistory({ query: 'northline', limit: 10 }, db))).toEqual([STRIKE, BLOG]);
  });
});
