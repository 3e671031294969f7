/**
 * `getTabContext`: the article a tab last reported (`articleDetected`) with its story context, so that
 * the popup can ask the tab for its article and the background for the context at the same time,
 * instead of one after the other. The tab's own answer stays the truth: the popup uses this context
 * only when the tab answers with the same article.
 */
import { pageOf } from '../article/canonical-url';
import type { Article } from '../article/types';
import type { Handlers, MessageSender } from '../messaging';
import type { AskOptions, ContextService } from './service';

export interface TabContextDeps {
  /**
   * The context service's `getContext`. Only articles of tabs known not to be private are remembered
   * (`detected`, from the sender tab that reported them; a tab never changes windows between private
   * and normal), so they are asked for as such, without asking the browser about the tab again on
   * the popup's way to its first paint.
   */
  getContext: (article: Article, options: AskOptions & { isPrivate: false; tabId: number }) => ReturnType<ContextService['getContext']>;
}

export function createTabContext({ getContext }: TabContextDeps) {
  /** The latest article of each normal (not private) tab, while the tab shows it. */
  const articles = new Map<number, Article>();
  return {
    /** An article was detected on a tab. Private tabs are never remembered. */
    detected(article: Article, tab: MessageSender['tab']): void {
      if (tab?.id === undefined) return;
      if (tab.incognito) articles.delete(tab.id);
      else articles.set(tab.id, article);
    },
    /**
     * The tab loads something (`tabs.onUpdated` with a URL or status "loading"): its article is
     * forgotten unless the tab is known to show the same page (a new `#fragment`). `url` is
     * undefined where the extension may not see the tab's address.
     */
    navigated(tabId: number, url: string | undefined): void {
      const article = articles.get(tabId);
      if (article && url !== undefined && pageOf(url) === pageOf(article.url)) return;
      articles.delete(tabId);
    },
    /** The tab closed. */
    closed(tabId: number): void {
      articles.delete(tabId);
    },
    handlers: {
      getTabContext: async ({ tabId }) => {
        const article = articles.get(tabId);
        if (!article) return null;
        return { article, context: await getContext(article, { isPrivate: false, tabId }) };
      },
    } satisfies Handlers<'getTabContext'>,
  };
}
