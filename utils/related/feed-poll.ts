/**
 * Polling the reader's own feeds: fetch each feed through the scheduler (timeout, body cap,
 * back-off), parse it with `parseFeed`, store its items for local search, and forget items of
 * feeds the reader removed or that no poll has seen for a month. Pure apart from injected deps.
 */
import type { RelatedStory } from './types';
import { parseFeed } from './feed-parse';
import type { Scheduler } from './scheduler';

/** How often the background polls feeds (alarm period). */
export const FEED_POLL_MINUTES = 30;
/** Items no poll has seen for this long are deleted. */
export const FEED_ITEM_TTL_MS = 30 * 24 * 3_600_000;
/** One feed host is asked at most once per this interval. */
const FEED_INTERVAL_MS = 1_000;

/** Where polled items go; `utils/db.ts` provides it. */
export interface FeedStore {
  putFeedItems(feedUrl: string, items: readonly RelatedStory[], at: number): Promise<void>;
  pruneFeedItems(before: number, keepFeeds: readonly string[]): Promise<number>;
}

/** One feed's poll result. */
export interface FeedPollResult {
  feedUrl: string;
  state: 'ok' | 'error' | 'offline' | 'rate-limited';
  items: number;
  message?: string;
}

/** Polls every feed in parallel and stores what it finds; never throws. */
export async function pollFeeds(
  feeds: readonly string[],
  deps: { scheduler: Scheduler; store: FeedStore; now: () => number; signal?: AbortSignal },
): Promise<FeedPollResult[]> {
  const results = await Promise.all(
    feeds.map(async (feedUrl): Promise<FeedPollResult> => {
      let host: string;
      try {
        host = new URL(feedUrl).host;
      } catch {
        return { feedUrl, state: 'error', items: 0, message: 'not a URL' };
      }
      const outcome = await deps.scheduler.fetch(`feed:${host}`, { url: feedUrl }, FEED_INTERVAL_MS, { signal: deps.signal, maxRetries: 1 });
      if (outcome.kind === 'aborted') return { feedUrl, state: 'offline', items: 0, message: 'cancelled' };
      if (outcome.kind !== 'response') return { feedUrl, state: outcome.kind, items: 0, message: outcome.message };
      if (outcome.status < 200 || outcome.status > 299) return { feedUrl, state: 'error', items: 0, message: `HTTP ${outcome.status}` };
      try {
        const feed = parseFeed(outcome.body, feedUrl);
        await deps.store.putFeedItems(feedUrl, feed.items, deps.now());
        return { feedUrl, state: 'ok', items: feed.items.length };
      } catch (error) {
        return { feedUrl, state: 'error', items: 0, message: error instanceof Error ? error.message.slice(0, 200) : 'unreadable feed' };
      }
    }),
  );
  await deps.store.pruneFeedItems(deps.now() - FEED_ITEM_TTL_MS, feeds).catch(() => 0);
  return results;
}
