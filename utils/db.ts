import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Analysis } from './analysis/types';
import type { Article } from './article/types';
import type { ProviderState } from './context/types';
import type { ExportedArticle, HistoryEntry, HistorySearch } from './history-types';
import { mergeEntries } from './history-export';
import { createIndexWriter, INDEX_STORES, matchDocs, type PostingRecord, type SearchMetaRecord } from './history-index';
import { buildSearchTerms, entityKey, prefixRange, queryPrefixes, siteKey, siteOf } from './history-terms';
import type { WikiSearchHit, WikiSummaryResult } from './providers/wikipedia';
import type { RelatedStory } from './related/types';
import { recordStorageWarning, type StorageWarningKind } from './storage-warning';

/** An article's local analysis (never its text), so that its context can be rebuilt without the page. */
export interface StoredAnalysis {
  /** Key: the article's canonical URL. */
  canonicalUrl: string;
  analysis: Analysis;
  /** Folded names of its entities (indexed, multi-entry): finds earlier articles on the same people and places. */
  entityKeys: string[];
  /** Epoch ms. */
  analysedAt: number;
}

/** One provider's answer, as cached for an article. */
export interface CachedProviderResult {
  id: string;
  name: string;
  state: ProviderState;
  stories: RelatedStory[];
  message?: string;
  retryAt?: number;
  /** GDELT only: the article's outlet's country (ISO code) when its answer named it. */
  sourceCountry?: string;
}

/** Related-coverage cache for one article: each provider's raw answer (ranking is redone on read). */
export interface RelatedCacheRecord {
  /** Key: the article's canonical URL. */
  canonicalUrl: string;
  /** Identifies the questions asked (provider requests); another key means the cache is for other settings. */
  queryKey: string;
  /** Epoch ms of the first answer of this lookup; fresh for 30 minutes. */
  fetchedAt: number;
  /** Answers so far, one per provider; a lookup cut short (worker stopped) lists only those that answered. */
  results: CachedProviderResult[];
}

/** A cached Wikipedia answer: a page summary or a title search, by `summary:{lang}:{title}` / `search:{lang}:{q}`. */
export interface EntityCacheRecord {
  key: string;
  /** Epoch ms; fresh for 7 days. */
  fetchedAt: number;
  summary?: WikiSummaryResult;
  search?: WikiSearchHit[];
}

/** An item of one of the reader's feeds. */
export interface FeedItemRecord extends RelatedStory {
  /** The feed it came from (indexed). */
  feedUrl: string;
  /** Epoch ms of the poll that last saw it. */
  fetchedAt: number;
}

/**
 * v3: an article's search terms (the history's compact search index, instead of its text).
 * Keyed by `[lastVisitedAt, canonicalUrl]`, so a walk from the newest visit needs no sort.
 * v4: with its number in the inverted index (`utils/history-index.ts`).
 */
export interface SearchRecord {
  canonicalUrl: string;
  /** Epoch ms of the latest visit, as in `articles` (first part of the key). */
  lastVisitedAt: number;
  /** Folded words and filter keys (`utils/history-terms.ts`). */
  terms: string[];
  /** v4: the article's number in `postings` (indexed, unique); kept while it is in the history. */
  doc: number;
}

/** A search record before it is stored (the index gives the doc number). */
export type SearchTerms = Omit<SearchRecord, 'doc'>;

/**
 * The one IndexedDB database. Only the background opens it: an IndexedDB opened in a
 * content script would belong to the news site's origin (DESIGN.md, "Where data lives").
 */
export interface BackstoryDB extends DBSchema {
  /** The reader's history, one record per canonical URL. */
  articles: {
    key: string;
    value: HistoryEntry;
    indexes: { 'by-lastVisitedAt': number; 'by-site': string };
  };
  /** v2: analyses by canonical URL. */
  analyses: {
    key: string;
    value: StoredAnalysis;
    indexes: { 'by-entity': string };
  };
  /** v2: related-coverage cache by canonical URL. */
  related: {
    key: string;
    value: RelatedCacheRecord;
    indexes: { 'by-fetchedAt': number };
  };
  /** v2: Wikipedia answers (explainer cache). */
  entities: {
    key: string;
    value: EntityCacheRecord;
    indexes: { 'by-fetchedAt': number };
  };
  /** v3: search terms of each history entry, by `[lastVisitedAt, canonicalUrl]` (v4: `by-doc` instead of `by-term`). */
  search: {
    key: [number, string];
    value: SearchRecord;
    indexes: { 'by-url': string; 'by-doc': number };
  };
  /** v4: the inverted index: for each term, the docs that have it. */
  postings: {
    key: string;
    value: PostingRecord;
  };
  /** v4: the next doc number and each doc's latest visit. */
  'search-meta': {
    key: string;
    value: SearchMetaRecord;
  };
  /** v2: items of the reader's feeds, by item URL. */
  'feed-items': {
    key: string;
    value: FeedItemRecord;
    indexes: { 'by-feedUrl': string; 'by-fetchedAt': number };
  };
}

/** An open connection to the Backstory database. */
export type BackstoryDatabase = IDBPDatabase<BackstoryDB>;
type UpgradeTx = IDBPTransaction<BackstoryDB, StoreNames<BackstoryDB>[], 'versionchange'>;

// Steps are append-only: never edit a shipped step, add a new one (and a case in tests/unit/db.test.ts).
// If a record's shape changes, keep the old type (`HistoryEntryV1`) and convert records through `tx`.
// A step that converts records returns the promise of that work; the next step starts after it.
const steps: Array<(db: BackstoryDatabase, tx: UpgradeTx) => void | Promise<void>> = [
  /* v1 */ (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'canonicalUrl' });
    articles.createIndex('by-lastVisitedAt', 'lastVisitedAt');
    articles.createIndex('by-site', 'site');
  },
  /* v2 */ (db) => {
    db.createObjectStore('analyses', { keyPath: 'canonicalUrl' }).createIndex('by-entity', 'entityKeys', { multiEntry: true });
    db.createObjectStore('related', { keyPath: 'canonicalUrl' }).createIndex('by-fetchedAt', 'fetchedAt');
    db.createObjectStore('entities', { keyPath: 'key' }).createIndex('by-fetchedAt', 'fetchedAt');
    const feedItems = db.createObjectStore('feed-items', { keyPath: 'url' });
    feedItems.createIndex('by-feedUrl', 'feedUrl');
    feedItems.createIndex('by-fetchedAt', 'fetchedAt');
  },
  /* v3 */ (db, tx) => {
    const search = db.createObjectStore('search', { keyPath: ['lastVisitedAt', 'canonicalUrl'] });
    search.createIndex('by-url', 'canonicalUrl', { unique: true });
    // v3's multi-entry index over every term (dropped in v4; no longer in the schema's types).
    (search as unknown as IDBObjectStore).createIndex('by-term', 'terms', { multiEntry: true });
    // Existing history gets terms from what is stored (title, outlet, excerpt, entity names); the
    // text was never stored, so its words are indexed from the next visit on. Nothing is dropped.
    return (async () => {
      const analyses = tx.objectStore('analyses');
      let cursor = await tx.objectStore('articles').openCursor();
      while (cursor) {
        const entry = cursor.value;
        const stored = await analyses.get(entry.canonicalUrl);
        // v3 records had no doc number; v4 gives them one.
        await tx.objectStore('search').put(searchRecordOf(entry, stored?.analysis) as SearchRecord);
        cursor = await cursor.continue();
      }
    })();
  },
  /* v4 */ (db, tx) => {
    // The multi-entry index over every term gives way to an inverted index (utils/history-index.ts).
    const search = tx.objectStore('search');
    (search as unknown as IDBObjectStore).deleteIndex('by-term');
    search.createIndex('by-doc', 'doc', { unique: true });
    db.createObjectStore('postings', { keyPath: 'term' });
    db.createObjectStore('search-meta', { keyPath: 'key' });
    return (async () => {
      const index = createIndexWriter(tx);
      let cursor = await search.openCursor();
      while (cursor) {
        await cursor.update(await index.adopt(cursor.value));
        cursor = await cursor.continue();
      }
      await index.flush();
    })();
  },
];

/** Current schema version: one per upgrade step. */
export const DB_VERSION = steps.length;
/** Name of the app's database. */
export const DB_NAME = 'backstory';
/** Most visit times kept per article; older ones are dropped so one record stays small. */
export const MAX_VISITS = 1_000;

/**
 * Opens (creating or upgrading) a Backstory database. Tests pass a unique `name` and, to test
 * an upgrade step, an older `version`. The app uses the cached connection behind the helpers below.
 * `onClose` runs when the connection goes away (another context upgrades or deletes the database,
 * or the browser terminates it), so a cache can drop it.
 */
export function openBackstoryDB({
  name = DB_NAME,
  version = DB_VERSION,
  onClose,
}: { name?: string; version?: number; onClose?: () => void } = {}): Promise<BackstoryDatabase> {
  const opening = openDB<BackstoryDB>(name, version, {
    upgrade(db, from, to, tx) {
      // Steps run in order; one that converts records delays the next until it is done.
      let converting: Promise<void> | undefined;
      for (let v = from; v < (to ?? version); v++) {
        const step = steps[v]!;
        if (converting) converting = converting.then(() => step(db, tx));
        else converting = step(db, tx) ?? undefined;
      }
      // A failed conversion aborts the upgrade (the old database stays as it was).
      converting?.catch(() => tx.abort());
    },
    // A newer worker (after an extension update) wants to upgrade, or the database is being
    // deleted: close so that it is not blocked. The next call through the cache reopens.
    blocking() {
      void opening.then((db) => db.close());
      onClose?.();
    },
    terminated() {
      onClose?.();
    },
  });
  return opening;
}

let cached: Promise<BackstoryDatabase> | undefined;

/**
 * The app's connection: opened on first use and reused. Dropped from the cache when it closes
 * (a newer version or a deletion elsewhere) or fails to open, so the next call opens again.
 */
export function getBackstoryDB(): Promise<BackstoryDatabase> {
  if (cached) return cached;
  const forget = () => {
    if (cached === opening) cached = undefined;
  };
  const opening = openBackstoryDB({ onClose: forget });
  opening.catch(forget);
  cached = opening;
  return opening;
}

/** The record after one more visit at `at`; the newest visit's article gives the metadata. */
function addVisit(previous: HistoryEntry | undefined, article: Article, at: number): HistoryEntry {
  const visits = previous ? [...previous.visits] : [];
  let i = visits.length;
  while (i > 0 && visits[i - 1]! > at) i--; // keep oldest first even if visits arrive out of order
  visits.splice(i, 0, at);
  if (visits.length > MAX_VISITS) visits.splice(0, visits.length - MAX_VISITS);
  const lastVisitedAt = visits[visits.length - 1]!;
  if (previous && at < previous.lastVisitedAt) return { ...previous, visits, lastVisitedAt };
  return {
    canonicalUrl: article.canonicalUrl,
    url: article.url,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    publishedAt: article.publishedAt,
    lang: article.lang,
    excerpt: article.excerpt,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    visits,
    lastVisitedAt,
    site: siteOf(article.canonicalUrl),
  };
}

/** The search record of a history entry: terms from its metadata, analysis and (when given) text. */
function searchRecordOf(entry: HistoryEntry, analysis?: Analysis, text?: string, previous?: readonly string[]): SearchTerms {
  return {
    canonicalUrl: entry.canonicalUrl,
    lastVisitedAt: entry.lastVisitedAt,
    terms: buildSearchTerms({
      title: entry.title,
      outlet: [entry.siteName, entry.site],
      entities: analysis?.entities.map((e) => e.name),
      extra: [entry.excerpt],
      text,
      previous,
      site: entry.site,
    }),
  };
}


const isQuotaError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError';

/**
 * Runs `write` in `tx` and waits for the commit. A write that throws (rather than fails a request)
 * aborts the transaction, so nothing is half-written; a commit the browser refuses (quota) rejects.
 */
async function commit<T>(tx: { done: Promise<void>; abort(): void }, write: () => Promise<T>): Promise<T> {
  const done = tx.done;
  done.catch(() => {}); // awaited below; a failed write aborts first
  try {
    const result = await write();
    await done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished
    }
    throw error;
  }
}

// ---------------------------------------------------------------- storage quota

/** How many analyses (the newest) survive when the quota forces old ones out. */
export const ANALYSES_KEPT_WHEN_FULL = 200;

/** Caches that are fetched again when needed: the first to go when storage is full. */
const CACHE_STORES = ['related', 'entities', 'feed-items'] as const;

/** Empties the caches (related coverage, explainers, feed items); returns how many records went. */
export async function clearCaches(db?: BackstoryDatabase): Promise<number> {
  const conn = db ?? (await getBackstoryDB());
  const tx = conn.transaction([...CACHE_STORES], 'readwrite');
  return commit(tx, async () => {
    const counts = await Promise.all(CACHE_STORES.map((name) => tx.objectStore(name).count()));
    await Promise.all(CACHE_STORES.map((name) => tx.objectStore(name).clear()));
    return counts.reduce((a, b) => a + b, 0);
  });
}

/**
 * Deletes the analyses of articles no longer in the history, and all but the `keep` newest others
 * (an analysis is rebuilt from the page on the next visit; the search terms it gave stay). Returns how many went.
 */
export async function pruneOldAnalyses(keep = ANALYSES_KEPT_WHEN_FULL, db?: BackstoryDatabase): Promise<number> {
  const conn = db ?? (await getBackstoryDB());
  const tx = conn.transaction(['analyses', 'articles'], 'readwrite');
  return commit(tx, async () => {
    const analyses = tx.objectStore('analyses');
    const inHistory = new Set(await tx.objectStore('articles').getAllKeys());
    const kept: { url: string; at: number }[] = [];
    const doomed: string[] = [];
    let cursor = await analyses.openCursor();
    while (cursor) {
      if (inHistory.has(cursor.key)) kept.push({ url: cursor.key, at: cursor.value.analysedAt });
      else doomed.push(cursor.key);
      cursor = await cursor.continue();
    }
    kept.sort((a, b) => b.at - a.at);
    doomed.push(...kept.slice(keep).map((k) => k.url));
    await Promise.all(doomed.map((url) => analyses.delete(url)));
    return doomed.length;
  });
}

/** Tells the reader (popup, options) that storage is full; never fails the caller. */
const warnStorageFull = (kind: StorageWarningKind) => recordStorageWarning(kind, Date.now()).catch(() => {});

/**
 * Runs `attempt` (one transaction); when the browser's quota refuses it, frees space and tries
 * again: caches first, then (for `history` writes) old analyses. History is never pruned. When
 * space had to be freed the reader is told; when a history write fails even so, it rejects with
 * the quota error and the reader is told that it was not saved (what was stored is untouched).
 */
async function withSpace<T>(conn: BackstoryDatabase, kind: 'history' | 'cache', attempt: () => Promise<T>): Promise<T> {
  let failure: unknown;
  try {
    return await attempt();
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    failure = error;
  }
  const steps = kind === 'history' ? [() => clearCaches(conn), () => pruneOldAnalyses(ANALYSES_KEPT_WHEN_FULL, conn)] : [() => clearCaches(conn)];
  for (const free of steps) {
    await free().catch(() => 0);
    try {
      const result = await attempt();
      await warnStorageFull('pruned');
      return result;
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      failure = error;
    }
  }
  await warnStorageFull(kind === 'history' ? 'not-saved' : 'pruned');
  throw failure;
}

/**
 * Records that the reader visited `article` at `at` (epoch ms) and returns the stored entry.
 * A repeat visit to the same canonical URL updates the metadata and appends the visit time.
 * Read and write happen in one readwrite transaction, so concurrent calls never lose a visit.
 * When the browser's quota is exhausted, caches are pruned and the write retried; if it still
 * fails, rejects with "storage is full" (nothing is written, earlier history is kept).
 */
export async function recordVisit(article: Article, at: number, db?: BackstoryDatabase): Promise<HistoryEntry> {
  const conn = db ?? (await getBackstoryDB());
  const attempt = () => {
    const tx = conn.transaction(['articles', 'analyses', ...INDEX_STORES], 'readwrite');
    return commit(tx, async () => {
      const articles = tx.objectStore('articles');
      const entry = addVisit(await articles.get(article.canonicalUrl), article, at);
      await articles.put(entry);
      // The search index gets the article's words (its text itself is not stored).
      const analysis = (await tx.objectStore('analyses').get(article.canonicalUrl))?.analysis;
      const index = createIndexWriter(tx);
      await index.replace(entry.canonicalUrl, searchRecordOf(entry, analysis, article.text));
      await index.flush();
      return entry;
    });
  };
  try {
    return await withSpace(conn, 'history', attempt);
  } catch (error) {
    if (isQuotaError(error)) throw new Error('storage is full: the visit was not recorded', { cause: error });
    throw error;
  }
}

/** The latest `limit` history entries, most recently visited first. */
export async function listHistory({ limit }: { limit: number }, db?: BackstoryDatabase): Promise<HistoryEntry[]> {
  const conn = db ?? (await getBackstoryDB());
  const entries: HistoryEntry[] = [];
  if (limit <= 0) return entries;
  const tx = conn.transaction('articles');
  let cursor = await tx.store.index('by-lastVisitedAt').openCursor(null, 'prev');
  while (cursor && entries.length < limit) {
    entries.push(cursor.value);
    cursor = await cursor.continue();
  }
  await tx.done;
  return entries;
}

/** The history entry for one canonical URL, or undefined when it was never visited. */
export async function getHistoryEntry(canonicalUrl: string, db?: BackstoryDatabase): Promise<HistoryEntry | undefined> {
  const conn = db ?? (await getBackstoryDB());
  return conn.get('articles', canonicalUrl);
}

/** The history entries of these canonical URLs that exist (one transaction). */
export async function getHistoryEntries(canonicalUrls: readonly string[], db?: BackstoryDatabase): Promise<HistoryEntry[]> {
  const conn = db ?? (await getBackstoryDB());
  const tx = conn.transaction('articles');
  const found = await Promise.all(canonicalUrls.map((url) => tx.store.get(url)));
  await tx.done;
  return found.filter((e): e is HistoryEntry => e !== undefined);
}

/**
 * Forgets one article: its visits, search terms, analysis and cached related coverage. Deleting an
 * unknown URL is not an error. Returns what was deleted as an export record (for an undo), or null.
 */
export async function deleteHistoryEntry(canonicalUrl: string, db?: BackstoryDatabase): Promise<ExportedArticle | null> {
  const conn = db ?? (await getBackstoryDB());
  const tx = conn.transaction(['articles', 'analyses', 'related', ...INDEX_STORES], 'readwrite');
  const remove = async () => {
    const entry = await tx.objectStore('articles').get(canonicalUrl);
    const index = createIndexWriter(tx);
    const search = await index.replace(canonicalUrl, null);
    await index.flush();
    await Promise.all([
      tx.objectStore('articles').delete(canonicalUrl),
      tx.objectStore('analyses').delete(canonicalUrl),
      tx.objectStore('related').delete(canonicalUrl),
    ]);
    return entry ? { ...entry, terms: search?.terms ?? [] } : null;
  };
  const [removed] = await Promise.all([remove(), tx.done]);
  return removed;
}

/** Forgets the whole reading history, with every analysis and cached lookup (which would reveal it too). */
export async function clearHistory(db?: BackstoryDatabase): Promise<void> {
  const conn = db ?? (await getBackstoryDB());
  const tx = conn.transaction(['articles', 'analyses', 'related', 'entities', ...INDEX_STORES], 'readwrite');
  await Promise.all([
    tx.objectStore('articles').clear(),
    ...INDEX_STORES.map((name) => tx.objectStore(name).clear()),
    tx.objectStore('analyses').clear(),
    tx.objectStore('related').clear(),
    tx.objectStore('entities').clear(),
    tx.done,
  ]);
}

/**
 * History retention: forgets articles last visited before `before` (epoch ms) — with their search
 * terms, analysis and cached related coverage, as {@link deleteHistoryEntry} does — and drops older
 * visit times from articles read since. Returns how many articles were deleted.
 */
export async function pruneHistory(before: number, db?: BackstoryDatabase): Promise<number> {
  const conn = db ?? (await getBackstoryDB());
  const tx = conn.transaction(['articles', 'analyses', 'related', ...INDEX_STORES], 'readwrite');
  const prune = async () => {
    const articles = tx.objectStore('articles');
    let deleted = 0;
    const old = await articles.index('by-lastVisitedAt').getAllKeys(IDBKeyRange.upperBound(before, true));
    const index = createIndexWriter(tx);
    for (const url of old) {
      await index.replace(url, null);
      await Promise.all([articles.delete(url), tx.objectStore('analyses').delete(url), tx.objectStore('related').delete(url)]);
      deleted++;
    }
    await index.flush();
    // Articles read since keep only their recent visits (the last visit, hence the search key, is unchanged).
    let cursor = await articles.index('by-lastVisitedAt').openCursor(IDBKeyRange.lowerBound(before));
    while (cursor) {
      const entry = cursor.value;
      if (entry.visits.length && entry.visits[0]! < before) await cursor.update({ ...entry, visits: entry.visits.filter((v) => v >= before) });
      cursor = await cursor.continue();
    }
    return deleted;
  };
  const [deleted] = await Promise.all([prune(), tx.done]);
  return deleted;
}

// ---------------------------------------------------------------- search, export, import

/** Terms read per query word before it counts as broad (then it is checked on candidates instead). */
export const SEARCH_TERM_CAP = 2_000;

/**
 * History entries matching `search`, newest visit first, at most `limit`. Each query word (and the
 * site and entity filters) is a key range on the inverted index (`utils/history-index.ts`): one read
 * gives the articles of every term it starts, as numbers; they are intersected and ordered by visit
 * time before any record is read, and only as many records are read as results are needed. A word
 * starting more than {@link SEARCH_TERM_CAP} terms ("s") is checked on the candidates' terms, or,
 * when every word is that broad, on the newest articles first.
 */
export async function searchHistory(search: HistorySearch, db?: BackstoryDatabase): Promise<HistoryEntry[]> {
  const conn = db ?? (await getBackstoryDB());
  const prefixes = queryPrefixes(search.query);
  // Each condition is a range of index terms, and the same test on a record's terms. A site
  // matches whole; a name from its start ("Priya" finds "Priya Okafor"); a query word by prefix.
  const startsWith = (prefix: string) => ({ range: prefixRange(prefix), test: (term: string) => term.startsWith(prefix) });
  const site = search.site ? siteKey(search.site) : null;
  const conditions = [
    ...(site ? [{ range: IDBKeyRange.only(site), test: (term: string) => term === site }] : []),
    ...(search.entity?.trim() ? [startsWith(entityKey(search.entity))] : []),
    ...prefixes.map(startsWith),
  ];
  const hasDates = search.from !== undefined || search.to !== undefined;
  if (search.limit <= 0) return [];
  if (!conditions.length && !hasDates) return listHistory({ limit: search.limit }, conn);
  const from = search.from ?? Number.NEGATIVE_INFINITY;
  const to = search.to ?? Number.POSITIVE_INFINITY;

  const tx = conn.transaction(['articles', ...INDEX_STORES]);
  const store = tx.objectStore('search');
  const articles = tx.objectStore('articles');
  const match = conditions.length ? await matchDocs(tx, conditions.map((c) => c.range), { termCap: SEARCH_TERM_CAP, from }) : { docs: null, broad: [] };
  const broad = match.broad.map((i) => conditions[i]!.test);
  const matchesBroad = (record: SearchRecord | undefined) => !!record && broad.every((test) => record.terms.some(test));
  const visitedInRange = (entry: HistoryEntry | undefined) => !!entry && (!hasDates || entry.visits.some((v) => v >= from && v <= to));

  const results: HistoryEntry[] = [];
  if (match.docs) {
    const byDoc = store.index('by-doc');
    const byVisit = articles.index('by-lastVisitedAt');
    /**
     * The articles of `docs` (newest first): one ranged read per span of visit times. A doc's
     * article is the one read with its visit time (a doc and its article are always written
     * together); where several share that time, the doc's own search key says which.
     */
    const articlesOf = async (docs: number[]): Promise<HistoryEntry[]> => {
      const read = (await Promise.all(match.spans(docs).map((s) => byVisit.getAll(IDBKeyRange.bound(s.from, s.to))))).flat();
      const atTime = new Map<number, HistoryEntry[]>();
      for (const entry of read) {
        const same = atTime.get(entry.lastVisitedAt);
        if (same) same.push(entry);
        else atTime.set(entry.lastVisitedAt, [entry]);
      }
      return Promise.all(
        docs.map(async (doc) => {
          const same = atTime.get(match.visitedAt(doc));
          if (same?.length === 1) return same[0];
          const key = await byDoc.getKey(doc);
          return key ? articles.get(key[1]) : undefined;
        }),
      ).then((entries) => entries.filter((e): e is HistoryEntry => e !== undefined));
    };
    // Read in batches of what is still missing: usually one batch.
    for (let i = 0; i < match.docs.length && results.length < search.limit; ) {
      let batch = match.docs.slice(i, i + search.limit - results.length);
      i += batch.length;
      if (broad.length) {
        const records = await Promise.all(batch.map((doc) => byDoc.get(doc)));
        batch = batch.filter((_, k) => matchesBroad(records[k]));
      }
      for (const entry of await articlesOf(batch)) if (visitedInRange(entry)) results.push(entry);
    }
  } else {
    // Every word is broad, or only dates: walk the newest articles, testing terms in memory, and
    // read the articles of the hits together.
    const range = search.from === undefined ? null : IDBKeyRange.lowerBound([search.from]);
    let cursor = await store.openCursor(range, 'prev');
    while (cursor && results.length < search.limit) {
      const hits: string[] = [];
      for (; cursor && results.length + hits.length < search.limit; cursor = await cursor.continue()) {
        if (matchesBroad(cursor.value)) hits.push(cursor.value.canonicalUrl);
      }
      for (const entry of await Promise.all(hits.map((url) => articles.get(url)))) if (visitedInRange(entry)) results.push(entry!);
    }
  }
  await tx.done;
  return results;
}

/** Every history entry with its search terms, newest visit first (for an export). */
export async function exportHistory(db?: BackstoryDatabase): Promise<ExportedArticle[]> {
  const conn = db ?? (await getBackstoryDB());
  const tx = conn.transaction(['articles', 'search']);
  const [entries, records] = await Promise.all([tx.objectStore('articles').getAll(), tx.objectStore('search').getAll(), tx.done]);
  const terms = new Map(records.map((r) => [r.canonicalUrl, r.terms]));
  return entries.sort((a, b) => b.lastVisitedAt - a.lastVisitedAt).map((e) => ({ ...e, terms: terms.get(e.canonicalUrl) ?? [] }));
}

/**
 * Merges validated export records into the history in one transaction (all or nothing): a known
 * canonical URL gets the union of both visit lists and the metadata of its newest visit.
 */
export async function importHistory(
  incoming: readonly ExportedArticle[],
  db?: BackstoryDatabase,
): Promise<{ added: number; updated: number }> {
  const conn = db ?? (await getBackstoryDB());
  const attempt = () => {
    const tx = conn.transaction(['articles', 'analyses', ...INDEX_STORES], 'readwrite');
    return commit(tx, async () => {
      let added = 0;
      let updated = 0;
      const articles = tx.objectStore('articles');
      const index = createIndexWriter(tx);
      for (const { terms, ...record } of incoming) {
        const previous = await articles.get(record.canonicalUrl);
        const merged = previous ? mergeEntries(previous, record) : record;
        if (previous) updated++;
        else added++;
        await articles.put(merged);
        const analysis = (await tx.objectStore('analyses').get(record.canonicalUrl))?.analysis;
        await index.replace(merged.canonicalUrl, (old) => searchRecordOf(merged, analysis, undefined, [...(old?.terms ?? []), ...terms]));
      }
      // Each changed term's postings are written once, for the whole import.
      await index.flush();
      return { added, updated };
    });
  };
  try {
    // One transaction: a failed import (nothing may be half-imported) changes nothing.
    return await withSpace(conn, 'history', attempt);
  } catch (error) {
    if (isQuotaError(error)) throw new Error('storage is full: nothing was imported', { cause: error });
    throw error;
  }
}

// ---------------------------------------------------------------- analyses

/** Stores (replaces) an article's analysis, and adds its entity names to the article's search terms if it is in the history. */
export async function putAnalysis(record: StoredAnalysis, db?: BackstoryDatabase): Promise<void> {
  const conn = db ?? (await getBackstoryDB());
  await withSpace(conn, 'history', () => {
    const tx = conn.transaction(['analyses', 'articles', ...INDEX_STORES], 'readwrite');
    return commit(tx, async () => {
      await tx.objectStore('analyses').put(record);
      const entry = await tx.objectStore('articles').get(record.canonicalUrl);
      if (!entry) return;
      const index = createIndexWriter(tx);
      await index.replace(entry.canonicalUrl, (old) => searchRecordOf(entry, record.analysis, undefined, old?.terms));
      await index.flush();
    });
  });
}

/** The stored analysis of an article, or undefined. */
export async function getAnalysis(canonicalUrl: string, db?: BackstoryDatabase): Promise<StoredAnalysis | undefined> {
  const conn = db ?? (await getBackstoryDB());
  return conn.get('analyses', canonicalUrl);
}

/**
 * Articles whose analysis names any of `entityKeys`, with the keys they share, most shared
 * first; at most `limit` (default 50). Reads the `by-entity` index only.
 */
export async function findAnalysesByEntities(
  entityKeys: readonly string[],
  { limit = 50 }: { limit?: number } = {},
  db?: BackstoryDatabase,
): Promise<{ canonicalUrl: string; shared: string[] }[]> {
  const conn = db ?? (await getBackstoryDB());
  const tx = conn.transaction('analyses');
  const index = tx.store.index('by-entity');
  const shared = new Map<string, string[]>();
  for (const key of new Set(entityKeys)) {
    for (const url of await index.getAllKeys(key, 500)) {
      const list = shared.get(url) ?? [];
      list.push(key);
      shared.set(url, list);
    }
  }
  await tx.done;
  return [...shared]
    .map(([canonicalUrl, keys]) => ({ canonicalUrl, shared: keys }))
    .sort((a, b) => b.shared.length - a.shared.length)
    .slice(0, limit);
}

// ---------------------------------------------------------------- related cache

/** The cached related coverage of an article, or undefined. The caller judges freshness. */
export async function getRelatedCache(canonicalUrl: string, db?: BackstoryDatabase): Promise<RelatedCacheRecord | undefined> {
  const conn = db ?? (await getBackstoryDB());
  return conn.get('related', canonicalUrl);
}

/**
 * Adds one provider's answer to an article's cache, in one transaction (answers arrive
 * concurrently). A record for other questions (`queryKey`) or older than `fetchedAt` is replaced.
 */
export async function putRelatedResult(
  canonicalUrl: string,
  queryKey: string,
  fetchedAt: number,
  result: CachedProviderResult,
  db?: BackstoryDatabase,
): Promise<void> {
  const conn = db ?? (await getBackstoryDB());
  await withSpace(conn, 'cache', () => {
    const tx = conn.transaction('related', 'readwrite');
    return commit(tx, async () => {
      const old = await tx.store.get(canonicalUrl);
      const keep = old && old.queryKey === queryKey && old.fetchedAt >= fetchedAt ? old : undefined;
      const results = (keep?.results ?? []).filter((r) => r.id !== result.id);
      results.push(result);
      await tx.store.put({ canonicalUrl, queryKey, fetchedAt: keep?.fetchedAt ?? fetchedAt, results });
    });
  });
}

// ---------------------------------------------------------------- explainer cache

/** A cached Wikipedia answer, or undefined. The caller judges freshness. */
export async function getEntityCache(key: string, db?: BackstoryDatabase): Promise<EntityCacheRecord | undefined> {
  const conn = db ?? (await getBackstoryDB());
  return conn.get('entities', key);
}

/** Stores a Wikipedia answer. */
export async function putEntityCache(record: EntityCacheRecord, db?: BackstoryDatabase): Promise<void> {
  const conn = db ?? (await getBackstoryDB());
  await withSpace(conn, 'cache', async () => {
    await conn.put('entities', record);
  });
}

/** Deletes cache records (related and explainers) fetched before `before` (epoch ms); returns how many. */
export async function pruneCaches(before: number, db?: BackstoryDatabase): Promise<number> {
  const conn = db ?? (await getBackstoryDB());
  let count = 0;
  for (const store of ['related', 'entities'] as const) {
    const tx = conn.transaction(store, 'readwrite');
    let cursor = await tx.store.index('by-fetchedAt').openCursor(IDBKeyRange.upperBound(before, true));
    while (cursor) {
      await cursor.delete();
      count++;
      cursor = await cursor.continue();
    }
    await tx.done;
  }
  return count;
}

// ---------------------------------------------------------------- feed items

/** Stores the items of one poll of `feedUrl` (replacing items with the same URL). */
export async function putFeedItems(feedUrl: string, items: readonly RelatedStory[], at: number, db?: BackstoryDatabase): Promise<void> {
  const conn = db ?? (await getBackstoryDB());
  await withSpace(conn, 'cache', () => {
    const tx = conn.transaction('feed-items', 'readwrite');
    return commit(tx, async () => {
      await Promise.all(items.map((item) => tx.store.put({ ...item, feedUrl, fetchedAt: at })));
    });
  });
}

/** Every stored feed item (for local search), at most `limit` (default 5,000). */
export async function listFeedItems({ limit = 5_000 }: { limit?: number } = {}, db?: BackstoryDatabase): Promise<FeedItemRecord[]> {
  const conn = db ?? (await getBackstoryDB());
  return conn.getAll('feed-items', undefined, limit);
}

/** Deletes feed items last seen before `before`, and every item of feeds not in `keepFeeds` when given. */
export async function pruneFeedItems(before: number, keepFeeds?: readonly string[], db?: BackstoryDatabase): Promise<number> {
  const conn = db ?? (await getBackstoryDB());
  const keep = keepFeeds ? new Set(keepFeeds) : null;
  const tx = conn.transaction('feed-items', 'readwrite');
  let count = 0;
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (cursor.value.fetchedAt < before || (keep && !keep.has(cursor.value.feedUrl))) {
      await cursor.delete();
      count++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return count;
}
