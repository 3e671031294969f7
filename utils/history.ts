import { countWords } from './article/text';
import type { Article } from './article/types';
import { parseHistoryExport, toCsv, toExportJson } from './history-export';
import type { ExportedArticle, HistoryEntry, HistorySearch } from './history-types';
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
 * and never for an excluded site. The words are counted here, from the text: the content script
 * only estimates those of unspaced scripts (`readPage`'s `segment: false`), which the background
 * segments without costing the page anything.
 */
export function createBackgroundHandlers({ recordVisit, listHistory, getSettings, afterRecord, now }: HistoryDeps): Handlers<
  'articleDetected' | 'getHistory'
> {
  return {
    articleDetected: async (article, sender) => {
      if (!sender.tab || sender.tab.incognito) return { recorded: false };
      const settings = await getSettings();
      if (!mayStore(article.canonicalUrl, settings) || !mayStore(article.url, settings)) return { recorded: false };
      const counted = { ...article, wordCount: countWords(article.text) };
      await recordVisit(counted, now());
      await afterRecord?.(counted).catch(() => {});
      return { recorded: true };
    },
    getHistory: (query) => listHistory(query),
  };
}

/** What the history management handlers need; `utils/db.ts` provides the real ones. */
export interface HistoryManagementDeps {
  searchHistory: (search: HistorySearch) => Promise<HistoryEntry[]>;
  deleteHistoryEntry: (canonicalUrl: string) => Promise<ExportedArticle | null>;
  clearHistory: () => Promise<void>;
  exportHistory: () => Promise<ExportedArticle[]>;
  importHistory: (articles: readonly ExportedArticle[]) => Promise<{ added: number; updated: number }>;
  /** Clock, epoch ms. */
  now: () => number;
}

/** The day of `ms` as YYYY-MM-DD (UTC), for file names. */
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The background's handlers for the History tab: search, delete one, clear all, export and import.
 * An import is validated whole before anything is written, and written in one transaction.
 */
export function createHistoryManagementHandlers(deps: HistoryManagementDeps): Handlers<
  'searchHistory' | 'deleteHistoryEntry' | 'clearHistory' | 'exportHistory' | 'importHistory'
> {
  return {
    searchHistory: (search) => deps.searchHistory(search),
    deleteHistoryEntry: ({ canonicalUrl }) => deps.deleteHistoryEntry(canonicalUrl),
    clearHistory: async () => {
      await deps.clearHistory();
      return null;
    },
    exportHistory: async ({ format }) => {
      const articles = await deps.exportHistory();
      const now = deps.now();
      return format === 'csv'
        ? { content: toCsv(articles), filename: `backstory-history-${day(now)}.csv`, mime: 'text/csv' }
        : { content: toExportJson(articles, now), filename: `backstory-history-${day(now)}.json`, mime: 'application/json' };
    },
    importHistory: async ({ json }) => {
      const parsed = parseHistoryExport(json);
      if (!parsed.ok) throw new Error(parsed.error);
      return deps.importHistory(parsed.articles);
    },
  };
}
