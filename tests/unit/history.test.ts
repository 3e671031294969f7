import { describe, expect, it, vi } from 'vitest';
import type { Article } from '@/utils/article/types';
import type { HistoryEntry } from '@/utils/history-types';
import { createBackgroundHandlers } from '@/utils/history';
import type { MessageSender } from '@/utils/messaging';

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

function setup() {
  const deps = {
    recordVisit: vi.fn(async () => entry),
    listHistory: vi.fn(async () => [entry]),
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
