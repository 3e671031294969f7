import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContextService } from '@/utils/context/service';
import type { ProviderStatus, StoryContext } from '@/utils/context/types';
import { Scheduler } from '@/utils/related/scheduler';
import { DEFAULT_SETTINGS, feedStatusItem, providerStatusItem, recordFeedStatus, recordProviderStatus } from '@/utils/settings';
import { fakeFetch, harwickRoute, memoryStore, siteArticle, type Route } from './fixtures';

const T0 = Date.parse('2025-03-14T12:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

async function untilComplete(ask: () => Promise<StoryContext>): Promise<StoryContext> {
  for (let i = 0; i < 120; i++) {
    const ctx = await ask();
    if (ctx.complete) return ctx;
    await vi.advanceTimersByTimeAsync(500);
  }
  throw new Error('context never completed');
}

describe('context service status reports', () => {
  it('reports each source’s final answer (not pending, not off), Wikipedia once its explainers settle', async () => {
    const route: Route = (url, init) => (url.hostname === 'api.gdeltproject.org' ? new Response('Please limit requests', { status: 429 }) : harwickRoute(url, init));
    const net = fakeFetch(route);
    const reported: ProviderStatus[] = [];
    const service = createContextService({
      scheduler: new Scheduler({ fetch: net.fetch, now: Date.now }),
      store: memoryStore().store,
      getSettings: async () => ({ ...DEFAULT_SETTINGS, providers: { ...DEFAULT_SETTINGS.providers, 'bing-news': false } }),
      now: Date.now,
      version: '0.1.0',
      origin: null,
      onStatus: (s) => reported.push(s),
    });
    const article = siteArticle('harwick-flood-barrier-vote');
    await untilComplete(() => service.getContext(article, { isPrivate: false }));
    const last = Object.fromEntries(reported.map((s) => [s.id, s.state]));
    expect(last).toMatchObject({ 'google-news': 'ok', gdelt: 'rate-limited', wikipedia: 'ok', history: 'empty' });
    expect(last['bing-news']).toBeUndefined();
    expect(reported.some((s) => s.state === 'pending' || s.state === 'off')).toBe(false);
  });
});

describe('status records for the options page', () => {
  it('keeps the latest status per source, all of several written at once, and ignores pending/off', async () => {
    await Promise.all([
      recordProviderStatus({ id: 'gdelt', state: 'rate-limited', message: 'HTTP 429' }, T0),
      recordProviderStatus({ id: 'google-news', state: 'ok' }, T0 + 1),
      recordProviderStatus({ id: 'bing-news', state: 'pending' }, T0 + 2),
    ]);
    await recordProviderStatus({ id: 'google-news', state: 'offline' }, T0 + 3);
    expect(await providerStatusItem.getValue()).toEqual({
      gdelt: { state: 'rate-limited', at: T0, message: 'HTTP 429' },
      'google-news': { state: 'offline', at: T0 + 3 },
    });
  });

  it('keeps each feed’s latest poll and forgets removed feeds', async () => {
    await recordFeedStatus([{ feedUrl: 'https://a.example/rss', state: 'ok', items: 12 }, { feedUrl: 'https://b.example/rss', state: 'error', items: 0, message: 'HTTP 404' }], T0);
    await recordFeedStatus([{ feedUrl: 'https://a.example/rss', state: 'ok', items: 14 }], T0 + 5, ['https://a.example/rss']);
    expect(await feedStatusItem.getValue()).toEqual({ 'https://a.example/rss': { state: 'ok', items: 14, at: T0 + 5 } });
  });
});
