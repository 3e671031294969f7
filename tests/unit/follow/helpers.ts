/** A followed story as the background stores it, for the follow tests. */
import type { FollowedStory } from '@/utils/follow/types';

export function makeFollow(overrides: Partial<FollowedStory> = {}): FollowedStory {
  return {
    id: 'story-1',
    title: 'Harwick council approves £48m flood barrier after late-night vote',
    outlet: 'The Riverside Courier',
    canonicalUrl: 'https://www.riverside-courier.co.uk/news/harwick-flood-barrier-vote.html',
    publishedAt: '2025-03-14T07:30:00Z',
    query: {
      lang: 'en',
      langTag: 'en-GB',
      entities: [
        { name: 'Harwick', type: 'place', variants: [] },
        { name: 'Priya Okafor', type: 'person', variants: ['Okafor'] },
      ],
      keyTerms: ['flood barrier', 'council'],
    },
    seenUrls: [],
    latest: [],
    newCount: 0,
    followedAt: Date.parse('2025-03-14T09:00:00Z'),
    lastCheckedAt: null,
    status: { state: 'waiting' },
    ...overrides,
  };
}
