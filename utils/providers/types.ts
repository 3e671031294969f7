import type { RelatedQuery, RelatedStory } from '../related/types';

/** One HTTP request a provider wants made. The scheduler makes it (timeouts, rate limits, retries, cache). */
export interface ProviderRequest {
  url: string;
  headers?: Record<string, string>;
}

/**
 * A news source reached over HTTP. It builds its request and maps its response; nothing else.
 * `origin` replaces the real scheme+host (e.g. "http://127.0.0.1:4321") for tests and the demo;
 * paths stay the real ones.
 */
export interface NewsProvider {
  /** kebab-case, equal to the file name. */
  readonly id: string;
  /** Shown in the UI. */
  readonly name: string;
  /** Real origin, e.g. "https://news.google.com" (used for host permissions). */
  readonly origin: string;
  /** Smallest interval between two requests to this provider across all tabs, ms (0 = none). */
  readonly minIntervalMs: number;
  /** The request for this query, or null when the query cannot be expressed (e.g. no usable terms). */
  buildRequest(query: RelatedQuery, origin?: string): ProviderRequest | null;
  /** Maps a 2xx response body to stories; throws `ProviderFormatError` when the body is not in the expected format. */
  parseResponse(body: string): RelatedStory[];
}

/** The body was not in the provider's format (malformed XML/JSON, an HTML error page, …). */
export class ProviderFormatError extends Error {
  override name = 'ProviderFormatError';
}
