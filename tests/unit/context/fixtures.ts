/**
 * Test inputs for the context pipeline: articles built from the fixture site's pages (the same
 * invented stories as `tests/fixtures/related/`), and a fake fetch that answers each provider
 * request with a recorded body, never the network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Article } from '@/utils/article/types';
import type { ContextStore } from '@/utils/context/service';
import type { CachedProviderResult, EntityCacheRecord, RelatedCacheRecord, StoredAnalysis } from '@/utils/db';
import type { HistoryEntry } from '@/utils/history-types';
import type { RelatedStory } from '@/utils/related/types';

const root = join(import.meta.dirname, '../../fixtures');

/** A recorded body from tests/fixtures/<path>. */
export const fixtureBody = (path: string): string => readFileSync(join(root, path), 'utf8');

function decode(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&rsquo;|&lsquo;/g, "'")
    .replace(/&pound;/g, '£')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

/** An Article as the content script would send it, from a fixture-site page (text = its paragraphs). */
export function siteArticle(name: 'harwick-flood-barrier-vote' | 'northline-rail-strike', origin = 'https://www.riverside-courier.co.uk'): Article {
  const html = fixtureBody(`site/news/${name}.html`);
  const paragraphs = [...html.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g)].map((m) => decode(m[1]!)).filter(Boolean);
  const meta = (property: string) => new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1] ?? null;
  const title = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? name);
  const url = `${origin}/news/${name}.html`;
  const text = paragraphs.join('\n\n');
  const wordCount = text.split(/\s+/).length;
  return {
    url: `${url}?utm_source=newsletter`,
    canonicalUrl: url,
    title,
    byline: null,
    siteName: meta('og:site_name'),
    publishedAt: meta('article:published_time'),
    lang: 'en-GB',
    excerpt: paragraphs[0] ?? '',
    text,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / 230)),
  };
}

/** How the fake network answers one request. */
export type Route = (url: URL, init: RequestInit | undefined) => Response | Promise<Response>;

/** The recorded Harwick answers: each provider's fixture, Wikipedia pages for some names, 404 JSON for the rest. */
export const harwickRoute: Route = (url) => {
  const host = url.hostname;
  if (host === 'news.google.com') return new Response(fixtureBody('related/harwick-flood-barrier/google-news.xml'), { headers: { 'content-type': 'application/rss+xml' } });
  if (host === 'api.gdeltproject.org') return new Response(fixtureBody('related/harwick-flood-barrier/gdelt.json'), { headers: { 'content-type': 'application/json' } });
  if (host === 'www.bing.com') return new Response(fixtureBody('related/harwick-flood-barrier/bing-news.xml'), { headers: { 'content-type': 'application/rss+xml' } });
  if (host.endsWith('wikipedia.org')) return wikipediaRoute(url);
  return new Response('not found', { status: 404 });
};

/** Wikipedia as recorded in tests/fixtures/providers/wikipedia/. */
export function wikipediaRoute(url: URL): Response {
  const json = (file: string, status = 200) =>
    new Response(fixtureBody(`providers/wikipedia/${file}`), { status, headers: { 'content-type': 'application/json' } });
  const summary = /\/api\/rest_v1\/page\/summary\/(.+)$/.exec(url.pathname)?.[1];
  if (summary) {
    const title = decodeURIComponent(summary);
    if (title === 'Harwick') return json('summary-disambiguation.json');
    if (title === 'Harwick,_North_Yorkshire') return json('summary-harwick-town.json');
    if (title === 'River_Ouse') return json('summary-standard.json');
    return json('not-found.json', 404);
  }
  if (url.pathname === '/w/rest.php/v1/search/title') {
    return url.searchParams.get('q') === 'Harwick' ? json('search-harwick.json') : json('search-empty.json');
  }
  return new Response('not found', { status: 404 });
}

/** A fetch that records every request and answers through `route`; honours the abort signal like the real one. */
export function fakeFetch(route: Route = harwickRoute) {
  const requests: { url: URL; init: RequestInit | undefined }[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    requests.push({ url, init });
    if (init?.signal?.aborted) throw init.signal.reason;
    return route(url, init);
  });
  return { fetch: fn as unknown as typeof fetch, requests, mock: fn };
}

/** An in-memory {@link ContextStore} with spies, standing in for IndexedDB. */
export function memoryStore() {
  const analyses = new Map<string, StoredAnalysis>();
  const related = new Map<string, RelatedCacheRecord>();
  const entities = new Map<string, EntityCacheRecord>();
  const history = new Map<string, HistoryEntry>();
  const feedItems: RelatedStory[] = [];
  const store = {
    getAnalysis: vi.fn(async (url: string) => analyses.get(url)),
    putAnalysis: vi.fn(async (r: StoredAnalysis) => void analyses.set(r.canonicalUrl, r)),
    getRelatedCache: vi.fn(async (url: string) => structuredClone(related.get(url))),
    putRelatedResult: vi.fn(async (url: string, queryKey: string, fetchedAt: number, result: CachedProviderResult) => {
      const old = related.get(url);
      const keep = old && old.queryKey === queryKey && old.fetchedAt >= fetchedAt ? old : undefined;
      related.set(url, { canonicalUrl: url, queryKey, fetchedAt: keep?.fetchedAt ?? fetchedAt, results: [...(keep?.results ?? []).filter((r) => r.id !== result.id), result] });
    }),
    getEntityCache: vi.fn(async (key: string) => entities.get(key)),
    putEntityCache: vi.fn(async (r: EntityCacheRecord) => void entities.set(r.key, r)),
    findAnalysesByEntities: vi.fn(async (keys: readonly string[]) =>
      [...analyses.values()]
        .map((a) => ({ canonicalUrl: a.canonicalUrl, shared: keys.filter((k) => a.entityKeys.includes(k)) }))
        .filter((m) => m.shared.length > 0)
        .sort((a, b) => b.shared.length - a.shared.length),
    ),
    getHistoryEntries: vi.fn(async (urls: readonly string[]) => urls.flatMap((u) => (history.has(u) ? [history.get(u)!] : []))),
    listFeedItems: vi.fn(async () => feedItems),
  } satisfies ContextStore;
  return { store, analyses, related, entities, history, feedItems };
}

/** Every write method of a memory store, to assert that nothing was written. */
export const writesOf = (store: ReturnType<typeof memoryStore>['store']) => [store.putAnalysis, store.putRelatedResult, store.putEntityCache];
