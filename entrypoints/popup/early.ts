/**
 * The popup's first read, started by a small script of its own (entrypoints/popup-early.ts) that the
 * popup page loads before its main code: while that code is fetched, compiled and run, the browser
 * already looks up the tab and reads its snapshot (utils/context/tab-snapshot.ts). main.tsx takes
 * the read over; when it has already arrived, the popup's first render shows the article.
 *
 * No imports but the key: this file is bundled into that small script.
 */
import { snapshotKey } from '@/utils/context/snapshot-key';
import { resolveTabId } from './tab-id';

/** The extension APIs the read needs: `browser` (Firefox) or `chrome`, promise-based in both. */
export interface EarlyApi {
  tabs: { query(query: { active: true; currentWindow: true }): Promise<{ id?: number }[]> };
  storage?: { session?: { get(key: string): Promise<Record<string, unknown>> } };
}

export interface EarlyRead {
  /** `location.search` the read was started for. */
  search: string;
  tabId: Promise<number | null>;
  /** What `storage.session` holds for the tab (unchecked), or undefined: none, or no such storage. */
  stored: Promise<unknown>;
  /** Set once both have arrived, for the first render to use without waiting. */
  settled?: { tabId: number | null; stored: unknown };
}

/** The page global the early script leaves the read in, for main.tsx. */
const GLOBAL = '__backstoryPopupEarly';

/** Looks the popup's tab up (`?tab=`, else the active tab) and reads its snapshot. Never rejects. */
export function startEarlyRead(search: string, api: EarlyApi): EarlyRead {
  const tabId = resolveTabId(search, async () => (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id).catch(() => null);
  const stored = tabId
    .then((id) => (id === null || !api.storage?.session ? undefined : api.storage.session.get(snapshotKey(id)).then((items) => items[snapshotKey(id)])))
    .catch(() => undefined);
  const read: EarlyRead = { search, tabId, stored };
  void Promise.all([tabId, stored]).then(([id, value]) => (read.settled = { tabId: id, stored: value }));
  return read;
}

/** Leaves the read for main.tsx (the early script). */
export function leaveEarlyRead(read: EarlyRead, target: object = globalThis): void {
  (target as Record<string, unknown>)[GLOBAL] = read;
}

/** The read the early script started for this page (`search`), taken once; undefined when there is none. */
export function takeEarlyRead(search: string, target: object = globalThis): EarlyRead | undefined {
  const holder = target as Record<string, unknown>;
  const read = holder[GLOBAL] as EarlyRead | undefined;
  delete holder[GLOBAL];
  return read && read.search === search && typeof read.tabId?.then === 'function' && typeof read.stored?.then === 'function' ? read : undefined;
}
