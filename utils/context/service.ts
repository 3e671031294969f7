/**
 * The background's context pipeline behind `getContext`: analyse the article (locally), build
 * short queries (near window for the same story, wide for background), run the enabled
 * providers through the scheduler, rank, resolve explainers, find earlier reads, and answer
 * with a {@link StoryContext} — partial at first (`complete: false`), fuller on each ask.
 *
 * - One lookup per article at a time, however many ask (popup, sidebar, several tabs).
 * - Every provider answer is cached in IndexedDB as it arrives (30 min), Wikipedia answers
 *   7 days, the analysis with the article: a lookup cut short by the worker being stopped
 *   resumes on the next ask from what was stored, asking only the providers that had not answered.
 * - Private windows, paused history and excluded sites: computed the same, nothing written.
 * - Only queries built from names and key terms leave the browser; with every source off, nothing does.
 */
import { analyseArticle } from '../analysis/analyse';
import type { Analysis } from '../analysis/types';
import type { Article } from '../article/types';
import type { CachedProviderResult, RelatedCacheRecord, StoredAnalysis } from '../db';
import type { HistoryEntry } from '../history-types';
import { PROVIDERS } from '../providers/index';
import type { NewsProvider, ProviderRequest } from '../providers/types';
import { FEEDS_PROVIDER_ID, searchFeedItems } from '../related/feed-parse';
import { domainOf } from '../related/normalize';
import { buildQuery } from '../related/query';
import { rankRelated } from '../related/rank';
import { runProviders, type ProviderJob, type ProviderResult, type Scheduler } from '../related/scheduler';
import type { RankedRelated, RelatedQuery, RelatedStory } from '../related/types';
import { DEFAULT_SETTINGS, mayStore, resolveRegion, type Settings } from '../settings';
import { createWikiClient, explainerContext, explainerTargets, resolveExplainer, type ExplainerCache, type ExplainerTarget } from './explainers';
import { HISTORY_ENTITIES, TIMELINE_HISTORY, buildSourceInfo, buildTimeline, entityKeys, gdeltSourceCountry, sharesStory } from './timeline';
import type { Explainer, ProviderState, ProviderStatus, StoryContext } from './types';

/** Cached related coverage is fresh this long; a lookup older than this starts over. */
export const RELATED_TTL_MS = 30 * 60_000;
/** A source that failed (offline, timed out, HTTP error, unreadable answer) is asked again after this long. */
export const FAILURE_RETRY_MS = 60_000;
/** Lookups kept in memory (finished ones are dropped first). */
const MAX_LOOKUPS = 40;
/** Analyses kept in memory. */
const MAX_ANALYSES = 100;
const HISTORY_ID = 'history';

/** The storage the pipeline reads and writes; `utils/db.ts` provides it. */
export interface ContextStore {
  getAnalysis(canonicalUrl: string): Promise<StoredAnalysis | undefined>;
  putAnalysis(record: StoredAnalysis): Promise<void>;
  getRelatedCache(canonicalUrl: string): Promise<RelatedCacheRecord | undefined>;
  putRelatedResult(canonicalUrl: string, queryKey: string, fetchedAt: number, result: CachedProviderResult): Promise<void>;
  getEntityCache: ExplainerCache['get'];
  putEntityCache: NonNullable<ExplainerCache['put']>;
  findAnalysesByEntities(keys: readonly string[], options?: { limit?: number }): Promise<{ canonicalUrl: string; shared: string[] }[]>;
  getHistoryEntries(canonicalUrls: readonly string[]): Promise<HistoryEntry[]>;
  listFeedItems(): Promise<RelatedStory[]>;
}

/** What the pipeline needs from the background. */
export interface ContextDeps {
  scheduler: Scheduler;
  store: ContextStore;
  getSettings: () => Promise<Settings>;
  now: () => number;
  /** Extension version (Wikipedia's Api-User-Agent). */
  version: string;
  /** Build-time provider origin override, or null for the real hosts. */
  origin: string | null;
  /** `navigator.language`, for the default region. */
  browserLanguage?: string;
  /** News providers (default: the registry). */
  providers?: readonly NewsProvider[];
  /** Per-request timeout, ms (default: the scheduler's 4 s). */
  timeoutMs?: number;
  /**
   * Told each source's final answer of a lookup (never `pending` or `off`), so the background can
   * keep the latest status per source for the options page. Wikipedia reports once its explainers settle.
   */
  onStatus?: (status: ProviderStatus) => void;
  /** Told when a lookup completes, with the tabs waiting for it (the toolbar badge shows the same-story count). */
  onComplete?: (context: StoryContext, tabIds: ReadonlySet<number>) => void;
}

/** Who asks. */
export interface AskOptions {
  /** The asker is in a private window: compute, write nothing. */
  isPrivate: boolean;
  /** The tab the article is on; the lookup is aborted when all its tabs navigate away or close. */
  tabId?: number;
  /**
   * The `version` of the context the asker shows: while the lookup is still at that version and
   * not complete, the answer waits for its next change (at most {@link LONG_POLL_MS}), so that
   * each provider's results reach the page as they come, without polling.
   */
  after?: number;
}

/** Longest an ask with `after` waits for a change before answering with what is known. */
export const LONG_POLL_MS = 2_000;

interface Lookup {
  article: Omit<Article, 'text'>;
  /** The settings that shaped it; other settings start a new lookup. */
  settingsKey: string;
  analysis: Analysis;
  startedAt: number;
  /** Whether its answers are stored (not in private windows, on excluded sites, or once the history was cleared). */
  persist: boolean;
  controller: AbortController;
  tabs: Set<number>;
  /** Providers in display order, with their switch state. */
  statuses: Map<string, ProviderStatus>;
  results: Map<string, ProviderResult>;
  explainers: Explainer[];
  outlet: Explainer | undefined;
  history: HistoryEntry[];
  readAt: Map<string, number>;
  country: string | null;
  complete: boolean;
  updatedAt: number;
  /** Changes with every change (unique within the worker); the snapshot cache is rebuilt only after one. */
  version: number;
  snapshot?: { version: number; context: StoryContext };
  /** Asks waiting for the next change (`after`). */
  waiters: Set<() => void>;
}

/** FNV-1a, enough to tell one set of questions from another. */
function hashKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Results worth reusing from the cache: answers, and an error only while it is recent (a 500 or an
 * unreadable body is not asked again at once, but it does not stick for the cache's whole life).
 * Offline and rate-limited results are always asked again.
 */
const isSettled = (r: CachedProviderResult, age: number) =>
  r.state === 'ok' || r.state === 'empty' || (r.state === 'error' && age < FAILURE_RETRY_MS);

const FAILED_STATES: ReadonlySet<ProviderState> = new Set(['offline', 'error', 'rate-limited']);

/** What in the settings changes a lookup (sources, region, language, feeds, and whether it may be stored). */
const settingsKeyOf = (s: Settings, persist: boolean) => JSON.stringify([s.providers, s.region, s.language, s.feeds, persist]);

/** Whether a finished lookup should start over: too old, or a provider's rate limit has passed so it can be asked again. */
function isStale(lookup: Lookup, now: number): boolean {
  if (!lookup.complete) return false;
  if (now - lookup.startedAt >= RELATED_TTL_MS) return true;
  return [...lookup.statuses.values()].some((s) =>
    s.state === 'rate-limited' && s.retryAt !== undefined
      ? s.retryAt <= now
      : FAILED_STATES.has(s.state) && now - lookup.updatedAt >= FAILURE_RETRY_MS,
  );
}

function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number) {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as K);
}

/** The `getContext` service. One per worker; its lookups and rate limits are shared by all tabs. */
export function createContextService(deps: ContextDeps) {
  const providers = deps.providers ?? PROVIDERS;
  const analyses = new Map<string, Analysis>();
  const lookups = new Map<string, Promise<Lookup>>();
  /** Lookups still running, and how many times the history was cleared. */
  const live = new Set<Lookup>();
  let clearedTimes = 0;
  /** The latest version given to a lookup: versions never repeat while the worker runs. */
  let versions = 0;

  /** The article's analysis: from memory, else computed from its text, else stored (an article sent without text). */
  async function analysisOf(article: Article): Promise<Analysis> {
    const known = analyses.get(article.canonicalUrl);
    if (known) return known;
    let analysis: Analysis | undefined;
    if (!article.text.trim()) analysis = (await deps.store.getAnalysis(article.canonicalUrl).catch(() => undefined))?.analysis;
    analysis ??= analyseArticle(article);
    remember(analyses, article.canonicalUrl, analysis, MAX_ANALYSES);
    return analysis;
  }

  /** Stores an article's analysis (after a recorded visit), so that its names index the history. */
  async function storeAnalysis(article: Article, lookup?: Pick<Lookup, 'persist'>): Promise<void> {
    const analysis = await analysisOf(article);
    if (lookup && !lookup.persist) return;
    await deps.store.putAnalysis({ canonicalUrl: article.canonicalUrl, analysis, entityKeys: entityKeys(analysis), analysedAt: deps.now() });
  }

  /** Answers every ask waiting for a change of `lookup`. */
  const wake = (lookup: Lookup) => {
    for (const waiter of lookup.waiters) waiter();
    lookup.waiters.clear();
  };

  const touch = (lookup: Lookup) => {
    lookup.version = ++versions;
    lookup.updatedAt = deps.now();
    wake(lookup);
  };

  /** Resolves at the lookup's next change, when it is aborted, or after `ms`. */
  const nextChange = (lookup: Lookup, ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        lookup.waiters.delete(done);
        lookup.controller.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      lookup.waiters.add(done);
      lookup.controller.signal.addEventListener('abort', done, { once: true });
    });

  function snapshot(lookup: Lookup): StoryContext {
    if (lookup.snapshot?.version === lookup.version) return lookup.snapshot.context;
    const candidates: RelatedStory[] = [];
    for (const id of lookup.statuses.keys()) candidates.push(...(lookup.results.get(id)?.stories ?? []));
    const { article, analysis } = lookup;
    const related: RankedRelated = rankRelated(
      { title: article.title, canonicalUrl: article.canonicalUrl, publishedAt: article.publishedAt, analysis },
      candidates,
      { now: deps.now() },
    );
    const context: StoryContext = {
      canonicalUrl: article.canonicalUrl,
      analysis,
      related,
      providers: [...lookup.statuses.values()].map((s) => ({ ...s })),
      explainers: lookup.explainers.map((e) => ({ ...e })),
      timeline: buildTimeline(article, related, lookup.history, lookup.readAt),
      source: buildSourceInfo(article, analysis, lookup.country, lookup.outlet),
      complete: lookup.complete,
      updatedAt: lookup.updatedAt,
      version: lookup.version,
    };
    lookup.snapshot = { version: lookup.version, context };
    return context;
  }

  /** Passes a final status on to `deps.onStatus`; a failing listener never breaks a lookup. */
  const report = (status: ProviderStatus) => {
    if (status.state === 'pending' || status.state === 'off') return;
    try {
      deps.onStatus?.({ ...status });
    } catch {
      // Only bookkeeping for the options page.
    }
  };

  function setResult(lookup: Lookup, result: ProviderResult) {
    lookup.results.set(result.id, result);
    const status: ProviderStatus = { id: result.id, name: result.name, state: result.state, count: result.stories.length };
    if (result.message) status.message = result.message;
    if (result.retryAt) status.retryAt = result.retryAt;
    lookup.statuses.set(result.id, status);
    report(status);
    touch(lookup);
  }

  const persistFor = (article: Article, options: AskOptions, settings: Settings) =>
    !options.isPrivate && mayStore(article.canonicalUrl, settings) && mayStore(article.url, settings);

  async function start(article: Article, options: AskOptions, settings: Settings): Promise<Lookup> {
    const now = deps.now();
    const born = clearedTimes;
    const persist = persistFor(article, options, settings);
    const analysis = await analysisOf(article);
    const { text: _text, ...meta } = article;
    const lookup: Lookup = {
      article: meta,
      settingsKey: settingsKeyOf(settings, persist),
      persist,
      analysis,
      startedAt: now,
      controller: new AbortController(),
      tabs: new Set(options.tabId === undefined ? [] : [options.tabId]),
      statuses: new Map(),
      results: new Map(),
      explainers: [],
      outlet: undefined,
      history: [],
      readAt: new Map(),
      country: null,
      complete: false,
      updatedAt: now,
      version: ++versions,
      waiters: new Set(),
    };
    const signal = lookup.controller.signal;
    // Started before a "Clear all" that came while its analysis was computed: it must not write.
    if (born !== clearedTimes) lookup.persist = false;
    live.add(lookup);
    const on = (id: string) => (settings.providers as Record<string, boolean | undefined>)[id] !== false;
    // Every write checks `lookup.persist` when it happens: "Clear all" turns it off for running lookups.
    if (persist) void storeAnalysis(article, lookup).catch(() => {});

    // ---- queries: near (same event) and wide (background), from names and key terms only
    const region = resolveRegion(settings, article.lang, deps.browserLanguage);
    const query = (window: RelatedQuery['window']): RelatedQuery => {
      const q = buildQuery(analysis, article, { region, window });
      return settings.language ? { ...q, lang: settings.language } : q;
    };
    const queries = [query('near'), query('wide')];
    const domain = domainOf(article.canonicalUrl);
    const jobs: ProviderJob[] = [];
    for (const p of providers) {
      lookup.statuses.set(p.id, { id: p.id, name: p.name, state: on(p.id) ? 'pending' : 'off', count: 0 });
      if (!on(p.id)) continue;
      const requests = queries.map((q) => p.buildRequest(q, deps.origin ?? undefined)).filter((r): r is ProviderRequest => r !== null);
      if (!requests.length) {
        setResult(lookup, { id: p.id, name: p.name, state: 'empty', stories: [], message: 'no usable query' });
        continue;
      }
      const parse =
        p.id === 'gdelt'
          ? (body: string) => {
              lookup.country ??= gdeltSourceCountry(body, domain);
              return p.parseResponse(body);
            }
          : (body: string) => p.parseResponse(body);
      jobs.push({ provider: { id: p.id, name: p.name, minIntervalMs: p.minIntervalMs, parseResponse: parse }, requests });
    }
    const queryKey = hashKey(jobs.flatMap((j) => j.requests.map((r) => r.url)).join('\n'));

    // ---- what an earlier (perhaps interrupted) lookup already found
    const cached = await deps.store.getRelatedCache(article.canonicalUrl).catch(() => undefined);
    const fresh = cached && cached.queryKey === queryKey && now - cached.fetchedAt < RELATED_TTL_MS ? cached : undefined;
    const fetchedAt = fresh?.fetchedAt ?? now;
    for (const { sourceCountry, ...r } of fresh?.results ?? []) {
      if (!isSettled(r, now - fetchedAt) || !jobs.some((j) => j.provider.id === r.id)) continue;
      setResult(lookup, r);
      lookup.country ??= sourceCountry ?? null;
    }
    const remaining = jobs.filter((j) => !lookup.results.has(j.provider.id));

    const providersDone = runProviders(deps.scheduler, remaining, {
      signal,
      timeoutMs: deps.timeoutMs,
      onResult: (result) => {
        setResult(lookup, result);
        if (lookup.persist && result.state !== 'pending') {
          const cached: CachedProviderResult = { ...result };
          if (result.id === 'gdelt' && lookup.country) cached.sourceCountry = lookup.country;
          void deps.store.putRelatedResult(article.canonicalUrl, queryKey, fetchedAt, cached).catch(() => {});
        }
      },
    });

    // ---- the reader's own feeds, searched locally
    const feedsDone = (async () => {
      if (!on(FEEDS_PROVIDER_ID) || !settings.feeds.length) return;
      lookup.statuses.set(FEEDS_PROVIDER_ID, { id: FEEDS_PROVIDER_ID, name: 'Your feeds', state: 'pending', count: 0 });
      const items = await deps.store.listFeedItems().catch(() => null);
      if (!items) return setResult(lookup, { id: FEEDS_PROVIDER_ID, name: 'Your feeds', state: 'error', stories: [], message: 'could not read feed items' });
      const found = new Map<string, RelatedStory>();
      for (const q of queries) for (const item of searchFeedItems(items, q)) found.set(item.url, item);
      setResult(lookup, { id: FEEDS_PROVIDER_ID, name: 'Your feeds', state: found.size ? 'ok' : 'empty', stories: [...found.values()] });
    })();

    // ---- earlier reads on the same names
    const historyDone = (async () => {
      if (!on(HISTORY_ID)) return;
      lookup.statuses.set(HISTORY_ID, { id: HISTORY_ID, name: 'Your history', state: 'pending', count: 0 });
      try {
        const matches = await deps.store.findAnalysesByEntities(entityKeys(analysis, HISTORY_ENTITIES), { limit: 50 });
        const urls = matches.filter((m) => m.canonicalUrl !== article.canonicalUrl && sharesStory(m.shared, analysis)).map((m) => m.canonicalUrl);
        lookup.history = (await deps.store.getHistoryEntries(urls)).slice(0, TIMELINE_HISTORY);
        const count = lookup.history.length;
        lookup.statuses.set(HISTORY_ID, { id: HISTORY_ID, name: 'Your history', state: count ? 'ok' : 'empty', count });
      } catch {
        lookup.statuses.set(HISTORY_ID, { id: HISTORY_ID, name: 'Your history', state: 'error', count: 0, message: 'could not read history' });
      }
      report(lookup.statuses.get(HISTORY_ID)!);
      touch(lookup);
    })();

    // ---- explainers for the main names and the outlet
    const explainersDone = (async () => {
      if (!on('wikipedia')) return;
      const client = createWikiClient({
        scheduler: deps.scheduler,
        cache: { get: (key) => deps.store.getEntityCache(key), put: persist ? async (r) => void (lookup.persist && (await deps.store.putEntityCache(r))) : undefined },
        now: deps.now,
        version: deps.version,
        origin: deps.origin,
        timeoutMs: deps.timeoutMs,
      });
      const lang = settings.language ?? analysis.lang;
      const context = explainerContext(analysis);
      const targets = explainerTargets(analysis);
      lookup.explainers = targets.map((t) => ({ name: t.name, type: t.type, state: 'pending' }));
      const outletName = article.siteName?.trim();
      if (outletName) lookup.outlet = { name: outletName, type: 'outlet', state: 'pending' };
      touch(lookup);
      const resolve = async (target: ExplainerTarget, set: (e: Explainer) => void) => {
        const explainer = await resolveExplainer(client, target, { lang, context, signal });
        if (signal.aborted) return;
        set(explainer);
        touch(lookup);
      };
      await Promise.all([
        ...targets.map((t, i) => resolve(t, (e) => (lookup.explainers[i] = e))),
        ...(outletName ? [resolve({ name: outletName, type: 'outlet' }, (e) => (lookup.outlet = e))] : []),
      ]);
      if (signal.aborted) return;
      const answers = [...lookup.explainers, ...(lookup.outlet ? [lookup.outlet] : [])];
      const found = answers.filter((e) => e.state === 'ok' || e.state === 'ambiguous').length;
      const failed = answers.find((e) => e.state === 'error');
      report({
        id: 'wikipedia',
        name: 'Wikipedia',
        state: found ? 'ok' : failed ? 'error' : 'empty',
        count: found,
        ...(!found && failed?.message ? { message: failed.message } : {}),
      });
    })();

    const allDone = Promise.allSettled([providersDone, feedsDone, historyDone, explainersDone]);
    void allDone.then(() => live.delete(lookup));
    void allDone.then(async () => {
      // Which related items the reader has already read ("read on 3 Jun").
      const urls = [...lookup.results.values()].flatMap((r) => r.stories.map((s) => s.url));
      if (on(HISTORY_ID) && urls.length) {
        const read = await deps.store.getHistoryEntries([...new Set(urls)]).catch(() => []);
        for (const entry of read) lookup.readAt.set(entry.canonicalUrl, entry.lastVisitedAt);
      }
      if (signal.aborted) return;
      lookup.complete = true;
      touch(lookup);
      try {
        deps.onComplete?.(snapshot(lookup), new Set(lookup.tabs));
      } catch {
        // Only the badge; the lookup itself is done.
      }
    });
    return lookup;
  }

  /** Drops finished lookups beyond the memory budget, oldest first. */
  function prune() {
    if (lookups.size <= MAX_LOOKUPS) return;
    for (const key of lookups.keys()) {
      if (lookups.size <= MAX_LOOKUPS) break;
      lookups.delete(key);
    }
  }

  return {
    /**
     * The story context of `article` as known now. The first ask starts the lookup and answers
     * at once with what is known (the analysis at least); ask again until `complete`.
     */
    async getContext(article: Article, options: AskOptions): Promise<StoryContext> {
      const key = article.canonicalUrl;
      // Settings unreadable (storage failing): look up with the defaults, but store nothing.
      const settings = await deps.getSettings().catch(() => ({ ...DEFAULT_SETTINGS, historyPaused: true }));
      const running = lookups.get(key);
      if (running) {
        const lookup = await running.catch(() => undefined);
        // Settings changed (a source switched, history paused): start over. A private ask may
        // share a lookup a normal tab started (it writes nothing more because of the private ask).
        const sameSettings =
          lookup?.settingsKey === settingsKeyOf(settings, persistFor(article, options, settings)) ||
          (options.isPrivate && lookup?.settingsKey === settingsKeyOf(settings, persistFor(article, { isPrivate: false }, settings)));
        if (lookup && sameSettings && !isStale(lookup, deps.now()) && !lookup.controller.signal.aborted) {
          if (options.tabId !== undefined) lookup.tabs.add(options.tabId);
          if (options.after === lookup.version && !lookup.complete) await nextChange(lookup, LONG_POLL_MS);
          return snapshot(lookup);
        }
        if (lookups.get(key) === running) {
          lookups.delete(key);
          lookup?.controller.abort(new DOMException('superseded', 'AbortError'));
        }
      }
      const starting = start(article, options, settings);
      lookups.set(key, starting);
      starting.catch(() => {
        if (lookups.get(key) === starting) lookups.delete(key);
      });
      prune();
      return snapshot(await starting);
    },

    /** The tab navigated away or closed: lookups no other tab waits for are aborted (and forgotten). */
    releaseTab(tabId: number): void {
      for (const [key, running] of lookups) {
        void running.then((lookup) => {
          if (!lookup.tabs.delete(tabId) || lookup.tabs.size > 0 || lookup.complete) return;
          lookup.controller.abort(new DOMException('tab closed', 'AbortError'));
          if (lookups.get(key) === running) lookups.delete(key);
        }, () => {});
      }
    },

    /**
     * "Clear all": running lookups write nothing more (their answers still reach the pages that
     * asked, from memory), so that nothing of the cleared history is written back. Articles
     * visited after the clear are stored as usual.
     */
    stopWritingRunningLookups(): void {
      clearedTimes++;
      for (const lookup of live) lookup.persist = false;
    },

    storeAnalysis: (article: Article) => storeAnalysis(article),
  };
}

/** The service's type. */
export type ContextService = ReturnType<typeof createContextService>;
