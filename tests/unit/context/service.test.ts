import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyseArticle } from '@/utils/analysis/analyse';
import type { Article } from '@/utils/article/types';
import { FAILURE_RETRY_MS, LONG_POLL_MS, RELATED_TTL_MS, createContextService, type AskOptions } from '@/utils/context/service';
import { entityKeys } from '@/utils/context/timeline';
import type { StoryContext } from '@/utils/context/types';
import type { HistoryEntry } from '@/utils/history-types';
import { Scheduler } from '@/utils/related/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { fakeFetch, fixtureBody, harwickRoute, memoryStore, siteArticle, writesOf, type Route } from './fixtures';

const T0 = Date.parse('2025-03-14T12:00:00Z');
const normal: AskOptions = { isPrivate: false };

function makeService({
  route = harwickRoute,
  settings = {},
  memory = memoryStore(),
}: { route?: Route; settings?: Partial<Settings>; memory?: ReturnType<typeof memoryStore> } = {}) {
  const net = fakeFetch(route);
  const service = createContextService({
    scheduler: new Scheduler({ fetch: net.fetch, now: Date.now }),
    store: memory.store,
    getSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings, providers: { ...DEFAULT_SETTINGS.providers, ...settings.providers } }),
    now: Date.now,
    version: '0.1.0',
    origin: null,
    browserLanguage: 'en-US',
  });
  return { service, memory, ...net };
}

/** Asks until the context is complete, letting fake time pass between asks. */
async function untilComplete(ask: () => Promise<StoryContext>): Promise<StoryContext> {
  for (let i = 0; i < 120; i++) {
    const ctx = await ask();
    if (ctx.complete) return ctx;
    await vi.advanceTimersByTimeAsync(500);
  }
  throw new Error('context never completed');
}

/** A route whose answers wait until released, per host. */
function gatedRoute(base: Route = harwickRoute) {
  const waiting = new Map<string, (() => void)[]>();
  const released = new Set<string>();
  const route: Route = (url, init) => {
    if (released.has(url.hostname) || url.hostname.endsWith('wikipedia.org')) return base(url, init);
    return new Promise((resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      const list = waiting.get(url.hostname) ?? [];
      list.push(() => Promise.resolve(base(url, init)).then(resolve));
      waiting.set(url.hostname, list);
    });
  };
  const release = (host: string) => {
    released.add(host);
    for (const go of waiting.get(host) ?? []) go();
    waiting.delete(host);
  };
  return { route, release };
}

const states = (ctx: StoryContext) => Object.fromEntries(ctx.providers.map((p) => [p.id, p.state]));

let harwick: Article;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
  harwick = siteArticle('harwick-flood-barrier-vote');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('getContext', () => {
  it('answers the first ask at once with the analysis, the article and pending providers', async () => {
    const { route } = gatedRoute();
    const { service } = makeService({ route });
    const ctx = await service.getContext(harwick, normal);
    expect(ctx.complete).toBe(false);
    expect(ctx.canonicalUrl).toBe(harwick.canonicalUrl);
    expect(ctx.analysis).toEqual(analyseArticle(harwick));
    expect(states(ctx)).toMatchObject({ 'google-news': 'pending', gdelt: 'pending', 'bing-news': 'pending' });
    expect(ctx.related).toEqual({ sameStory: [], background: [] });
    expect(ctx.timeline).toEqual([
      { kind: 'this', title: harwick.title, url: harwick.canonicalUrl, source: 'The Riverside Courier', publishedAt: harwick.publishedAt },
    ]);
    expect(ctx.source).toMatchObject({ name: 'The Riverside Courier', domain: 'riverside-courier.co.uk', lang: 'en' });
  });

  it('shows each provider as it answers, and completes when all have', async () => {
    const gate = gatedRoute();
    const { service } = makeService({ route: gate.route });
    await service.getContext(harwick, normal);
    gate.release('www.bing.com');
    await vi.advanceTimersByTimeAsync(1_000);
    const partial = await service.getContext(harwick, normal);
    expect(states(partial)).toMatchObject({ 'google-news': 'pending', gdelt: 'pending', 'bing-news': 'ok' });
    expect(partial.complete).toBe(false);
    const bingCount = partial.providers.find((p) => p.id === 'bing-news')!.count;
    expect(bingCount).toBeGreaterThan(0);
    expect([...partial.related.sameStory, ...partial.related.background].every((s) => s.provider === 'bing-news')).toBe(true);

    gate.release('news.google.com');
    gate.release('api.gdeltproject.org');
    const done = await untilComplete(() => service.getContext(harwick, normal));
    expect(states(done)).toMatchObject({ 'google-news': 'ok', gdelt: 'ok', 'bing-news': 'ok', history: 'empty' });
    expect(new Set(done.related.sameStory.map((s) => s.provider)).size).toBeGreaterThan(1);
    // The article itself (in GDELT's list) is not related coverage of itself.
    expect(done.related.sameStory.some((s) => s.url === harwick.canonicalUrl)).toBe(false);
    expect(done.updatedAt).toBeGreaterThanOrEqual(partial.updatedAt);
  });

  // The sidebar and the popup ask with the version they show: the answer comes with the next change.
  it('holds an ask made with the version it has until the lookup changes, then answers with the change', async () => {
    const gate = gatedRoute();
    const { service } = makeService({ route: gate.route });
    const first = await service.getContext(harwick, normal);
    await vi.advanceTimersByTimeAsync(100); // the explainers and the history answer
    const shown = await service.getContext(harwick, normal);
    let answer: StoryContext | null = null;
    void service.getContext(harwick, { ...normal, after: shown.version }).then((ctx) => (answer = ctx));
    await vi.advanceTimersByTimeAsync(LONG_POLL_MS / 2);
    expect(answer).toBeNull();
    gate.release('www.bing.com');
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(answer).not.toBeNull());
    expect(answer!.version).toBeGreaterThan(shown.version);
    expect(shown.version).toBeGreaterThan(first.version);
    expect(answer!.providers.find((p) => p.id === 'bing-news')!.count).toBeGreaterThan(0);
  });

  it('answers a held ask with what is known after LONG_POLL_MS without a change, and answers at once for another version or a complete lookup', async () => {
    const gate = gatedRoute();
    const { service } = makeService({ route: gate.route });
    await service.getContext(harwick, normal);
    await vi.advanceTimersByTimeAsync(100);
    const shown = await service.getContext(harwick, normal);
    let answer: StoryContext | null = null;
    void service.getContext(harwick, { ...normal, after: shown.version }).then((ctx) => (answer = ctx));
    await vi.advanceTimersByTimeAsync(LONG_POLL_MS - 1);
    expect(answer).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(answer).toMatchObject({ version: shown.version, complete: false });
    // An older version (or another lookup's): at once.
    await expect(service.getContext(harwick, { ...normal, after: shown.version - 1 })).resolves.toMatchObject({ version: shown.version });

    for (const host of ['www.bing.com', 'news.google.com', 'api.gdeltproject.org']) gate.release(host);
    const done = await untilComplete(() => service.getContext(harwick, normal));
    await expect(service.getContext(harwick, { ...normal, after: done.version })).resolves.toBe(done);
  });

  it('answers a held ask when its tab closes and the lookup is aborted', async () => {
    const { route } = gatedRoute();
    const { service } = makeService({ route });
    await service.getContext(harwick, { isPrivate: false, tabId: 3 });
    await vi.advanceTimersByTimeAsync(100);
    const shown = await service.getContext(harwick, { isPrivate: false, tabId: 3 });
    let answered = false;
    void service.getContext(harwick, { isPrivate: false, tabId: 3, after: shown.version }).then(() => (answered = true));
    await vi.advanceTimersByTimeAsync(10);
    service.releaseTab(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(answered).toBe(true);
  });

  it('makes one lookup for concurrent asks about the same article', async () => {
    const { service, requests } = makeService();
    const [a, b, c] = await Promise.all([service.getContext(harwick, { isPrivate: false, tabId: 1 }), service.getContext(harwick, { isPrivate: false, tabId: 2 }), service.getContext(harwick, normal)]);
    expect(a.canonicalUrl).toBe(b.canonicalUrl);
    expect(c.canonicalUrl).toBe(a.canonicalUrl);
    await untilComplete(() => service.getContext(harwick, normal));
    const newsRequests = requests.filter((r) => !r.url.hostname.endsWith('wikipedia.org'));
    // Near and wide window per provider, once.
    expect(newsRequests.map((r) => r.url.hostname).sort()).toEqual([
      'api.gdeltproject.org',
      'api.gdeltproject.org',
      'news.google.com',
      'news.google.com',
      'www.bing.com',
      'www.bing.com',
    ]);
  });

  it('keeps the other providers when one fails, and reports its status', async () => {
    const { service } = makeService({
      route: (url, init) => (url.hostname === 'news.google.com' ? new Response('Server Error', { status: 500 }) : harwickRoute(url, init)),
    });
    const done = await untilComplete(() => service.getContext(harwick, normal));
    expect(done.providers.find((p) => p.id === 'google-news')).toEqual({ id: 'google-news', name: 'Google News', state: 'error', count: 0, message: 'HTTP 500' });
    expect(done.related.sameStory.length).toBeGreaterThan(0);
  });

  it('makes no request at all with every source switched off', async () => {
    const off = { 'google-news': false, gdelt: false, 'bing-news': false, wikipedia: false, feeds: false, history: false };
    const { service, requests, memory } = makeService({ settings: { providers: off } });
    const ctx = await untilComplete(() => service.getContext(harwick, normal));
    expect(requests).toEqual([]);
    expect(ctx.providers.map((p) => [p.id, p.state])).toEqual([
      ['google-news', 'off'],
      ['gdelt', 'off'],
      ['bing-news', 'off'],
    ]);
    expect(ctx.explainers).toEqual([]);
    expect(ctx.analysis.entities.length).toBeGreaterThan(0);
    expect(memory.store.findAnalysesByEntities).not.toHaveBeenCalled();
  });

  it('asks only the providers that are on', async () => {
    const { service, requests } = makeService({ settings: { providers: { ...DEFAULT_SETTINGS.providers, gdelt: false, wikipedia: false } } });
    const ctx = await untilComplete(() => service.getContext(harwick, normal));
    expect(new Set(requests.map((r) => r.url.hostname))).toEqual(new Set(['news.google.com', 'www.bing.com']));
    expect(states(ctx)).toMatchObject({ gdelt: 'off' });
  });

  it('uses the region and language settings in the queries and for Wikipedia', async () => {
    const { service, requests } = makeService({ settings: { region: 'IE', language: 'de' } });
    await untilComplete(() => service.getContext(harwick, normal));
    const google = requests.find((r) => r.url.hostname === 'news.google.com')!.url;
    expect(google.searchParams.get('gl')).toBe('IE');
    expect(google.searchParams.get('hl')).toBe('de-IE');
    expect(requests.some((r) => r.url.hostname === 'de.wikipedia.org')).toBe(true);
  });

  it("takes the region from the article's language tag by default", async () => {
    const { service, requests } = makeService();
    await untilComplete(() => service.getContext(harwick, normal));
    expect(requests.find((r) => r.url.hostname === 'news.google.com')!.url.searchParams.get('gl')).toBe('GB');
  });

  it("names the outlet's country from GDELT's sourcecountry and explains the outlet", async () => {
    const gdelt = JSON.parse(fixtureBody('related/harwick-flood-barrier/gdelt.json')) as { articles: { domain: string; sourcecountry: string }[] };
    for (const a of gdelt.articles) if (a.domain === 'riverside-courier.co.uk') a.sourcecountry = 'United Kingdom';
    const memory = memoryStore();
    const { service } = makeService({
      memory,
      route: (url, init) => (url.hostname === 'api.gdeltproject.org' ? Response.json(gdelt) : harwickRoute(url, init)),
    });
    const done = await untilComplete(() => service.getContext(harwick, normal));
    expect(done.source).toMatchObject({ name: 'The Riverside Courier', country: 'GB', explainer: { name: 'The Riverside Courier', type: 'outlet', state: 'not-found' } });
    // A restarted worker answering from the cache still knows the country.
    const restarted = makeService({ memory });
    expect((await untilComplete(() => restarted.service.getContext(harwick, normal))).source.country).toBe('GB');
    expect(restarted.requests).toEqual([]);
  });

  it('resolves explainers for the main names', async () => {
    const { service } = makeService();
    const first = await service.getContext(harwick, normal);
    expect(first.explainers.length).toBe(5);
    const done = await untilComplete(() => service.getContext(harwick, normal));
    expect(done.explainers.find((e) => e.name === 'River Ouse')).toMatchObject({ state: 'ok', title: 'River Ouse, Yorkshire' });
    expect(done.explainers.every((e) => e.state !== 'pending')).toBe(true);
  });

  it('uses the stored analysis for an article sent without its text', async () => {
    const memory = memoryStore();
    const analysis = analyseArticle(harwick);
    memory.analyses.set(harwick.canonicalUrl, { canonicalUrl: harwick.canonicalUrl, analysis, entityKeys: entityKeys(analysis), analysedAt: T0 });
    const { service } = makeService({ memory });
    const ctx = await service.getContext({ ...harwick, text: '' }, normal);
    expect(ctx.analysis).toEqual(analysis);
  });
});

describe('storage', () => {
  it('caches each answer, and answers from the cache in a restarted worker without asking again', async () => {
    const memory = memoryStore();
    const first = makeService({ memory });
    const done = await untilComplete(() => first.service.getContext(harwick, normal));
    expect(memory.related.get(harwick.canonicalUrl)?.results.map((r) => r.id).sort()).toEqual(['bing-news', 'gdelt', 'google-news']);
    expect(memory.analyses.has(harwick.canonicalUrl)).toBe(true);

    const restarted = makeService({ memory });
    const again = await untilComplete(() => restarted.service.getContext(harwick, normal));
    expect(restarted.requests).toEqual([]); // news from the related cache, explainers from the Wikipedia cache
    expect(again.related).toEqual(done.related);
    expect(again.explainers).toEqual(done.explainers);
  });

  it('completes a lookup cut short by the worker stopping, asking only the providers that had not answered', async () => {
    const memory = memoryStore();
    const gate = gatedRoute();
    const stopped = makeService({ memory, route: gate.route });
    await stopped.service.getContext(harwick, normal);
    gate.release('news.google.com');
    gate.release('www.bing.com');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(memory.related.get(harwick.canonicalUrl)?.results.map((r) => r.id).sort()).toEqual(['bing-news', 'google-news']);
    // The worker is stopped here: GDELT never answered and the in-memory lookup is gone.

    const next = makeService({ memory });
    const done = await untilComplete(() => next.service.getContext(harwick, normal));
    expect(new Set(next.requests.filter((r) => !r.url.hostname.endsWith('wikipedia.org')).map((r) => r.url.hostname))).toEqual(new Set(['api.gdeltproject.org']));
    expect(states(done)).toMatchObject({ 'google-news': 'ok', gdelt: 'ok', 'bing-news': 'ok' });
  });

  it('asks again once the cache is 30 minutes old', async () => {
    const memory = memoryStore();
    const { service, requests } = makeService({ memory });
    await untilComplete(() => service.getContext(harwick, normal));
    const count = requests.length;
    vi.setSystemTime(Date.now() + RELATED_TTL_MS - 60_000);
    await untilComplete(() => service.getContext(harwick, normal));
    expect(requests.length).toBe(count);
    vi.setSystemTime(Date.now() + 120_000);
    await untilComplete(() => service.getContext(harwick, normal));
    expect(requests.filter((r) => r.url.hostname === 'www.bing.com').length).toBe(4);
  });

  it('asks again for failures (offline, rate-limited) instead of reusing them', async () => {
    const memory = memoryStore();
    const down = makeService({ memory, route: (url, init) => (url.hostname === 'www.bing.com' ? Promise.reject(new TypeError('Failed to fetch')) : harwickRoute(url, init)) });
    const first = await untilComplete(() => down.service.getContext(harwick, normal));
    expect(states(first)['bing-news']).toBe('offline');
    const up = makeService({ memory });
    const second = await untilComplete(() => up.service.getContext(harwick, normal));
    expect(up.requests.filter((r) => !r.url.hostname.endsWith('wikipedia.org')).map((r) => r.url.hostname)).toEqual(['www.bing.com', 'www.bing.com']);
    expect(states(second)['bing-news']).toBe('ok');
  });

  it('asks a failed source again a minute later in the same worker (an HTTP 500 or a timeout does not stick for 30 minutes)', async () => {
    let bingDown = true;
    const { service, requests } = makeService({
      route: (url, init) => (url.hostname === 'www.bing.com' && bingDown ? Promise.resolve(new Response('busy', { status: 500 })) : harwickRoute(url, init)),
    });
    const first = await untilComplete(() => service.getContext(harwick, normal));
    expect(states(first)['bing-news']).toBe('error');
    bingDown = false;
    const bingAsks = () => requests.filter((r) => r.url.hostname === 'www.bing.com').length;
    const before = bingAsks();
    const googleAsks = () => requests.filter((r) => r.url.hostname === 'news.google.com').length;
    const googleBefore = googleAsks();
    // At once: the error is the answer (no hammering a failing source on every poll).
    expect(states(await service.getContext(harwick, normal))['bing-news']).toBe('error');
    expect(bingAsks()).toBe(before);
    vi.setSystemTime(Date.now() + FAILURE_RETRY_MS + 1_000);
    const later = await untilComplete(() => service.getContext(harwick, normal));
    expect(states(later)['bing-news']).toBe('ok');
    expect(bingAsks()).toBeGreaterThan(before);
    // The sources that answered were not asked again: their stored answers are still fresh.
    expect(googleAsks()).toBe(googleBefore);
  });

  it.each<[string, AskOptions, Partial<Settings>]>([
    ['a private window', { isPrivate: true }, {}],
    ['paused history', normal, { historyPaused: true }],
    ['an excluded site', normal, { excludedSites: ['riverside-courier.co.uk'] }],
  ])('computes the context but writes nothing for %s', async (_, ask, settings) => {
    const { service, memory } = makeService({ settings });
    const done = await untilComplete(() => service.getContext(harwick, ask));
    expect(done.related.sameStory.length).toBeGreaterThan(0);
    expect(done.explainers.some((e) => e.state === 'ok')).toBe(true);
    for (const write of writesOf(memory.store)) expect(write).not.toHaveBeenCalled();
  });
});

describe('failures', () => {
  it('still answers, storing nothing, when the settings cannot be read', async () => {
    const memory = memoryStore();
    const net = fakeFetch();
    const service = createContextService({
      scheduler: new Scheduler({ fetch: net.fetch, now: Date.now }),
      store: memory.store,
      getSettings: () => Promise.reject(new Error('storage unavailable')),
      now: Date.now,
      version: '0.1.0',
      origin: null,
    });
    const done = await untilComplete(() => service.getContext(harwick, normal));
    expect(done.related.sameStory.length).toBeGreaterThan(0);
    for (const write of writesOf(memory.store)) expect(write).not.toHaveBeenCalled();
  });

  it('still answers when IndexedDB fails, from the network', async () => {
    const memory = memoryStore();
    for (const fn of Object.values(memory.store)) fn.mockRejectedValue(new Error('QuotaExceededError'));
    const { service } = makeService({ memory });
    const done = await untilComplete(() => service.getContext(harwick, normal));
    expect(states(done)).toMatchObject({ 'google-news': 'ok', gdelt: 'ok', 'bing-news': 'ok', history: 'error' });
    expect(done.explainers.find((e) => e.name === 'River Ouse')).toMatchObject({ state: 'ok' });
  });
});

describe('timeline', () => {
  function historyEntry(url: string, title: string, publishedAt: string | null, lastVisitedAt: number): HistoryEntry {
    return {
      canonicalUrl: url,
      url,
      title,
      byline: null,
      siteName: 'Harwick Live',
      publishedAt,
      lang: 'en',
      excerpt: '',
      wordCount: 300,
      readingMinutes: 2,
      visits: [lastVisitedAt],
      lastVisitedAt,
      site: new URL(url).hostname,
    };
  }

  it("adds the reader's earlier reads on the same names and marks related items already read, oldest first", async () => {
    const memory = memoryStore();
    const analysis = analyseArticle(harwick);
    const earlier = 'https://harwicklive.co.uk/news/flood-barrier-consultation';
    const unrelated = 'https://harwicklive.co.uk/news/football';
    memory.analyses.set(earlier, { canonicalUrl: earlier, analysis, entityKeys: entityKeys(analysis).slice(0, 3), analysedAt: 1 });
    memory.analyses.set(unrelated, { canonicalUrl: unrelated, analysis, entityKeys: ['harwick town fc'], analysedAt: 1 });
    memory.history.set(earlier, historyEntry(earlier, 'Flood barrier consultation opens', '2025-01-10T09:00:00Z', T0 - 86_400_000));
    memory.history.set(unrelated, historyEntry(unrelated, 'Harwick Town win', '2025-03-01T09:00:00Z', T0 - 3_600_000));

    const { service } = makeService({ memory });
    const first = await untilComplete(() => service.getContext(harwick, normal));
    const read = first.related.sameStory[0]!;
    memory.history.set(read.url, historyEntry(read.url, read.title, read.publishedAt, T0 - 600_000));

    const { service: fresh } = makeService({ memory });
    const done = await untilComplete(() => fresh.getContext(harwick, normal));
    const timeline = done.timeline;
    expect(timeline.filter((t) => t.kind === 'this')).toHaveLength(1);
    expect(timeline.find((t) => t.kind === 'history')).toEqual({
      kind: 'history',
      title: 'Flood barrier consultation opens',
      url: earlier,
      source: 'Harwick Live',
      publishedAt: '2025-01-10T09:00:00Z',
      readAt: T0 - 86_400_000,
    });
    expect(timeline.some((t) => t.url === unrelated)).toBe(false);
    expect(timeline.find((t) => t.url === read.url)).toMatchObject({ kind: 'same-story', readAt: T0 - 600_000 });
    expect(states(done).history).toBe('ok');
    const dated = timeline.filter((t) => t.publishedAt).map((t) => Date.parse(t.publishedAt!));
    expect(dated).toEqual([...dated].sort((a, b) => a - b));
    expect(new Set(timeline.map((t) => t.url)).size).toBe(timeline.length);
  });

  it("searches the reader's own feeds locally", async () => {
    const memory = memoryStore();
    memory.feedItems.push({
      title: 'Harwick flood barrier: what the River Ouse gates mean for Tanner’s Reach',
      url: 'https://blog.example.org/harwick-barrier',
      source: 'Ouse Watch',
      domain: 'blog.example.org',
      publishedAt: '2025-03-14T10:00:00.000Z',
      description: 'Harwick council voted for the barrier on the River Ouse.',
      lang: 'en',
      provider: 'feeds',
    });
    const { service, requests } = makeService({ memory, settings: { feeds: ['https://blog.example.org/feed.xml'] } });
    const done = await untilComplete(() => service.getContext(harwick, normal));
    expect(states(done).feeds).toBe('ok');
    expect([...done.related.sameStory, ...done.related.background].some((s) => s.url === 'https://blog.example.org/harwick-barrier')).toBe(true);
    expect(requests.some((r) => r.url.hostname === 'blog.example.org')).toBe(false);
  });
});

describe('changes', () => {
  it('starts over when the settings change, e.g. a source is switched off', async () => {
    const memory = memoryStore();
    const settings: Partial<Settings> = {};
    const net = fakeFetch();
    const service = createContextService({
      scheduler: new Scheduler({ fetch: net.fetch, now: Date.now }),
      store: memory.store,
      getSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
      now: Date.now,
      version: '0.1.0',
      origin: null,
    });
    const before = await untilComplete(() => service.getContext(harwick, normal));
    expect(states(before)['bing-news']).toBe('ok');
    settings.providers = { ...DEFAULT_SETTINGS.providers, 'bing-news': false };
    const after = await untilComplete(() => service.getContext(harwick, normal));
    expect(states(after)['bing-news']).toBe('off');
    expect([...after.related.sameStory, ...after.related.background].some((s) => s.provider === 'bing-news')).toBe(false);
  });

  it('asks a rate-limited provider again once its retry time has passed', async () => {
    let limited = true;
    const { service, requests } = makeService({
      route: (url, init) =>
        url.hostname === 'api.gdeltproject.org' && limited
          ? new Response(fixtureBody('providers/gdelt/rate-limit.txt'), { status: 429, headers: { 'retry-after': '60' } })
          : harwickRoute(url, init),
    });
    const first = await untilComplete(() => service.getContext(harwick, normal));
    expect(first.providers.find((p) => p.id === 'gdelt')).toMatchObject({ state: 'rate-limited', retryAt: T0 + 60_000 });
    const gdeltCalls = () => requests.filter((r) => r.url.hostname === 'api.gdeltproject.org').length;
    expect(gdeltCalls()).toBe(1);
    limited = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(states(await service.getContext(harwick, normal)).gdelt).toBe('rate-limited'); // not yet
    await vi.advanceTimersByTimeAsync(30_000);
    const again = await untilComplete(() => service.getContext(harwick, normal));
    expect(states(again).gdelt).toBe('ok');
    expect(gdeltCalls()).toBe(3);
  });
});

describe('tabs', () => {
  it('aborts the lookup when its tab closes, and the next ask starts over', async () => {
    const gate = gatedRoute();
    const { service, requests } = makeService({ route: gate.route });
    await service.getContext(harwick, { isPrivate: false, tabId: 7 });
    await vi.advanceTimersByTimeAsync(100);
    const inFlight = requests.filter((r) => r.url.hostname === 'api.gdeltproject.org');
    expect(inFlight).toHaveLength(1);
    service.releaseTab(7);
    await vi.advanceTimersByTimeAsync(0);
    expect(inFlight[0]!.init?.signal?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests.filter((r) => r.url.hostname === 'api.gdeltproject.org')).toHaveLength(1); // no wide GDELT request after the abort

    gate.release('news.google.com');
    gate.release('www.bing.com');
    gate.release('api.gdeltproject.org');
    const done = await untilComplete(() => service.getContext(harwick, { isPrivate: false, tabId: 8 }));
    expect(states(done)).toMatchObject({ 'google-news': 'ok', gdelt: 'ok', 'bing-news': 'ok' });
  });

  it('keeps the lookup while another tab still waits for it', async () => {
    const gate = gatedRoute();
    const { service, requests } = makeService({ route: gate.route });
    await service.getContext(harwick, { isPrivate: false, tabId: 7 });
    await service.getContext(harwick, { isPrivate: false, tabId: 9 });
    await vi.advanceTimersByTimeAsync(100);
    service.releaseTab(7);
    await vi.advanceTimersByTimeAsync(0);
    expect(requests.some((r) => r.init?.signal?.aborted)).toBe(false);
  });
});
