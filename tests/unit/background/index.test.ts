import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import type { Article } from '@/utils/article/types';
import { clearHistory, getHistoryEntry } from '@/utils/db';
import { sendMessage, type MessageSender, type Reply } from '@/utils/messaging';

const article: Article = {
  url: 'https://www.example.com/world/story?utm_medium=social',
  canonicalUrl: 'https://www.example.com/world/story',
  title: 'A story',
  byline: 'Jane Doe',
  siteName: 'Example News',
  publishedAt: '2025-03-01T10:00:00Z',
  lang: 'en',
  excerpt: 'What happened.',
  text: 'What happened, at length.',
  wordCount: 4,
  readingMinutes: 1,
};

const fromTab = (incognito: boolean) => ({ tab: { id: 4, incognito }, frameId: 0 }) as MessageSender;

/** Delivers a message to the background's listeners as the browser would, with a chosen sender. */
async function deliver(message: unknown, sender: MessageSender): Promise<Reply<unknown> | undefined> {
  let sendResponse!: (reply: Reply<unknown>) => void;
  const answered = new Promise<Reply<unknown>>((resolve) => (sendResponse = resolve));
  const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, sender, sendResponse);
  return results.includes(true) ? answered : undefined;
}

describe('background', () => {
  beforeEach(async () => {
    background.main();
    await clearHistory();
  });

  it('records an article detected in a normal tab', async () => {
    expect(await deliver({ type: 'articleDetected', data: article }, fromTab(false))).toEqual({
      ok: true,
      data: { recorded: true },
    });
    expect(await getHistoryEntry(article.canonicalUrl)).toMatchObject({ title: 'A story', site: 'example.com' });
    expect(await sendMessage('getHistory', { limit: 10 })).toMatchObject([{ canonicalUrl: article.canonicalUrl }]);
  });

  it('does not record an article detected in a private window', async () => {
    expect(await deliver({ type: 'articleDetected', data: article }, fromTab(true))).toEqual({
      ok: true,
      data: { recorded: false },
    });
    expect(await getHistoryEntry(article.canonicalUrl)).toBeUndefined();
    expect(await sendMessage('getHistory', { limit: 10 })).toEqual([]);
  });

  it('does not record an article sent from outside a tab', async () => {
    await expect(sendMessage('articleDetected', article)).resolves.toEqual({ recorded: false });
    expect(await getHistoryEntry(article.canonicalUrl)).toBeUndefined();
  });

  it('answers malformed messages with an error and keeps answering afterwards', async () => {
    expect(await deliver({ type: 'articleDetected', data: { ...article, url: 'javascript:alert(1)' } }, fromTab(false))).toEqual({
      ok: false,
      error: 'invalid articleDetected: url must be http(s)',
    });
    expect(await deliver('not a message', fromTab(false))).toEqual({ ok: false, error: 'malformed message' });
    expect(await deliver({ type: 'dropTables' }, fromTab(false))).toEqual({
      ok: false,
      error: 'unknown message type: dropTables',
    });
    expect(await getHistoryEntry(article.canonicalUrl)).toBeUndefined();

    expect(await deliver({ type: 'articleDetected', data: article }, fromTab(false))).toEqual({
      ok: true,
      data: { recorded: true },
    });
    expect(await sendMessage('getHistory', { limit: 1 })).toHaveLength(1);
  });

  it('leaves getArticle to the content script', async () => {
    expect(await deliver({ type: 'getArticle', data: {} }, {})).toBeUndefined();
  });
});
