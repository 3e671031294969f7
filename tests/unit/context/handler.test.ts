import { describe, expect, it, vi } from 'vitest';
import type { Article } from '@/utils/article/types';
import { createContextHandlers } from '@/utils/context/handler';
import type { StoryContext } from '@/utils/context/types';
import type { MessageSender } from '@/utils/messaging';

const article = { canonicalUrl: 'https://example.com/a' } as Article;

function setup(privateTabs: Record<number, boolean> = {}) {
  const service = { getContext: vi.fn(async () => ({ canonicalUrl: article.canonicalUrl }) as StoryContext) };
  const isTabPrivate = vi.fn(async (id: number) => {
    if (!(id in privateTabs)) throw new Error(`No tab with id: ${id}`);
    return privateTabs[id]!;
  });
  return { service, isTabPrivate, handlers: createContextHandlers({ service, isTabPrivate }) };
}

const tab = (id: number, incognito: boolean) => ({ tab: { id, incognito } }) as MessageSender;

describe('getContext handler', () => {
  it('asks for the sidebar in a normal tab as not private, for that tab', async () => {
    const { service, isTabPrivate, handlers } = setup();
    await handlers.getContext({ article }, tab(3, false));
    expect(service.getContext).toHaveBeenCalledWith(article, { isPrivate: false, tabId: 3 });
    expect(isTabPrivate).not.toHaveBeenCalled();
  });

  it('passes on the version the asker shows, so the service answers with the next change', async () => {
    const { service, handlers } = setup();
    await handlers.getContext({ article, after: 41 }, tab(3, false));
    expect(service.getContext).toHaveBeenCalledWith(article, { isPrivate: false, tabId: 3, after: 41 });
  });

  it('treats the sidebar in a private window as private', async () => {
    const { service, handlers } = setup();
    await handlers.getContext({ article }, tab(3, true));
    expect(service.getContext).toHaveBeenCalledWith(article, { isPrivate: true, tabId: 3 });
  });

  it("looks up the popup's tab to tell a private window", async () => {
    const { service, handlers } = setup({ 5: true, 6: false });
    await handlers.getContext({ article, tabId: 5 }, {});
    await handlers.getContext({ article, tabId: 6 }, {});
    expect(service.getContext.mock.calls).toEqual([
      [article, { isPrivate: true, tabId: 5 }],
      [article, { isPrivate: false, tabId: 6 }],
    ]);
  });

  it('treats a tab that cannot be looked up as private (writes nothing)', async () => {
    const { service, handlers } = setup();
    await handlers.getContext({ article, tabId: 99 }, {});
    expect(service.getContext).toHaveBeenCalledWith(article, { isPrivate: true, tabId: 99 });
  });

  it('asks without a tab when neither sender nor request names one', async () => {
    const { service, handlers } = setup();
    await expect(handlers.getContext({ article }, {})).resolves.toEqual({ canonicalUrl: article.canonicalUrl });
    expect(service.getContext).toHaveBeenCalledWith(article, { isPrivate: false });
  });
});
