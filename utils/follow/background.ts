/**
 * The background's side of following stories: the messages (`followStory`, `unfollowStory`,
 * `listFollows`, `checkFollowsNow`), the `follow-check` alarm, the toolbar badge and the optional
 * notification. Wiring only; the rules live in `store.ts` and `check.ts`.
 */
import { browser } from 'wxt/browser';
import { setFollowCount } from '../badge';
import type { ContextService } from '../context/service';
import type { StoryContext } from '../context/types';
import { t } from '../i18n';
import type { Handlers } from '../messaging';
import { canonicalStoryUrl } from '../related/normalize';
import type { RankedStory } from '../related/types';
import { checkFollows, type FollowCheckDeps, type FollowCheckSummary } from './check';
import { addFollow, listFollows, markAllSeen, removeFollow, totalNew } from './store';
import { MAX_SEEN_URLS, NOTIFICATIONS_PERMISSION, toView, type FollowedStory } from './types';

/** The alarm that re-checks followed stories. */
export const FOLLOW_ALARM = 'follow-check';
/** How often followed stories are re-checked. */
export const FOLLOW_CHECK_MINUTES = 60;
/** The one notification Backstory shows (a newer check replaces it). */
export const FOLLOW_NOTIFICATION_ID = 'backstory-follow';
/** Longest wait, when following, for the article's lookup to finish (its items are the ones already seen). */
const SETTLE_MS = 8_000;
const SETTLE_STEP_MS = 250;
const MAX_QUERY_ENTITIES = 8;
const MAX_QUERY_TERMS = 10;

/** What the follow wiring needs besides the check's own dependencies. */
export interface FollowBackgroundDeps extends FollowCheckDeps {
  context: Pick<ContextService, 'getContext'>;
  /** Whether a tab is in a private window; rejects for an unknown tab. */
  isTabPrivate: (tabId: number) => Promise<boolean>;
  /** A new story id (default `crypto.randomUUID`). */
  newId?: () => string;
  /** Waits `ms` (default `setTimeout`). */
  sleep?: (ms: number) => Promise<void>;
  settleMs?: number;
}

export type FollowMessages = 'followStory' | 'unfollowStory' | 'listFollows' | 'checkFollowsNow';

/** Every URL a context's related coverage holds: the items already there when the reader follows. */
function contextUrls(context: StoryContext): string[] {
  const urls = (item: RankedStory) => [item.url, ...item.alsoIn.map((a) => a.url)];
  return [...context.related.sameStory.flatMap(urls), ...context.related.background.flatMap(urls)].map((u) => canonicalStoryUrl(u) ?? u);
}

/** Shows the new-item count on the toolbar; never throws. */
export async function refreshFollowBadge(): Promise<void> {
  await setFollowCount(totalNew(await listFollows())).catch(() => {});
}

/** The notifications API when the reader granted it, else null. */
async function notificationsApi(): Promise<typeof browser.notifications | null> {
  const api = (browser as { notifications?: typeof browser.notifications }).notifications;
  if (!api) return null;
  let granted = false;
  try {
    granted = await browser.permissions.contains(NOTIFICATIONS_PERMISSION);
  } catch {
    // No permissions API: no notifications.
  }
  return granted ? api : null;
}

/** The manifest's largest icon (Chrome requires an icon for a notification). */
function notificationIcon(): string {
  try {
    const icons = browser.runtime.getManifest().icons ?? {};
    const size = Object.keys(icons).map(Number).filter(Number.isFinite).sort((a, b) => b - a)[0];
    const path = size === undefined ? undefined : icons[size];
    return path ? new URL(path, browser.runtime.getURL('/')).href : '';
  } catch {
    return '';
  }
}

/** One notification for a check that found new items; nothing when notifications are not allowed. */
export async function notifyNewCoverage(summary: FollowCheckSummary): Promise<boolean> {
  if (summary.newItems <= 0) return false;
  const api = await notificationsApi();
  if (!api) return false;
  const lines = summary.stories.slice(0, 3).map((s) => t('followNotifyStory', [s.found.length, s.title.slice(0, 120)]));
  try {
    await api.create(FOLLOW_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: notificationIcon(),
      title: t('followNotifyTitle', summary.newItems),
      message: lines.join('\n'),
    });
    return true;
  } catch {
    return false;
  }
}

/** Clicking the notification opens the Following list (the popup as a tab). */
function listenForNotificationClicks(): void {
  try {
    const api = (browser as { notifications?: typeof browser.notifications }).notifications;
    if (!api || api.onClicked.hasListener(onNotificationClicked)) return;
    api.onClicked.addListener(onNotificationClicked);
  } catch {
    // No notifications API here: nothing to click.
  }
}

function onNotificationClicked(id: string): void {
  if (id !== FOLLOW_NOTIFICATION_ID) return;
  void browser.tabs.create({ url: browser.runtime.getURL('/popup.html?view=following') }).catch(() => {});
  void browser.notifications?.clear(id).catch(() => {});
}

/**
 * The follow handlers and the check. Call {@link startFollowing} once per worker to register the
 * alarm and notification listeners.
 */
export function createFollowService(deps: FollowBackgroundDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const newId = deps.newId ?? (() => crypto.randomUUID());
  let running: Promise<FollowCheckSummary> | null = null;

  /** Runs the checks (one run at a time: a second ask joins the first), then updates the badge and notifies. */
  function check(force = false): Promise<FollowCheckSummary> {
    running ??= (async () => {
      try {
        const summary = await checkFollows(deps, { force });
        await refreshFollowBadge();
        await notifyNewCoverage(summary);
        return summary;
      } finally {
        running = null;
      }
    })();
    return running;
  }

  const handlers: Handlers<FollowMessages> = {
    followStory: async ({ article, tabId }, sender) => {
      let isPrivate = sender.tab?.incognito === true;
      const id = tabId ?? sender.tab?.id;
      if (!isPrivate && tabId !== undefined && tabId !== sender.tab?.id) isPrivate = await deps.isTabPrivate(tabId).catch(() => true);
      if (isPrivate) throw new Error('Stories cannot be followed in a private window: nothing is stored there.');
      const options = id === undefined ? { isPrivate } : { isPrivate, tabId: id };
      let context = await deps.context.getContext(article, options);
      // The items the lookup finds are the ones the reader has seen: wait (briefly) for all of them.
      const deadline = deps.now() + (deps.settleMs ?? SETTLE_MS);
      while (!context.complete && deps.now() < deadline) {
        await sleep(SETTLE_STEP_MS);
        context = await deps.context.getContext(article, options);
      }
      const { analysis } = context;
      const story: FollowedStory = {
        id: newId(),
        title: article.title,
        outlet: article.siteName,
        canonicalUrl: article.canonicalUrl,
        publishedAt: article.publishedAt,
        query: {
          lang: analysis.lang,
          langTag: article.lang,
          entities: analysis.entities.slice(0, MAX_QUERY_ENTITIES).map(({ name, type, variants }) => ({ name, type, variants })),
          keyTerms: analysis.keyTerms.slice(0, MAX_QUERY_TERMS),
        },
        seenUrls: [...new Set(contextUrls(context))].slice(-MAX_SEEN_URLS),
        latest: [],
        newCount: 0,
        followedAt: deps.now(),
        lastCheckedAt: null,
        status: { state: 'waiting' },
      };
      return toView(await addFollow(story));
    },
    unfollowStory: async ({ id }) => {
      const removed = await removeFollow(id);
      await refreshFollowBadge();
      return { removed };
    },
    listFollows: async ({ markSeen }) => {
      const stories = (await listFollows()).map(toView);
      if (markSeen && stories.some((s) => s.newCount > 0)) {
        await markAllSeen();
        await refreshFollowBadge();
      }
      return stories;
    },
    checkFollowsNow: async () => {
      const { checked, newItems } = await check(true);
      return { checked, newItems };
    },
  };

  return { handlers, check };
}

/**
 * Registers, once per worker start: the alarm listener (the alarm itself is created only when
 * missing, so a wake-up does not restart its period), the notification click, and the badge
 * (the browser forgets it on restart).
 */
export function startFollowing(service: ReturnType<typeof createFollowService>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FOLLOW_ALARM) void service.check().catch(() => {});
  });
  void browser.alarms
    .get(FOLLOW_ALARM)
    .then(async (alarm) => {
      if (!alarm) await browser.alarms.create(FOLLOW_ALARM, { periodInMinutes: FOLLOW_CHECK_MINUTES, delayInMinutes: FOLLOW_CHECK_MINUTES });
    })
    .catch(() => {});
  listenForNotificationClicks();
  try {
    // The API appears once the reader grants the permission.
    browser.permissions.onAdded.addListener(listenForNotificationClicks);
  } catch {
    // No permissions events (WXT's fake browser): the listener is added on the next start.
  }
  void refreshFollowBadge();
}
