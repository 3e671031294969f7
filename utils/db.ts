import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Article } from './article/types';
import type { HistoryEntry } from './history-types';

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
}

/** An open connection to the Backstory database. */
export type BackstoryDatabase = IDBPDatabase<BackstoryDB>;
type UpgradeTx = IDBPTransaction<BackstoryDB, StoreNames<BackstoryDB>[], 'versionchange'>;

// Steps are append-only: never edit a shipped step, add a new one (and a case in tests/unit/db.test.ts).
// If a record's shape changes, keep the old type (`HistoryEntryV1`) and convert records through `tx`.
const steps: Array<(db: BackstoryDatabase, tx: UpgradeTx) => void> = [
  /* v1 */ (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'canonicalUrl' });
    articles.createIndex('by-lastVisitedAt', 'lastVisitedAt');
    articles.createIndex('by-site', 'site');
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
      for (let v = from; v < (to ?? version); v++) steps[v]!(db, tx);
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

const siteOf = (url: string): string => new URL(url).hostname.replace(/^www\./, '');

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

const isQuotaError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError';

/**
 * Records that the reader visited `article` at `at` (epoch ms) and returns the stored entry.
 * A repeat visit to the same canonical URL updates the metadata and appends the visit time.
 * Read and write happen in one readwrite transaction, so concurrent calls never lose a visit.
 * Rejects with "storage is full" when the browser's quota is exhausted (nothing is written).
 */
export async function recordVisit(article: Article, at: number, db?: BackstoryDatabase): Promise<HistoryEntry> {
  const conn = db ?? (await getBackstoryDB());
  const tx = conn.transaction('articles', 'readwrite');
  const write = async () => {
    const entry = addVisit(await tx.store.get(article.canonicalUrl), article, at);
    await tx.store.put(entry);
    return entry;
  };
  try {
    // Wait on both so a failed commit is reported and never left as an unhandled rejection.
    const [entry] = await Promise.all([write(), tx.done]);
    return entry;
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

/** Forgets one article and all its visits. Deleting an unknown URL is not an error. */
export async function deleteHistoryEntry(canonicalUrl: string, db?: BackstoryDatabase): Promise<void> {
  const conn = db ?? (await getBackstoryDB());
  await conn.delete('articles', canonicalUrl);
}

/** Forgets the whole reading history. */
export async function clearHistory(db?: BackstoryDatabase): Promise<void> {
  const conn = db ?? (await getBackstoryDB());
  await conn.clear('articles');
}
