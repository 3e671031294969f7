import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article } from '@/utils/article/types';
import { badgeText, createTabBadges, setFollowCount, setTabCount } from '@/utils/badge';
import { createContextService } from '@/utils/context/service';
import type { StoryContext } from '@/utils/context/types';
import { Scheduler } from '@/utils/related/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { fakeFetch, memoryStore, siteArticle } from './context/fixtures';

const tabText = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

describe('badgeText', () => {
  it('is the count, "99+" past 99, and empty for nothing or nonsense', () => {
    expect([1, 7, 99, 100, 4_000].map(badgeText)).toEqual(['1', '7', '99', '99+', '99+']);
    expect([0, -3, Number.NaN, Number.POSITIVE_INFINITY].map(badgeText)).toEqual(['', '', '', '']);
  });
});

describe('setTabCount and setFollowCount', () => {
  it("set one tab's count and the global followed-story count side by side", async () => {
    await setTabCount(4, 12);
    await setFollowCount(3);
    expect(await tabText(4)).toBe('12');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    // The tab's own count cleared: nothing of its own any more; the global count stays.
    await setTabCount(4, 0);
    expect(await tabText(4)).toBe('');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    await setFollowCount(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

/** A context as the service answers it, with `n` same-story items. */
function contextOf(article: Article, n: number, complete = true): StoryContext {
  const item = (i: number) => ({ url: `https://other.test/${i}`, title: `Item ${i}` });
  return { canonicalUrl: article.canonicalUrl, complete, related: { sameStory: Array.from({ length: n }, (_, i) => item(i)), background: [] } } as unknown as StoryContext;
}

describe('createTabBadges', () => {
  const article = siteArticle('harwick-flood-barrier-vote');
  const other = siteArticle('northline-rail-strike');

  function setup({ answer = contextOf(article, 0, false), excludedSites = [] as string[] } = {}) {
    const lookup = vi.fn(async (_article: Article, _tabId: number) => answer);
    const setCount = vi.fn(async (_tabId: number, _count: number | null) => {});
    const badges = createTabBadges({ lookup, getSettings: async () => ({ excludedSites }), setTabCount: setCount });
    return { badges, lookup, setCount };
  }

  it('starts the lookup when an article is detected in a normal tab, and shows the count once it completes', async () => {
    const { badges, lookup, setCount } = setup();
    await badges.detected(article, { id: 7, incognito: false });
    expect(lookup).toHaveBeenCalledWith(article, 7);
    expect(setCount).not.toHaveBeenCalled();
    badges.completed(contextOf(article, 5), [7]);
    expect(setCount).toHaveBeenCalledWith(7, 5);
  });

  it('shows a count at once when the lookup was already complete (cached)', async () => {
    const { badges, setCount } = setup({ answer: contextOf(article, 3) });
    await badges.detected(article, { id: 7 });
    expect(setCount).toHaveBeenCalledWith(7, 3);
  });

  it('never for a private-window tab, an excluded site, or a message from no tab', async () => {
    const { badges, lookup, setCount } = setup({ excludedSites: ['riverside-courier.co.uk'] });
    await badges.detected(other, { id: 1, incognito: true });
    await badges.detected(article, { id: 2 });
    await badges.detected(article, undefined);
    badges.completed(contextOf(article, 4), [1, 2]);
    expect(lookup).not.toHaveBeenCalled();
    expect(setCount).not.toHaveBeenCalled();
  });

  it('clears the badge when the tab goes to another page, keeps it for a new #fragment, and never shows a late count', async () => {
    const { badges, setCount } = setup();
    await badges.detected(article, { id: 7 });
    badges.navigated(7, `${article.url}#comments`);
    expect(setCount).not.toHaveBeenCalled();
    badges.navigated(7, 'https://www.riverside-courier.co.uk/');
    expect(setCount).toHaveBeenLastCalledWith(7, null);
    // The lookup for the page the tab left completes later: no count for the new page.
    badges.completed(contextOf(article, 6), [7]);
    expect(setCount).toHaveBeenCalledTimes(1);
  });

  it('an unknown page (e.g. after the worker restarted) clears on navigation; a count goes only to the tab showing that article', async () => {
    const { badges, setCount } = setup();
    badges.navigated(3, undefined);
    expect(setCount).toHaveBeenLastCalledWith(3, null);
    await badges.detected(other, { id: 8 });
    badges.completed(contextOf(article, 2), [8]);
    expect(setCount).toHaveBeenCalledTimes(1);
    badges.closed(8);
    badges.completed(contextOf(other, 2), [8]);
    expect(setCount).toHaveBeenCalledTimes(1);
  });
});

describe('the badge with the real context service', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.parse('2025-03-14T12:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  function wire(settings: Partial<Settings> = {}) {
    const net = fakeFetch();
    const badges = createTabBadges({
      lookup: (article, tabId) => service.getContext(article, { isPrivate: false, tabId }),
      getSettings: async () => DEFAULT_SETTINGS,
    });
    const service = createContextService({
      scheduler: new Scheduler({ fetch: net.fetch, now: Date.now }),
      store: memoryStore().store,
      getSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
      now: Date.now,
      version: '0.1.0',
      origin: null,
      onComplete: (context, tabIds) => badges.completed(context, tabIds),
    });
    return { badges, service, net };
  }

  // The fixture-site flood-barrier article with the recorded Google News, GDELT and Bing answers:
  // several outlets cover the same council vote.
  it('articleDetected alone (no popup, no sidebar) fills the badge with the same-story count when the lookup completes', async () => {
    const { badges, service } = wire();
    const harwick = siteArticle('harwick-flood-barrier-vote');
    await badges.detected(harwick, { id: 5 });
    expect(await tabText(5)).toBe('');
    await vi.advanceTimersByTimeAsync(10_000);
    const done = await service.getContext(harwick, { isPrivate: false });
    expect(done.complete).toBe(true);
    expect(done.related.sameStory.length).toBeGreaterThanOrEqual(3);
    expect(await tabText(5)).toBe(String(done.related.sameStory.length));
  });

  it('with every source off, asks no one and leaves the badge empty', async () => {
    const off = Object.fromEntries(Object.keys(DEFAULT_SETTINGS.providers).map((id) => [id, false])) as Settings['providers'];
    const { badges, net } = wire({ providers: off });
    await badges.detected(siteArticle('harwick-flood-barrier-vote'), { id: 5 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(net.requests).toHaveLength(0);
    expect(await tabText(5)).toBe('');
  });
});
