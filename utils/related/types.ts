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

/** Another outlet carrying the same story: a wire copy or a near-identical headline. */
export interface AlsoIn {
  source: string;
  url: string;
}

/** A candidate after ranking. Untrusted text: render as text only. */
export interface RankedStory extends RelatedStory {
  /** Relevance to the article, 0..1 (higher is closer). */
  score: number;
  /** Why it is shown, short and human-readable, e.g. ["Shares: Erdoğan, Istanbul", "3 h later"]. */
  reasons: string[];
  /** Other outlets with the same story, merged into this item. */
  alsoIn: AlsoIn[];
}

/** Related coverage, grouped: the same event elsewhere, and earlier or wider coverage of the topic. */
export interface RankedRelated {
  /** The same event covered by other outlets, best first, at most 2 per outlet in the top 10. */
  sameStory: RankedStory[];
  /** Same topic, other or earlier events, best first. */
  background: RankedStory[];
}
