import type { Article } from '@/utils/article/types';
import type { HistoryEntry } from '@/utils/history-types';
import type { Explainer, ProviderStatus, StoryContext } from '@/utils/context/types';
import type { RankedStory } from '@/utils/related/types';

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

/** A ranked related story; override what the test is about. */
export function makeStory(overrides: Partial<RankedStory> = {}): RankedStory {
  return {
    title: 'Harbour bridge open again after repairs',
    url: 'https://coast-herald.test/news/bridge-open',
    source: 'Coast Herald',
    domain: 'coast-herald.test',
    publishedAt: '2025-11-28T08:00:00Z',
    description: null,
    lang: 'en',
    provider: 'google-news',
    score: 0.8,
    reasons: ['Shares: Harbour Bridge', '1 h earlier'],
    alsoIn: [],
    ...overrides,
  };
}

export function makeExplainer(overrides: Partial<Explainer> = {}): Explainer {
  return {
    name: 'Ana Souza',
    type: 'person',
    state: 'ok',
    title: 'Ana Souza',
    description: 'Brazilian engineer',
    extract: 'Ana Souza is a Brazilian civil engineer who led the harbour bridge repairs.',
    thumbnailUrl: 'https://upload.wikimedia.test/ana.jpg',
    url: 'https://en.wikipedia.org/wiki/Ana_Souza',
    lang: 'en',
    ...overrides,
  };
}

export function makeProvider(overrides: Partial<ProviderStatus> = {}): ProviderStatus {
  return { id: 'google-news', name: 'Google News', state: 'ok', count: 12, ...overrides };
}

/** A complete story context for `makeArticle()`; override what the test is about. */
export function makeContext(overrides: Partial<StoryContext> = {}): StoryContext {
  return {
    canonicalUrl: 'https://www.example-news.com/world/2025/11/28/harbour-bridge-reopens',
    analysis: {
      lang: 'en',
      entities: [
        { name: 'Ana Souza', type: 'person', mentions: 3, variants: ['Souza'] },
        { name: 'Lisbon', type: 'place', mentions: 2, variants: [] },
        { name: 'Port Authority', type: 'organization', mentions: 1, variants: [] },
      ],
      keyTerms: ['bridge', 'repairs'],
      summary: ['The harbour bridge reopened on Friday.', 'It carries 60,000 vehicles a day.', 'Repairs took two years.'],
    },
    related: {
      sameStory: [
        makeStory({ alsoIn: [{ source: 'Daily Wire Service', url: 'https://wire.test/a' }] }),
        makeStory({ title: 'Bridge traffic returns', url: 'https://metro.test/b', source: 'Metro', domain: 'metro.test' }),
      ],
      background: [
        makeStory({ title: 'Bridge closes for two years', url: 'https://metro.test/closed', source: 'Metro', domain: 'metro.test', publishedAt: '2023-05-02T10:00:00Z', reasons: ['Earlier coverage'] }),
      ],
    },
    providers: [makeProvider(), makeProvider({ id: 'gdelt', name: 'GDELT', count: 4 })],
    explainers: [makeExplainer()],
    timeline: [
      { title: 'Bridge closes for two years', url: 'https://metro.test/closed', source: 'Metro', publishedAt: '2023-05-02T10:00:00Z', kind: 'background' },
      { title: 'Harbour bridge reopens after two years of repairs', url: 'https://www.example-news.com/world/2025/11/28/harbour-bridge-reopens', source: 'Example News', publishedAt: '2025-11-28T09:30:00Z', kind: 'this' },
    ],
    source: { name: 'Example News', domain: 'example-news.com', country: 'GB', lang: 'en' },
    complete: true,
    updatedAt: Date.UTC(2025, 10, 28, 10),
    version: 1,
    ...overrides,
  };
}
