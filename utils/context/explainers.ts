/**
 * Explainers: a short Wikipedia summary for the people, places and organisations an article
 * names, and for its outlet. Exact titles first; names that are not titles are resolved with
 * Wikipedia's title search; "may refer to" pages are resolved from the article's other names
 * and key terms, else offered as choices. In the article's language, falling back to English.
 * Wikipedia answers (summaries, searches) are cached 7 days, independently of the article, so
 * the same name resolves differently in different articles without asking again.
 */
import type { Analysis, EntityType } from '../analysis/types';
import type { EntityCacheRecord } from '../db';
import { wikiLang, wikipediaProvider, type WikiSearchHit, type WikiSummaryResult } from '../providers/wikipedia';
import { ProviderFormatError } from '../providers/types';
import type { Scheduler } from '../related/scheduler';
import { foldText } from '../related/text';
import type { Explainer, ExplainerChoice } from './types';

/** Cached Wikipedia answers stay fresh this long. */
export const EXPLAINER_TTL_MS = 7 * 24 * 3_600_000;
/** Explainers for at most this many entities per article. */
export const MAX_EXPLAINED_ENTITIES = 5;
const MAX_CHOICES = 5;

/** Where cached answers are read and (unless private) written. */
export interface ExplainerCache {
  get(key: string): Promise<EntityCacheRecord | undefined>;
  /** Absent in private windows: nothing is written. */
  put?: (record: EntityCacheRecord) => Promise<void>;
}

/** What the Wikipedia client needs. */
export interface WikiClientDeps {
  scheduler: Scheduler;
  cache: ExplainerCache;
  now: () => number;
  /** Extension version for the Api-User-Agent header. */
  version: string;
  /** Build-time override origin, or null for the real `{lang}.wikipedia.org`. */
  origin: string | null;
  timeoutMs?: number;
}

/** A Wikipedia answer or why there is none. */
export type WikiAnswer<T> = { ok: true; value: T } | { ok: false; message: string };

/** Summaries and title searches through the scheduler, with the 7-day cache. */
export interface WikiClient {
  summary(lang: string, title: string, signal?: AbortSignal): Promise<WikiAnswer<WikiSummaryResult>>;
  search(lang: string, q: string, signal?: AbortSignal): Promise<WikiAnswer<WikiSearchHit[]>>;
}

/** Creates a {@link WikiClient}. Failures (offline, HTTP 5xx, malformed bodies) are answers, never thrown, and never cached. */
export function createWikiClient(deps: WikiClientDeps): WikiClient {
  const origin = deps.origin ?? undefined;
  async function cached<T>(
    key: string,
    pick: (r: EntityCacheRecord) => T | undefined,
    request: () => ReturnType<typeof wikipediaProvider.summaryRequest>,
    parse: (status: number, body: string) => T,
    wrap: (value: T) => Partial<EntityCacheRecord>,
    signal: AbortSignal | undefined,
  ): Promise<WikiAnswer<T>> {
    const hit = await deps.cache.get(key).catch(() => undefined);
    const value = hit && deps.now() - hit.fetchedAt < EXPLAINER_TTL_MS ? pick(hit) : undefined;
    if (value !== undefined) return { ok: true, value };
    const outcome = await deps.scheduler.fetch(wikipediaProvider.id, request(), wikipediaProvider.minIntervalMs, {
      signal,
      timeoutMs: deps.timeoutMs,
    });
    if (outcome.kind === 'aborted') return { ok: false, message: 'cancelled' };
    if (outcome.kind !== 'response') return { ok: false, message: outcome.message };
    let parsed: T;
    try {
      parsed = parse(outcome.status, outcome.body);
    } catch (error) {
      return { ok: false, message: error instanceof ProviderFormatError ? error.message : 'unreadable response' };
    }
    await deps.cache.put?.({ key, fetchedAt: deps.now(), ...wrap(parsed) }).catch(() => {});
    return { ok: true, value: parsed };
  }
  return {
    summary: (lang, title, signal) =>
      cached(
        `summary:${wikiLang(lang)}:${title}`,
        (r) => r.summary,
        () => wikipediaProvider.summaryRequest(title, lang, deps.version, origin),
        (status, body) => wikipediaProvider.parseSummary(status, body),
        (summary) => ({ summary }),
        signal,
      ),
    search: (lang, q, signal) =>
      cached(
        `search:${wikiLang(lang)}:${foldText(q)}`,
        (r) => r.search,
        () => wikipediaProvider.searchRequest(q, lang, deps.version, origin),
        (status, body) => wikipediaProvider.parseSearch(status, body),
        (search) => ({ search }),
        signal,
      ),
  };
}

/** Something to explain: an entity of the article or its outlet. */
export interface ExplainerTarget {
  name: string;
  type: EntityType | 'outlet';
}

/** The entities worth an explainer: the most salient, named well enough to look up. */
export function explainerTargets(analysis: Pick<Analysis, 'entities'>, limit = MAX_EXPLAINED_ENTITIES): ExplainerTarget[] {
  const targets: ExplainerTarget[] = [];
  const seen = new Set<string>();
  for (const entity of analysis.entities) {
    if (targets.length >= limit) break;
    const name = entity.name.replace(/\s+/g, ' ').trim();
    const key = foldText(name);
    if (name.length < 3 || name.length > 80 || seen.has(key)) continue;
    seen.add(key);
    targets.push({ name, type: entity.type });
  }
  return targets;
}

/** Words from the article that tell one "Harwick" from another: its other names and key terms. */
export function explainerContext(analysis: Pick<Analysis, 'entities' | 'keyTerms'>): string[] {
  return [...analysis.entities.slice(0, 12).flatMap((e) => [e.name, ...e.variants]), ...analysis.keyTerms.slice(0, 10)];
}

/** Words in a page description that fit a kind of entity (English; other editions rely on context). */
const TYPE_HINTS: Record<ExplainerTarget['type'], string[]> = {
  person: ['politician', 'actor', 'actress', 'player', 'footballer', 'singer', 'writer', 'journalist', 'businessman', 'businesswoman', 'lawyer', 'judge', 'minister', 'born', 'president', 'leader', 'executive', 'scientist'],
  place: ['town', 'city', 'village', 'river', 'country', 'county', 'region', 'community', 'capital', 'municipality', 'island', 'district', 'province', 'state', 'street', 'area'],
  organization: ['company', 'union', 'party', 'organisation', 'organization', 'court', 'council', 'agency', 'association', 'club', 'bank', 'group', 'corporation', 'ministry', 'authority', 'operator'],
  outlet: ['newspaper', 'news', 'media', 'broadcaster', 'magazine', 'publisher', 'website', 'daily', 'television', 'radio', 'agency', 'tabloid'],
  other: [],
};

const words = (text: string): string[] => foldText(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);

/** The title without a qualifier: "Harwick, North Yorkshire" and "Harwick (town)" → "harwick". */
function baseTitle(title: string): string {
  return foldText(title.replace(/\s*\([^)]*\)\s*$/, '').replace(/,.*$/, '')).trim();
}

const isDisambiguationHit = (hit: WikiSearchHit): boolean =>
  /disambiguation|may refer to|topics referred to by the same term|begriffskl|homonymie|desambiguaci/i.test(`${hit.title} ${hit.description ?? ''}`);

/** How well a candidate page fits the article: shared context words count 1, a fitting kind of description 0.5. */
function fitScore(hit: WikiSearchHit, name: string, type: ExplainerTarget['type'], context: Set<string>): number {
  const nameWords = new Set(words(name));
  const text = words(`${hit.title} ${hit.description ?? ''}`).filter((w) => !nameWords.has(w));
  let score = 0;
  for (const w of new Set(text)) if (context.has(w)) score += 1;
  if (text.some((w) => TYPE_HINTS[type].includes(w))) score += 0.5;
  return score;
}

/** The single best-fitting candidate, or null when none fits or two fit equally well. */
function pickCandidate(hits: WikiSearchHit[], target: ExplainerTarget, context: Set<string>, minScore: number): WikiSearchHit | null {
  const scored = hits.map((hit) => ({ hit, score: fitScore(hit, target.name, target.type, context) })).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < minScore) return null;
  if (second && second.score === best.score) return null;
  return best.hit;
}

function okExplainer(target: ExplainerTarget, lang: string, page: Extract<WikiSummaryResult, { kind: 'page' }>['page']): Explainer {
  return {
    name: target.name,
    type: target.type,
    state: 'ok',
    title: page.title,
    description: page.description,
    extract: page.extract,
    thumbnailUrl: page.thumbnailUrl,
    url: page.url,
    lang,
  };
}

/** One language edition's answer; `not-found` lets the caller try English. */
async function resolveIn(
  client: WikiClient,
  target: ExplainerTarget,
  lang: string,
  context: Set<string>,
  signal: AbortSignal | undefined,
): Promise<Explainer> {
  const base = { name: target.name, type: target.type, lang };
  const summary = await client.summary(lang, target.name, signal);
  if (!summary.ok) return { ...base, state: 'error', message: summary.message };
  const page = summary.value.kind === 'page' ? summary.value.page : null;
  if (page && page.type !== 'disambiguation') return okExplainer(target, lang, page);

  const search = await client.search(lang, target.name, signal);
  if (!search.ok) return { ...base, state: 'error', message: search.message };
  const wanted = baseTitle(target.name);
  const hits = search.value.filter((h) => !isDisambiguationHit(h) && foldText(h.title) !== foldText(page?.title ?? '\u0000'));
  // Pages about this very name ("Harwick, North Yorkshire"), else pages that contain it ("Harwick Mill").
  const exact = hits.filter((h) => baseTitle(h.title) === wanted);
  const candidates = exact.length ? exact : hits.filter((h) => ` ${foldText(h.title)} `.includes(` ${wanted} `));
  if (!candidates.length) return page ? { ...base, state: 'ambiguous', choices: [] } : { ...base, state: 'not-found' };

  // Not a title, one page under this name: that is it. Several, or a "may refer to" page: the context decides.
  const chosen = !page && exact.length === 1 ? exact[0]! : pickCandidate(candidates, target, context, 1);
  if (chosen) {
    const resolved = await client.summary(lang, chosen.title, signal);
    if (!resolved.ok) return { ...base, state: 'error', message: resolved.message };
    if (resolved.value.kind === 'page' && resolved.value.page.type !== 'disambiguation') return okExplainer(target, lang, resolved.value.page);
  }
  const choices: ExplainerChoice[] = candidates.slice(0, MAX_CHOICES).map((h) => ({
    title: h.title,
    description: h.description,
    url: wikipediaProvider.pageUrl(h.title, lang),
  }));
  return { ...base, state: 'ambiguous', choices };
}

/**
 * The explainer for one name: in `lang`, else English when `lang` has no page. Never throws;
 * a network or format failure is `error` with a message.
 */
export async function resolveExplainer(
  client: WikiClient,
  target: ExplainerTarget,
  options: { lang: string; context: readonly string[]; signal?: AbortSignal },
): Promise<Explainer> {
  const context = new Set(options.context.flatMap(words));
  const lang = wikiLang(options.lang);
  const first = await resolveIn(client, target, lang, context, options.signal);
  if (first.state !== 'not-found' || lang === 'en') return first;
  const english = await resolveIn(client, target, 'en', context, options.signal);
  return english.state === 'not-found' ? first : english;
}
