// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App, HISTORY_LIMIT, requestPage } from '@/entrypoints/popup/App';
import { sendMessage, sendTabMessage } from '@/utils/messaging';
import type { Article } from '@/utils/article/types';
import type { StoryContext } from '@/utils/context/types';
import type { HistoryEntry } from '@/utils/history-types';
import { makeArticle, makeContext, makeEntry, makeProvider, makeStory } from '../components/fixtures';
import { recordStorageWarning } from '@/utils/storage-warning';
import type { EarlyRead } from '@/entrypoints/popup/early';

vi.mock('@/utils/messaging', (importOriginal) => import('../messaging-mock').then(({ messagingMock }) => messagingMock(importOriginal)));

const sendMessageMock = vi.mocked(sendMessage);
const sendTabMessageMock = vi.mocked(sendTabMessage);

/**
 * Answers getHistory with `history` and getContext with the next of `contexts` (the last one repeats);
 * getTabContext with null (the background knows no article of the tab) unless `reported` is given.
 */
function answer({
  history = [],
  contexts = [makeContext()],
  reported = null,
}: { history?: HistoryEntry[] | Error; contexts?: (StoryContext | Error)[]; reported?: { article: Article; context: StoryContext } | null } = {}) {
  let asked = 0;
  sendMessageMock.mockImplementation((async (type: string) => {
    if (type === 'listFollows') return [];
    if (type === 'getTabContext') return reported;
    const reply = type === 'getHistory' ? history : contexts[Math.min(asked++, contexts.length - 1)];
    if (reply instanceof Error) throw reply;
    return reply;
  }) as typeof sendMessage);
}

beforeEach(() => {
  answer();
  sendTabMessageMock.mockResolvedValue(null);
});
afterEach(cleanup);

const tab = (name: string) => screen.getByRole('tab', { name });

describe('popup App', () => {
  it('asks the tab given by ?tab= for its article and shows it', async () => {
    sendTabMessageMock.mockResolvedValue(makeArticle());
    render(<App search="?tab=42" />);
    expect(screen.getByText('Reading this page…')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Harbour bridge reopens after two years of repairs' })).toBeTruthy();
    expect(sendTabMessageMock).toHaveBeenCalledWith(42, 'getArticle', {});
    expect(screen.getByText('4 min read')).toBeTruthy();
    expect(screen.getByText('By Ana Souza and Lee Park')).toBeTruthy();
  });

  // main.tsx asks before the popup's first render: the App shows that answer and asks nothing again.
  it('shows the page asked for before it rendered, without asking the tab again', async () => {
    sendTabMessageMock.mockResolvedValue(makeArticle());
    const requested = requestPage('?tab=42');
    // A tab named by ?tab= is asked in the call itself: the messages leave before the first render.
    expect(sendTabMessageMock).toHaveBeenCalledExactlyOnceWith(42, 'getArticle', {});
    expect(sendMessageMock).toHaveBeenCalledWith('getTabContext', { tabId: 42 });
    await requested.page;
    expect(sendTabMessageMock).toHaveBeenCalledExactlyOnceWith(42, 'getArticle', {});
    render(<App search="?tab=42" requested={requested} />);
    expect(await screen.findByRole('heading', { name: 'Harbour bridge reopens after two years of repairs' })).toBeTruthy();
    expect(sendTabMessageMock).toHaveBeenCalledOnce();
  });

  it('without ?tab= asks the active tab of the current window', async () => {
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      // `query` is overloaded (promise and callback forms); the spy's inferred type is the callback one.
      .mockImplementation((async () => [{ id: 5 }] as Browser.tabs.Tab[]) as never);
    sendTabMessageMock.mockResolvedValue(makeArticle());
    render(<App search="" />);
    await screen.findByRole('heading', { level: 2 });
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(sendTabMessageMock).toHaveBeenCalledWith(5, 'getArticle', {});
    expect(screen.getByRole('link', { name: 'Open in a tab' }).getAttribute('href')).toBe('popup.html?tab=5');
  });

  it('says "Not an article" when the page is not one', async () => {
    render(<App search="?tab=1" />);
    expect(await screen.findByText('Not an article')).toBeTruthy();
    expect(screen.getByText(/doesn't look like one/)).toBeTruthy();
  });

  it('has the background load the reader into a page the detector ruled out, then shows what the reader answers', async () => {
    let loaded = false;
    sendMessageMock.mockImplementation((async (type: string) => {
      if (type !== 'loadReader') return null;
      loaded = true;
      return { running: true };
    }) as never);
    sendTabMessageMock.mockImplementation((async () => {
      if (!loaded) throw new Error('Could not establish connection. Receiving end does not exist.');
      return makeArticle();
    }) as never);
    render(<App search="?tab=3" />);
    expect(await screen.findByRole('heading', { name: 'Harbour bridge reopens after two years of repairs' })).toBeTruthy();
    expect(sendMessageMock).toHaveBeenCalledWith('loadReader', { tabId: 3 });
  });

  it('says "Not an article" when no content script answers (e.g. a chrome:// page)', async () => {
    sendTabMessageMock.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    render(<App search="?tab=1" />);
    expect(await screen.findByText('Not an article')).toBeTruthy();
    expect(screen.getByText(/can't read this page/)).toBeTruthy();
  });

  it('switches to History by click and shows the entries, newest first', async () => {
    answer({
      history: [
        makeEntry({ canonicalUrl: 'https://n.test/2', url: 'https://n.test/2', title: 'Newer', visits: [1, 2] }),
        makeEntry({ canonicalUrl: 'https://n.test/1', url: 'https://n.test/1', title: 'Older' }),
      ],
    });
    render(<App search="?tab=1" />);
    expect(tab('This page').getAttribute('aria-selected')).toBe('true');
    fireEvent.click(tab('History'));
    expect(tab('History').getAttribute('aria-selected')).toBe('true');
    const list = await screen.findByRole('list', { name: 'Reading history' });
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Newer', 'Older']);
    expect(within(list).getByText('2 visits')).toBeTruthy();
    expect(sendMessageMock).toHaveBeenCalledWith('getHistory', { limit: HISTORY_LIMIT });
    expect(HISTORY_LIMIT).toBe(200);
    // The other panels (This page, Following) are hidden, not gone.
    expect(screen.getAllByRole('tabpanel', { hidden: true })).toHaveLength(3);
    expect(screen.getByRole('tabpanel').textContent).not.toContain('Not an article');
  });

  it('opens on the Following tab with ?view=following (the link of a new-coverage notification)', async () => {
    render(<App search="?view=following" />);
    expect(tab('Following').getAttribute('aria-selected')).toBe('true');
    expect(await within(screen.getByRole('tabpanel')).findByText('No followed stories')).toBeTruthy();
    expect(sendMessageMock).toHaveBeenCalledWith('listFollows', { markSeen: true });
  });

  it('switches tabs with the arrow keys', async () => {
    render(<App search="?tab=1" />);
    tab('This page').focus();
    fireEvent.keyDown(tab('This page'), { key: 'ArrowRight' });
    expect(tab('History').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('History'));
    expect(await within(screen.getByRole('tabpanel')).findByText('No articles yet…')).toBeTruthy();
    fireEvent.keyDown(tab('History'), { key: 'ArrowLeft' });
    expect(tab('This page').getAttribute('aria-selected')).toBe('true');
  });

  it('shows an error state when the history cannot be loaded', async () => {
    answer({ history: new Error('worker gone') });
    render(<App search="?tab=1" />);
    fireEvent.click(tab('History'));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText('History unavailable')).toBeTruthy();
  });

  it('hides the "Open in a tab" link when already in a tab', async () => {
    render(<App search="?tab=1" />);
    await screen.findByText('Not an article');
    expect(screen.queryByRole('link', { name: 'Open in a tab' })).toBeNull();
  });

  it("asks for the article's context with the tab id and shows it as providers answer", async () => {
    const article = makeArticle();
    sendTabMessageMock.mockResolvedValue(article);
    const waiting = makeContext({
      related: { sameStory: [], background: [] },
      providers: [makeProvider({ state: 'pending', count: 0 })],
      complete: false,
    });
    answer({ contexts: [waiting, makeContext()] });
    render(<App search="?tab=42" />);
    expect(await screen.findByText('Looking for other coverage…')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Sources' }).textContent).toBe('Google News searching…');
    expect(sendMessageMock).toHaveBeenCalledWith('getContext', { article, tabId: 42 });

    const link = await screen.findByRole('link', { name: 'Bridge traffic returns' });
    expect(screen.getByRole('region', { name: 'Same story · 3 outlets' }).contains(link)).toBe(true);
    expect(screen.getByRole('status', { name: 'Sources' }).textContent).toBe('Google News 12 · GDELT 4');
    expect(screen.getByRole('region', { name: 'From the article' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Source' })).toBeTruthy();
  });

  it('says so when no other coverage was found', async () => {
    sendTabMessageMock.mockResolvedValue(makeArticle());
    answer({ contexts: [makeContext({ related: { sameStory: [], background: [] }, providers: [makeProvider({ state: 'empty', count: 0 })] })] });
    render(<App search="?tab=1" />);
    expect(await screen.findByText('No other coverage found yet.')).toBeTruthy();
  });

  it('keeps the article and shows an error when the context cannot be had', async () => {
    sendTabMessageMock.mockResolvedValue(makeArticle());
    answer({ contexts: [new Error('no answer to getContext')] });
    render(<App search="?tab=1" />);
    expect((await screen.findByRole('alert')).textContent).toContain('Context unavailable');
    expect(screen.getByRole('heading', { level: 2, name: 'Harbour bridge reopens after two years of repairs' })).toBeTruthy();
  });

  it('tells the reader when the browser is offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    sendTabMessageMock.mockResolvedValue(makeArticle());
    answer({ contexts: [makeContext({ related: { sameStory: [], background: [] }, providers: [makeProvider({ state: 'offline', count: 0 })] })] });
    render(<App search="?tab=1" />);
    expect(await screen.findByText(/You're offline/)).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Sources' }).textContent).toBe('Google News offline');
  });

  it('paints the article together with its context when the context answers quickly', async () => {
    const article = makeArticle();
    sendTabMessageMock.mockResolvedValue(article);
    // The background answers a cached context in a few milliseconds.
    sendMessageMock.mockImplementation((async (type: string) =>
      type === 'getContext' ? new Promise((done) => setTimeout(() => done(makeContext()), 30)) : type === 'getTabContext' ? null : []) as typeof sendMessage);
    let sawSkeleton = false;
    const observer = new MutationObserver(() => (sawSkeleton ||= document.body.textContent?.includes('Reading the article…') ?? false));
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    render(<App search="?tab=42" />);
    await screen.findByRole('heading', { name: 'Harbour bridge reopens after two years of repairs' });
    expect(screen.getByRole('link', { name: 'Bridge traffic returns' })).toBeTruthy();
    await new Promise((done) => setTimeout(done, 0));
    observer.disconnect();
    // The article and its results came in one render: the skeleton never showed.
    expect(sawSkeleton).toBe(false);
    // Asked once with the article; polling did not ask again (the context is complete).
    expect(sendMessageMock.mock.calls.filter(([type]) => type === 'getContext')).toEqual([['getContext', { article, tabId: 42 }]]);
  });

  it('paints the article alone when its context is slow, and the context when it comes', async () => {
    sendTabMessageMock.mockResolvedValue(makeArticle());
    let answerContext!: (context: StoryContext) => void;
    sendMessageMock.mockImplementation((async (type: string) => {
      if (type === 'getContext') return new Promise<StoryContext>((done) => (answerContext = done));
      return type === 'getTabContext' ? null : [];
    }) as typeof sendMessage);
    render(<App search="?tab=42" />);
    await screen.findByRole('heading', { name: 'Harbour bridge reopens after two years of repairs' }, { timeout: 2_000 });
    expect(screen.getByText('Reading the article…')).toBeTruthy();
    answerContext(makeContext());
    expect(await screen.findByRole('link', { name: 'Bridge traffic returns' })).toBeTruthy();
    expect(sendMessageMock.mock.calls.filter(([type]) => type === 'getContext')).toHaveLength(1);
  });

  it('asks for the history only once the page has its answer, or when History is opened', async () => {
    let answerArticle!: (article: null) => void;
    sendTabMessageMock.mockReturnValue(new Promise((done) => (answerArticle = done)));
    render(<App search="?tab=1" />);
    await new Promise((done) => setTimeout(done, 50));
    expect(sendMessageMock.mock.calls.map(([type]) => type)).toEqual(['getTabContext']);
    answerArticle(null);
    await screen.findByText('Not an article');
    await vi.waitFor(() => expect(sendMessageMock).toHaveBeenCalledWith('getHistory', { limit: HISTORY_LIMIT }));
    cleanup();

    sendMessageMock.mockClear();
    sendTabMessageMock.mockReturnValue(new Promise(() => {})); // the tab never answers
    render(<App search="?tab=1" />);
    fireEvent.click(tab('History'));
    expect(await screen.findByText('No articles yet…')).toBeTruthy();
    expect(sendMessageMock).toHaveBeenCalledWith('getHistory', { limit: HISTORY_LIMIT });
  });

  it('shows the "Storage is full" notice once This page has its answer', async () => {
    await recordStorageWarning('pruned', 1_000);
    let answerArticle!: (article: null) => void;
    sendTabMessageMock.mockReturnValue(new Promise((done) => (answerArticle = done)));
    render(<App search="?tab=1" />);
    await new Promise((done) => setTimeout(done, 50));
    expect(screen.queryByRole('alert')).toBeNull();
    answerArticle(null);
    expect((await screen.findByRole('alert')).textContent).toContain('Storage is full');
  });

  it('does not ask for context when the page is not an article', async () => {
    render(<App search="?tab=1" />);
    await screen.findByText('Not an article');
    // The history is asked once the page has its answer: wait for it, then nothing else was asked
    // (but what the background knows of the tab, asked while the tab was).
    await vi.waitFor(() => expect(sendMessageMock.mock.calls.map(([type]) => type)).toEqual(['getTabContext', 'getHistory']));
    expect(sendMessageMock).toHaveBeenCalledWith('getTabContext', { tabId: 1 });
  });

  it("asks the background for the context of the tab's reported article while the tab is asked, and uses it for the same article", async () => {
    const article = makeArticle();
    let answerArticle!: (article: Article) => void;
    sendTabMessageMock.mockReturnValue(new Promise((done) => (answerArticle = done)));
    answer({ reported: { article: makeArticle({ text: 'An earlier reading.' }), context: makeContext() } });
    render(<App search="?tab=42" />);
    // Before the tab answers.
    await vi.waitFor(() => expect(sendMessageMock).toHaveBeenCalledWith('getTabContext', { tabId: 42 }));
    answerArticle(article);
    expect(await screen.findByRole('link', { name: 'Bridge traffic returns' })).toBeTruthy();
    // The context of the same article (same canonical URL) is not asked for again.
    expect(sendMessageMock.mock.calls.filter(([type]) => type === 'getContext')).toEqual([]);
  });

  it('asks for the context of the article the tab answers when the background knew another one', async () => {
    const article = makeArticle();
    sendTabMessageMock.mockResolvedValue(article);
    const other = makeArticle({ canonicalUrl: 'https://n.test/before', title: 'The page before' });
    answer({ reported: { article: other, context: makeContext({ canonicalUrl: other.canonicalUrl, related: { sameStory: [], background: [] } }) } });
    render(<App search="?tab=42" />);
    expect(await screen.findByRole('link', { name: 'Bridge traffic returns' })).toBeTruthy();
    expect(sendMessageMock).toHaveBeenCalledWith('getContext', { article, tabId: 42 });
  });

  describe("the tab's snapshot (storage.session): painted first, then checked against the tab", () => {
    const snapshot = (context = makeContext()) => ({ article: makeArticle(), context });
    const store = (tabId: number, value: unknown) => fakeBrowser.storage.session.set({ [`tabSnapshot:${tabId}`]: value });

    it('paints the article and its results before the tab or the background answer', async () => {
      await store(42, snapshot());
      sendTabMessageMock.mockReturnValue(new Promise(() => {}));
      sendMessageMock.mockReturnValue(new Promise(() => {}));
      render(<App search="?tab=42" />);
      expect(await screen.findByRole('heading', { name: 'Harbour bridge reopens after two years of repairs' })).toBeTruthy();
      expect(screen.getByRole('link', { name: 'Bridge traffic returns' })).toBeTruthy();
      // The tab is still asked: its answer is the truth.
      expect(sendTabMessageMock).toHaveBeenCalledWith(42, 'getArticle', {});
    });

    it('gives way to the article the tab answers when the tab shows another one', async () => {
      await store(42, snapshot());
      let answerArticle!: (article: Article) => void;
      sendTabMessageMock.mockReturnValue(new Promise((done) => (answerArticle = done)));
      const next = makeArticle({ canonicalUrl: 'https://n.test/next', url: 'https://n.test/next', title: 'The next story' });
      answer({ contexts: [makeContext({ canonicalUrl: next.canonicalUrl, related: { sameStory: [], background: [] } })] });
      render(<App search="?tab=42" />);
      await screen.findByRole('heading', { name: 'Harbour bridge reopens after two years of repairs' });
      answerArticle(next);
      expect(await screen.findByRole('heading', { name: 'The next story' })).toBeTruthy();
      expect(screen.queryByRole('link', { name: 'Bridge traffic returns' })).toBeNull();
      expect(sendMessageMock).toHaveBeenCalledWith('getContext', { article: next, tabId: 42 });
    });

    it("keeps the snapshot when the tab agrees, and shows the background's newer context when it has one", async () => {
      await store(42, snapshot(makeContext({ version: 3 })));
      sendTabMessageMock.mockResolvedValue(makeArticle());
      const newer = makeContext({ version: 4, related: { sameStory: [makeStory({ title: 'A later report', url: 'https://late.test/a' })], background: [] } });
      answer({ reported: { article: makeArticle(), context: newer } });
      render(<App search="?tab=42" />);
      expect(await screen.findByRole('link', { name: 'A later report' })).toBeTruthy();
      expect(screen.queryByRole('link', { name: 'Bridge traffic returns' })).toBeNull();
      // The background's answer was for the same article: nothing else was asked.
      expect(sendMessageMock.mock.calls.filter(([type]) => type === 'getContext')).toEqual([]);
    });

    it("follows the story with the tab's article, text included, once the tab has agreed with the snapshot", async () => {
      await store(42, { article: makeArticle({ text: '' }), context: makeContext() });
      sendTabMessageMock.mockResolvedValue(makeArticle());
      render(<App search="?tab=42" />);
      await screen.findByRole('link', { name: 'Bridge traffic returns' });
      await vi.waitFor(() => expect(sendTabMessageMock).toHaveBeenCalled());
      fireEvent.click(await screen.findByRole('button', { name: /Follow this story/ }));
      await vi.waitFor(() => expect(sendMessageMock).toHaveBeenCalledWith('followStory', { article: makeArticle(), tabId: 42 }));
    });

    it("gives way to what the page is when the tab does not answer (it left for a page without Backstory)", async () => {
      await store(42, snapshot());
      sendTabMessageMock.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
      sendMessageMock.mockImplementation((async (type: string) => {
        if (type === 'loadReader') throw new Error('Cannot access contents of the page');
        return type === 'getHistory' || type === 'listFollows' ? [] : null;
      }) as typeof sendMessage);
      render(<App search="?tab=42" />);
      expect(await screen.findByText('Not an article')).toBeTruthy();
      expect(screen.queryByRole('heading', { name: 'Harbour bridge reopens after two years of repairs' })).toBeNull();
    });

    it('keeps the results on screen while the background looks the article up again, then shows the new ones', async () => {
      await store(42, snapshot(makeContext({ version: 3 })));
      sendTabMessageMock.mockResolvedValue(makeArticle());
      // A restarted worker: it knows no article of the tab, and its new lookup has nothing at first.
      const later = makeContext({ version: 2, related: { sameStory: [makeStory({ title: 'A later report', url: 'https://late.test/a' })], background: [] } });
      answer({ contexts: [makeContext({ version: 1, complete: false, related: { sameStory: [], background: [] } }), later] });
      render(<App search="?tab=42" />);
      await screen.findByRole('link', { name: 'Bridge traffic returns' });
      await vi.waitFor(() => expect(sendMessageMock).toHaveBeenCalledWith('getContext', { article: makeArticle(), tabId: 42 }));
      expect(screen.getByRole('link', { name: 'Bridge traffic returns' })).toBeTruthy();
      // The panel asks on; the new lookup's complete answer takes the snapshot's place.
      expect(await screen.findByRole('link', { name: 'A later report' })).toBeTruthy();
      expect(sendMessageMock.mock.calls.filter(([type]) => type === 'getContext')).toHaveLength(2);
      expect(screen.queryByRole('link', { name: 'Bridge traffic returns' })).toBeNull();
    });

    it("shows in its first render the snapshot the early script had read already, and takes over the read when it had not", async () => {
      sendTabMessageMock.mockReturnValue(new Promise(() => {}));
      sendMessageMock.mockReturnValue(new Promise(() => {}));
      const stored = snapshot();
      const settled: EarlyRead = { search: '', tabId: Promise.resolve(42), stored: Promise.resolve(stored), settled: { tabId: 42, stored } };
      const requested = requestPage('', settled);
      render(<App search="" requested={requested} />);
      // Synchronously: no "Reading this page…" first.
      expect(screen.getByRole('heading', { name: 'Harbour bridge reopens after two years of repairs' })).toBeTruthy();
      expect(sendTabMessageMock).toHaveBeenCalledWith(42, 'getArticle', {});
      cleanup();

      // Still on the way: awaited, not read again (storage.session is empty here).
      const get = vi.spyOn(fakeBrowser.storage.session, 'get');
      let arrive!: (value: unknown) => void;
      const pending: EarlyRead = { search: '', tabId: Promise.resolve(43), stored: new Promise((done) => (arrive = done)) };
      render(<App search="" requested={requestPage('', pending)} />);
      expect(screen.getByText('Reading this page…')).toBeTruthy();
      arrive(stored);
      expect(await screen.findByRole('link', { name: 'Bridge traffic returns' })).toBeTruthy();
      expect(sendTabMessageMock).toHaveBeenLastCalledWith(43, 'getArticle', {});
      expect(get).not.toHaveBeenCalled();
    });

    it("ignores a snapshot in another shape, or another tab's", async () => {
      await store(42, { article: makeArticle(), context: makeContext({ complete: false }) });
      await store(7, snapshot());
      sendTabMessageMock.mockResolvedValue(null);
      render(<App search="?tab=42" />);
      expect(await screen.findByText('Not an article')).toBeTruthy();
      expect(screen.queryByRole('heading', { name: 'Harbour bridge reopens after two years of repairs' })).toBeNull();
    });
  });
});
