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
