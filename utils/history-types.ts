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
