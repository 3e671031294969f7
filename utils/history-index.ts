/**
 * The history's search index (database v4): an inverted index of the articles' search terms.
 *
 * - `search` holds each article's terms (`SearchRecord`) with a small number, its `doc`, which
 *   never changes while the article is in the history;
 * - `postings` holds, for each term, the sorted `doc` numbers of the articles that have it;
 * - `search-meta` holds one record: the next free `doc`, and each doc's latest visit time.
 *
 * A query word is a key range on `postings` (every term it starts), so one read gives the
 * articles of all its terms as plain numbers; the words' sets are intersected in a typed array and
 * ordered by the visit times before a single article is read. (v3 used a multi-entry index over
 * every term of every article: 200 index entries per article, and a prefix read of up to 2,000
 * compound keys per word, which took 50–185 ms at 10,000 articles in Chromium.)
 *
 * Writes go through {@link createIndexWriter}: changes to postings are gathered during the
 * transaction and written once per term by `flush()`, so a bulk import touches each term once.
 */
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { BackstoryDB, SearchRecord, SearchTerms } from './db';

/** The articles that have one term, by `doc`, ascending. */
export interface PostingRecord {
  term: string;
  /** Written as a Uint32Array (stored and read back as one block of bytes); a plain array (a saved test database) reads the same. */
  docs: Uint32Array | number[];
}

/** The one `search-meta` record. */
export interface SearchMetaRecord {
  key: 'docs';
  /** The next `doc` to give out (numbers are never reused, except after "Clear all"). */
  next: number;
  /**
   * Latest visit (epoch ms) of each doc, by doc; -1 for a doc no longer in the history. Written as
   * a Float64Array (read back without making an object per number, which a plain array of epoch
   * milliseconds would: they are beyond small integers); a plain array (a saved test database) reads the same.
   */
  visited: Float64Array | (number | null)[];
}

/** The stores a transaction that changes the index must include. */
export const INDEX_STORES = ['search', 'postings', 'search-meta'] as const;

type IndexStores = 'search' | 'postings' | 'search-meta';
type WritableTx = IDBPTransaction<BackstoryDB, ArrayLike<StoreNames<BackstoryDB>>, 'readwrite' | 'versionchange'>;
type ReadableTx = IDBPTransaction<BackstoryDB, ArrayLike<StoreNames<BackstoryDB>>, 'readonly' | 'readwrite' | 'versionchange'>;
type Store<N extends IndexStores> = IDBPObjectStore<BackstoryDB, ArrayLike<StoreNames<BackstoryDB>>, N, 'readonly' | 'readwrite' | 'versionchange'>;
type WritableStore<N extends IndexStores> = IDBPObjectStore<BackstoryDB, ArrayLike<StoreNames<BackstoryDB>>, N, 'readwrite' | 'versionchange'>;

const META_KEY = 'docs' as const;
/** The visit time of a doc no longer in the history. */
const GONE = -1;
const emptyMeta = (): SearchMetaRecord => ({ key: META_KEY, next: 0, visited: new Float64Array(0) });

/** Sets a doc's visit time, growing the table (doubling, unused slots -1) when needed. */
function setVisited(meta: SearchMetaRecord, doc: number, at: number): void {
  if (!(meta.visited instanceof Float64Array) || doc >= meta.visited.length) {
    const grown = new Float64Array(Math.max(64, doc + 1, meta.visited.length * 2)).fill(GONE);
    meta.visited.forEach((v, i) => (grown[i] = v ?? GONE));
    meta.visited = grown;
  }
  meta.visited[doc] = at;
}

/** The index's visit-time table (an empty one before the first article). */
export async function readSearchMeta(tx: ReadableTx): Promise<SearchMetaRecord> {
  return (await (tx.objectStore('search-meta') as Store<'search-meta'>).get(META_KEY)) ?? emptyMeta();
}

/**
 * A posting's docs after `changes` (doc → true: add, false: remove), ascending. The usual case,
 * docs added after every doc already there (new articles get the highest numbers), is two copies.
 */
export function changedPosting(docs: ArrayLike<number>, changes: ReadonlyMap<number, boolean>): Uint32Array {
  const adds: number[] = [];
  const removes = new Set<number>();
  for (const [doc, add] of changes) {
    if (add) adds.push(doc);
    else removes.add(doc);
  }
  adds.sort((a, b) => a - b);
  const last = docs.length ? docs[docs.length - 1]! : -1;
  if (!removes.size && (!adds.length || adds[0]! > last)) {
    const out = new Uint32Array(docs.length + adds.length);
    out.set(docs);
    out.set(adds, docs.length);
    return out;
  }
  const merged: number[] = [];
  let j = 0;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    while (j < adds.length && adds[j]! < doc) merged.push(adds[j++]!);
    if (adds[j] === doc) j++;
    if (!removes.has(doc)) merged.push(doc);
  }
  while (j < adds.length) merged.push(adds[j++]!);
  return Uint32Array.from(merged);
}

/** Changes to the search index within one readwrite (or upgrade) transaction; call `flush()` before it ends. */
export interface IndexWriter {
  /**
   * Replaces the search record of `canonicalUrl` (null: removes it), keeping its doc number, and
   * records the postings to change. Returns the old record.
   */
  replace(canonicalUrl: string, next: SearchTerms | null | ((old: SearchRecord | undefined) => SearchTerms | null)): Promise<SearchRecord | undefined>;
  /** Gives a record written before v4 (it has no doc number) its number and postings; returns the record to store. */
  adopt(record: SearchTerms): Promise<SearchRecord>;
  /** Writes the gathered postings and visit times (one read and one write per changed term). */
  flush(): Promise<void>;
}

export function createIndexWriter(tx: WritableTx): IndexWriter {
  const search = tx.objectStore('search') as WritableStore<'search'>;
  const postings = tx.objectStore('postings') as WritableStore<'postings'>;
  let meta: Promise<SearchMetaRecord> | undefined;
  let metaValue: SearchMetaRecord | undefined;
  /** term → doc → true (add) / false (remove); the latest change wins. */
  const changes = new Map<string, Map<number, boolean>>();
  const change = (term: string, doc: number, add: boolean) => {
    let docs = changes.get(term);
    if (!docs) changes.set(term, (docs = new Map()));
    docs.set(doc, add);
  };
  const loadMeta = async () => (metaValue ??= await (meta ??= readSearchMeta(tx)));
  const allocate = (m: SearchMetaRecord) => m.next++;

  return {
    async replace(canonicalUrl, next) {
      const m = await loadMeta();
      const oldKey = await search.index('by-url').getKey(canonicalUrl);
      const old = oldKey ? await search.get(oldKey) : undefined;
      const record = typeof next === 'function' ? next(old) : next;
      if (oldKey) await search.delete(oldKey);
      const doc = old?.doc ?? (record ? allocate(m) : undefined);
      if (doc === undefined) return old;
      const kept = new Set(record?.terms ?? []);
      for (const term of old?.terms ?? []) if (!kept.has(term)) change(term, doc, false);
      const before = new Set(old?.terms ?? []);
      for (const term of kept) if (!before.has(term)) change(term, doc, true);
      if (record) {
        await search.put({ ...record, doc });
        setVisited(m, doc, record.lastVisitedAt);
      } else setVisited(m, doc, GONE);
      return old;
    },
    async adopt(record) {
      const m = await loadMeta();
      const doc = allocate(m);
      for (const term of new Set(record.terms)) change(term, doc, true);
      setVisited(m, doc, record.lastVisitedAt);
      return { ...record, doc };
    },
    async flush() {
      if (!metaValue && !changes.size) return;
      const terms = [...changes.keys()];
      const current = await Promise.all(terms.map((term) => postings.get(term)));
      const writes: Promise<unknown>[] = [];
      terms.forEach((term, i) => {
        const docs = changedPosting(current[i]?.docs ?? [], changes.get(term)!);
        if (docs.length) writes.push(postings.put({ term, docs }));
        else if (current[i]) writes.push(postings.delete(term));
      });
      if (metaValue) writes.push((tx.objectStore('search-meta') as WritableStore<'search-meta'>).put(metaValue));
      changes.clear();
      await Promise.all(writes);
    },
  };
}

/** What the index says about a query: see {@link matchDocs}. */
export interface IndexMatch {
  /** The docs in every narrow group, newest visit first; null when there was no narrow group. */
  docs: number[] | null;
  /** Positions of the groups whose range held more than `termCap` terms: check them on each record's terms. */
  broad: number[];
  /** A doc's latest visit (epoch ms). */
  visitedAt(doc: number): number;
  /** {@link visitSpans} of these docs (newest first) among all the history's visit times. */
  spans(docs: readonly number[]): TimeSpan[];
}

/** Visit times from `from` to `to`, inclusive (epoch ms). */
export interface TimeSpan {
  from: number;
  to: number;
}

/**
 * Most other articles a span may hold between two wanted ones before a new span starts: reading a
 * few more articles in one read is cheaper than another read, but long chains of gaps are not
 * (measured in Chromium at 10,000 articles: 16 made the slowest searches read over 1,000 articles).
 */
export const MAX_OTHERS_IN_SPAN = 3;

/**
 * Spans of visit times that hold every time of `wanted` (newest first) and few other articles:
 * the articles of a result page are then read with one ranged read per span (`articles` by
 * `lastVisitedAt`) instead of one read per article. `all` is every article's visit time, ascending.
 */
export function visitSpans(all: Float64Array, wanted: readonly number[], maxOthers = MAX_OTHERS_IN_SPAN): TimeSpan[] {
  const spans: TimeSpan[] = [];
  let previousRank = Number.POSITIVE_INFINITY;
  for (const t of wanted) {
    const rank = bisect(all, t);
    // Few other articles between this time and the span's oldest so far: extend it; many: start another.
    const last = spans[spans.length - 1];
    if (last && previousRank - rank <= maxOthers + 1) last.from = Math.min(last.from, t);
    else spans.push({ from: t, to: t });
    previousRank = rank;
  }
  return spans;
}

/** Index of the first element of the ascending `values` that is ≥ `t`. */
function bisect(values: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The docs that have, for each key range, at least one term in it (a query word's prefix range, a
 * site key, an entity's prefix range), visited at `from` or later, newest first. A range holding
 * more than `termCap` terms (a short prefix of many words) is left to the caller as broad.
 */
export async function matchDocs(
  tx: ReadableTx,
  ranges: readonly IDBKeyRange[],
  { termCap, from = Number.NEGATIVE_INFINITY }: { termCap: number; from?: number },
): Promise<IndexMatch> {
  const postings = tx.objectStore('postings') as Store<'postings'>;
  const [meta, ...groups] = await Promise.all([readSearchMeta(tx), ...ranges.map((range) => postings.getAll(range, termCap + 1))]);
  const broad = groups.flatMap((g, i) => (g.length > termCap ? [i] : []));
  const visited = (doc: number) => meta.visited[doc] ?? GONE;
  let all: Float64Array | undefined;
  const spans = (docs: readonly number[]) => {
    all ??= Float64Array.from(Array.prototype.filter.call(meta.visited, (v: number | null) => v !== null && v !== GONE) as number[]).sort();
    return visitSpans(all, docs.map(visited));
  };
  const narrow = groups
    .filter((g) => g.length <= termCap)
    .map((g) => ({ records: g, size: g.reduce((n, r) => n + r.docs.length, 0) }))
    .sort((a, b) => a.size - b.size);
  if (!narrow.length) return { docs: null, broad, visitedAt: visited, spans };
  // level[doc] = how many groups (smallest first) the doc was in, without a gap.
  const level = new Uint16Array(meta.next);
  narrow.forEach(({ records }, k) => {
    for (const { docs } of records) for (const doc of docs) if (level[doc] === k) level[doc] = k + 1;
  });
  const docs: number[] = [];
  for (let doc = 0; doc < level.length; doc++) {
    if (level[doc] === narrow.length && visited(doc) !== GONE && visited(doc) >= from) docs.push(doc);
  }
  docs.sort((a, b) => visited(b) - visited(a) || a - b);
  return { docs, broad, visitedAt: visited, spans };
}
