import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import * as db from '@/utils/db';
import { createContextHandlers, dbContextStore } from '@/utils/context/handler';
import { MAINTENANCE_ALARM, feedsChanged, runMaintenance } from '@/utils/context/maintenance';
import { buildTimeProviderOrigin } from '@/utils/context/provider-origin';
import { createContextService } from '@/utils/context/service';
import { createBackgroundHandlers, createHistoryManagementHandlers } from '@/utils/history';
import { createMessageListener } from '@/utils/messaging';
import { FEED_POLL_MINUTES } from '@/utils/related/feed-poll';
import { Scheduler } from '@/utils/related/scheduler';
import { getSettings, watchSettings } from '@/utils/settings';

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
  });
  const history = createBackgroundHandlers({
    recordVisit: db.recordVisit,
    listHistory: db.listHistory,
    getSettings,
    afterRecord: (article) => context.storeAnalysis(article),
    now: Date.now,
  });
  const historyManagement = createHistoryManagementHandlers({
    searchHistory: (search) => db.searchHistory(search),
    deleteHistoryEntry: (url) => db.deleteHistoryEntry(url),
    clearHistory: () => db.clearHistory(),
    exportHistory: () => db.exportHistory(),
    importHistory: (articles) => db.importHistory(articles),
    now: Date.now,
  });
  const contextHandlers = createContextHandlers({ service: context, isTabPrivate: async (id) => (await browser.tabs.get(id)).incognito });
  const maintain = () => void runMaintenance({ scheduler, store: db, getSettings, now: Date.now });

  // Registered synchronously so that a message or alarm that wakes the worker is not missed.
  browser.runtime.onMessage.addListener(createMessageListener({ ...history, ...historyManagement, ...contextHandlers }));
  // A tab that closes or loads another page no longer waits for its lookup.
  browser.tabs.onRemoved.addListener((tabId) => context.releaseTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => change.url !== undefined && context.releaseTab(tabId));
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === MAINTENANCE_ALARM && maintain());
  watchSettings((next, previous) => feedsChanged(next, previous) && maintain());
  // Created once: re-creating on every wake-up would restart the period and it might never fire.
  void browser.alarms.get(MAINTENANCE_ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(MAINTENANCE_ALARM, { periodInMinutes: FEED_POLL_MINUTES });
  });
});
