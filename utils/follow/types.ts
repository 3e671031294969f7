/**
 * Followed stories: what the background keeps for each story the reader follows, and what the
 * popup is shown. Kept in `browser.storage.local` (`utils/follow/store.ts`), never sent anywhere:
 * the canonical URL stays local, and the queries rebuilt from the names and key terms are as short
 * as every other lookup's.
 */
import type { EntityType } from '../analysis/types';

/** Most stories one reader may follow. */
export const MAX_FOLLOWS = 50;
/** Item URLs remembered per story (newest kept): enough for weeks of coverage of one event. */
export const MAX_SEEN_URLS = 500;
/** Newest same-story items kept per story for the popup. */
export const MAX_LATEST = 10;
/** The optional permission asked for (from a click) when the reader wants notifications of new coverage. */
export const NOTIFICATIONS_PERMISSION: { permissions: ['notifications'] } = { permissions: ['notifications'] };

/** What the provider queries are rebuilt from: the article's names and key terms, never its text. */
export interface FollowQuery {
  /** Article language (BCP 47 primary tag), e.g. "en". */
  lang: string;
  /** The article's own language tag ("en-GB"), for the region providers are asked for; null when the page had none. */
  langTag: string | null;
  entities: { name: string; type: EntityType; variants: string[] }[];
  keyTerms: string[];
}

/** A same-story item a check found. Untrusted text: render as text only. */
export interface FollowItem {
  title: string;
  url: string;
  source: string;
  /** ISO 8601 or null. */
  publishedAt: string | null;
  /** Epoch ms of the check that found it. */
  foundAt: number;
}

/**
 * How the latest check went: `waiting` (not checked yet), `ok` (every source asked answered),
 * `partial` (some failed; `detail` names them), `failed` (none answered), `no-sources` (every source off).
 */
export type FollowCheckState = 'waiting' | 'ok' | 'partial' | 'failed' | 'no-sources';

/** One followed story as stored. */
export interface FollowedStory {
  id: string;
  title: string;
  /** Outlet of the article, or null when unknown. */
  outlet: string | null;
  /** The article's canonical URL: stored locally only, never sent. */
  canonicalUrl: string;
  /** ISO 8601 or null. */
  publishedAt: string | null;
  query: FollowQuery;
  /** URLs of items already seen (at follow time and in every check), newest last. */
  seenUrls: string[];
  /** Newest same-story items found by checks, newest first. */
  latest: FollowItem[];
  /** Items found since the reader last looked at the Following list. */
  newCount: number;
  /** Epoch ms. */
  followedAt: number;
  /** Epoch ms of the latest check, or null. */
  lastCheckedAt: number | null;
  status: { state: FollowCheckState; detail?: string };
}

/** What the popup gets: the stored story without the bookkeeping. */
export type FollowedStoryView = Omit<FollowedStory, 'seenUrls' | 'query'>;

/** The popup's view of a story. */
export function toView({ seenUrls: _seen, query: _query, ...view }: FollowedStory): FollowedStoryView {
  return { ...view, latest: view.latest.map((item) => ({ ...item })), status: { ...view.status } };
}
