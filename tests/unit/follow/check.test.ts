// The follow check on the recorded Harwick flood-barrier answers (tests/fixtures/related/harwick-flood-barrier/:
// the same story from Google News, GDELT and Bing News in their real formats, the article itself among them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RECHECK_MS, checkFollows, checkStory, type FollowCheckDeps } from '@/utils/follow/check';
import { addFollow, listFollows } from '@/utils/follow/store';
import type { FollowedStory } from '@/utils/follow/types';
import { PROVIDERS } from '@/utils/providers/index';
import type { NewsProvider } from '@/utils/providers/types';
import { MAX_QUERY_LENGTH } from '@/utils/related/query';
import { Scheduler } from '@/utils/related/scheduler';
import type { RelatedStory } from '@/utils/related/types';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { fakeFetch, harwickRoute } from '../context/fixtures';
import { makeFollow } from './helpers';

const recorded = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/related/harwick-flood-barrier/article.json'), 'utf8')) as {
  title: string;
  canonicalUrl: string;
  siteName: string;
  publishedAt: string;
  lang: string;
  analysis: { lang: string; entities: { name: string; type: 'person' | 'place' | 'organization' | 'other'; variants: string[] }[]; keyTerms: string[] };
};

/** The recorded article, followed with nothing seen yet. */
const harwick = (overrides: Partial<FollowedStory> = {}) =>
  makeFollow({
    title: recorded.title,
    canonicalUrl: recorded.canonicalUrl,
    outlet: recorded.siteName,
    publishedAt: recorded.publishedAt,
    query: {
      lang: recorded.analysis.lang,
      langTag: recorded.lang,
      entities: recorded.analysis.entities.slice(0, 8).map(({ name, type, variants }) => ({ name, type, variants })),
      keyTerms: recorded.analysis.keyTerms.slice(0, 10),
    },
    ...overrides,
  });

const NOW = Date.parse('2025-03-15T12:00:00Z');
// Rate limits are the scheduler's own tests' business; here they would only make the tests wait.
const noWait = PROVIDERS.map((p) => ({ ...p, minIntervalMs: 0 }));

function setup({ route = harwickRoute, settings = DEFAULT_SETTINGS, providers = noWait as readonly NewsProvider[], feedItems = [] as RelatedStory[] } = {}) {
  const network = fakeFetch(route);
  const deps: FollowCheckDeps = {
    scheduler: new Scheduler({ fetch: network.fetch, now: () => NOW }),
    getSettings: async () => settings,
    now: () => NOW,
    origin: null,
    listFeedItems: async () => feedItems,
    providers,
  };
  return { deps, network };
}

const withProviders = (on: Partial<Settings['providers']>): Settings => ({ ...DEFAULT_SETTINGS, providers: { ...DEFAULT_SETTINGS.providers, ...on } });

afterEach(() => {
  vi.useRealTimers();
});

describe('checking a followed story', () => {
  it('counts the same-story items of the recorded answers as new, once', async () => {
    const { deps } = setup();
    await addFollow(harwick());
    const first = await checkFollows(deps, { force: true });
    const [story] = await listFollows();
    expect(first.checked).toBe(1);
    expect(first.newItems).toBeGreaterThanOrEqual(3);
    expect(story!.newCount).toBe(first.newItems);
    expect(story!.latest.map((i) => i.title)).toEqual(expect.arrayContaining(['Split council backs Harwick flood gates despite £29m cheaper option']));
    expect(story!.lastCheckedAt).toBe(NOW);
    expect(story!.status).toEqual({ state: 'ok' });

    const second = await checkFollows(deps, { force: true });
    expect(second).toEqual({ checked: 1, newItems: 0, stories: [] });
    expect((await listFollows())[0]!.newCount).toBe(first.newItems);
  });

  it('never counts the article itself (the recorded GDELT answer lists it)', async () => {
    const { deps } = setup();
    const check = await checkStory(harwick(), DEFAULT_SETTINGS, deps);
    // It was among the answers…
    expect(check.seen).toContain(recorded.canonicalUrl);
    // …but is not new coverage.
    expect(check.found.length).toBeGreaterThan(0);
    expect(check.found.map((i) => i.url)).not.toContain(recorded.canonicalUrl);
  });

  it('counts only what was not seen: items already there when the story was followed are not new', async () => {
    const { deps } = setup();
    const check = await checkStory(harwick(), DEFAULT_SETTINGS, deps);
    const [keep, ...seen] = check.found;
    await addFollow(harwick({ seenUrls: seen.map((i) => i.url) }));
    const summary = await checkFollows(deps, { force: true });
    expect(summary.newItems).toBe(1);
    expect(summary.stories[0]!.found.map((i) => i.url)).toEqual([keep!.url]);
  });

  it('a provider answering HTTP 500 keeps the story, counts the others and records which one failed', async () => {
    const { deps } = setup({ route: (url, init) => (url.hostname === 'www.bing.com' ? new Response('<h1>500</h1>', { status: 500 }) : harwickRoute(url, init)) });
    await addFollow(harwick());
    const summary = await checkFollows(deps, { force: true });
    const [story] = await listFollows();
    expect(story).toBeDefined();
    expect(story!.status).toEqual({ state: 'partial', detail: 'Bing News error' });
    expect(summary.newItems).toBeGreaterThan(0);
    expect(story!.latest.every((i) => !i.url.includes('lincolnmessenger'))).toBe(true);
  });

  it('every source offline: the story stays, nothing new, the check says it failed', async () => {
    const { deps } = setup({ route: () => Promise.reject(new TypeError('Failed to fetch')) });
    await addFollow(harwick());
    const summary = await checkFollows(deps, { force: true });
    expect(summary.newItems).toBe(0);
    const [story] = await listFollows();
    expect(story!.status.state).toBe('failed');
    expect(story!.status.detail).toContain('GDELT offline');
    expect(story!.lastCheckedAt).toBe(NOW);
  });

  it('asks only the sources that are on', async () => {
    const { deps, network } = setup({ settings: withProviders({ gdelt: false, 'bing-news': false }) });
    await addFollow(harwick());
    await checkFollows(deps, { force: true });
    expect(new Set(network.requests.map((r) => r.url.hostname))).toEqual(new Set(['news.google.com']));
  });

  it('with every source off, asks nothing and says so', async () => {
    const off = withProviders({ 'google-news': false, gdelt: false, 'bing-news': false, feeds: false });
    const { deps, network } = setup({ settings: off });
    await addFollow(harwick());
    await checkFollows(deps, { force: true });
    expect(network.requests).toHaveLength(0);
    expect((await listFollows())[0]!.status).toEqual({ state: 'no-sources' });
  });

  it("searches the reader's feeds locally and counts a matching feed item", async () => {
    const item: RelatedStory = {
      title: 'Harwick flood barrier: Priya Okafor says work starts in autumn',
      url: 'https://feeds.example.org/harwick-barrier-autumn',
      source: 'Ouse Valley Weekly',
      domain: 'feeds.example.org',
      publishedAt: '2025-03-15T09:00:00Z',
      description: 'Council leader Priya Okafor said the £48m flood barrier at Harwick will be built from the autumn.',
      lang: 'en',
      provider: 'feeds',
    };
    const { deps, network } = setup({
      settings: { ...withProviders({ 'google-news': false, gdelt: false, 'bing-news': false }), feeds: ['https://feeds.example.org/rss'] },
      feedItems: [item],
    });
    await addFollow(harwick());
    const summary = await checkFollows(deps, { force: true });
    expect(network.requests).toHaveLength(0);
    expect(summary.stories[0]?.found.map((i) => i.url)).toEqual([item.url]);
  });

  it('sends only short queries of names and terms: no URL, nothing over the length limit', async () => {
    const { deps, network } = setup();
    await addFollow(harwick());
    await checkFollows(deps, { force: true });
    expect(network.requests.length).toBe(3);
    for (const { url } of network.requests) {
      const q = url.searchParams.get('q') ?? url.searchParams.get('query') ?? '';
      expect(q.length).toBeGreaterThan(0);
      expect(q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      expect(url.href).not.toContain('riverside-courier');
    }
  });

  it('skips a story checked less than the cache time ago unless forced, least recently checked first', async () => {
    const { deps, network } = setup({ settings: withProviders({ gdelt: false, 'bing-news': false }) });
    await addFollow(harwick({ id: 'recent', lastCheckedAt: NOW - RECHECK_MS / 2 }));
    await addFollow(harwick({ id: 'old', canonicalUrl: 'https://b.test/old', lastCheckedAt: NOW - RECHECK_MS * 3 }));
    await addFollow(harwick({ id: 'never', canonicalUrl: 'https://b.test/never', lastCheckedAt: null }));
    const summary = await checkFollows(deps);
    expect(summary.checked).toBe(2);
    expect(network.requests).toHaveLength(2);
    const byId = Object.fromEntries((await listFollows()).map((s) => [s.id, s.lastCheckedAt]));
    expect(byId).toEqual({ recent: NOW - RECHECK_MS / 2, old: NOW, never: NOW });
  });

  it("keeps to GDELT's one request per 5 s across stories (the worker's shared scheduler)", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
    const network = fakeFetch(harwickRoute);
    const deps: FollowCheckDeps = {
      scheduler: new Scheduler({ fetch: network.fetch, now: Date.now }),
      getSettings: async () => withProviders({ 'google-news': false, 'bing-news': false }),
      now: Date.now,
      origin: null,
      listFeedItems: async () => [],
    };
    await addFollow(harwick());
    await addFollow(harwick({ id: 'two', canonicalUrl: 'https://b.test/two' }));
    const times: number[] = [];
    network.mock.mockImplementation(async (input) => {
      times.push(Date.now());
      return harwickRoute(new URL(String(input)), undefined);
    });
    const run = checkFollows(deps, { force: true });
    for (let i = 0; i < 20 && times.length < 2; i++) await vi.advanceTimersByTimeAsync(1_000);
    await run;
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(5_000);
  });
});
