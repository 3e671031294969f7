import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Article } from '@/utils/article/types';
import { createTabBadges } from '@/utils/badge';
import * as db from '@/utils/db';
import { checkFeed } from '@/utils/context/feed-check';
import { createContextHandlers, dbContextStore } from '@/utils/context/handler';
import { MAINTENANCE_ALARM, feedsChanged, retentionShortened, runMaintenance } from '@/utils/context/maintenance';
import { buildTimeProviderOrigin } from '@/utils/context/provider-origin';
import { createContextService } from '@/utils/context/service';
import { createTabContext } from '@/utils/context/tab-context';
import { createSnapshotStore, sessionArea } from '@/utils/context/tab-snapshot';
import { createFollowService, refreshFollowBadge, startFollowing } from '@/utils/follow/background';
import { clearFollows } from '@/utils/follow/store';
import { createBackgroundHandlers, createHistoryManagementHandlers } from '@/utils/history';
import { createMessageListener, sendReaderMessage } from '@/utils/messaging';
import { createReaderLoader } from '@/utils/reader-loader';
import { FEED_POLL_MINUTES } from '@/utils/related/feed-poll';
import { Scheduler } from '@/utils/related/scheduler';
import { keepPopupOnActionClick } from '@/utils/side-panel';
import { getSettings, isExcludedSite, mayStore, recordFeedStatus, recordProviderStatus, watchSettings } from '@/utils/settings';
import { withPerfMarks } from '@/utils/perf';

/** The keyboard command (manifest `commands`) that expands or collapses the sidebar. */
const TOGGLE_SIDEBAR_COMMAND = 'toggle-sidebar';

/** A tab's snapshot (the popup's first paint) is kept only where its article may be stored at all. */
async function mayKeepSnapshot(article: Article): Promise<boolean> {
  const settings = await getSettings();
  return mayStore(article.url, settings) && !isExcludedSite(article.canonicalUrl, settings.excludedSites);
}

export default defineBackground(() => {
  // One scheduler and one service per worker: rate limits and lookups are shared by all tabs.
  // fetch is wrapped: called unbound as a property it throws "Illegal invocation" in workers.
  const scheduler = new Scheduler({ fetch: (input, init) => fetch(input, init), now: Date.now });
  const context = createContextService({
    scheduler,
    store: dbContextStore,
    getSettings,
    now: Date.now,
    version: browser.runtime.getManifest().version,
    origin: buildTimeProviderOrigin(),
    browserLanguage: globalThis.navigator?.language,
    // The options page shows each source's latest answer.
    onStatus: (status) => void recordProviderStatus(status, Date.now()).catch(() => {}),
    // The toolbar badge shows each tab's same-story count once its lookup completes; the popup's snapshot is written.
    onComplete: (done, tabIds) => {
      badges.completed(done, tabIds);
      tabContext.completed(done, tabIds);
    },
  });
  // articleDetected starts the related lookup at once (warming the cache), for the badge (utils/badge.ts)
  // and the tab's snapshot.
  const badges = createTabBadges({ lookup: (article, tabId) => tabContext.ask(article, tabId), getSettings });
  const recordHistory = createBackgroundHandlers({
    recordVisit: (...args: Parameters<typeof db.recordVisit>) => withPerfMarks('bg:record-visit', () => db.recordVisit(...args)),
    listHistory: db.listHistory,
    getSettings,
    afterRecord: (article) => context.storeAnalysis(article),
    now: Date.now,
  });
  const history: typeof recordHistory = {
    ...recordHistory,
    articleDetected: (article, sender) => {
      tabContext.detected(article, sender.tab);
      void badges.detected(article, sender.tab);
      return recordHistory.articleDetected(article, sender);
    },
  };
  const historyManagement = createHistoryManagementHandlers({
    searchHistory: (search) => withPerfMarks('bg:search', () => db.searchHistory(search)),
    deleteHistoryEntry: (url) => db.deleteHistoryEntry(url),
    // Followed stories hold article titles and addresses too: "Clear all" forgets them with the history.
    clearHistory: async () => {
      // Lookups still running would write their caches back after the clear: stop their writes
      // first, and let writes already begun open their transactions (which then run before the clear's).
      context.stopWritingRunningLookups();
      // The open tabs' snapshots go now, and no completing lookup writes one back.
      const snapshotsCleared = tabContext.forgetTabs();
      await new Promise((done) => setTimeout(done, 0));
      await db.clearHistory();
      await clearFollows();
      await snapshotsCleared;
      await refreshFollowBadge();
    },
    exportHistory: () => db.exportHistory(),
    importHistory: (articles) => db.importHistory(articles),
    now: Date.now,
  });
  const isTabPrivate = async (id: number) => (await browser.tabs.get(id)).incognito;
  const contextHandlers = createContextHandlers({ service: context, isTabPrivate });
  // The popup asks the tab for its article and, at the same time, this for the context of the article the tab reported.
  // Its articles come from normal tabs only: asked for without looking the tab up again (tabs.get).
  // Complete contexts also go to storage.session, from which the popup paints first (utils/context/tab-snapshot.ts).
  const tabContext = createTabContext({ getContext: (article, options) => context.getContext(article, options), snapshots: createSnapshotStore(sessionArea(), mayKeepSnapshot) });
  // Followed stories: re-checked on an alarm through the same scheduler (rate limits shared with lookups).
  const follows = createFollowService({
    scheduler,
    context,
    isTabPrivate,
    getSettings,
    now: Date.now,
    origin: buildTimeProviderOrigin(),
    browserLanguage: globalThis.navigator?.language,
    listFeedItems: () => db.listFeedItems(),
  });
  const maintain = () =>
    void runMaintenance({ scheduler, store: db, getSettings, now: Date.now })
      .then(async (results) => recordFeedStatus(results, Date.now(), (await getSettings()).feeds))
      .catch(() => {});
  const validateFeed = async ({ url }: { url: string }) => {
    const check = await checkFeed(url, { scheduler });
    await recordFeedStatus([{ feedUrl: check.url, state: 'ok', items: check.items }], Date.now()).catch(() => {});
    return check;
  };

  // Registered synchronously so that a message or alarm that wakes the worker is not missed.
  const reader = createReaderLoader();
  browser.runtime.onMessage.addListener(
    createMessageListener({ ...history, ...historyManagement, ...contextHandlers, ...tabContext.handlers, ...follows.handlers, ...reader.handlers, validateFeed }),
  );
  startFollowing(follows);
  // First run: a welcome page says what Backstory does and what leaves the browser, with the choices that matter.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}?welcome=1` });
  });
  try {
    browser.commands.onCommand.addListener(async (command) => {
      if (command !== TOGGLE_SIDEBAR_COMMAND) return;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      // A page the detector ruled out gets the reader first: it tells whether there is an article to show.
      if (tab?.id !== undefined) await sendReaderMessage(tab.id, 'toggleSidebar', {}, reader.load).catch(() => {}); // a browser page
    });
  } catch {
    // No commands API (Firefox for Android; WXT's fake browser): the sidebar's own tab still works.
  }
  browser.tabs.onRemoved.addListener((tabId) => {
    // A closed tab no longer waits for its lookup; its badge and its remembered article go.
    context.releaseTab(tabId);
    tabContext.closed(tabId);
    badges.closed(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // Another address: the tab no longer waits for its lookup.
    if (change.url !== undefined) context.releaseTab(tabId);
    // Another page loading: its badge and remembered article no longer apply (a new #fragment keeps them).
    if (change.url !== undefined || change.status === 'loading') {
      const url = change.url ?? tab.url;
      tabContext.navigated(tabId, url);
      badges.navigated(tabId, url);
    }
  });
  // Chrome: the toolbar button keeps opening the popup; the side panel opens from the popup's button.
  void keepPopupOnActionClick().catch(() => {});
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === MAINTENANCE_ALARM && maintain());
  watchSettings((next, previous) => {
    // Sources, region, language or history choices changed: the snapshots' contexts may no longer be what a lookup gives.
    void tabContext.forgetTabs();
    if (feedsChanged(next, previous) || retentionShortened(next, previous)) maintain();
  });
  // Created once: re-creating on every wake-up would restart the period and it might never fire.
  void browser.alarms.get(MAINTENANCE_ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(MAINTENANCE_ALARM, { periodInMinutes: FEED_POLL_MINUTES });
  });
});
