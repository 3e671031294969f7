import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Analysis } from '@/utils/analysis/types';
import type { StoryContext } from '@/utils/context/types';
import { FOLLOW_ALARM, FOLLOW_CHECK_MINUTES, FOLLOW_NOTIFICATION_ID, createFollowService, notifyNewCoverage, startFollowing } from '@/utils/follow/background';
import { addFollow, listFollows } from '@/utils/follow/store';
import type { MessageSender } from '@/utils/messaging';
import { Scheduler } from '@/utils/related/scheduler';
import type { RankedStory } from '@/utils/related/types';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { siteArticle } from '../context/fixtures';
import { makeFollow } from './helpers';

const article = siteArticle('harwick-flood-barrier-vote');
const analysis: Analysis = {
  lang: 'en',
  entities: [
    { name: 'Harwick', type: 'place', mentions: 9, variants: [] },
    { name: 'Priya Okafor', type: 'person', mentions: 3, variants: ['Okafor'] },
  ],
  keyTerms: ['flood barrier', 'council'],
  summary: ['Councillors voted 31 to 24 to build the barrier.'],
};
const ranked = (url: string, alsoIn: string[] = []): RankedStory => ({
  title: 'Harwick approves tidal barrier',
  url,
  source: 'Hull Post',
  domain: 'hullpost.co.uk',
  publishedAt: '2025-03-14T13:30:00Z',
  description: null,
  lang: 'en',
  provider: 'gdelt',
  score: 0.8,
  reasons: [],
  alsoIn: alsoIn.map((u) => ({ source: 'Wire', url: u })),
});
const contextOf = (complete: boolean, urls: string[]): StoryContext =>
  ({
    canonicalUrl: article.canonicalUrl,
    analysis,
    related: { sameStory: urls.map((u, i) => ranked(u, i === 0 ? ['https://wire.test/a'] : [])), background: [ranked('https://bg.test/1')] },
    providers: [],
    explainers: [],
    timeline: [],
    source: { name: 'The Riverside Courier', domain: 'riverside-courier.co.uk' },
    complete,
    updatedAt: 0,
    version: 1,
  }) as StoryContext;

const fromTab = (incognito: boolean, id = 7) => ({ tab: { id, incognito }, frameId: 0 }) as MessageSender;
const fromPopup = {} as MessageSender;

function service(contexts: StoryContext[], { isPrivate = false } = {}) {
  let clock = Date.parse('2025-03-14T12:00:00Z');
  const getContext = vi.fn(async () => contexts[Math.min(getContext.mock.calls.length - 1, contexts.length - 1)]!);
  const follow = createFollowService({
    scheduler: new Scheduler({ fetch: vi.fn(), now: () => clock }),
    context: { getContext },
    isTabPrivate: async () => isPrivate,
    getSettings: async () => DEFAULT_SETTINGS,
    now: () => clock,
    origin: null,
    listFeedItems: async () => [],
    newId: () => 'new-story',
    sleep: async (ms) => void (clock += ms),
  });
  return { ...follow, getContext };
}

describe('followStory', () => {
  it("stores the story with its names and terms (no text), the items already found as seen, and answers the popup's view", async () => {
    const { handlers } = service([contextOf(true, ['https://a.test/1', 'https://b.test/2'])]);
    const view = await handlers.followStory({ article, tabId: 7 }, fromPopup);
    expect(view).toMatchObject({ id: 'new-story', title: article.title, outlet: 'The Riverside Courier', canonicalUrl: article.canonicalUrl, newCount: 0, status: { state: 'waiting' } });
    expect(view).not.toHaveProperty('seenUrls');
    const [stored] = await listFollows();
    expect(stored!.query).toEqual({
      lang: 'en',
      langTag: 'en-GB',
      entities: [
        { name: 'Harwick', type: 'place', variants: [] },
        { name: 'Priya Okafor', type: 'person', variants: ['Okafor'] },
      ],
      keyTerms: ['flood barrier', 'council'],
    });
    expect(stored!.seenUrls.sort()).toEqual(['https://a.test/1', 'https://b.test/2', 'https://bg.test/1', 'https://wire.test/a']);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('Councillors voted');
  });

  it('waits for the lookup to finish so that items still arriving are not counted as new later', async () => {
    const { handlers, getContext } = service([contextOf(false, ['https://a.test/1']), contextOf(false, ['https://a.test/1']), contextOf(true, ['https://a.test/1', 'https://late.test/2'])]);
    await handlers.followStory({ article }, fromTab(false));
    expect(getContext).toHaveBeenCalledTimes(3);
    expect((await listFollows())[0]!.seenUrls).toContain('https://late.test/2');
  });

  it('is refused in a private window, and nothing is stored', async () => {
    const { handlers } = service([contextOf(true, [])]);
    await expect(handlers.followStory({ article }, fromTab(true))).rejects.toThrow(/private window/);
    const other = service([contextOf(true, [])], { isPrivate: true });
    await expect(other.handlers.followStory({ article, tabId: 9 }, fromPopup)).rejects.toThrow(/private window/);
    expect(await listFollows()).toEqual([]);
  });
});

describe('listFollows, unfollowStory and the badge', () => {
  it('answers the new counts, then marks them seen and clears the badge when the reader looks', async () => {
    const { handlers } = service([]);
    await addFollow(makeFollow({ newCount: 2 }));
    await addFollow(makeFollow({ id: 'b', canonicalUrl: 'https://b.test/x', newCount: 1 }));
    await fakeBrowser.action.setBadgeText({ text: '3' });
    const peek = await handlers.listFollows({}, fromPopup);
    expect(peek.map((s) => s.newCount)).toEqual([2, 1]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    const seen = await handlers.listFollows({ markSeen: true }, fromPopup);
    expect(seen.map((s) => s.newCount)).toEqual([2, 1]);
    expect((await listFollows()).map((s) => s.newCount)).toEqual([0, 0]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('unfollowing removes the story and its count from the badge', async () => {
    const { handlers } = service([]);
    await addFollow(makeFollow({ newCount: 2 }));
    await addFollow(makeFollow({ id: 'b', canonicalUrl: 'https://b.test/x', newCount: 1 }));
    expect(await handlers.unfollowStory({ id: 'story-1' }, fromPopup)).toEqual({ removed: true });
    expect((await listFollows()).map((s) => s.id)).toEqual(['b']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await handlers.unfollowStory({ id: 'story-1' }, fromPopup)).toEqual({ removed: false });
  });
});

describe('notifications', () => {
  const item = (n: number) => ({ title: `Item ${n}`, url: `https://a.test/${n}`, source: 'A', publishedAt: null, foundAt: 0 });
  const summary = { checked: 1, newItems: 2, stories: [{ id: 'story-1', title: 'Harwick barrier', found: [item(1), item(2)] }] };

  const { contains } = fakeBrowser.permissions;
  const { notifications } = fakeBrowser;
  afterEach(() => {
    fakeBrowser.permissions.contains = contains;
    Object.assign(fakeBrowser, { notifications });
  });

  function notificationsApi(granted: boolean) {
    const create = vi.fn(async () => FOLLOW_NOTIFICATION_ID);
    Object.assign(fakeBrowser, { notifications: { create, clear: vi.fn(), onClicked: fakeBrowser.runtime.onMessage } });
    fakeBrowser.permissions.contains = vi.fn(async () => granted) as unknown as typeof fakeBrowser.permissions.contains;
    return create;
  }

  it('shows one notification for a check with new items when the reader allowed it', async () => {
    const create = notificationsApi(true);
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Backstory', version: '0.1.0', icons: { 48: 'icon/48.png', 128: 'icon/128.png' } });
    expect(await notifyNewCoverage(summary)).toBe(true);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith(FOLLOW_NOTIFICATION_ID, expect.objectContaining({ type: 'basic', iconUrl: expect.stringMatching(/\/icon\/128\.png$/), title: '2 new articles on stories you follow', message: '2 new: Harwick barrier' }));
  });

  it('clicking the notification opens the Following list and closes the notification', async () => {
    const listeners: ((id: string) => void)[] = [];
    const clear = vi.fn(async () => true);
    const onClicked = { addListener: (l: (id: string) => void) => listeners.push(l), hasListener: (l: (id: string) => void) => listeners.includes(l) };
    Object.assign(fakeBrowser, { notifications: { create: vi.fn(), clear, onClicked } });
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    startFollowing(service([]));
    expect(listeners).toHaveLength(1);
    listeners[0]!('some-other-notification');
    expect(create).not.toHaveBeenCalled();
    listeners[0]!(FOLLOW_NOTIFICATION_ID);
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/popup\.html\?view=following$/) });
    expect(clear).toHaveBeenCalledWith(FOLLOW_NOTIFICATION_ID);
  });

  it('shows nothing, and does not fail, without the permission or without new items', async () => {
    const create = notificationsApi(false);
    expect(await notifyNewCoverage(summary)).toBe(false);
    notificationsApi(true);
    expect(await notifyNewCoverage({ ...summary, newItems: 0, stories: [] })).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });
});

describe('startFollowing', () => {
  it(`creates the ${FOLLOW_ALARM} alarm once (hourly) and keeps an existing one`, async () => {
    const follow = service([]);
    startFollowing(follow);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(FOLLOW_ALARM)).toBeDefined());
    expect((await fakeBrowser.alarms.get(FOLLOW_ALARM))!.periodInMinutes).toBe(FOLLOW_CHECK_MINUTES);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    startFollowing(follow);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(create).not.toHaveBeenCalled();
  });

  it('runs the check when its alarm fires, and only then', async () => {
    const follow = service([]);
    const check = vi.spyOn(follow, 'check');
    startFollowing(follow);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'another-alarm', scheduledTime: 0 });
    expect(check).not.toHaveBeenCalled();
    await fakeBrowser.alarms.onAlarm.trigger({ name: FOLLOW_ALARM, scheduledTime: 0 });
    expect(check).toHaveBeenCalledTimes(1);
  });
});
