import { describe, expect, it, vi } from 'vitest';
import { createTabContext } from '@/utils/context/tab-context';
import type { MessageSender } from '@/utils/messaging';
import { makeArticle, makeContext } from '../components/fixtures';

const popup = {} as MessageSender;
const tab = (id: number, incognito = false) => ({ id, incognito }) as MessageSender['tab'];

describe('getTabContext (the popup asks the tab and the background at once)', () => {
  it("answers the tab's reported article with its context, asked through getContext with the tab id", async () => {
    const getContext = vi.fn(async () => makeContext());
    const tabContext = createTabContext({ getContext });
    const article = makeArticle();
    tabContext.detected(article, tab(3));
    expect(await tabContext.handlers.getTabContext({ tabId: 3 }, popup)).toEqual({ article, context: makeContext() });
    // The same privacy rules as the popup's own getContext: the handler is given the tab id and the sender.
    expect(getContext).toHaveBeenCalledWith({ article, tabId: 3 }, popup);
    expect(await tabContext.handlers.getTabContext({ tabId: 4 }, popup)).toBeNull();
  });

  it('never remembers an article of a private tab', async () => {
    const getContext = vi.fn(async () => makeContext());
    const tabContext = createTabContext({ getContext });
    tabContext.detected(makeArticle(), tab(3));
    tabContext.detected(makeArticle({ canonicalUrl: 'https://n.test/private' }), tab(3, true));
    tabContext.detected(makeArticle(), tab(5, true));
    tabContext.detected(makeArticle(), undefined);
    expect(await tabContext.handlers.getTabContext({ tabId: 3 }, popup)).toBeNull();
    expect(await tabContext.handlers.getTabContext({ tabId: 5 }, popup)).toBeNull();
    expect(getContext).not.toHaveBeenCalled();
  });

  it('forgets the article when the tab loads another page or closes, not for a new #fragment', async () => {
    const tabContext = createTabContext({ getContext: async () => makeContext() });
    const article = makeArticle({ url: 'https://n.test/story?id=1' });
    tabContext.detected(article, tab(3));
    tabContext.navigated(3, 'https://n.test/story?id=1#comments');
    expect(await tabContext.handlers.getTabContext({ tabId: 3 }, popup)).toMatchObject({ article });
    tabContext.navigated(3, 'https://n.test/story?id=2');
    expect(await tabContext.handlers.getTabContext({ tabId: 3 }, popup)).toBeNull();

    tabContext.detected(article, tab(3));
    // The address is not visible to the extension (no host permission): any load forgets.
    tabContext.navigated(3, undefined);
    expect(await tabContext.handlers.getTabContext({ tabId: 3 }, popup)).toBeNull();

    tabContext.detected(article, tab(3));
    tabContext.closed(3);
    expect(await tabContext.handlers.getTabContext({ tabId: 3 }, popup)).toBeNull();
  });
});
