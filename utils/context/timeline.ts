/**
 * The timeline of a story and the outlet line: pure builders over what the lookup found.
 */
import type { Analysis } from '../analysis/types';
import type { Article } from '../article/types';
import type { HistoryEntry } from '../history-types';
import { domainOf } from '../related/normalize';
import { foldText } from '../related/text';
import type { RankedRelated } from '../related/types';
import type { Explainer, SourceInfo, TimelineItem } from './types';

/** Related items of each list taken into the timeline. */
export const TIMELINE_PER_LIST = 10;
/** History entries taken into the timeline. */
export const TIMELINE_HISTORY = 10;
/** Entities of an article used to find earlier reads. */
export const HISTORY_ENTITIES = 8;

/** Folded keys of an analysis's entities, as stored in the `by-entity` index. */
export function entityKeys(analysis: Pick<Analysis, 'entities'>, limit = 20): string[] {
  return [...new Set(analysis.entities.slice(0, limit).map((e) => foldText(e.name).replace(/\s+/g, ' ').trim()).filter((k) => k.length >= 3))];
}

/**
 * Whether an earlier read shares enough names to be on the same story: two or more, or one
 * person or organisation among this article's three most salient names (a place alone is not enough).
 */
export function sharesStory(shared: readonly string[], analysis: Pick<Analysis, 'entities'>): boolean {
  if (shared.length >= 2) return true;
  const top = analysis.entities.slice(0, 3).filter((e) => e.type === 'person' || e.type === 'organization');
  return shared.length === 1 && top.some((e) => foldText(e.name).replace(/\s+/g, ' ').trim() === shared[0]);
}

const timeOf = (iso: string | null): number => {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(t) ? t : Number.POSITIVE_INFINITY;
};

/**
 * The timeline: the article itself, the best same-story and background items, and the
 * reader's earlier reads on the story, oldest first (undated last), one row per URL. Items the
 * reader has read carry `readAt` (their latest visit).
 */
export function buildTimeline(
  article: Pick<Article, 'title' | 'canonicalUrl' | 'siteName' | 'publishedAt'>,
  related: RankedRelated,
  history: readonly HistoryEntry[],
  readAt: ReadonlyMap<string, number>,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  const seen = new Set<string>();
  const add = (item: TimelineItem) => {
    if (seen.has(item.url)) return;
    seen.add(item.url);
    const read = readAt.get(item.url);
    items.push(read !== undefined && item.kind !== 'this' && item.readAt === undefined ? { ...item, readAt: read } : item);
  };
  add({
    title: article.title,
    url: article.canonicalUrl,
    source: article.siteName ?? domainOf(article.canonicalUrl),
    publishedAt: article.publishedAt,
    kind: 'this',
  });
  for (const [list, kind] of [
    [related.sameStory, 'same-story'],
    [related.background, 'background'],
  ] as const) {
    for (const s of list.slice(0, TIMELINE_PER_LIST)) add({ title: s.title, url: s.url, source: s.source, publishedAt: s.publishedAt, kind });
  }
  for (const h of history.slice(0, TIMELINE_HISTORY)) {
    add({ title: h.title, url: h.canonicalUrl, source: h.siteName ?? h.site, publishedAt: h.publishedAt, kind: 'history', readAt: h.lastVisitedAt });
  }
  // Stable sort: same date keeps insertion order (the article before its coverage).
  return items
    .map((item, i) => ({ item, i, t: timeOf(item.publishedAt) }))
    .sort((a, b) => (a.t === b.t ? a.i - b.i : a.t < b.t ? -1 : 1))
    .map((x) => x.item);
}

/** The outlet line: name (site name, else domain), domain, language, country when known, explainer. */
export function buildSourceInfo(
  article: Pick<Article, 'canonicalUrl' | 'siteName' | 'lang'>,
  analysis: Pick<Analysis, 'lang'>,
  country: string | null,
  explainer: Explainer | undefined,
): SourceInfo {
  const domain = domainOf(article.canonicalUrl);
  const info: SourceInfo = {
    name: article.siteName ?? domain,
    domain,
    country,
    lang: analysis.lang || article.lang?.split(/[-_]/)[0]?.toLowerCase() || null,
  };
  if (explainer) info.explainer = explainer;
  return info;
}

let countryCodes: Map<string, string> | undefined;
const NOT_COUNTRIES = new Set(['EU', 'UN', 'EZ', 'QO', 'ZZ']);

/** ISO 3166-1 alpha-2 code for an English country name as GDELT writes it ("United Kingdom" → "GB"), or null. */
export function countryCode(name: string): string | null {
  if (!countryCodes) {
    countryCodes = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        // Deprecated aliases (DD, UK, SU, …: canonicalised to another code) and groupings (EU, UN) are not countries.
        if (NOT_COUNTRIES.has(code) || new Intl.Locale(`und-${code}`).region !== code) continue;
        const display = names.of(code);
        if (display && !countryCodes.has(foldText(display))) countryCodes.set(foldText(display), code);
      }
    }
    // GDELT's spellings that differ from CLDR's.
    for (const [alias, code] of [['united states', 'US'], ['russia', 'RU'], ['south korea', 'KR'], ['north korea', 'KP'], ['czech republic', 'CZ'], ['ivory coast', 'CI'], ['burma', 'MM'], ['vatican city', 'VA']] as const) {
      countryCodes.set(alias, code);
    }
  }
  return countryCodes.get(foldText(name.trim())) ?? null;
}

/** The `sourcecountry` GDELT gives for `domain` in an ArtList body, as an ISO code; null when absent or unreadable. */
export function gdeltSourceCountry(body: string, domain: string): string | null {
  if (!domain) return null;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return null;
  }
  const articles = (data as { articles?: unknown } | null)?.articles;
  if (!Array.isArray(articles)) return null;
  for (const a of articles) {
    if (typeof a !== 'object' || a === null) continue;
    const { domain: d, sourcecountry: c } = a as { domain?: unknown; sourcecountry?: unknown };
    if (typeof d === 'string' && typeof c === 'string' && d.toLowerCase().replace(/^www\./, '') === domain) return countryCode(c);
  }
  return null;
}
