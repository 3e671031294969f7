/** One article in the reader's history, as stored in IndexedDB (`articles`, keyed by canonical URL). */
export interface HistoryEntry {
  /** Key: the article's canonical URL. */
  canonicalUrl: string;
  /** The URL it was last read at. */
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  lang: string | null;
  excerpt: string;
  wordCount: number;
  readingMinutes: number;
  /** Every visit, epoch ms, oldest first. */
  visits: number[];
  /** Epoch ms of the latest visit (indexed). */
  lastVisitedAt: number;
  /** Host name without `www.` (indexed). */
  site: string;
}

/** A history search: every query word must match a word of the article by prefix; filters narrow it. */
export interface HistorySearch {
  /** Words as typed; empty = every article (filtered). */
  query: string;
  /** Host name without `www.`, as in {@link HistoryEntry.site}. */
  site?: string;
  /** Only articles with a visit at or after this time (epoch ms). */
  from?: number;
  /** Only articles with a visit at or before this time (epoch ms). */
  to?: number;
  /** An entity name ("Priya Okafor"); matched folded, from its start ("priya" matches it, "okafor" does not). */
  entity?: string;
  /** Most results returned, newest visit first. */
  limit: number;
}

/** One article in an export: the stored entry and its search terms (so that a re-import finds it by its words). */
export interface ExportedArticle extends HistoryEntry {
  terms: string[];
}

/** An export file (JSON). */
export interface HistoryExport {
  format: 'backstory-history';
  version: 1;
  /** Epoch ms. */
  exportedAt: number;
  articles: ExportedArticle[];
}
