import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProviderFormatError } from '../../../utils/providers/types';
import { parseFeed, searchFeedItems } from '../../../utils/related/feed-parse';
import type { RelatedQuery, RelatedStory } from '../../../utils/related/types';

const feed = (file: string) => readFileSync(join(import.meta.dirname, '../../fixtures/providers/feeds', file), 'utf8');

describe('parseFeed', () => {
  it('reads RSS 2.0: entities, CDATA, relative links, guid permalinks, tracking removed', () => {
    const parsed = parseFeed(feed('rss2.xml'), 'https://www.ousevalleygazette.co.uk/feed/');
    expect(parsed.format).toBe('rss');
    expect(parsed.title).toBe('Ouse Valley Gazette – Local news');
    expect(parsed.items.map((i) => i.url)).toEqual([
      'https://www.ousevalleygazette.co.uk/news/harwick-barrier-vote/',
      'https://www.ousevalleygazette.co.uk/news/northline-strike-trains/',
      'https://www.ousevalleygazette.co.uk/news/guid-only/',
    ]);
    expect(parsed.items[0]).toMatchObject({
      title: 'Councillors back £48m tidal barrier for Harwick after marathon debate',
      description: 'Councillors in Harwick voted 31–24 for the River Ouse barrier …',
      publishedAt: '2025-03-14T09:00:00.000Z',
      source: 'Ouse Valley Gazette – Local news',
      lang: 'en',
      provider: 'feeds',
    });
  });

  it('reads Atom 1.0: alternate links, html titles, published before updated, xml:lang', () => {
    const parsed = parseFeed(feed('atom.xml'), 'https://www.sueddeutsche-rundschau.de/wirtschaft/atom.xml');
    expect(parsed.format).toBe('atom');
    expect(parsed.items).toHaveLength(2);
    expect(parsed.items[0]).toMatchObject({
      title: 'Urteil im Brenntal-Prozess: Häußler verurteilt',
      url: 'https://www.sueddeutsche-rundschau.de/wirtschaft/brenntal-urteil-1.4412',
      publishedAt: '2025-05-06T08:15:00.000Z',
      description: 'Sechs Jahre Haft für den früheren Brenntal-Chef.',
      lang: 'de',
    });
    expect(parsed.items[1]).toMatchObject({
      url: 'https://www.sueddeutsche-rundschau.de/wirtschaft/brenntal-explained-1.4415',
      description: 'What the court decided.',
      lang: 'en',
    });
  });

  it('reads JSON Feed 1.1 and drops items without title or http link', () => {
    const parsed = parseFeed(feed('jsonfeed.json'), 'https://www.techledger.example.com/feed.json');
    expect(parsed.format).toBe('json-feed');
    expect(parsed.items.map((i) => i.url)).toEqual([
      'https://www.techledger.example.com/2025/06/10/veltrix-norrsken-data-deal',
      'https://www.wireworld.example.com/veltrix-norrsken',
    ]);
    expect(parsed.items[1]!.publishedAt).toBe('2025-06-10T18:00:00.000Z');
  });

  it('reads RSS 1.0 (RDF) with dc:date', () => {
    const parsed = parseFeed(feed('rss1-rdf.xml'), 'https://gov.example.org/press/rss');
    expect(parsed.items).toEqual([
      expect.objectContaining({ title: 'Flood defence funding for Harwick confirmed', publishedAt: '2025-03-20T10:00:00.000Z', lang: 'en' }),
    ]);
  });

  it.each([
    ['not-a-feed.html', /web page, not a feed/],
    ['sitemap.xml', /expected <rss> or <rdf> or <feed>, got <urlset>/],
    ['json-not-feed.json', /not a JSON Feed/],
  ])('rejects %s with a clear error', (file, message) => {
    expect(() => parseFeed(feed(file), 'https://a.example/feed')).toThrow(ProviderFormatError);
    expect(() => parseFeed(feed(file), 'https://a.example/feed')).toThrow(message);
  });

  it('rejects empty and malformed bodies', () => {
    expect(() => parseFeed('', 'https://a.example/feed')).toThrow(/empty/);
    expect(() => parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [', 'https://a.example/feed')).toThrow(/malformed JSON/);
  });
});

describe('searchFeedItems', () => {
  const story = (title: string, publishedAt: string | null, description: string | null = null): RelatedStory => ({
    title, url: `https://a.example/${encodeURIComponent(title)}`, source: 'A', domain: 'a.example', publishedAt, description, lang: 'en', provider: 'feeds',
  });
  const query: RelatedQuery = {
    entities: [
      { name: 'Jürgen Häußler', type: 'person', variants: ['Haeussler'] },
      { name: 'Brenntal Energie', type: 'organization', variants: ['Brenntal'] },
    ],
    keyTerms: ['Urteil', 'Haftstrafe'],
    lang: 'de',
    region: 'DE',
    publishedAt: Date.parse('2025-05-06T08:15:00Z'),
    window: 'near',
  };
  const items = [
    story('Urteil gegen Haeussler gefallen', '2025-05-06T10:00:00Z'),
    story('Brenntal: Häußler muss in Haft', '2025-05-06T11:00:00Z'),
    story('Häußler wechselt zum VfB Stuttgart', '2025-05-06T11:00:00Z'),
    story('Brenntal-Prozess beginnt mit Urteil über Zeugen', '2025-01-06T11:00:00Z'),
    story('Ein Urteil in anderer Sache', '2025-05-06T11:00:00Z'),
    story('Wirtschaft kompakt', '2025-05-06T12:00:00Z', 'Das Urteil gegen Jürgen Häußler ist gefallen.'),
  ];

  it('finds items naming the story (accent- and spelling-insensitive) with a second piece of evidence, within the window', () => {
    const found = searchFeedItems(items, query).map((s) => s.title);
    expect(found.sort()).toEqual(['Brenntal: Häußler muss in Haft', 'Urteil gegen Haeussler gefallen', 'Wirtschaft kompakt']);
    expect(searchFeedItems(items, query)[0]!.title).toBe('Brenntal: Häußler muss in Haft');
  });

  it('ignores the time window when the article has no date, and honours the limit', () => {
    const found = searchFeedItems(items, { ...query, publishedAt: null }, { limit: 10 });
    expect(found.map((s) => s.title)).toContain('Brenntal-Prozess beginnt mit Urteil über Zeugen');
    expect(searchFeedItems(items, query, { limit: 1 })).toHaveLength(1);
  });
});
