import type { Article } from './article/types';
import type { HistoryEntry } from './history-types';
import type { Handlers } from './messaging';
import { mayStore, type Settings } from './settings';

/** What the background's history handlers need; `utils/db.ts` and `utils/settings.ts` provide the real ones. */
export interface HistoryDeps {
  recordVisit: (article: Article, at: number) => Promise<HistoryEntry>;
  listHistory: (query: { limit: number }) => Promise<HistoryEntry[]>;
  /** The reader's settings (history paused, excluded sites). */
  getSettings: () => Promise<Pick<Settings, 'historyPaused' | 'excludedSites'>>;
  /** Runs after a visit was recorded (e.g. store the article's analysis); its failure does not undo the visit. */
  afterRecord?: (article: Article) => Promise<void>;
  /** Clock, epoch ms. */
  now: () => number;
}

/**
 * The background's message handlers for history. A visit is recorded only when it comes from a
 * content script in a normal tab: never from a private/incognito window (privacy promise), never
 * without a sender tab (the message did not come from a page), never while history is paused,
 * and never for an excluded site.
 */
export function createBackgroundHandlers({ recordVisit, listHistory, getSettings, afterRecord, now }: HistoryDeps): Handlers<
  'articleDetected' | 'getHistory'
> {
  return {
    articleDetected: async (article, sender) => {
      if (!sender.tab || sender.tab.incognito) return { recorded: false };
      const settings = await getSettings();
      if (!mayStore(article.canonicalUrl, settings) || !mayStore(article.url, settings)) return { recorded: false };
      await recordVisit(article, now());
      await afterRecord?.(article).catch(() => {});
      return { recorded: true };
    },
    getHistory: (query) => listHistory(query),
  };
}
