/**
 * Re-checking followed stories for new same-story coverage. Each story's query is rebuilt from its
 * stored names and key terms (the same short query as a lookup's "near" window: nothing of the
 * article's text, never its URL), asked of the enabled providers through the worker's one
 * scheduler (so GDELT's one request per 5 s, 429 back-off, timeouts and the body cap hold), and
 * the reader's feeds are searched locally. The answers are ranked like a lookup's; same-story items
 * not seen before (and not the article itself) are new.
 *
 * Stories are checked one after the other, least recently checked first, and each is saved as soon
 * as it is done: a check cut short by the worker being stopped goes on from there next time. A
 * story checked within {@link RECHECK_MS} is skipped (its answers would come from the same window
 * as the 30-minute lookup cache), unless the check is forced.
 */
import type { Analysis } from '../analysis/types';
import { RELATED_TTL_MS } from '../context/service';
import { PROVIDERS } from '../providers/index';
import type { NewsProvider, ProviderRequest } from '../providers/types';
import { FEEDS_PROVIDER_ID, searchFeedItems } from '../related/feed-parse';
import { canonicalStoryUrl } from '../related/normalize';
import { buildQuery } from '../related/query';
import { rankRelated } from '../related/rank';
import { runProviders, type ProviderJob, type Scheduler } from '../related/scheduler';
import type { RankedStory, RelatedQuery, RelatedStory } from '../related/types';
import { resolveRegion, type Settings } from '../settings';
import { updateFollow, listFollows } from './store';
import { MAX_LATEST, MAX_SEEN_URLS, type FollowCheckState, type FollowItem, type FollowedStory } from './types';

/** A story is not asked again sooner than this (the lookup cache's freshness). */
export const RECHECK_MS = RELATED_TTL_MS;

/** What a check needs from the background. */
export interface FollowCheckDeps {
  scheduler: Scheduler;
  getSettings: () => Promise<Settings>;
  now: () => number;
  /** Build-time provider origin override, or null for the real hosts. */
  origin: string | null;
  browserLanguage?: string;
  /** The reader's stored feed items (searched locally). */
  listFeedItems: () => Promise<RelatedStory[]>;
  /** News providers (default: the registry). */
  providers?: readonly NewsProvider[];
  timeoutMs?: number;
}

/** One story's check. */
export interface StoryCheck {
  /** New same-story items, best first. */
  found: FollowItem[];
  /** Every candidate URL of this check (remembered as seen). */
  seen: string[];
  state: FollowCheckState;
  detail?: string;
}

/** What one run of checks did. */
export interface FollowCheckSummary {
  checked: number;
  /** New items across the stories checked. */
  newItems: number;
  /** Stories with new items in this run, with their new items (for the notification). */
  stories: { id: string; title: string; found: FollowItem[] }[];
}

const key = (url: string) => canonicalStoryUrl(url) ?? url;

/** The analysis a stored query stands for (no text, no summary). */
function analysisOf(story: FollowedStory): Analysis {
  const { lang, entities, keyTerms } = story.query;
  return { lang, entities: entities.map((e) => ({ ...e, mentions: 1 })), keyTerms, summary: [] };
}

/** Checks one story: asks the enabled sources, ranks, and answers the same-story items not seen before. */
export async function checkStory(story: FollowedStory, settings: Settings, deps: FollowCheckDeps): Promise<StoryCheck> {
  const providers = deps.providers ?? PROVIDERS;
  const on = (id: string) => (settings.providers as Record<string, boolean | undefined>)[id] !== false;
  const analysis = analysisOf(story);
  const region = resolveRegion(settings, story.query.langTag, deps.browserLanguage);
  const built = buildQuery(analysis, { lang: story.query.lang, publishedAt: story.publishedAt }, { region, window: 'near' });
  const query: RelatedQuery = settings.language ? { ...built, lang: settings.language } : built;

  const jobs: ProviderJob[] = [];
  for (const p of providers) {
    if (!on(p.id)) continue;
    const request = p.buildRequest(query, deps.origin ?? undefined);
    if (request) jobs.push({ provider: p, requests: [request as ProviderRequest] });
  }
  const useFeeds = on(FEEDS_PROVIDER_ID) && settings.feeds.length > 0;
  if (!jobs.length && !useFeeds) return { found: [], seen: [], state: 'no-sources' };

  const [results, feedItems] = await Promise.all([
    runProviders(deps.scheduler, jobs, deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
    useFeeds ? deps.listFeedItems().then((items) => searchFeedItems(items, query), () => null) : Promise.resolve([]),
  ]);
  const candidates = [...results.flatMap((r) => r.stories), ...(feedItems ?? [])];
  const failures = results.filter((r) => r.state !== 'ok' && r.state !== 'empty').map((r) => `${r.name} ${r.state}`);
  if (feedItems === null) failures.push('Your feeds error');
  const asked = jobs.length + (useFeeds ? 1 : 0);

  const ranked = rankRelated(
    { title: story.title, canonicalUrl: story.canonicalUrl, publishedAt: story.publishedAt, analysis },
    candidates,
    { now: deps.now() },
  );
  const seen = new Set(story.seenUrls);
  const self = key(story.canonicalUrl);
  const urlsOf = (item: RankedStory) => [item.url, ...item.alsoIn.map((a) => a.url)].map(key);
  const foundAt = deps.now();
  const found: FollowItem[] = ranked.sameStory
    .filter((item) => urlsOf(item).every((u) => u !== self && !seen.has(u)))
    .map((item) => ({ title: item.title, url: item.url, source: item.source, publishedAt: item.publishedAt, foundAt }));
  const all = [...candidates.map((c) => key(c.url)), ...ranked.sameStory.flatMap(urlsOf), ...ranked.background.flatMap(urlsOf)];
  const state: FollowCheckState = !failures.length ? 'ok' : failures.length < asked ? 'partial' : 'failed';
  return { found, seen: [...new Set(all)], state, ...(failures.length ? { detail: failures.join(', ') } : {}) };
}

/** The story after a check: seen URLs joined, new items counted once and listed first. */
export function applyCheck(story: FollowedStory, check: StoryCheck, at: number): FollowedStory {
  const known = new Set(story.seenUrls);
  // An item another (concurrent) check already counted is not counted again.
  const fresh = check.found.filter((item) => !known.has(key(item.url)));
  return {
    ...story,
    seenUrls: [...new Set([...story.seenUrls, ...check.seen, ...fresh.map((i) => key(i.url))])].slice(-MAX_SEEN_URLS),
    latest: [...fresh, ...story.latest].slice(0, MAX_LATEST),
    newCount: story.newCount + fresh.length,
    lastCheckedAt: at,
    status: { state: check.state, ...(check.detail ? { detail: check.detail } : {}) },
  };
}

/**
 * Checks the followed stories, least recently checked first; `force` checks even those checked
 * within {@link RECHECK_MS}. A failing story keeps its place and records why.
 */
export async function checkFollows(deps: FollowCheckDeps, { force = false }: { force?: boolean } = {}): Promise<FollowCheckSummary> {
  const settings = await deps.getSettings();
  const due = (await listFollows())
    .filter((s) => force || s.lastCheckedAt === null || deps.now() - s.lastCheckedAt >= RECHECK_MS)
    .sort((a, b) => (a.lastCheckedAt ?? 0) - (b.lastCheckedAt ?? 0));
  const summary: FollowCheckSummary = { checked: 0, newItems: 0, stories: [] };
  for (const story of due) {
    let check: StoryCheck;
    try {
      check = await checkStory(story, settings, deps);
    } catch (error) {
      check = { found: [], seen: [], state: 'failed', detail: error instanceof Error ? error.message.slice(0, 200) : 'check failed' };
    }
    let added = 0;
    const saved = await updateFollow(story.id, (current) => {
      const next = applyCheck(current, check, deps.now());
      added = next.newCount - current.newCount;
      return next;
    });
    if (!saved) continue; // unfollowed meanwhile
    summary.checked++;
    if (added > 0) {
      summary.newItems += added;
      summary.stories.push({ id: saved.id, title: saved.title, found: saved.latest.slice(0, added) });
    }
  }
  return summary;
}
