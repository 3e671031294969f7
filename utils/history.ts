import type { Article } from './article/types';
import type { HistoryEntry } from './history-types';
import type { Handlers } from './messaging';

/** What the background's history handlers need; `utils/db.ts` provides the real ones. */
export interface HistoryDeps {
  recordVisit: (article: Article, at: number) => Promise<HistoryEntry>;
  listHistory: (query: { limit: number }) => Promise<HistoryEntry[]>;
  /** Clock, epoch ms. */
  now: () => number;
}

/**
 * The background's message handlers for history. A visit is recorded only when it comes from a
 * content script in a normal tab: never from a private/incognito window (privacy promise), and
 * never without a sender tab (the message did not come from a page).
 */
export function createBackgroundHandlers({ recordVisit, listHistory, now }: HistoryDeps): Handlers<
  'articleDetected' | 'getHistory'
> {
  return {
    articleDetected: async (article, sender) => {
      if (!sender.tab || sender.tab.incognito) return { recorded: false };
      await recordVisit(article, now());
      return { recorded: true };
    },
    getHistory: (query) => listHistory(query),
  };
}
