import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import type { Article } from '@/utils/article/types';
import type { StoryContext } from '@/utils/context/types';
import { clearHistory, getAnalysis, getHistoryEntry, getRelatedCache, listFeedItems, pruneFeedItems } from '@/utils/db';
import { MAINTENANCE_ALARM } from '@/utils/context/maintenance';
import { sendMessage, type MessageSender, type Reply } from '@/utils/messaging';
import { updateSettings } from '@/utils/settings';
import { fakeFetch, fixtureBody, harwickRoute, siteArticle } from '../context/fixtures';

const article: Article = {
  url: 'https://www.example.com/world/story?utm_medium=social',
  canonicalUrl: 'https://www.example.com/world/story',
  title: 'A story',
  byline: 'Jane Doe',
  siteName: 'Example News',
  publishedAt: '2025-03-01T10:00:00Z',
  lang: 'en',
  excerpt: 'What happened.',
  text: 'What happened, at length.',
  wordCount: 4,
  readingMinutes: 1,
};

const fromTab = (incognito: boolean, id = 4) => ({ tab: { id, incognito }, frameId: 0 }) as MessageSender;

/** Delivers a message to the background's listeners as the browser would, with a chosen sender. */
async function deliver(message: unknown, sender: MessageSender): Promise<Reply<unknown> | undefined> {
  let sendResponse!: (reply: Reply<unknown>) => void;
  const answered = new Promise<Reply<unknown>>((resolve) => (sendResponse = resolve));
  const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, sender, sendResponse);
  return results.includes(true) ? answered : undefined;
}

async function askContext(a: Article, sender: MessageSender, tabId?: number): Promise<StoryContext> {
  const reply = await deliver({ type: 'getContext', data: tabId === undefined ? { article: a } : { article: a, tabId } }, sender);
  if (!reply?.ok) throw new Error(`getContext failed: ${JSON.stringify(reply)}`);
  return reply.data as StoryContext;
}

describe('background', () => {
  let network: ReturnType<typeof fakeFetch>;

  beforeEach(async () => {
    // Only timers and the clock are faked; fake-indexeddb schedules with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.parse('2025-03-14T12:00:00Z') });
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Backstory', version: '0.1.0' });
    network = fakeFetch((url, init) =>
      url.hostname === 'feeds.example.org' ? new Response(fixtureBody('providers/feeds/rss2.xml')) : harwickRoute(url, init),
    );
    vi.stubGlobal('fetch', network.fetch);
    background.main();
    await clearHistory();
    await pruneFeedItems(Number.MAX_SAFE_INTEGER, []);
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('records an article detected in a normal tab, with its analysis', async () => {
    expect(await deliver({ type: 'articleDetected', data: article }, fromTab(false))).toEqual({
      ok: true,
      data: { recorded: true },
    });
    expect(await getHistoryEntry(article.canonicalUrl)).toMatchObject({ title: 'A story', site: 'example.com' });
    expect(await sendMessage('getHistory', { limit: 10 })).toMatchObject([{ canonicalUrl: article.canonicalUrl }]);
    await vi.waitFor(async () => expect(await getAnalysis(article.canonicalUrl)).toMatchObject({ analysis: { lang: 'en' } }));
  });

  it('does not record an article detected in a private window', async () => {
    expect(await deliver({ type: 'articleDetected', data: article }, fromTab(true))).toEqual({
      ok: true,
      data: { recorded: false },
    });
    expect(await getHistoryEntry(article.canonicalUrl)).toBeUndefined();
    expect(await sendMessage('getHistory', { limit: 10 })).toEqual([]);
  });

  it('does not record an article while history is paused', async () => {
    await updateSettings({ historyPaused: true });
    expect(await deliver({ type: 'articleDetected', data: article }, fromTab(false))).toEqual({ ok: true, data: { recorded: false } });
    expect(await getHistoryEntry(article.canonicalUrl)).toBeUndefined();
  });

  it('does not record an article sent from outside a tab', async () => {
    await expect(sendMessage('articleDetected', article)).resolves.toEqual({ recorded: false });
    expect(await getHistoryEntry(article.canonicalUrl)).toBeUndefined();
  });

  it('answers malformed messages with an error and keeps answering afterwards', async () => {
    expect(await deliver({ type: 'articleDetected', data: { ...article, url: 'javascript:alert(1)' } }, fromTab(false))).toEqual({
      ok: false,
      error: 'invalid articleDetected: url must be http(s)',
    });
    expect(await deliver('not a message', fromTab(false))).toEqual({ ok: false, error: 'malformed message' });
    expect(await deliver({ type: 'dropTables' }, fromTab(false))).toEqual({
      ok: false,
      error: 'unknown message type: dropTables',
    });
    expect(await deliver({ type: 'getContext', data: { article: { ...article, canonicalUrl: 'data:x' } } }, fromTab(false))).toEqual({
      ok: false,
      error: 'invalid getContext: canonicalUrl must be http(s)',
    });
    expect(await getHistoryEntry(article.canonicalUrl)).toBeUndefined();

    expect(await deliver({ type: 'articleDetected', data: article }, fromTab(false))).toEqual({
      ok: true,
      data: { recorded: true },
    });
    expect(await sendMessage('getHistory', { limit: 1 })).toHaveLength(1);
  });

  it('leaves getArticle to the content script', async () => {
    expect(await deliver({ type: 'getArticle', data: {} }, {})).toBeUndefined();
  });

  it('answers getContext at once with the analysis, then with related coverage until complete', async () => {
    const harwick = siteArticle('harwick-flood-barrier-vote');
    const first = await askContext(harwick, fromTab(false));
    expect(first.complete).toBe(false);
    expect(first.canonicalUrl).toBe(harwick.canonicalUrl);
    expect(first.analysis.entities.map((e) => e.name)).toContain('River Ouse');
    expect(first.timeline[0]).toMatchObject({ kind: 'this', url: harwick.canonicalUrl });

    // GDELT's second (wide) request waits out its 5 s interval.
    await vi.advanceTimersByTimeAsync(6_000);
    const done = await vi.waitFor(async () => {
      const ctx = await askContext(harwick, fromTab(false));
      expect(ctx.complete).toBe(true);
      return ctx;
    });
    expect(done.related.sameStory.length).toBeGreaterThan(0);
    expect(done.providers.filter((p) => ['google-news', 'gdelt', 'bing-news'].includes(p.id)).map((p) => p.state)).toEqual(['ok', 'ok', 'ok']);
    expect(done.source).toMatchObject({ name: 'The Riverside Courier', domain: 'riverside-courier.co.uk' });
    expect(done.explainers.find((e) => e.name === 'River Ouse')).toMatchObject({ state: 'ok', title: 'River Ouse, Yorkshire', lang: 'en' });
    expect(await getRelatedCache(harwick.canonicalUrl)).toMatchObject({ results: expect.arrayContaining([expect.objectContaining({ id: 'gdelt', state: 'ok' })]) });
    // Every request went to a provider host, without cookies.
    for (const { url, init } of network.requests) {
      expect(['news.google.com', 'api.gdeltproject.org', 'www.bing.com', 'en.wikipedia.org']).toContain(url.hostname);
      expect(init?.credentials).toBe('omit');
    }
  });

  it('computes getContext for a private tab (asked by the popup with its tab id) and writes nothing', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.riverside-courier.co.uk/news/northline-rail-strike.html' });
    // The fake browser has no private windows: the tab reports itself as one.
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ ...tab, incognito: true } as never);
    const harwick = siteArticle('northline-rail-strike');
    await askContext(harwick, {}, tab.id);
    await vi.advanceTimersByTimeAsync(6_000);
    const done = await vi.waitFor(async () => {
      const ctx = await askContext(harwick, {}, tab.id);
      expect(ctx.complete).toBe(true);
      return ctx;
    });
    expect(done.related.sameStory.length + done.related.background.length).toBeGreaterThan(0);
    // "Harwick" is a "may refer to" page: the article's other names (the Ouse) pick the town.
    expect(done.explainers.find((e) => e.name === 'Harwick')).toMatchObject({ state: 'ok', title: 'Harwick, North Yorkshire' });
    expect(await getRelatedCache(harwick.canonicalUrl)).toBeUndefined();
    expect(await getAnalysis(harwick.canonicalUrl)).toBeUndefined();
  });

  it("answers getTabContext with the tab's detected article and its context; a private tab's article is never answered", async () => {
    const strike = siteArticle('northline-rail-strike');
    const tab = await fakeBrowser.tabs.create({ url: strike.url });
    const getTabContext = (tabId: number) => deliver({ type: 'getTabContext', data: { tabId } }, {});
    expect(await getTabContext(tab.id!)).toEqual({ ok: true, data: null });
    await deliver({ type: 'articleDetected', data: strike }, fromTab(false, tab.id));
    const reply = await getTabContext(tab.id!);
    expect(reply).toMatchObject({ ok: true, data: { article: { canonicalUrl: strike.canonicalUrl }, context: { canonicalUrl: strike.canonicalUrl } } });
    // The tab loads another page: forgotten.
    const next = 'https://www.riverside-courier.co.uk/news/another-story.html';
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { url: next, status: 'loading' }, { ...tab, url: next, status: 'loading' });
    expect(await getTabContext(tab.id!)).toEqual({ ok: true, data: null });

    await deliver({ type: 'articleDetected', data: strike }, fromTab(true, 9));
    expect(await getTabContext(9)).toEqual({ ok: true, data: null });
    expect(await deliver({ type: 'getTabContext', data: { tabId: 'mine' } }, {})).toMatchObject({ ok: false, error: expect.stringMatching(/invalid getTabContext: tabId/) });
  });

  it("writes a tab's article with its complete context to storage.session for the popup, and removes it when it no longer holds", async () => {
    const strike = siteArticle('northline-rail-strike');
    const tab = await fakeBrowser.tabs.create({ url: strike.url });
    const key = `tabSnapshot:${tab.id}`;
    const stored = async () => (await fakeBrowser.storage.session.get(key))[key];
    await deliver({ type: 'articleDetected', data: strike }, fromTab(false, tab.id));
    // The lookup the detection started completes (GDELT's second request waits out its 5 s
    // interval): its context goes to the tab's snapshot.
    await vi.advanceTimersByTimeAsync(6_000);
    await vi.waitFor(async () => expect(await stored()).toMatchObject({ article: { title: strike.title }, context: { canonicalUrl: strike.canonicalUrl, complete: true } }));
    // The history is cleared: the snapshot (whose context lists what was read) goes with it.
    const cleared = deliver({ type: 'clearHistory', data: {} }, {});
    await vi.advanceTimersByTimeAsync(10); // the clear lets running writes start first (a timer)
    expect(await cleared).toMatchObject({ ok: true });
    expect(await stored()).toBeUndefined();
    // The tab's article was forgotten with it: the popup's ask writes nothing back.
    expect(await deliver({ type: 'getTabContext', data: { tabId: tab.id } }, {})).toEqual({ ok: true, data: null });
    await vi.advanceTimersByTimeAsync(100);
    expect(await stored()).toBeUndefined();
    // The tab reports it again (a new visit): complete (cached), written again; then a settings change clears it.
    await deliver({ type: 'articleDetected', data: strike }, fromTab(false, tab.id));
    await vi.waitFor(async () => expect(await stored()).toMatchObject({ context: { complete: true } }));
    await updateSettings({ excludedSites: ['elsewhere.test'] });
    await vi.waitFor(async () => expect(await stored()).toBeUndefined());
    // Written again at the tab's next report, then the tab loads another page.
    await deliver({ type: 'articleDetected', data: strike }, fromTab(false, tab.id));
    await vi.waitFor(async () => expect(await stored()).toBeDefined());
    const next = 'https://www.riverside-courier.co.uk/news/another-story.html';
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { url: next, status: 'loading' }, { ...tab, url: next, status: 'loading' });
    await vi.waitFor(async () => expect(await stored()).toBeUndefined());
    // A private tab's article is never written.
    await deliver({ type: 'articleDetected', data: strike }, fromTab(true, 9));
    await deliver({ type: 'getTabContext', data: { tabId: 9 } }, {});
    await vi.advanceTimersByTimeAsync(100); // a write would have landed by now
    expect(await fakeBrowser.storage.session.get('tabSnapshot:9')).toEqual({});
    // Nor one of a site excluded since: its complete context is answered, not kept.
    await updateSettings({ excludedSites: ['riverside-courier.co.uk'] });
    const again = await fakeBrowser.tabs.create({ url: strike.url });
    await deliver({ type: 'articleDetected', data: strike }, fromTab(false, again.id));
    // A new lookup (nothing of it may be stored now): asked until complete.
    await vi.waitFor(async () => {
      await vi.advanceTimersByTimeAsync(6_000);
      expect(await deliver({ type: 'getTabContext', data: { tabId: again.id } }, {})).toMatchObject({ data: { context: { complete: true } } });
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('creates the maintenance alarm once, so that waking the worker does not restart its period', async () => {
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(MAINTENANCE_ALARM)).toMatchObject({ periodInMinutes: 30 }));
    const first = await fakeBrowser.alarms.get(MAINTENANCE_ALARM);
    await vi.advanceTimersByTimeAsync(60_000);
    background.main(); // the worker wakes up again
    await vi.advanceTimersByTimeAsync(0);
    expect(await fakeBrowser.alarms.get(MAINTENANCE_ALARM)).toEqual(first);
  });

  it("polls the reader's feeds when one is added and on the alarm, and stores their items", async () => {
    await updateSettings({ feeds: ['https://feeds.example.org/rss.xml'] });
    await vi.waitFor(async () => expect((await listFeedItems()).length).toBeGreaterThan(0), { timeout: 5_000 });
    expect((await listFeedItems())[0]).toMatchObject({ feedUrl: 'https://feeds.example.org/rss.xml', provider: 'feeds' });
    const polls = () => network.requests.filter((r) => r.url.hostname === 'feeds.example.org').length;
    const before = polls();
    await fakeBrowser.alarms.onAlarm.trigger({ name: MAINTENANCE_ALARM, scheduledTime: Date.now() });
    await vi.advanceTimersByTimeAsync(2_000); // the feed host's 1 s interval since the first poll
    await vi.waitFor(() => expect(polls()).toBe(before + 1), { timeout: 5_000 });
  });
});
