/**
 * Checking a feed address before the reader adds it (options page → `validateFeed`): fetch it
 * once through the scheduler (timeout, body cap) and parse it with `parseFeed`. Answers with the
 * feed's title and item count, or throws an Error whose message tells the reader what is wrong.
 */
import { ProviderFormatError } from '../providers/types';
import { parseFeed } from '../related/feed-parse';
import type { Scheduler } from '../related/scheduler';

/** What a valid feed looks like to the options page. */
export interface FeedCheck {
  /** The address as it will be stored (trimmed, parsed). */
  url: string;
  /** The feed's own title (plain text). */
  title: string;
  format: 'rss' | 'atom' | 'json-feed';
  /** Usable items (with a title and an http(s) link). */
  items: number;
}

/** The address, trimmed and parsed, when it is an http(s) URL; else throws with a reason. */
export function parseFeedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error('That is not a web address. Paste the feed’s full address, starting with https://');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('Only http:// and https:// feed addresses can be added.');
  return url.href;
}

/** Fetches and parses `raw`; resolves with what the feed holds, or rejects with a reason fit to show. */
export async function checkFeed(raw: string, deps: { scheduler: Scheduler; timeoutMs?: number }): Promise<FeedCheck> {
  const url = parseFeedUrl(raw);
  const host = new URL(url).host;
  const outcome = await deps.scheduler.fetch(`feed:${host}`, { url }, 1_000, { maxRetries: 0, timeoutMs: deps.timeoutMs ?? 10_000 });
  if (outcome.kind === 'aborted') throw new Error('The check was cancelled.');
  if (outcome.kind === 'rate-limited') throw new Error(`${host} asks to slow down (HTTP 429). Try again in a minute.`);
  if (outcome.kind !== 'response') throw new Error(`Could not reach ${host}: ${outcome.message}`);
  if (outcome.status < 200 || outcome.status > 299) throw new Error(`${host} answered HTTP ${outcome.status}: there is no feed at this address.`);
  let feed;
  try {
    feed = parseFeed(outcome.body, url);
  } catch (error) {
    if (error instanceof ProviderFormatError) {
      const reason = error.message.replace(/^Feed:\s*/, '');
      throw new Error(`Not a feed: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`);
    }
    throw error;
  }
  // The XML reader is lenient: a cut-short or broken feed parses to nothing usable.
  if (!feed.items.length) throw new Error('Not a feed: it has no items with a title and a link (it may be broken or cut short).');
  return { url, title: feed.title, format: feed.format, items: feed.items.length };
}
