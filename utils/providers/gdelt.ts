/**
 * GDELT DOC 2.0 full-text search over world news (65 languages, last 3 months).
 *
 * API: https://blog.gdeltproject.org/gdelt-doc-2-0-api-debuts/ ; endpoint
 * https://api.gdeltproject.org/api/v2/doc/doc?query=…&mode=ArtList&format=json&maxrecords=…&timespan=…
 * (or startdatetime/enddatetime as YYYYMMDDHHMMSS, UTC).
 * Query syntax: words ANDed, "quoted phrases", OR only inside (parentheses),
 * sourcelang:english, sourcecountry:…; keywords shorter than 3 characters are rejected.
 * Limits: no key; 1 request per 5 s per client, over it HTTP 429 with a plain-text body;
 * maxrecords ≤ 250. Empty result: `{}`. Query errors come back as 200 with a plain-text
 * message ("Your search contained a keyword that was too short…").
 *
 * Test queries:
 *   https://api.gdeltproject.org/api/v2/doc/doc?query=Harwick%20%22flood%20barrier%22&mode=ArtList&format=json&maxrecords=75&timespan=7d
 *   https://api.gdeltproject.org/api/v2/doc/doc?query=(%22al-Rashidi%22%20OR%20Rashidi)%20Geneva%20sourcelang:english&mode=ArtList&format=json&maxrecords=75&timespan=3d
 *   https://api.gdeltproject.org/api/v2/doc/doc?query=Valpara%C3%ADso%20incendio%20sourcelang:spanish&mode=ArtList&format=json&maxrecords=75&timespan=7d
 */
import { MAX_BODY_CHARS, MAX_ITEMS, bodyPreview, looksLikeHtml } from '../related/provider-body';
import { formatQueryTerms, queryTimeRange, type QuerySyntax } from '../related/query';
import { makeStory } from '../related/normalize';
import type { RelatedQuery, RelatedStory } from '../related/types';
import { ProviderFormatError, type NewsProvider, type ProviderRequest } from './types';

const ID = 'gdelt';

/** GDELT syntax: no keyword under 3 characters; accents not folded, so accent-free variants are ORed in. */
export const GDELT_SYNTAX: QuerySyntax = { minWordLength: 3, foldsAccents: false, concepts: { near: 3, wide: 2 }, maxLength: 200 };

/** GDELT language names by ISO 639-1 code (the ones GDELT translates). */
const LANGUAGES: Record<string, string> = {
  en: 'english', es: 'spanish', de: 'german', fr: 'french', it: 'italian', pt: 'portuguese', nl: 'dutch',
  ru: 'russian', uk: 'ukrainian', pl: 'polish', tr: 'turkish', ar: 'arabic', zh: 'chinese', ja: 'japanese',
  ko: 'korean', hi: 'hindi', sv: 'swedish', no: 'norwegian', da: 'danish', fi: 'finnish', el: 'greek',
  cs: 'czech', ro: 'romanian', hu: 'hungarian', he: 'hebrew', fa: 'persian', id: 'indonesian', vi: 'vietnamese',
};
const CODES = Object.fromEntries(Object.entries(LANGUAGES).map(([code, name]) => [name, code]));

const gdeltTime = (ms: number) => new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);

/** The `query` parameter: names and terms plus `sourcelang:` for the article's language. */
export function gdeltQuery(query: RelatedQuery): string {
  const language = LANGUAGES[query.lang];
  const filter = language ? `sourcelang:${language}` : '';
  const terms = formatQueryTerms(query, GDELT_SYNTAX, filter.length + 1);
  return terms ? [terms, filter].filter(Boolean).join(' ') : '';
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** GDELT DOC 2.0 article list. */
export const gdeltProvider: NewsProvider = {
  id: ID,
  name: 'GDELT',
  origin: 'https://api.gdeltproject.org',
  minIntervalMs: 5000,
  buildRequest(query: RelatedQuery, origin = 'https://api.gdeltproject.org'): ProviderRequest | null {
    const q = gdeltQuery(query);
    if (!q) return null;
    const params = new URLSearchParams({ query: q, mode: 'ArtList', format: 'json', maxrecords: '75' });
    const range = queryTimeRange(query);
    if (range) {
      params.set('startdatetime', gdeltTime(range.from));
      params.set('enddatetime', gdeltTime(range.to));
    } else {
      params.set('timespan', query.window === 'near' ? '7d' : '3months');
    }
    return { url: `${origin}/api/v2/doc/doc?${params}` };
  },
  parseResponse(body: string): RelatedStory[] {
    if (body.length > MAX_BODY_CHARS) throw new ProviderFormatError('GDELT: response too large');
    const trimmed = body.trim();
    if (looksLikeHtml(trimmed)) throw new ProviderFormatError(`GDELT: got an HTML page, not JSON ("${bodyPreview(trimmed)}")`);
    if (!trimmed.startsWith('{')) throw new ProviderFormatError(`GDELT: ${bodyPreview(trimmed) || 'empty body'}`);
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      throw new ProviderFormatError(`GDELT: malformed JSON ("${bodyPreview(trimmed)}")`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ProviderFormatError('GDELT: expected an object');
    const articles = (data as { articles?: unknown }).articles;
    if (articles === undefined) return [];
    if (!Array.isArray(articles)) throw new ProviderFormatError('GDELT: "articles" is not a list');
    const stories: RelatedStory[] = [];
    for (const entry of articles) {
      if (stories.length >= MAX_ITEMS) break;
      if (typeof entry !== 'object' || entry === null) continue;
      const a = entry as Record<string, unknown>;
      const domain = str(a.domain);
      const language = str(a.language)?.toLowerCase() ?? '';
      const story = makeStory({
        // GDELT titles carry spaces before punctuation ("Harwick , council"): tidy them.
        title: str(a.title)?.replace(/\s+([,.;:!?])/g, '$1') ?? null,
        url: str(a.url),
        source: domain,
        sourceUrl: domain,
        publishedAt: str(a.seendate),
        lang: CODES[language] ?? null,
        provider: ID,
      });
      if (story && !stories.some((s) => s.url === story.url)) stories.push(story);
    }
    return stories;
  },
};
