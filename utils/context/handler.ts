/**
 * The background's `getContext` handler and its IndexedDB store: thin glue between the message
 * protocol and the context service (`service.ts`).
 */
import * as db from '../db';
import type { Handlers } from '../messaging';
import type { AskOptions, ContextService, ContextStore } from './service';

/** The context service's storage, backed by the app's IndexedDB (`utils/db.ts`). */
export const dbContextStore: ContextStore = {
  getAnalysis: (url) => db.getAnalysis(url),
  putAnalysis: (record) => db.putAnalysis(record),
  getRelatedCache: (url) => db.getRelatedCache(url),
  putRelatedResult: (url, queryKey, fetchedAt, result) => db.putRelatedResult(url, queryKey, fetchedAt, result),
  getEntityCache: (key) => db.getEntityCache(key),
  putEntityCache: (record) => db.putEntityCache(record),
  findAnalysesByEntities: (keys, options) => db.findAnalysesByEntities(keys, options),
  getHistoryEntries: (urls) => db.getHistoryEntries(urls),
  listFeedItems: () => db.listFeedItems(),
};

/** What the handler needs besides the service. */
export interface ContextHandlerDeps {
  service: Pick<ContextService, 'getContext'>;
  /** Whether a tab is in a private window (`browser.tabs.get(id).incognito`); rejects for an unknown tab. */
  isTabPrivate: (tabId: number) => Promise<boolean>;
}

/**
 * `getContext` for the popup (which passes the tab id) and the sidebar (whose sender is the tab).
 * The article counts as private when the sender tab is incognito, or the given tab is, or that
 * tab cannot be looked up (gone, or not ours to see): then nothing is written.
 */
export function createContextHandlers({ service, isTabPrivate }: ContextHandlerDeps): Handlers<'getContext'> {
  return {
    getContext: async ({ article, tabId, after }, sender) => {
      let isPrivate = sender.tab?.incognito === true;
      const id = tabId ?? sender.tab?.id;
      if (!isPrivate && tabId !== undefined && tabId !== sender.tab?.id) isPrivate = await isTabPrivate(tabId).catch(() => true);
      const options: AskOptions = id === undefined ? { isPrivate } : { isPrivate, tabId: id };
      if (after !== undefined) options.after = after;
      return service.getContext(article, options);
    },
  };
}
