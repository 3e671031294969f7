import { describe, expect, it, vi } from 'vitest';
import { EXPLAINER_TTL_MS } from '@/utils/context/explainers';
import { feedsChanged, runMaintenance } from '@/utils/context/maintenance';
import { Scheduler } from '@/utils/related/scheduler';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { fixtureBody } from './fixtures';

function setup(settings = DEFAULT_SETTINGS) {
  const fetch = vi.fn(async () => new Response(fixtureBody('providers/feeds/rss2.xml'))) as unknown as typeof globalThis.fetch;
  const store = { putFeedItems: vi.fn(async () => {}), pruneFeedItems: vi.fn(async () => 0), pruneCaches: vi.fn(async () => 0) };
  const deps = { scheduler: new Scheduler({ fetch, now: () => 1e12 }), store, getSettings: async () => settings, now: () => 1e12 };
  return { fetch, store, deps };
}

describe('runMaintenance', () => {
  it('polls the feeds and prunes caches older than the explainer freshness', async () => {
    const { deps, store } = setup({ ...DEFAULT_SETTINGS, feeds: ['https://a.example/rss'] });
    expect((await runMaintenance(deps)).map((r) => r.state)).toEqual(['ok']);
    expect(store.putFeedItems).toHaveBeenCalledTimes(1);
    expect(store.pruneCaches).toHaveBeenCalledWith(1e12 - EXPLAINER_TTL_MS);
  });

  it('polls nothing when the feeds source is off, but still prunes', async () => {
    const { deps, store, fetch } = setup({ ...DEFAULT_SETTINGS, feeds: ['https://a.example/rss'], providers: { ...DEFAULT_SETTINGS.providers, feeds: false } });
    expect(await runMaintenance(deps)).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
    expect(store.pruneCaches).toHaveBeenCalled();
  });
});

describe('feedsChanged', () => {
  const on = { ...DEFAULT_SETTINGS, feeds: ['https://a.example/rss'] };
  it('asks for a poll when a feed is added or the source is switched on with feeds', () => {
    expect(feedsChanged({ ...on, feeds: [...on.feeds, 'https://b.example/rss'] }, on)).toBe(true);
    expect(feedsChanged(on, { ...on, providers: { ...on.providers, feeds: false } })).toBe(true);
    expect(feedsChanged(on, null)).toBe(true);
  });

  it('does not poll for unrelated changes, removals, or with the source off', () => {
    expect(feedsChanged({ ...on }, on)).toBe(false);
    expect(feedsChanged({ ...on, feeds: [] }, on)).toBe(false);
    expect(feedsChanged({ ...on, providers: { ...on.providers, feeds: false } }, on)).toBe(false);
    expect(feedsChanged(DEFAULT_SETTINGS, null)).toBe(false);
  });
});
