import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listHistory, recordVisit } from '@/utils/db';
import { createContextHandlers, dbContextStore } from '@/utils/context/handler';
import { buildTimeProviderOrigin } from '@/utils/context/provider-origin';
import { createContextService } from '@/utils/context/service';
import { createBackgroundHandlers } from '@/utils/history';
import { createMessageListener } from '@/utils/messaging';
import { Scheduler } from '@/utils/related/scheduler';
import { getSettings } from '@/utils/settings';

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
    recordVisit,
    listHistory,
    getSettings,
    afterRecord: (article) => context.storeAnalysis(article),
    now: Date.now,
  });
  const contextHandlers = createContextHandlers({
    service: context,
    isTabPrivate: async (tabId) => (await browser.tabs.get(tabId)).incognito,
  });

  // Registered synchronously so that a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener(createMessageListener({ ...history, ...contextHandlers }));
  // A tab that closes or loads another page no longer waits for its lookup.
  browser.tabs.onRemoved.addListener((tabId) => context.releaseTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined) context.releaseTab(tabId);
  });
});
