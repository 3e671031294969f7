import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FEED_ITEM_TTL_MS, pollFeeds, type FeedStore } from '@/utils/related/feed-poll';
import { Scheduler } from '@/utils/related/scheduler';
import { fixture } from '../providers/fixtures';

const T0 = Date.parse('2025-03-14T12:00:00Z');

function setup(route: (url: URL) => Response | Promise<Response>) {
  const requested: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    requested.push(String(input));
    return route(new URL(String(input)));
  }) as unknown as typeof globalThis.fetch;
  const store = {
    putFeedItems: vi.fn<FeedStore['putFeedItems']>(async () => {}),
    pruneFeedItems: vi.fn<FeedStore['pruneFeedItems']>(async () => 0),
  };
  return { requested, store, deps: { scheduler: new Scheduler({ fetch, now: Date.now }), store, now: Date.now } };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pollFeeds', () => {
  it('stores the parsed items of each feed, and reports feeds that are not feeds or fail', async () => {
    const { deps, store } = setup((url) => {
      if (url.pathname === '/rss') return new Response(fixture('feeds', 'rss2.xml'));
      if (url.pathname === '/atom') return new Response(fixture('feeds', 'atom.xml'));
      if (url.pathname === '/home') return new Response(fixture('feeds', 'not-a-feed.html'));
      return new Response('gone', { status: 410 });
    });
    const results = await pollFeeds(['https://a.example/rss', 'https://b.example/atom', 'https://c.example/home', 'https://d.example/old', 'not a url'], deps);
    expect(results.map((r) => [r.feedUrl, r.state])).toEqual([
      ['https://a.example/rss', 'ok'],
      ['https://b.example/atom', 'ok'],
      ['https://c.example/home', 'error'],
      ['https://d.example/old', 'error'],
      ['not a url', 'error'],
    ]);
    expect(results[0]!.items).toBeGreaterThan(0);
    expect(results[2]!.message).toMatch(/web page, not a feed/);
    expect(results[3]!.message).toBe('HTTP 410');
    expect(store.putFeedItems.mock.calls.map((c) => [c[0], c[2]])).toEqual([
      ['https://a.example/rss', T0],
      ['https://b.example/atom', T0],
    ]);
    expect(store.putFeedItems.mock.calls[0]![1]).toHaveLength(results[0]!.items);
  });

  it('forgets items of removed feeds and items not seen for a month', async () => {
    const { deps, store } = setup(() => new Response(fixture('feeds', 'rss2.xml')));
    await pollFeeds(['https://a.example/rss'], deps);
    expect(store.pruneFeedItems).toHaveBeenCalledWith(T0 - FEED_ITEM_TTL_MS, ['https://a.example/rss']);
  });

  it('times out a feed that hangs without holding back the others', async () => {
    const { deps, store } = setup((url) => (url.hostname === 'slow.example' ? new Promise<Response>(() => {}) : new Response(fixture('feeds', 'jsonfeed.json'))));
    const pending = pollFeeds(['https://slow.example/feed', 'https://fast.example/feed.json'], deps);
    await vi.advanceTimersByTimeAsync(4_000);
    expect((await pending).map((r) => r.state)).toEqual(['offline', 'ok']);
    expect(store.putFeedItems).toHaveBeenCalledTimes(1);
  });

  it('asks nothing without feeds', async () => {
    const { deps, requested } = setup(() => new Response(''));
    expect(await pollFeeds([], deps)).toEqual([]);
    expect(requested).toEqual([]);
  });
});
