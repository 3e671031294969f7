// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '@/entrypoints/article.content/index';
import type { SidebarHandle } from '@/entrypoints/article.content/controller';
import { createSidebar } from '@/entrypoints/article.content/mount-sidebar';
import { IDLE_TIMEOUT_MS } from '@/entrypoints/article.content/schedule';
import { readPage } from '@/utils/article/extract';
import { sendMessage, type Reply } from '@/utils/messaging';
import { makeArticle } from '../components/fixtures';

vi.mock('@/utils/article/extract', () => ({ readPage: vi.fn() }));
vi.mock('@/entrypoints/article.content/mount-sidebar', () => ({ createSidebar: vi.fn() }));
vi.mock('@/utils/messaging', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/utils/messaging')>()),
  sendMessage: vi.fn(),
}));

const article = makeArticle();
let sidebar: { show: Mock<SidebarHandle['show']>; hide: Mock<SidebarHandle['hide']> };
let ctx: ContentScriptContext;

beforeEach(() => {
  vi.useFakeTimers();
  sidebar = { show: vi.fn(), hide: vi.fn() };
  vi.mocked(createSidebar).mockReturnValue(sidebar);
  vi.mocked(sendMessage).mockResolvedValue({ recorded: true });
  // The reader fetches its stylesheet from the extension as it starts.
  vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('.bs-sidebar{}'));
  ctx = new ContentScriptContext('article', { matches: [] });
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
});

/** Starts the content script; returns a function that asks it `getArticle` like the popup does. */
function start() {
  const addListener = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  void contentScript.main(ctx);
  const listener = addListener.mock.calls[0]![0] as (
    message: unknown,
    sender: unknown,
    sendResponse: (reply: Reply<unknown>) => void,
  ) => unknown;
  return () =>
    new Promise<Reply<unknown>>((resolve) => {
      listener({ type: 'getArticle', data: {} }, {}, resolve);
    });
}

describe('article content script', () => {
  it('not an article: sends nothing, mounts nothing, answers getArticle with null', async () => {
    vi.mocked(readPage).mockReturnValue({ isArticle: false, reason: 'front page', article: null });
    const getArticle = start();
    await vi.advanceTimersByTimeAsync(IDLE_TIMEOUT_MS);
    // Words of unspaced scripts are left to the background (no Intl.Segmenter on the page).
    expect(readPage).toHaveBeenCalledWith(document, location.href, { segment: false });
    expect(sendMessage).not.toHaveBeenCalled();
    expect(sidebar.show).not.toHaveBeenCalled();
    await expect(getArticle()).resolves.toEqual({ ok: true, data: null });
  });

  it("posts nothing to the page's window when it starts (the page's own message listeners would run, and learn our id)", () => {
    const postMessage = vi.spyOn(window, 'postMessage');
    const own = new ContentScriptContext('article', contentScript);
    own.abort();
    expect(postMessage).not.toHaveBeenCalled();
  });

  it('not an article: never creates the sidebar', async () => {
    vi.mocked(readPage).mockReturnValue({ isArticle: false, reason: 'front page', article: null });
    start();
    await vi.advanceTimersByTimeAsync(IDLE_TIMEOUT_MS);
    expect(readPage).toHaveBeenCalled();
    expect(createSidebar).not.toHaveBeenCalled();
  });

  it('fetches what the sidebar needs (stylesheet, settings) as it starts, before it reads the page', async () => {
    vi.mocked(readPage).mockReturnValue({ isArticle: true, reason: 'article', article });
    const storageGet = vi.spyOn(fakeBrowser.storage.local, 'get');
    start();
    expect(fetch).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/\/content-scripts\/article\.css$/));
    await vi.advanceTimersByTimeAsync(0);
    const [readAt] = vi.mocked(readPage).mock.invocationCallOrder;
    expect(readAt).toBeGreaterThan(vi.mocked(fetch).mock.invocationCallOrder[0]!);
    expect(readAt).toBeGreaterThan(storageGet.mock.invocationCallOrder[0]!);
  });

  it('an article: reads it in a task of its own, sends articleDetected, shows the sidebar, answers getArticle', async () => {
    vi.mocked(readPage).mockReturnValue({ isArticle: true, reason: 'article', article });
    const getArticle = start();
    expect(readPage).not.toHaveBeenCalled(); // deferred, not in the task that loaded the reader
    await vi.advanceTimersByTimeAsync(0);
    expect(readPage).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(IDLE_TIMEOUT_MS);
    expect(sendMessage).toHaveBeenCalledExactlyOnceWith('articleDetected', article);
    expect(sidebar.show).toHaveBeenCalledWith(article, { startExpanded: false, toggles: 0 });
    await expect(getArticle()).resolves.toEqual({ ok: true, data: article });
    expect(readPage).toHaveBeenCalledOnce();
  });

  it('answers a popup that asks before the first read by reading at once', async () => {
    vi.mocked(readPage).mockReturnValue({ isArticle: true, reason: 'article', article });
    const getArticle = start();
    await expect(getArticle()).resolves.toEqual({ ok: true, data: article });
    await vi.advanceTimersByTimeAsync(IDLE_TIMEOUT_MS);
    expect(readPage).toHaveBeenCalledOnce();
    expect(sendMessage).toHaveBeenCalledOnce();
  });

  it('reads the page on pagehide when the reader leaves before the first read', () => {
    vi.mocked(readPage).mockReturnValue({ isArticle: true, reason: 'article', article });
    start();
    expect(sendMessage).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('pagehide'));
    expect(sendMessage).toHaveBeenCalledExactlyOnceWith('articleDetected', article);
  });

  it('does not throw when the background is not ready', async () => {
    vi.mocked(readPage).mockReturnValue({ isArticle: true, reason: 'article', article });
    vi.mocked(sendMessage).mockRejectedValue(new Error('Could not establish connection'));
    start();
    await vi.advanceTimersByTimeAsync(IDLE_TIMEOUT_MS);
    expect(sidebar.show).toHaveBeenCalledWith(article, { startExpanded: false, toggles: 0 });
  });

  it('re-reads after in-page navigation: sends the new article, then hides the sidebar on a non-article', async () => {
    const next = makeArticle({ title: 'Next story', url: 'https://www.example-news.com/next' });
    vi.mocked(readPage)
      .mockReturnValueOnce({ isArticle: true, reason: 'article', article })
      .mockReturnValueOnce({ isArticle: true, reason: 'article', article: next })
      .mockReturnValueOnce({ isArticle: false, reason: 'section page', article: null });
    start();
    await vi.advanceTimersByTimeAsync(IDLE_TIMEOUT_MS);
    expect(sendMessage).toHaveBeenCalledOnce();

    history.pushState({}, '', '#comments'); // same page: no re-read
    await vi.advanceTimersByTimeAsync(5_000);
    expect(readPage).toHaveBeenCalledOnce();

    history.pushState({}, '', '/next');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(readPage).toHaveBeenCalledTimes(2);
    expect(sendMessage).toHaveBeenLastCalledWith('articleDetected', next);
    expect(sidebar.show).toHaveBeenLastCalledWith(next, { startExpanded: false, toggles: 0 });

    history.pushState({}, '', '/world');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(readPage).toHaveBeenCalledTimes(3);
    expect(sidebar.hide).toHaveBeenCalledOnce();
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('stops answering once its context is invalidated', async () => {
    vi.mocked(readPage).mockReturnValue({ isArticle: false, reason: '', article: null });
    const removeListener = vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener');
    start();
    ctx.abort();
    expect(removeListener).toHaveBeenCalledOnce();
  });
});
