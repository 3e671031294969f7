import { describe, expect, it, vi } from 'vitest';
import { createTabContext } from '@/utils/context/tab-context';
import type { MessageSender } from '@/utils/messaging';
import { makeArticle, makeContext } from '../components/fixtures';

const tab = (id: number, incognito = false) => ({ id, incognito }) as MessageSender['tab'];

describe('getTabContext (the popup asks the tab and the background at once)', () => {
  it("answers the tab's reported article with its context, asked as a normal tab's article with the tab id", async () => {
    const getContext = vi.fn(async () => makeContext());
    const tabContext = createTabContext({ getContext });
    const article = makeArticle();
    tabContext.detected(article, tab(3));
    expect(await tabContext.handlers.getTabContext({ tabId: 3 })).toEqual({ article, context: makeContext() });
    // The tab reported it from a normal window: asked for as a normal tab's article, for that tab (its
    // lookup is released when the tab navigates or closes), without looking the tab up again.
    expect(getContext).toHaveBeenCalledWith(article, { isPrivate: false, tabId: 3 });
    expect(await tabContext.handlers.getTabContext({ tabId: 4 })).toBeNull();
  });

  it('never remembers an article of a private tab', async () => {
    const getContext = vi.fn(async () => makeContext());
    const tabContext = createTabContext({ getContext });
    tabContext.detected(makeArticle(), tab(3));
    tabContext.detected(makeArticle({ canonicalUrl: 'https://n.test/private' }), tab(3, true));
    tabContext.detected(makeArticle(), tab(5, true));
    tabContext.detected(makeArticle(), undefined);
    expect(await tabContext.handlers.getTabContext({ tabId: 3 })).toBeNull();
    expect(await tabContext.handlers.getTabContext({ tabId: 5 })).toBeNull();
    expect(getContext).not.toHaveBeenCalled();
  });

  it('forgets the article when the tab loads another page or closes, not for a new #fragment', async () => {
    const tabContext = createTabContext({ getContext: async () => makeContext() });
    const article = makeArticle({ url: 'https://n.test/story?id=1' });
    tabContext.detected(article, tab(3));
    tabContext.navigated(3, 'https://n.test/story?id=1#comments');
    expect(await tabContext.handlers.getTabContext({ tabId: 3 })).toMatchObject({ article });
    tabContext.navigated(3, 'https://n.test/story?id=2');
    expect(await tabContext.handlers.getTabContext({ tabId: 3 })).toBeNull();

    tabContext.detected(article, tab(3));
    // The address is not visible to the extension (no host permission): any load forgets.
    tabContext.navigated(3, undefined);
    expect(await tabContext.handlers.getTabContext({ tabId: 3 })).toBeNull();

    tabContext.detected(article, tab(3));
    tabContext.closed(3);
    expect(await tabContext.handlers.getTabContext({ tabId: 3 })).toBeNull();
  });
});

describe("the tab's snapshot for the popup's first paint", () => {
  const fakeStore = () => ({ write: vi.fn(async () => {}), remove: vi.fn(async () => {}), clear: vi.fn(async () => {}) });

  it('is written when the lookup of the article the tab shows is complete, once per version', () => {
    const snapshots = fakeStore();
    const tabContext = createTabContext({ getContext: async () => makeContext(), snapshots });
    const article = makeArticle();
    tabContext.detected(article, tab(3));
    tabContext.detected(makeArticle({ canonicalUrl: 'https://n.test/other' }), tab(4));
    tabContext.completed(makeContext({ complete: false }), [3]);
    expect(snapshots.write).not.toHaveBeenCalled();
    const done = makeContext({ version: 5 });
    // Tab 4 shows another article, tab 9 none: only tab 3 gets this context.
    tabContext.completed(done, [3, 4, 9]);
    // Without the article's text: the popup's paint needs none of it.
    expect(snapshots.write).toHaveBeenCalledExactlyOnceWith(3, { article: { ...article, text: '' }, context: done });
    tabContext.completed(done, [3]);
    expect(snapshots.write).toHaveBeenCalledOnce();
    tabContext.completed(makeContext({ version: 6 }), [3]);
    expect(snapshots.write).toHaveBeenCalledTimes(2);
  });

  it("is written when the popup's ask finds the context complete (a cached lookup announces no completion)", async () => {
    const snapshots = fakeStore();
    const context = makeContext();
    const tabContext = createTabContext({ getContext: async () => context, snapshots });
    const article = makeArticle();
    tabContext.detected(article, tab(3));
    await tabContext.handlers.getTabContext({ tabId: 3 });
    expect(snapshots.write).toHaveBeenCalledExactlyOnceWith(3, { article: { ...article, text: '' }, context });
  });

  it('is removed when the tab loads another page, shows another article, turns out private, or closes', () => {
    const snapshots = fakeStore();
    const tabContext = createTabContext({ getContext: async () => makeContext(), snapshots });
    const article = makeArticle({ url: 'https://n.test/story?id=1' });
    tabContext.detected(article, tab(3));
    tabContext.navigated(3, 'https://n.test/story?id=1#comments');
    expect(snapshots.remove).not.toHaveBeenCalled();
    tabContext.navigated(3, 'https://n.test/story?id=2');
    expect(snapshots.remove).toHaveBeenLastCalledWith(3);

    tabContext.detected(article, tab(4));
    tabContext.detected(makeArticle({ canonicalUrl: 'https://n.test/next' }), tab(4));
    expect(snapshots.remove).toHaveBeenLastCalledWith(4);

    tabContext.detected(article, tab(5, true));
    expect(snapshots.remove).toHaveBeenLastCalledWith(5);

    // Also a tab this worker never heard of: a worker before it may have written its snapshot.
    tabContext.closed(6);
    expect(snapshots.remove).toHaveBeenLastCalledWith(6);
  });

  it('is not written back by a lookup completing after the history was cleared or the settings changed', async () => {
    const snapshots = fakeStore();
    const tabContext = createTabContext({ getContext: async () => makeContext(), snapshots });
    tabContext.detected(makeArticle(), tab(3));
    tabContext.completed(makeContext({ version: 1 }), [3]);
    await tabContext.forgetTabs();
    expect(snapshots.clear).toHaveBeenCalledOnce();
    tabContext.completed(makeContext({ version: 2 }), [3]);
    expect(await tabContext.handlers.getTabContext({ tabId: 3 })).toBeNull();
    expect(snapshots.write).toHaveBeenCalledOnce();
    // The tab's next report starts over, the same version included.
    tabContext.detected(makeArticle(), tab(3));
    tabContext.completed(makeContext({ version: 1 }), [3]);
    expect(snapshots.write).toHaveBeenCalledTimes(2);
  });
});
