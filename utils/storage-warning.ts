/**
 * "Storage is full" notice: written by the background (`utils/db.ts`) when the browser's storage
 * quota stopped a write, read by the popup and the options page. Kept in `browser.storage.local`
 * (a few bytes, outside IndexedDB's quota troubles) until the reader dismisses it.
 */
import { storage } from 'wxt/utils/storage';

/** `pruned`: caches were deleted so that the history could be written; `not-saved`: a history write failed even so. */
export type StorageWarningKind = 'pruned' | 'not-saved';

export interface StorageWarning {
  kind: StorageWarningKind;
  /** Epoch ms of the latest quota failure. */
  at: number;
}

type WarningItem = ReturnType<typeof storage.defineItem<StorageWarning | null>>;
let item: WarningItem | undefined;
/**
 * The stored item, defined on first use: `utils/db.ts` imports this module, and db.ts also runs
 * outside an extension (benchmarks under Node), where defining a storage item at load would throw.
 */
const storageWarningItem = (): WarningItem => (item ??= storage.defineItem<StorageWarning | null>('local:storageWarning', { fallback: null }));

const isWarning = (value: unknown): value is StorageWarning =>
  typeof value === 'object' &&
  value !== null &&
  ((value as StorageWarning).kind === 'pruned' || (value as StorageWarning).kind === 'not-saved') &&
  typeof (value as StorageWarning).at === 'number';

/** The latest recordStorageWarning call: calls run one after another (each reads, then writes). */
let pending: Promise<void> = Promise.resolve();

/**
 * Records a quota failure; a `not-saved` warning is not downgraded to `pruned` until it is dismissed.
 * Calls are queued: a cache write and a history write failing at the same moment (the lookup starts
 * with the visit) would otherwise both read "no warning", and the later `pruned` would hide `not-saved`.
 */
export function recordStorageWarning(kind: StorageWarningKind, at: number): Promise<void> {
  const write = async () => {
    const previous = await getStorageWarning();
    await storageWarningItem().setValue({ kind: previous?.kind === 'not-saved' ? 'not-saved' : kind, at });
  };
  const next = pending.then(write, write);
  pending = next.catch(() => {});
  return next;
}

/** The current warning, or null. */
export async function getStorageWarning(): Promise<StorageWarning | null> {
  const value = await storageWarningItem().getValue();
  return isWarning(value) ? value : null;
}

/** The reader dismissed the notice. */
export function clearStorageWarning(): Promise<void> {
  return storageWarningItem().removeValue();
}

/** Calls `callback` whenever the warning changes; returns the unwatch function. */
export function watchStorageWarning(callback: (warning: StorageWarning | null) => void): () => void {
  return storageWarningItem().watch((next) => callback(isWarning(next) ? next : null));
}
