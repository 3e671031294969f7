/**
 * The privacy promise, tested over every request the pipeline builds for the fixture articles:
 * only short queries made of names and key terms leave the browser — never the page URL, never
 * a run of the article's text — and only to the providers' hosts, without cookies.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '@/utils/article/types';
import { createContextService } from '@/utils/context/service';
import { MAX_QUERY_LENGTH } from '@/utils/related/query';
import { Scheduler } from '@/utils/related/scheduler';
import { foldText } from '@/utils/related/text';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { fakeFetch, harwickRoute, memoryStore, siteArticle, writesOf } from './fixtures';

const analysisDir = join(import.meta.dirname, '../../fixtures/analysis');

/** The labelled analysis fixtures (five languages) as articles on an invented outlet, plus the fixture site's two. */
function fixtureArticles(): Article[] {
  const articles = readdirSync(analysisDir)
    .filter((f) => f.endsWith('.txt'))
    .map((file) => {
      const [title = '', ...rest] = readFileSync(join(analysisDir, file), 'utf8').split('\n');
      const text = rest.join('\n').trim();
      const lang = /^(?:holdout\d*-)?([a-z]{2})-/.exec(file)?.[1] ?? 'en';
      const slug = file.replace(/\.txt$/, '');
      return {
        url: `https://www.private-gazette.example/2025/03/${slug}?utm_source=share&reader=42`,
        canonicalUrl: `https://www.private-gazette.example/2025/03/${slug}`,
        title,
        byline: 'Staff reporter',
        siteName: 'Private Gazette',
        publishedAt: '2025-03-14T08:00:00Z',
        lang,
        excerpt: text.slice(0, 200),
        text,
        wordCount: text.split(/\s+/).length,
        readingMinutes: 3,
      } satisfies Article;
    });
  return [...articles, siteArticle('harwick-flood-barrier-vote'), siteArticle('northline-rail-strike')];
}

const WORDS = (text: string) => foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
const RUN = 6;

/** Every run of RUN consecutive words of the text, folded. */
function runs(text: string): Set<string> {
  const words = WORDS(text);
  const out = new Set<string>();
  for (let i = 0; i + RUN <= words.length; i++) out.add(words.slice(i, i + RUN).join(' '));
  return out;
}

/** What a request sends beyond its host and path template: the query parameter or the Wikipedia title. */
function sentText(url: URL): string {
  const summary = /\/page\/summary\/(.+)$/.exec(url.pathname)?.[1];
  if (summary) return decodeURIComponent(summary).replace(/_/g, ' ');
  return url.searchParams.get('q') ?? url.searchParams.get('query') ?? '';
}

const ALLOWED_PATHS: Record<string, RegExp> = {
  'news.google.com': /^\/rss\/search$/,
  'api.gdeltproject.org': /^\/api\/v2\/doc\/doc$/,
  'www.bing.com': /^\/news\/search$/,
  wikipedia: /^\/(api\/rest_v1\/page\/summary\/[^/]+|w\/rest\.php\/v1\/search\/title)$/,
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.parse('2025-03-14T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('privacy: what leaves the browser', () => {
  const articles = fixtureArticles();

  it('has fixture articles in several languages', () => {
    expect(articles.length).toBeGreaterThanOrEqual(19);
    expect(new Set(articles.map((a) => a.lang))).toEqual(new Set(['en', 'de', 'es', 'fr', 'en-GB']));
  });

  it.each(articles.map((a) => [a.canonicalUrl.split('/').pop()!, a] as const))('%s: only short name/term queries, to provider hosts, never the URL or text', async (_, article) => {
    const net = fakeFetch(() => new Response('{}', { status: 404 }));
    const service = createContextService({
      scheduler: new Scheduler({ fetch: net.fetch, now: Date.now }),
      store: memoryStore().store,
      getSettings: async () => DEFAULT_SETTINGS,
      now: Date.now,
      version: '0.1.0',
      origin: null,
    });
    for (let i = 0; i < 40 && !(await service.getContext(article, { isPrivate: false })).complete; i++) await vi.advanceTimersByTimeAsync(1_000);
    expect((await service.getContext(article, { isPrivate: false })).complete).toBe(true);

    const textRuns = runs(`${article.title}\n${article.text}`);
    const pageHost = new URL(article.canonicalUrl).hostname;
    expect(net.requests.length).toBeGreaterThan(0);
    expect(net.requests.length).toBeLessThanOrEqual(40);
    for (const { url, init } of net.requests) {
      const raw = url.href;
      const key = url.hostname.endsWith('.wikipedia.org') ? 'wikipedia' : url.hostname;
      expect(ALLOWED_PATHS[key], `unexpected host ${url.hostname}`).toBeDefined();
      expect(url.pathname).toMatch(ALLOWED_PATHS[key]!);
      expect(url.protocol).toBe('https:');
      expect(init?.method ?? 'GET').toBe('GET');
      expect(init?.body).toBeUndefined();
      expect(init?.credentials).toBe('omit');
      expect(init?.referrerPolicy).toBe('no-referrer');

      const sent = sentText(url);
      expect(sent.length, raw).toBeGreaterThan(0);
      expect(sent.length, raw).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      for (const leak of [article.url, article.canonicalUrl, pageHost, 'utm_source', 'reader=42']) {
        expect(raw.includes(leak) || decodeURIComponent(raw).includes(leak), `${leak} in ${raw}`).toBe(false);
      }
      for (const run of runs(sent)) expect(textRuns.has(run), `"${run}" from the text in ${raw}`).toBe(false);
      // Every parameter is a known one: nothing else rides along.
      for (const name of url.searchParams.keys()) {
        expect(['q', 'hl', 'gl', 'ceid', 'query', 'mode', 'format', 'maxrecords', 'timespan', 'startdatetime', 'enddatetime', 'setlang', 'cc', 'limit']).toContain(name);
      }
    }
  });

  it('sends nothing for an article when every source is off', async () => {
    const net = fakeFetch();
    const providers = Object.fromEntries(Object.keys(DEFAULT_SETTINGS.providers).map((id) => [id, false])) as typeof DEFAULT_SETTINGS.providers;
    const service = createContextService({
      scheduler: new Scheduler({ fetch: net.fetch, now: Date.now }),
      store: memoryStore().store,
      getSettings: async () => ({ ...DEFAULT_SETTINGS, providers }),
      now: Date.now,
      version: '0.1.0',
      origin: null,
    });
    for (const article of articles.slice(0, 5)) {
      await service.getContext(article, { isPrivate: false });
      await vi.advanceTimersByTimeAsync(10_000);
      expect((await service.getContext(article, { isPrivate: false })).complete).toBe(true);
    }
    expect(net.mock).not.toHaveBeenCalled();
  });
});

describe('privacy: "Clear all" while a lookup is running', () => {
  it('stops its writes: nothing of it is stored after the clear, the page still gets its answer, and a later article is stored as usual', async () => {
    // Providers answering after a second, as on a slow network: the clear comes while they are out.
    const net = fakeFetch(async (url, init) => {
      await new Promise((done) => setTimeout(done, 1_000));
      return harwickRoute(url, init);
    });
    const memory = memoryStore();
    const service = createContextService({
      scheduler: new Scheduler({ fetch: net.fetch, now: Date.now }),
      store: memory.store,
      getSettings: async () => DEFAULT_SETTINGS,
      now: Date.now,
      version: '0.1.0',
      origin: null,
    });
    const article = siteArticle('harwick-flood-barrier-vote');
    await service.getContext(article, { isPrivate: false });
    await vi.advanceTimersByTimeAsync(50);
    expect(net.requests.length).toBeGreaterThan(0);

    service.stopWritingRunningLookups();
    for (const write of writesOf(memory.store)) write.mockClear();
    // The page that asked keeps asking (the popup polls): it gets the complete answer, from memory.
    let context = await service.getContext(article, { isPrivate: false });
    for (let i = 0; i < 40 && !context.complete; i++) {
      await vi.advanceTimersByTimeAsync(1_000);
      context = await service.getContext(article, { isPrivate: false });
    }
    expect(context.complete).toBe(true);
    expect(context.related.sameStory.length).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(20_000);
    for (const write of writesOf(memory.store)) expect(write).not.toHaveBeenCalled();

    // An article read after the clear is stored as usual.
    const next = siteArticle('northline-rail-strike');
    context = await service.getContext(next, { isPrivate: false });
    for (let i = 0; i < 40 && !context.complete; i++) {
      await vi.advanceTimersByTimeAsync(1_000);
      context = await service.getContext(next, { isPrivate: false });
    }
    expect(memory.store.putAnalysis).toHaveBeenCalledWith(expect.objectContaining({ canonicalUrl: next.canonicalUrl }));
    expect(memory.store.putRelatedResult).toHaveBeenCalledWith(next.canonicalUrl, expect.any(String), expect.any(Number), expect.anything());
    expect(memory.store.putRelatedResult).not.toHaveBeenCalledWith(article.canonicalUrl, expect.any(String), expect.any(Number), expect.anything());
  });
});
