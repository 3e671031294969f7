import { describe, expect, it, vi } from 'vitest';
import { analyseArticle } from '@/utils/analysis/analyse';
import type { Article } from '@/utils/article/types';
import { retentionShortened, runMaintenance } from '@/utils/context/maintenance';
import { getAnalysis, getHistoryEntry, openBackstoryDB, pruneHistory, putAnalysis, recordVisit, searchHistory } from '@/utils/db';
import { Scheduler } from '@/utils/related/scheduler';
import { DEFAULT_SETTINGS } from '@/utils/settings';

const DAY = 86_400_000;
let counter = 0;

const article = (n: number): Article => ({
  url: `https://example.com/news/${n}`,
  canonicalUrl: `https://example.com/news/${n}`,
  title: `Harbour story ${n}`,
  byline: null,
  siteName: 'Example News',
  publishedAt: null,
  lang: 'en',
  excerpt: `Excerpt ${n}.`,
  text: `Body ${n}.`,
  wordCount: 2,
  readingMinutes: 1,
});

describe('pruneHistory', () => {
  it('deletes articles last read before the cutoff (with analysis and search terms) and older visits of the rest', async () => {
    const db = await openBackstoryDB({ name: `retention-${++counter}` });
    await recordVisit(article(1), 1 * DAY, db);
    await putAnalysis({ canonicalUrl: article(1).canonicalUrl, analysis: analyseArticle(article(1)), entityKeys: ['harbour'], analysedAt: 1 * DAY }, db);
    await recordVisit(article(2), 2 * DAY, db);
    await recordVisit(article(2), 20 * DAY, db);
    await recordVisit(article(3), 30 * DAY, db);

    expect(await pruneHistory(10 * DAY, db)).toBe(1);
    expect(await getHistoryEntry(article(1).canonicalUrl, db)).toBeUndefined();
    expect(await getAnalysis(article(1).canonicalUrl, db)).toBeUndefined();
    expect((await getHistoryEntry(article(2).canonicalUrl, db))?.visits).toEqual([20 * DAY]);
    expect((await getHistoryEntry(article(3).canonicalUrl, db))?.visits).toEqual([30 * DAY]);
    const found = await searchHistory({ query: 'harbour', limit: 10 }, db);
    expect(found.map((e) => e.canonicalUrl).sort()).toEqual([article(2).canonicalUrl, article(3).canonicalUrl]);
    db.close();
  });
});

describe('runMaintenance and retention', () => {
  function setup(retentionDays: number | null) {
    const fetch = vi.fn() as unknown as typeof globalThis.fetch;
    const store = {
      putFeedItems: vi.fn(async () => {}),
      pruneFeedItems: vi.fn(async () => 0),
      pruneCaches: vi.fn(async () => 0),
      pruneHistory: vi.fn(async () => 0),
    };
    const now = 1e12;
    return { store, now, deps: { scheduler: new Scheduler({ fetch, now: () => now }), store, getSettings: async () => ({ ...DEFAULT_SETTINGS, retentionDays }), now: () => now } };
  }

  it('prunes history older than the retention on each run', async () => {
    const { deps, store, now } = setup(30);
    await runMaintenance(deps);
    expect(store.pruneHistory).toHaveBeenCalledWith(now - 30 * DAY);
  });

  it('keeps history forever when retention is unset', async () => {
    const { deps, store } = setup(null);
    await runMaintenance(deps);
    expect(store.pruneHistory).not.toHaveBeenCalled();
    expect(store.pruneCaches).toHaveBeenCalled();
  });
});

describe('retentionShortened', () => {
  it('prunes at once when retention is set or shortened, not when lengthened, unchanged or removed', () => {
    expect(retentionShortened({ retentionDays: 30 }, { retentionDays: null })).toBe(true);
    expect(retentionShortened({ retentionDays: 30 }, null)).toBe(true);
    expect(retentionShortened({ retentionDays: 30 }, { retentionDays: 90 })).toBe(true);
    expect(retentionShortened({ retentionDays: 90 }, { retentionDays: 30 })).toBe(false);
    expect(retentionShortened({ retentionDays: 30 }, { retentionDays: 30 })).toBe(false);
    expect(retentionShortened({ retentionDays: null }, { retentionDays: 30 })).toBe(false);
  });
});
