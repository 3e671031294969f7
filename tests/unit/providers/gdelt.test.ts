import { describe, expect, it } from 'vitest';
import { gdeltProvider, gdeltQuery } from '../../../utils/providers/gdelt';
import { ProviderFormatError } from '../../../utils/providers/types';
import type { RelatedQuery } from '../../../utils/related/types';
import { fixture } from './fixtures';

const query: RelatedQuery = {
  entities: [
    { name: 'Jürgen Häußler', type: 'person', variants: ['Jurgen Haussler', 'Haeussler'] },
    { name: 'EU', type: 'organization', variants: [] },
  ],
  keyTerms: ['Urteil', 'AI'],
  lang: 'de',
  region: 'DE',
  publishedAt: Date.parse('2025-05-06T08:15:00Z'),
  window: 'near',
};

describe('gdelt buildRequest', () => {
  it('quotes phrases, ORs variants in parentheses, adds sourcelang and an absolute date range', () => {
    const url = new URL(gdeltProvider.buildRequest(query)!.url);
    expect(url.pathname).toBe('/api/v2/doc/doc');
    expect(url.searchParams.get('mode')).toBe('ArtList');
    expect(url.searchParams.get('format')).toBe('json');
    expect(url.searchParams.get('query')).toBe('("Jürgen Häußler" OR "Jurgen Haussler" OR Haeussler) Urteil sourcelang:german');
    expect(url.searchParams.get('startdatetime')).toBe('20250503081500');
    expect(url.searchParams.get('enddatetime')).toBe('20250510081500');
  });

  it('never sends keywords shorter than 3 characters', () => {
    const q = gdeltQuery(query);
    expect(q).not.toMatch(/\bEU\b|\bAI\b/);
    expect(gdeltQuery({ ...query, entities: [{ name: 'UN', type: 'organization', variants: [] }], keyTerms: ['AI'] })).toBe('');
    expect(gdeltProvider.buildRequest({ ...query, entities: [], keyTerms: ['AI'] })).toBeNull();
  });

  it('uses timespan when the article has no date', () => {
    const url = new URL(gdeltProvider.buildRequest({ ...query, publishedAt: null, window: 'wide' })!.url);
    expect(url.searchParams.get('timespan')).toBe('3months');
    expect(url.searchParams.has('startdatetime')).toBe(false);
  });

  it('keeps to one request per 5 seconds', () => {
    expect(gdeltProvider.minIntervalMs).toBe(5000);
  });
});

describe('gdelt parseResponse', () => {
  it('maps articles: seendate to ISO, language name to code, tracking and fragment removed', () => {
    const stories = gdeltProvider.parseResponse(fixture('gdelt', 'artlist.json'));
    expect(stories).toHaveLength(3);
    expect(stories[0]).toEqual({
      title: 'Harwick approves tidal barrier on River Ouse',
      url: 'https://www.hullpost.co.uk/news/harwick-approves-tidal-barrier-on-river-ouse',
      source: 'hullpost.co.uk',
      domain: 'hullpost.co.uk',
      publishedAt: '2025-03-14T13:30:00.000Z',
      description: null,
      lang: 'en',
      provider: 'gdelt',
    });
    expect(stories[1]!.title).toBe('Harwick tidal barrier gets green light, water authority to pay £19m');
    expect(stories[2]!.lang).toBe('de');
  });

  it('returns no stories for GDELT\'s empty {}', () => {
    expect(gdeltProvider.parseResponse(fixture('gdelt', 'empty.json'))).toEqual([]);
  });

  it('drops hostile entries and keeps the valid one', () => {
    const stories = gdeltProvider.parseResponse(fixture('gdelt', 'hostile.json'));
    expect(stories.map((s) => s.url)).toEqual([
      'https://evil.example/a',
      'https://long.example/a',
      'https://nodate.example/a',
      'https://ok.example/story',
    ]);
    const evil = stories[0]!;
    expect(evil.title).toBe('Headline');
    expect(evil.publishedAt).toBeNull();
    expect(evil.lang).toBeNull();
    expect(evil.source).not.toMatch(/</);
    expect(stories[1]!.title.length).toBeLessThanOrEqual(300);
    expect(stories[1]!.title.endsWith('…')).toBe(true);
  });

  it.each([
    ['error.html', /HTML page/],
    ['rate-limit.txt', /limit requests/],
    ['too-short.txt', /too short/],
    ['malformed.json', /malformed JSON/],
    ['articles-not-list.json', /not a list/],
  ])('throws ProviderFormatError for %s', (file, message) => {
    const body = fixture('gdelt', file);
    expect(() => gdeltProvider.parseResponse(body)).toThrow(ProviderFormatError);
    expect(() => gdeltProvider.parseResponse(body)).toThrow(message);
  });

  it('rejects a body over the size cap and an empty body', () => {
    expect(() => gdeltProvider.parseResponse(`{"articles":[${' '.repeat(4_000_001)}]}`)).toThrow(/too large/);
    expect(() => gdeltProvider.parseResponse('')).toThrow(ProviderFormatError);
  });
});
