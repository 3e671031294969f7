import type { Article } from '@/utils/article/types';
import type { HistoryEntry } from '@/utils/history-types';

/** A complete, valid article; override what the test is about. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  return {
    url: 'https://www.example-news.com/world/2025/11/28/harbour-bridge-reopens?utm_source=x',
    canonicalUrl: 'https://www.example-news.com/world/2025/11/28/harbour-bridge-reopens',
    title: 'Harbour bridge reopens after two years of repairs',
    byline: 'Ana Souza and Lee Park',
    siteName: 'Example News',
    publishedAt: '2025-11-28T09:30:00Z',
    lang: 'en',
    excerpt: 'The crossing carries 60,000 vehicles a day.',
    text: 'The crossing carries 60,000 vehicles a day.\n\nIt closed in 2023.',
    wordCount: 850,
    readingMinutes: 4,
    ...overrides,
  };
}

/** A history entry; `visits` defaults to one visit at `lastVisitedAt`. */
export function makeEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  const lastVisitedAt = overrides.lastVisitedAt ?? Date.UTC(2025, 10, 28, 14, 5);
  return {
    canonicalUrl: 'https://example-news.com/a',
    url: 'https://example-news.com/a',
    title: 'An article',
    byline: null,
    siteName: 'Example News',
    publishedAt: null,
    lang: 'en',
    excerpt: '',
    wordCount: 400,
    readingMinutes: 2,
    visits: [lastVisitedAt],
    lastVisitedAt,
    site: 'example-news.com',
    ...overrides,
  };
}
