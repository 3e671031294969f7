import { browser } from 'wxt/browser';

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
