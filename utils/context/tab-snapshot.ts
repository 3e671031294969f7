/**
 * Each normal tab's article with its complete story context, kept in `storage.session` (memory only,
 * never written to disk, cleared when the browser or the extension restarts; content scripts cannot
 * read it) so that the popup can paint them from one read of the browser's storage, without waiting
 * for the tab and the background to answer. The tab's answer stays the truth: the popup checks the
 * snapshot against it right after painting (entrypoints/popup/App.tsx).
 *
 * Written by the background (utils/context/tab-context.ts) when a tab's lookup is complete; removed
 * when the tab loads another page or closes; all removed when the history is cleared or the settings
 * change. Never for private tabs.
 */
import { browser } from 'wxt/browser';
import type { Article } from '../article/types';
import { isRecord } from '../is-record';
import { SNAPSHOT_PREFIX, snapshotKey } from './snapshot-key';
import type { StoryContext } from './types';

export interface TabSnapshot {
  /** Without its text (`text` is empty): the article's full text is not kept here either. */
  article: Article;
  /** Complete (`complete: true`) and for `article` (same canonical URL). */
  context: StoryContext;
}

/** The part of `storage.session` used here (a fake in tests). */
export type SessionArea = Pick<typeof browser.storage.session, 'get' | 'set' | 'remove'>;

/**
 * `storage.session`, or undefined where the browser has none (Firefox before 115): then nothing is
 * written and the popup asks the tab and the background as before.
 */
export function sessionArea(): SessionArea | undefined {
  try {
    return browser.storage?.session;
  } catch {
    return undefined;
  }
}

/** Whether stored data is a snapshot as written by {@link createSnapshotStore}. */
export function isSnapshot(value: unknown): value is TabSnapshot {
  if (!isRecord(value) || !isRecord(value.article) || !isRecord(value.context)) return false;
  const { article, context } = value;
  return (
    typeof article.canonicalUrl === 'string' &&
    typeof article.title === 'string' &&
    context.canonicalUrl === article.canonicalUrl &&
    context.complete === true &&
    typeof context.version === 'number' &&
    isRecord(context.related) &&
    Array.isArray(context.related.sameStory)
  );
}

/** The tab's snapshot, or null (none, unreadable, or not in the shape written). Never throws. */
export async function readTabSnapshot(tabId: number, area: SessionArea | undefined = sessionArea()): Promise<TabSnapshot | null> {
  if (!area) return null;
  try {
    const key = snapshotKey(tabId);
    const value = (await area.get(key))[key];
    return isSnapshot(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The background's side: writes and removes snapshots. Every call is best effort and never throws.
 * `mayKeep`: whether anything about the article may be kept now (not while the history is paused,
 * nor for an excluded site); nothing is written when it says no or fails.
 */
export function createSnapshotStore(area: SessionArea | undefined = sessionArea(), mayKeep: (article: Article) => Promise<boolean> = async () => true) {
  const ignore = () => {};
  // A write waits for `mayKeep` before it stores: a removal or clear in that time wins (the tab has
  // left the page, or the history was cleared), so each bumps a count the write checks before storing.
  let clears = 0;
  const removals = new Map<number, number>();
  return {
    async write(tabId: number, snapshot: TabSnapshot): Promise<void> {
      const [clearsBefore, removalsBefore] = [clears, removals.get(tabId)];
      if (!area || !(await mayKeep(snapshot.article).catch(() => false))) return;
      if (clearsBefore !== clears || removalsBefore !== removals.get(tabId)) return;
      // Storage full (about 10 MB in Chrome): no snapshot, rather than a stale one.
      await area.set({ [snapshotKey(tabId)]: snapshot }).catch(() => area.remove(snapshotKey(tabId)).catch(ignore));
    },
    remove(tabId: number): Promise<void> {
      removals.set(tabId, (removals.get(tabId) ?? 0) + 1);
      return area ? area.remove(snapshotKey(tabId)).catch(ignore) : Promise.resolve();
    },
    /** Removes every tab's snapshot, including those written before the worker restarted. */
    async clear(): Promise<void> {
      clears++;
      removals.clear();
      if (!area) return;
      try {
        const keys = Object.keys(await area.get(null)).filter((key) => key.startsWith(SNAPSHOT_PREFIX));
        if (keys.length) await area.remove(keys);
      } catch {
        // Nothing readable: nothing to remove.
      }
    },
  };
}

export type SnapshotStore = ReturnType<typeof createSnapshotStore>;
