import { describe, expect, it, vi } from 'vitest';
import type { Article } from '@/utils/article/types';
import type { ExportedArticle, HistoryEntry } from '@/utils/history-types';
import { createBackgroundHandlers, createHistoryManagementHandlers } from '@/utils/history';
import type { MessageSender } from '@/utils/messaging';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

const article: Article = {
  url: 'https://example.com/a',
  canonicalUrl: 'https://example.com/a',
  title: 'A',
  byline: null,
  siteName: null,
  publishedAt: null,
  lang: null,
  excerpt: '',
  text: 'Text.',
  wordCount: 1,
  readingMinutes: 1,
};
const entry = { canonicalUrl: article.canonicalUrl, visits: [42] } as HistoryEntry;

function setup(settings: Partial<Settings> = {}) {
  const deps = {
    recordVisit: vi.fn(async () => entry),
    listHistory: vi.fn(async () => [entry]),
    getSettings: vi.fn(async () => ({ ...DEFAULT_SETTINGS, ...settings })),
    afterRecord: vi.fn(async () => {}),
    now: () => 42,
  };
  return { deps, handlers: createBackgroundHandlers(deps) };
}

const fromTab = (incognito: boolean) => ({ tab: { id: 1, incognito } }) as MessageSender;

describe('createBackgroundHandlers', () => {
  it('records an article from a normal tab at the current time', async () => {
    const { deps, handlers } = setup();
    await expect(handlers.articleDetected(article, fromTab(false))).resolves.toEqual({ recorded: true });
    expect(deps.recordVisit).toHaveBeenCalledWith(article, 42);
  });

  it('counts the words of what it records itself: the content script only estimates those of Japanese text', async () => {
    const { deps, handlers } = setup();
    // A Japanese article as the reader sends it: 21 unspaced characters estimated at 2 a word (11).
    const japanese = { ...article, text: '例示市は給食費を来年度から無償化すると発表', wordCount: 11 };
    await handlers.articleDetected(japanese, fromTab(false));
    const [recorded] = deps.recordVisit.mock.calls[0] as unknown as [Article];
    // Segmented: 例示 / 市 / は / 給食 / 費 / を / 来年度 / から / 無償 / 化 / する / と / 発表 (ICU's dictionary may split differently).
    expect(recorded.wordCount).not.toBe(11);
    expect(recorded.wordCount).toBeGreaterThan(11);
    expect(recorded).toEqual({ ...japanese, wordCount: recorded.wordCount });
    expect(deps.afterRecord).toHaveBeenCalledWith(recorded);
  });

  it('does not record an article from a private window', async () => {
    const { deps, handlers } = setup();
    await expect(handlers.articleDetected(article, fromTab(true))).resolves.toEqual({ recorded: false });
    expect(deps.recordVisit).not.toHaveBeenCalled();
  });

  it('does not record an article sent from outside a tab', async () => {
    const { deps, handlers } = setup();
    await expect(handlers.articleDetected(article, { id: 'test-extension-id' })).resolves.toEqual({ recorded: false });
    expect(deps.recordVisit).not.toHaveBeenCalled();
  });

  it('records nothing while history is paused', async () => {
    const { deps, handlers } = setup({ historyPaused: true });
    await expect(handlers.articleDetected(article, fromTab(false))).resolves.toEqual({ recorded: false });
    expect(deps.recordVisit).not.toHaveBeenCalled();
    expect(deps.afterRecord).not.toHaveBeenCalled();
  });

  it('records nothing on an excluded site or its subdomains, and still records other sites', async () => {
    const { deps, handlers } = setup({ excludedSites: ['example.com'] });
    await expect(handlers.articleDetected(article, fromTab(false))).resolves.toEqual({ recorded: false });
    const sub = { ...article, url: 'https://news.example.com/a', canonicalUrl: 'https://news.example.com/a' };
    await expect(handlers.articleDetected(sub, fromTab(false))).resolves.toEqual({ recorded: false });
    const other = { ...article, url: 'https://example.org/a', canonicalUrl: 'https://example.org/a' };
    await expect(handlers.articleDetected(other, fromTab(false))).resolves.toEqual({ recorded: true });
    expect(deps.recordVisit).toHaveBeenCalledTimes(1);
    expect(deps.recordVisit).toHaveBeenCalledWith(other, 42);
  });

  it('records nothing when the page URL is on an excluded site even if the canonical URL is not', async () => {
    const { deps, handlers } = setup({ excludedSites: ['example.com'] });
    const syndicated = { ...article, canonicalUrl: 'https://wire.example.org/a' };
    await expect(handlers.articleDetected(syndicated, fromTab(false))).resolves.toEqual({ recorded: false });
    expect(deps.recordVisit).not.toHaveBeenCalled();
  });

  it('stores the analysis after recording, and a failure there does not undo the visit', async () => {
    const { deps, handlers } = setup();
    deps.afterRecord.mockRejectedValueOnce(new Error('quota'));
    await expect(handlers.articleDetected(article, fromTab(false))).resolves.toEqual({ recorded: true });
    expect(deps.afterRecord).toHaveBeenCalledWith(article);
  });

  it('passes a storage failure on to the sender', async () => {
    const { deps, handlers } = setup();
    deps.recordVisit.mockRejectedValueOnce(new Error('storage is full: the visit was not recorded'));
    await expect(handlers.articleDetected(article, fromTab(false))).rejects.toThrow('storage is full');
  });

  it('lists history with the requested limit', async () => {
    const { deps, handlers } = setup();
    await expect(handlers.getHistory({ limit: 5 }, {})).resolves.toEqual([entry]);
    expect(deps.listHistory).toHaveBeenCalledWith({ limit: 5 });
  });
});

describe('createHistoryManagementHandlers', () => {
  const exported = { ...entry, title: 'A', url: article.url, site: 'example.com', lastVisitedAt: 42, terms: ['a'] } as ExportedArticle;
  function manage() {
    const deps = {
      searchHistory: vi.fn(async () => [entry]),
      deleteHistoryEntry: vi.fn(async () => exported),
      clearHistory: vi.fn(async () => {}),
      exportHistory: vi.fn(async () => [exported]),
      importHistory: vi.fn(async () => ({ added: 1, updated: 0 })),
      now: () => Date.UTC(2026, 0, 2),
    };
    return { deps, handlers: createHistoryManagementHandlers(deps) };
  }
  const sender = {} as MessageSender;

  it('passes searches, deletions and clearing to the database', async () => {
    const { deps, handlers } = manage();
    await expect(handlers.searchHistory({ query: 'a', limit: 5 }, sender)).resolves.toEqual([entry]);
    expect(deps.searchHistory).toHaveBeenCalledWith({ query: 'a', limit: 5 });
    await expect(handlers.deleteHistoryEntry({ canonicalUrl: entry.canonicalUrl }, sender)).resolves.toBe(exported);
    await expect(handlers.clearHistory({}, sender)).resolves.toBeNull();
    expect(deps.clearHistory).toHaveBeenCalledOnce();
  });

  it('exports JSON with a format/version header and CSV, with dated file names', async () => {
    const { handlers } = manage();
    const json = await handlers.exportHistory({ format: 'json' }, sender);
    expect(json.filename).toBe('backstory-history-2026-01-02.json');
    expect(JSON.parse(json.content)).toMatchObject({ format: 'backstory-history', version: 1, articles: [{ canonicalUrl: entry.canonicalUrl }] });
    const csv = await handlers.exportHistory({ format: 'csv' }, sender);
    expect(csv).toMatchObject({ filename: 'backstory-history-2026-01-02.csv', mime: 'text/csv' });
    expect(csv.content.split('\r\n')[0]).toMatch(/^title,/);
  });

  it('imports a valid file and refuses a bad one without writing anything', async () => {
    const { deps, handlers } = manage();
    const good = JSON.stringify({ format: 'backstory-history', version: 1, exportedAt: 1, articles: [{ ...exported, title: 'A', visits: [42] }] });
    await expect(handlers.importHistory({ json: good }, sender)).resolves.toEqual({ added: 1, updated: 0 });
    expect(deps.importHistory).toHaveBeenCalledOnce();
    await expect(handlers.importHistory({ json: '{"format":"other"}' }, sender)).rejects.toThrow(/not a Backstory history export/);
    expect(deps.importHistory).toHaveBeenCalledOnce();
  });
});
