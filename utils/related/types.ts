import type { Entity } from '../analysis/types';

/** What a provider is asked: built from the article's analysis, never from its text or URL. */
export interface RelatedQuery {
  /** Names to look for (most salient first); each may carry variants to OR together. */
  entities: Pick<Entity, 'name' | 'type' | 'variants'>[];
  /** Key terms, most characteristic first. */
  keyTerms: string[];
  /** Article language (BCP 47 primary tag, e.g. "en"). */
  lang: string;
  /** Region for providers that want one (ISO 3166-1 alpha-2, e.g. "US"). */
  region: string;
  /** The article's publication time, epoch ms, or null when unknown. */
  publishedAt: number | null;
  /** 'near': the same event (days around publishedAt); 'wide': background (weeks/months before). */
  window: 'near' | 'wide';
}

/** One candidate story from any provider, normalised. Untrusted text: render as text only. */
export interface RelatedStory {
  title: string;
  /** The article's own URL (http/https only, canonicalised), not a redirect when avoidable. */
  url: string;
  /** Outlet name as the provider gives it, e.g. "Reuters". */
  source: string;
  /** Host name without `www.`, e.g. "reuters.com". */
  domain: string;
  /** ISO 8601 or null. */
  publishedAt: string | null;
  /** Short description/snippet when the provider gives one (plain text, capped). */
  description: string | null;
  /** Article language when known. */
  lang: string | null;
  /** Provider id that found it (first one when merged). */
  provider: string;
}
