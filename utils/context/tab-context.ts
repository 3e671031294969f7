/**
 * `getTabContext`: the article a tab last reported (`articleDetected`) with its story context, so that
 * the popup can ask the tab for its article and the background for the context at the same time,
 * instead of one after the other. The tab's own answer stays the truth: the popup uses this context
 * only when the tab answers with the same article.
 *
 * Once the tab's lookup is complete, the article and its context are also written to the tab's
 * snapshot (utils/context/tab-snapshot.ts), which the popup paints before any of these answers.
 */
import { pageOf } from '../article/canonical-url';
import type { Article } from '../article/types';
import type { Handlers, MessageSender } from '../messaging';
import type { AskOptions, ContextService } from './service';
import type { SnapshotStore } from './tab-snapshot';
import type { StoryContext } from './types';

export interface TabContextDeps {
  /**
   * The context service's `getContext`. Only articles of tabs known not to be private are remembered
   * (`detected`, from the sender tab that reported them; a tab never changes windows between private
   * and normal), so they are asked for as such, without asking the browser about the tab again on
   * the popup's way to its first paint.
   */
  getContext: (article: Article, options: AskOptions & { isPrivate: false; tabId: number }) => ReturnType<ContextService['getContext']>;
  /** Where complete contexts go for the popup's first paint; none: no snapshots. */
  snapshots?: SnapshotStore;
}

export function createTabContext({ getContext, snapshots }: TabContextDeps) {
  /** The latest article of each normal (not private) tab, while the tab shows it. */
  const articles = new Map<number, Article>();
  /** The context version each tab's snapshot was last written with: the popup's every ask need not write it again. */
  const written = new Map<number, number>();
  // Removed from storage even when this worker does not know the tab: one that ran before it may have written it.
  const forget = (tabId: number) => {
    articles.delete(tabId);
    written.delete(tabId);
    void snapshots?.remove(tabId);
  };
  /**
   * A lookup is complete (the context service's `onComplete`, or a cached answer already complete):
   * the snapshot of each of `tabIds` that still shows its article is written.
   */
  const completed = (context: StoryContext, tabIds: Iterable<number>): void => {
    if (!context.complete) return;
    for (const tabId of tabIds) {
      const article = articles.get(tabId);
      if (article?.canonicalUrl !== context.canonicalUrl || written.get(tabId) === context.version) continue;
      written.set(tabId, context.version);
      // The text stays out: what the popup paints needs none of it (its checks with the tab bring it).
      void snapshots?.write(tabId, { article: { ...article, text: '' }, context });
    }
  };
  /**
   * The context of a normal tab's article, asked for that tab; a complete answer is written to the
   * tab's snapshot (a cached lookup, complete already, announces no completion). The badge's lookup
   * and `getTabContext` both ask through this.
   */
  const ask = async (article: Article, tabId: number): Promise<StoryContext> => {
    const context = await getContext(article, { isPrivate: false, tabId });
    completed(context, [tabId]);
    return context;
  };
  return {
    /** An article was detected on a tab. Private tabs are never remembered. */
    detected(article: Article, tab: MessageSender['tab']): void {
      if (tab?.id === undefined) return;
      const previous = articles.get(tab.id);
      // A private tab, or another article in the same tab (a site that changes pages without loading one): the old snapshot goes.
      if (tab.incognito || (previous && previous.canonicalUrl !== article.canonicalUrl)) forget(tab.id);
      if (!tab.incognito) articles.set(tab.id, article);
    },
    ask,
    completed,
    /**
     * The tab loads something (`tabs.onUpdated` with a URL or status "loading"): its article is
     * forgotten unless the tab is known to show the same page (a new `#fragment`). `url` is
     * undefined where the extension may not see the tab's address.
     */
    navigated(tabId: number, url: string | undefined): void {
      const article = articles.get(tabId);
      if (article && url !== undefined && pageOf(url) === pageOf(article.url)) return;
      forget(tabId);
    },
    /**
     * The history was cleared, or the settings changed what a lookup gives: every snapshot goes, and
     * the tabs' articles are forgotten too, so that no lookup completing afterwards (begun before)
     * writes one back; each tab starts over at its next report (its next page).
     */
    forgetTabs(): Promise<void> {
      articles.clear();
      written.clear();
      return snapshots?.clear() ?? Promise.resolve();
    },
    /** The tab closed. */
    closed(tabId: number): void {
      forget(tabId);
    },
    handlers: {
      getTabContext: async ({ tabId }) => {
        const article = articles.get(tabId);
        return article ? { article, context: await ask(article, tabId) } : null;
      },
    } satisfies Handlers<'getTabContext'>,
  };
}
