/**
 * The followed stories, in `browser.storage.local` under `local:follows` (a list; versioned through
 * WXT's storage item, so a later shape gets a migration). Every read is validated: a malformed
 * story is dropped, malformed fields are repaired or capped, and bad data never throws. Writes go
 * through one queue per worker, so a check and a click never overwrite each other's changes.
 */
import { storage } from 'wxt/utils/storage';
import type { EntityType } from '../analysis/types';
import { MAX_FOLLOWS, MAX_LATEST, MAX_SEEN_URLS, type FollowCheckState, type FollowItem, type FollowQuery, type FollowedStory } from './types';
import { isRecord } from '../is-record';

const MAX_TEXT = 500;
const MAX_URL = 2_000;
const MAX_ENTITIES = 8;
const MAX_VARIANTS = 5;
const MAX_TERMS = 10;
const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organization', 'other'];
const CHECK_STATES: readonly FollowCheckState[] = ['waiting', 'ok', 'partial', 'failed', 'no-sources'];

/** The stored list. Use the functions below: they validate what they read. */
export const followsItem = storage.defineItem<unknown>('local:follows', { fallback: [], version: 1 });

const text = (value: unknown, max = MAX_TEXT): string | null => (typeof value === 'string' && value.trim() ? value.slice(0, max) : null);

const epoch = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;

function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_URL) return null;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}

const isoOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value.length <= 64 && Number.isFinite(Date.parse(value)) ? value : null;

const strings = (value: unknown, max: number, each = 120): string[] =>
  Array.isArray(value) ? value.map((v) => text(v, each)).filter((v): v is string => v !== null).slice(0, max) : [];

function readQuery(value: unknown): FollowQuery | null {
  if (!isRecord(value)) return null;
  const entities = Array.isArray(value.entities)
    ? value.entities.flatMap((e) => {
        if (!isRecord(e)) return [];
        const name = text(e.name, 120);
        if (!name) return [];
        const type = ENTITY_TYPES.includes(e.type as EntityType) ? (e.type as EntityType) : 'other';
        return [{ name, type, variants: strings(e.variants, MAX_VARIANTS) }];
      })
    : [];
  const keyTerms = strings(value.keyTerms, MAX_TERMS);
  if (!entities.length && !keyTerms.length) return null;
  const lang = typeof value.lang === 'string' && /^[a-z]{2,3}$/i.test(value.lang) ? value.lang.toLowerCase() : 'en';
  const langTag = typeof value.langTag === 'string' && /^[a-z]{2,3}([-_][a-z0-9]{2,8}){0,3}$/i.test(value.langTag) ? value.langTag : null;
  return { lang, langTag, entities: entities.slice(0, MAX_ENTITIES), keyTerms };
}

function readItem(value: unknown): FollowItem | null {
  if (!isRecord(value)) return null;
  const url = httpUrl(value.url);
  const title = text(value.title);
  if (!url || !title) return null;
  return { title, url, source: text(value.source, 120) ?? '', publishedAt: isoOrNull(value.publishedAt), foundAt: epoch(value.foundAt) ?? 0 };
}

/** One stored story, checked field by field; null when it cannot be used (no id, URL or query). */
export function readStory(value: unknown): FollowedStory | null {
  if (!isRecord(value)) return null;
  const id = typeof value.id === 'string' && /^[\w-]{1,64}$/.test(value.id) ? value.id : null;
  const canonicalUrl = httpUrl(value.canonicalUrl);
  const query = readQuery(value.query);
  if (!id || !canonicalUrl || !query) return null;
  const status = isRecord(value.status) && CHECK_STATES.includes(value.status.state as FollowCheckState) ? value.status : { state: 'waiting' };
  const detail = text(status.detail, 200);
  const seenUrls = Array.isArray(value.seenUrls) ? value.seenUrls.filter((u): u is string => typeof u === 'string' && u.length <= MAX_URL) : [];
  const latest = Array.isArray(value.latest) ? value.latest.map(readItem).filter((i): i is FollowItem => i !== null) : [];
  const newCount = epoch(value.newCount) ?? 0;
  return {
    id,
    title: text(value.title) ?? canonicalUrl,
    outlet: text(value.outlet, 120),
    canonicalUrl,
    publishedAt: isoOrNull(value.publishedAt),
    query,
    seenUrls: [...new Set(seenUrls)].slice(-MAX_SEEN_URLS),
    latest: latest.slice(0, MAX_LATEST),
    newCount: Math.min(newCount, 9_999),
    followedAt: epoch(value.followedAt) ?? 0,
    lastCheckedAt: epoch(value.lastCheckedAt),
    status: { state: status.state as FollowCheckState, ...(detail ? { detail } : {}) },
  };
}

/** The stored list, validated: unusable entries dropped, one story per canonical URL and id, at most {@link MAX_FOLLOWS}. */
export function readFollows(value: unknown): FollowedStory[] {
  if (!Array.isArray(value)) return [];
  const stories: FollowedStory[] = [];
  const urls = new Set<string>();
  const ids = new Set<string>();
  for (const raw of value) {
    const story = readStory(raw);
    if (!story || urls.has(story.canonicalUrl) || ids.has(story.id)) continue;
    urls.add(story.canonicalUrl);
    ids.add(story.id);
    stories.push(story);
    if (stories.length >= MAX_FOLLOWS) break;
  }
  return stories;
}

/** The followed stories, oldest follow first. A failing or corrupt store reads as none. */
export async function listFollows(): Promise<FollowedStory[]> {
  return readFollows(await followsItem.getValue().catch(() => []));
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Changes the list under the worker's one write queue: `change` gets the validated list and
 * returns the new one (or the same array for no change) and a result.
 */
export function changeFollows<T>(change: (stories: FollowedStory[]) => { stories: FollowedStory[]; result: T }): Promise<T> {
  const run = queue.then(async () => {
    const before = await listFollows();
    const { stories, result } = change(before);
    if (stories !== before) await followsItem.setValue(readFollows(stories));
    return result;
  });
  queue = run.catch(() => {});
  return run;
}

/** Thrown when following one more story would pass {@link MAX_FOLLOWS}. */
export class FollowLimitError extends Error {
  override name = 'FollowLimitError';
}

/**
 * Adds a story, or merges it into the one already followed for the same canonical URL (its seen
 * URLs join; counts and items stay). Answers the stored story. Rejects past {@link MAX_FOLLOWS}.
 */
export function addFollow(story: FollowedStory): Promise<FollowedStory> {
  return changeFollows((stories) => {
    const known = stories.find((s) => s.canonicalUrl === story.canonicalUrl);
    if (known) {
      const merged: FollowedStory = { ...known, seenUrls: [...new Set([...known.seenUrls, ...story.seenUrls])].slice(-MAX_SEEN_URLS) };
      return { stories: stories.map((s) => (s === known ? merged : s)), result: merged };
    }
    if (stories.length >= MAX_FOLLOWS) throw new FollowLimitError(`You already follow ${MAX_FOLLOWS} stories. Unfollow one first.`);
    const added = readStory(story);
    if (!added) throw new Error('This story cannot be followed: it has no names or key terms to look for.');
    return { stories: [...stories, added], result: added };
  });
}

/** Removes a story; answers whether it was followed. */
export function removeFollow(id: string): Promise<boolean> {
  return changeFollows((stories) => {
    const rest = stories.filter((s) => s.id !== id);
    return { stories: rest.length === stories.length ? stories : rest, result: rest.length !== stories.length };
  });
}

/** Forgets every followed story ("Clear all" in History: a followed story holds an article's title and address). */
export function clearFollows(): Promise<void> {
  return changeFollows((stories) => ({ stories: stories.length ? [] : stories, result: undefined }));
}

/** Changes one story if it is still followed (a story unfollowed during a check stays gone); answers the new story or null. */
export function updateFollow(id: string, change: (story: FollowedStory) => FollowedStory): Promise<FollowedStory | null> {
  return changeFollows((stories) => {
    const index = stories.findIndex((s) => s.id === id);
    if (index < 0) return { stories, result: null };
    const next = change(stories[index]!);
    return { stories: stories.map((s, i) => (i === index ? next : s)), result: next };
  });
}

/** Marks every story's new items as seen (the reader looked at the list). */
export function markAllSeen(): Promise<void> {
  return changeFollows((stories) =>
    stories.some((s) => s.newCount > 0) ? { stories: stories.map((s) => ({ ...s, newCount: 0 })), result: undefined } : { stories, result: undefined },
  );
}

/** New items across all stories (the badge count). */
export const totalNew = (stories: readonly FollowedStory[]): number => stories.reduce((sum, s) => sum + s.newCount, 0);
