/**
 * Periodic upkeep, run on an alarm: poll the reader's feeds (when the feeds source is on and
 * there are feeds) and delete cache records past their freshness. Pure apart from injected deps.
 */
import { pollFeeds, type FeedPollResult, type FeedStore } from '../related/feed-poll';
import type { Scheduler } from '../related/scheduler';
import type { Settings } from '../settings';
import { EXPLAINER_TTL_MS } from './explainers';

/** Name of the alarm that runs {@link runMaintenance}. */
export const MAINTENANCE_ALARM = 'backstory-maintenance';

/** What upkeep needs. */
export interface MaintenanceDeps {
  scheduler: Scheduler;
  store: FeedStore & {
    pruneCaches(before: number): Promise<number>;
    /** History retention: deletes visits before `before` (epoch ms). */
    pruneHistory?(before: number): Promise<number>;
  };
  getSettings: () => Promise<Pick<Settings, 'feeds' | 'providers'> & Partial<Pick<Settings, 'retentionDays'>>>;
  now: () => number;
}

/** One day, ms. */
const DAY_MS = 86_400_000;

/**
 * Polls feeds, prunes caches and (with `retentionDays` set) history older than that; returns the
 * feed results (empty when feeds are off or none). Never throws.
 */
export async function runMaintenance(deps: MaintenanceDeps): Promise<FeedPollResult[]> {
  const settings = await deps.getSettings();
  // Related results are fresh for 30 minutes and explainers for 7 days; keep nothing older than the longer.
  await deps.store.pruneCaches(deps.now() - EXPLAINER_TTL_MS).catch(() => 0);
  if (settings.retentionDays) await deps.store.pruneHistory?.(deps.now() - settings.retentionDays * DAY_MS).catch(() => 0);
  if (!settings.providers.feeds) return [];
  return pollFeeds(settings.feeds, deps);
}

/** Whether a settings change needs a feed poll now (feeds added, or the feeds source switched on). */
export function feedsChanged(next: Pick<Settings, 'feeds' | 'providers'>, previous: Pick<Settings, 'feeds' | 'providers'> | null): boolean {
  if (!next.providers.feeds) return false;
  if (!previous || !previous.providers.feeds) return next.feeds.length > 0;
  return next.feeds.some((f) => !previous.feeds.includes(f));
}

/** Whether a settings change keeps less history than before (retention set or shortened): prune now, not on the next alarm. */
export function retentionShortened(
  next: Partial<Pick<Settings, 'retentionDays'>>,
  previous: Partial<Pick<Settings, 'retentionDays'>> | null,
): boolean {
  if (!next.retentionDays) return false;
  return !previous?.retentionDays || next.retentionDays < previous.retentionDays;
}
