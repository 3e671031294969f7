import type { Analysis, EntityType } from '../analysis/types';
import type { RankedRelated } from '../related/types';

/** How one source answered the latest lookup. */
export type ProviderState =
  | 'pending' // asked, no answer yet
  | 'ok' // answered with results
  | 'empty' // answered, nothing found
  | 'rate-limited' // HTTP 429 (backing off; `retryAt` says when)
  | 'offline' // network error or timeout
  | 'error' // HTTP error or a body not in the provider's format
  | 'off'; // switched off in settings

/** One provider's line in the status bar: "GDELT rate-limited, retrying". */
export interface ProviderStatus {
  id: string;
  name: string;
  state: ProviderState;
  /** Candidates this provider contributed. */
  count: number;
  /** Short human-readable detail, e.g. "HTTP 500" or "timed out after 4 s". */
  message?: string;
  /** Epoch ms of the next retry when rate-limited. */
  retryAt?: number;
}

/** A choice on a "may refer to" card. */
export interface ExplainerChoice {
  title: string;
  description: string | null;
  url: string;
}

/** A Wikipedia summary card for an entity or the outlet. Untrusted text: render as text only. */
export interface Explainer {
  /** The entity's canonical name in the article. */
  name: string;
  type: EntityType | 'outlet';
  state: 'pending' | 'ok' | 'ambiguous' | 'not-found' | 'error';
  /** Page title, short description, plain-text extract (capped), thumbnail and page URL when `ok`. */
  title?: string;
  description?: string | null;
  extract?: string;
  thumbnailUrl?: string | null;
  url?: string;
  /** Wikipedia language edition used, e.g. "de". */
  lang?: string;
  /** Candidate pages when `ambiguous`. */
  choices?: ExplainerChoice[];
  /** Why it failed, for `error`. */
  message?: string;
}

/** One row of the timeline of earlier coverage. */
export interface TimelineItem {
  title: string;
  url: string;
  source: string;
  /** ISO 8601 or null when the date is unknown (listed last). */
  publishedAt: string | null;
  kind: 'this' | 'same-story' | 'background' | 'history';
  /** Epoch ms of the reader's last visit when the reader has read it ("read on 3 Jun"). */
  readAt?: number;
}

/** The outlet of the article. */
export interface SourceInfo {
  name: string;
  domain: string;
  /** ISO 3166-1 alpha-2 when known. */
  country?: string | null;
  lang?: string | null;
  explainer?: Explainer;
}

/** Everything the popup and sidebar show about one article. Built by the background; partial until `complete`. */
export interface StoryContext {
  /** Canonical URL of the article this context is for. */
  canonicalUrl: string;
  analysis: Analysis;
  related: RankedRelated;
  providers: ProviderStatus[];
  explainers: Explainer[];
  timeline: TimelineItem[];
  source: SourceInfo;
  /** True once every enabled provider and explainer has answered (or failed). */
  complete: boolean;
  /** Epoch ms of the last change. */
  updatedAt: number;
  /**
   * Which state of the lookup this is; every change gives a new number (unique within a running
   * background). Ask again with `after` set to it to get the next change as soon as it happens.
   */
  version: number;
}
