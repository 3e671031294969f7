/**
 * Wikipedia: short explainers for the people, places and organisations an article names,
 * and for its outlet. Not a news search: it answers "who/what is X", so it sits beside the
 * news providers (`EXPLAINER_PROVIDERS` in index.ts), not in their list.
 *
 * API: REST page summary, https://{lang}.wikipedia.org/api/rest_v1/page/summary/{Title}
 * (https://en.wikipedia.org/api/rest_v1/#/Page%20content/get_page_summary__title_): JSON with
 * `type` (standard | disambiguation | no-extract | mainpage), `title`, `description`,
 * `extract`, `thumbnail.source`, `content_urls.desktop.page`; redirects are followed. A missing
 * page is HTTP 404 with a JSON body `{ type: "https://mediawiki.org/wiki/HyperSwitch/errors/not_found", … }`.
 * Names that are not exact titles are resolved with the title search,
 * https://{lang}.wikipedia.org/w/rest.php/v1/search/title?q=…&limit=5 → `{ pages: [{ title, key, description, thumbnail }] }`
 * (https://www.mediawiki.org/wiki/API:REST_API/Reference#Search_titles).
 * Limits: no key; send `Api-User-Agent` identifying the client (browsers forbid setting
 * User-Agent); keep under ~200 requests/s (we make a handful per article), results cached 7 days.
 * With a build-time origin override (tests, demo) the host carries no language, so it is sent
 * as a `lang` query parameter: `http://127.0.0.1:4321/api/rest_v1/page/summary/Berlin?lang=de`.
 *
 * Test queries:
 *   https://en.wikipedia.org/api/rest_v1/page/summary/Kim_Jong_Un
 *   https://en.wikipedia.org/api/rest_v1/page/summary/Mercury   (disambiguation)
 *   https://de.wikipedia.org/api/rest_v1/page/summary/Deutsche_Bahn
 *   https://en.wikipedia.org/w/rest.php/v1/search/title?q=Erdogan&limit=5
 */
import { canonicalStoryUrl, capText, collapseWhitespace } from '../related/normalize';
import { bodyPreview, looksLikeHtml } from '../related/provider-body';
import { ProviderFormatError, type ProviderRequest } from './types';
import { isRecord } from '../is-record';

const ID = 'wikipedia';
/** Longest extract kept (characters); Wikipedia's summaries are a paragraph. */
export const MAX_EXTRACT = 700;
const MAX_DESCRIPTION = 200;
const MAX_TITLE = 200;

/** A Wikipedia page summary, normalised. Untrusted text: render as text only. */
export interface WikiPage {
  type: 'standard' | 'disambiguation' | 'no-extract';
  title: string;
  description: string | null;
  extract: string;
  thumbnailUrl: string | null;
  /** Desktop page URL (http/https only). */
  url: string;
}

/** What a summary request found. */
export type WikiSummaryResult = { kind: 'page'; page: WikiPage } | { kind: 'not-found' };

/** One title-search hit. */
export interface WikiSearchHit {
  title: string;
  description: string | null;
}

/** Language editions are two or three letters (plus a few like "zh-yue", "simple"): anything else falls back to English. */
export function wikiLang(lang: string | null | undefined): string {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : 'en';
}

/** Title as used in a page path: spaces as underscores, percent-encoded. */
export function titlePath(title: string): string {
  return encodeURIComponent(collapseWhitespace(title).replace(/ /g, '_'));
}

function base(lang: string, origin: string | undefined): { root: string; suffix: URLSearchParams } {
  const code = wikiLang(lang);
  if (origin) return { root: origin, suffix: new URLSearchParams({ lang: code }) };
  return { root: `https://${code}.wikipedia.org`, suffix: new URLSearchParams() };
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
function parseJson(body: string, what: string): unknown {
  const trimmed = body.trim();
  if (looksLikeHtml(trimmed)) throw new ProviderFormatError(`Wikipedia: got an HTML page, not JSON ("${bodyPreview(trimmed)}")`);
  try {
    return JSON.parse(trimmed);
  } catch {
    throw new ProviderFormatError(`Wikipedia: malformed ${what} JSON ("${bodyPreview(trimmed)}")`);
  }
}

function httpsUrl(raw: unknown): string | null {
  const url = canonicalStoryUrl(str(raw));
  return url && /^https?:/.test(url) ? url : null;
}

/** The Wikipedia explainer source: request builders and response parsers; the scheduler fetches. */
export const wikipediaProvider = {
  id: ID,
  name: 'Wikipedia',
  /** Real origin of the English edition; other languages swap the subdomain. */
  origin: 'https://en.wikipedia.org',
  minIntervalMs: 0,

  /** Headers for every request: Wikimedia asks clients to identify themselves. */
  headers(version: string): Record<string, string> {
    return { 'Api-User-Agent': `Backstory/${version} (open-source browser extension)`, Accept: 'application/json' };
  },

  /** The page-summary request for `title` in edition `lang`. */
  summaryRequest(title: string, lang: string, version: string, origin?: string): ProviderRequest {
    const { root, suffix } = base(lang, origin);
    const query = suffix.size ? `?${suffix}` : '';
    return { url: `${root}/api/rest_v1/page/summary/${titlePath(title)}${query}`, headers: this.headers(version) };
  },

  /** The title-search request for a name (up to 5 hits). */
  searchRequest(q: string, lang: string, version: string, origin?: string): ProviderRequest {
    const { root, suffix } = base(lang, origin);
    const params = new URLSearchParams({ q: capText(collapseWhitespace(q), 100), limit: '5' });
    for (const [k, v] of suffix) params.set(k, v);
    return { url: `${root}/w/rest.php/v1/search/title?${params}`, headers: this.headers(version) };
  },

  /**
   * Maps a summary response (status and body) to a page or not-found. Throws
   * {@link ProviderFormatError} for anything else (HTML error pages, malformed JSON, HTTP 5xx).
   */
  parseSummary(status: number, body: string): WikiSummaryResult {
    if (status === 404) return { kind: 'not-found' };
    if (status < 200 || status > 299) throw new ProviderFormatError(`Wikipedia: HTTP ${status}`);
    const data = parseJson(body, 'summary');
    if (!isRecord(data)) throw new ProviderFormatError('Wikipedia: expected an object');
    const type = str(data.type);
    // Error objects also come with 200 from some proxies: treat the not_found type as missing.
    if (type?.endsWith('/not_found')) return { kind: 'not-found' };
    const title = str(data.title);
    const urls = isRecord(data.content_urls) && isRecord(data.content_urls.desktop) ? data.content_urls.desktop : {};
    const url = httpsUrl(urls.page);
    if (!title || !url) throw new ProviderFormatError('Wikipedia: summary without title or page URL');
    const thumbnail = isRecord(data.thumbnail) ? httpsUrl(data.thumbnail.source) : null;
    const description = str(data.description);
    return {
      kind: 'page',
      page: {
        type: type === 'disambiguation' ? 'disambiguation' : type === 'no-extract' ? 'no-extract' : 'standard',
        title: capText(collapseWhitespace(title), MAX_TITLE),
        description: description ? capText(collapseWhitespace(description), MAX_DESCRIPTION) : null,
        extract: capText(collapseWhitespace(str(data.extract) ?? ''), MAX_EXTRACT),
        thumbnailUrl: thumbnail,
        url,
      },
    };
  },

  /** Maps a title-search response to hits (at most 10). Throws {@link ProviderFormatError} when it is not one. */
  parseSearch(status: number, body: string): WikiSearchHit[] {
    if (status < 200 || status > 299) throw new ProviderFormatError(`Wikipedia search: HTTP ${status}`);
    const data = parseJson(body, 'search');
    if (!isRecord(data) || !Array.isArray(data.pages)) throw new ProviderFormatError('Wikipedia search: expected { pages: [] }');
    const hits: WikiSearchHit[] = [];
    for (const entry of data.pages) {
      if (hits.length >= 10) break;
      if (!isRecord(entry)) continue;
      const title = str(entry.title);
      if (!title?.trim()) continue;
      const description = str(entry.description);
      hits.push({
        title: capText(collapseWhitespace(title), MAX_TITLE),
        description: description ? capText(collapseWhitespace(description), MAX_DESCRIPTION) : null,
      });
    }
    return hits;
  },

  /** Desktop URL of a page in edition `lang` (for "may refer to" choices, which come without one). */
  pageUrl(title: string, lang: string): string {
    return `https://${wikiLang(lang)}.wikipedia.org/wiki/${titlePath(title)}`;
  },
};

/** The Wikipedia explainer source's type. */
export type WikipediaProvider = typeof wikipediaProvider;
