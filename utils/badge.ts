import { browser } from 'wxt/browser';
import { pageOf } from './article/canonical-url';
import type { Article } from './article/types';
import type { StoryContext } from './context/types';
import { isExcludedSite, type Settings } from './settings';

/**
 * The toolbar badge. Two sources share it:
 * - a tab's same-story count (set for that tab only; shown while the tab is active);
 * - new coverage on followed stories (the global text, seen on tabs with no count of their own).
 * Chrome MV3 has `action`, Firefox MV2 `browserAction`; both take the same calls.
 */
type ActionApi = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor'>;

function actionApi(): ActionApi | undefined {
  const api = (browser as unknown as { action?: ActionApi; browserAction?: ActionApi });
  return api.action ?? api.browserAction;
}

/** "99+" past 99: the badge has room for about four characters. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/** Shows the same-story count on one tab's badge (0 or null clears it, falling back to the global text). */
export async function setTabCount(tabId: number, count: number | null): Promise<void> {
  const api = actionApi();
  if (!api) return;
  const text = count === null ? '' : badgeText(count);
  // Chrome: an empty per-tab text would hide the global text; null falls back to it.
  await api.setBadgeText({ tabId, text: text || (null as unknown as string) }).catch(() => api.setBadgeText({ tabId, text }));
  if (text) await api.setBadgeBackgroundColor({ tabId, color: '#3b5bdb' }).catch(() => {});
}

/** Shows how many new same-story items the followed stories have (global text; 0 clears it). */
export async function setFollowCount(count: number): Promise<void> {
  const api = actionApi();
  if (!api) return;
  await api.setBadgeText({ text: badgeText(count) });
  if (count > 0) await api.setBadgeBackgroundColor({ color: '#c2255c' }).catch(() => {});
}

/** What the tab badges need from the background. */
export interface TabBadgeDeps {
  /** Starts the related lookup for a tab's article (or joins the running one); answers with what is known now. */
  lookup: (article: Article, tabId: number) => Promise<StoryContext>;
  getSettings: () => Promise<Pick<Settings, 'excludedSites'>>;
  /** Default: {@link setTabCount}. */
  setTabCount?: (tabId: number, count: number | null) => Promise<void>;
}


/**
 * Each tab's badge shows its article's same-story count. An article detected in a normal tab starts
 * the related lookup at once (warming the cache the popup, sidebar and side panel read); when the lookup
 * completes, the count goes on the badge, unless the tab has moved on to another page by then.
 * Never for a private-window tab or an excluded site; with every source off the lookup asks no one.
 */
export function createTabBadges({ lookup, getSettings, setTabCount: setCount = setTabCount }: TabBadgeDeps) {
  /** The article page each tab shows, as told by `articleDetected`. */
  const pages = new Map<number, { url: string; canonicalUrl: string }>();

  const show = (tabId: number, context: StoryContext) => {
    if (pages.get(tabId)?.canonicalUrl !== context.canonicalUrl) return;
    void setCount(tabId, context.related.sameStory.length).catch(() => {});
  };

  return {
    /** `articleDetected` from a tab. Resolves once the lookup has started (or was not wanted). */
    async detected(article: Article, tab: { id?: number; incognito?: boolean } | undefined): Promise<void> {
      const tabId = tab?.id;
      if (tabId === undefined || tab?.incognito) return;
      const { excludedSites } = await getSettings().catch(() => ({ excludedSites: null }));
      if (!excludedSites || isExcludedSite(article.url, excludedSites) || isExcludedSite(article.canonicalUrl, excludedSites)) return;
      pages.set(tabId, { url: pageOf(article.url), canonicalUrl: article.canonicalUrl });
      const context = await lookup(article, tabId).catch(() => null);
      // Already complete (cached): no completion will be announced.
      if (context?.complete) show(tabId, context);
    },
    /** A lookup completed (the context service's `onComplete`). */
    completed(context: StoryContext, tabIds: Iterable<number>): void {
      for (const tabId of tabIds) show(tabId, context);
    },
    /** The tab started loading `url` (undefined: unknown): another page clears its badge. */
    navigated(tabId: number, url: string | undefined): void {
      const page = pages.get(tabId);
      if (page && url !== undefined && pageOf(url) === page.url) return;
      pages.delete(tabId);
      void setCount(tabId, null).catch(() => {});
    },
    closed(tabId: number): void {
      pages.delete(tabId);
    },
  };
}

export type TabBadges = ReturnType<typeof createTabBadges>;
