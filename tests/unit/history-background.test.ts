import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import type { Article } from '@/utils/article/types';
import { clearHistory, getHistoryEntry } from '@/utils/db';
import { sendMessage, type MessageSender } from '@/utils/messaging';

// The background's wiring of the History tab's messages, once each, through WXT's fake browser.

const article: Article = {
  url: 'https://www.example.com/world/flood',
  canonicalUrl: 'https://www.example.com/world/flood',
  title: 'Flood barrier closes',
  byline: null,
  siteName: 'Example News',
  publishedAt: null,
  lang: 'en',
  excerpt: '',
  text: 'Engineers tested the sluice gates overnight.',
  wordCount: 6,
  readingMinutes: 1,
};
const fromTab = { tab: { id: 4, incognito: false }, frameId: 0 } as MessageSender;

beforeEach(async () => {
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Backstory', version: '0.1.0' });
  vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 503 })));
  background.main();
  await clearHistory();
  await fakeBrowser.runtime.onMessage.trigger({ type: 'articleDetected', data: article }, fromTab, () => {});
  await vi.waitFor(async () => expect(await getHistoryEntry(article.canonicalUrl)).toBeDefined());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('background: history management messages', () => {
  it('searches, exports, deletes, imports back and clears', async () => {
    expect(await sendMessage('searchHistory', { query: 'sluic', limit: 10 })).toMatchObject([{ canonicalUrl: article.canonicalUrl }]);
    const { content } = await sendMessage('exportHistory', { format: 'json' });
    expect(JSON.parse(content)).toMatchObject({ format: 'backstory-history', articles: [{ canonicalUrl: article.canonicalUrl }] });
    expect((await sendMessage('exportHistory', { format: 'csv' })).content).toContain('Flood barrier closes');

    expect(await sendMessage('deleteHistoryEntry', { canonicalUrl: article.canonicalUrl })).toMatchObject({ canonicalUrl: article.canonicalUrl });
    expect(await sendMessage('searchHistory', { query: 'sluic', limit: 10 })).toEqual([]);
    await expect(sendMessage('importHistory', { json: '[]' })).rejects.toThrow(/not a Backstory history export/);
    expect(await sendMessage('importHistory', { json: content })).toEqual({ added: 1, updated: 0 });
    expect(await sendMessage('searchHistory', { query: 'sluic', limit: 10 })).toHaveLength(1);

    expect(await sendMessage('clearHistory', {})).toBeNull();
    expect(await sendMessage('getHistory', { limit: 10 })).toEqual([]);
  });
});
