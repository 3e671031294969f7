/** An article as extracted from a page. Plain JSON: it crosses the message boundary. */
export interface Article {
  /** The URL the page was loaded from. */
  url: string;
  /** `link[rel=canonical]` or `og:url`, absolute, minus tracking parameters; falls back to `url`. */
  canonicalUrl: string;
  /** Headline without the site's suffix. */
  title: string;
  /** Author names, without a leading "By"; null when unknown. */
  byline: string | null;
  /** Outlet name (`og:site_name`, JSON-LD publisher, …); null when unknown. */
  siteName: string | null;
  /** Publication time as ISO 8601, or null when the page does not say. */
  publishedAt: string | null;
  /** BCP 47 language tag from the markup (`<html lang>`, `og:locale`, …), else guessed from the text; null when unknown. */
  lang: string | null;
  /** A short description (meta description or the first paragraph). */
  excerpt: string;
  /** Article body as plain text; paragraphs separated by blank lines. */
  text: string;
  /** Number of words in `text`. */
  wordCount: number;
  /** Estimated reading time in whole minutes (at least 1). */
  readingMinutes: number;
}
