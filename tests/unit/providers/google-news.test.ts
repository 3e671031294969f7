import { describe, expect, it } from 'vitest';
import { googleNewsProvider, googleNewsQuery } from '../../../utils/providers/google-news';
import { ProviderFormatError } from '../../../utils/providers/types';
import type { RelatedQuery } from '../../../utils/related/types';
import { fixture } from './fixtures';

const query: RelatedQuery = {
  entities: [
    { name: 'Harwick', type: 'place', variants: [] },
    { name: 'Priya Okafor', type: 'person', variants: ['Okafor'] },
  ],
  keyTerms: ['flood barrier', 'councillors'],
  lang: 'en',
  region: 'GB',
  publishedAt: Date.parse('2025-03-14T07:30:00Z'),
  window: 'near',
};

describe('google-news buildRequest', () => {
  it('builds a search URL with hl, gl, ceid and a date window', () => {
    const req = googleNewsProvider.buildRequest(query)!;
    const url = new URL(req.url);
    expect(url.origin + url.pathname).toBe('https://news.google.com/rss/search');
    expect(url.searchParams.get('hl')).toBe('en-GB');
    expect(url.searchParams.get('gl')).toBe('GB');
    expect(url.searchParams.get('ceid')).toBe('GB:en');
    expect(url.searchParams.get('q')).toBe('("Priya Okafor" OR Okafor) Harwick "flood barrier" after:2025-03-11 before:2025-03-18');
  });

  it('uses when:7d when the article has no date, and the origin override', () => {
    const req = googleNewsProvider.buildRequest({ ...query, publishedAt: null }, 'http://127.0.0.1:4321')!;
    expect(req.url.startsWith('http://127.0.0.1:4321/rss/search?')).toBe(true);
    expect(new URL(req.url).searchParams.get('q')).toMatch(/ when:7d$/);
  });

  it('returns null when the query has nothing to search for', () => {
    expect(googleNewsProvider.buildRequest({ ...query, entities: [], keyTerms: [] })).toBeNull();
    expect(googleNewsQuery({ ...query, entities: [], keyTerms: [] })).toBe('');
  });
});

describe('google-news parseResponse', () => {
  it('maps items: outlet suffix stripped, domain from <source url>, date as ISO, redirect kept as url', () => {
    const stories = googleNewsProvider.parseResponse(fixture('google-news', 'search.xml'));
    const first = stories[0]!;
    expect(first).toMatchObject({
      title: 'Harwick approves tidal barrier on River Ouse',
      source: 'PA Regional',
      domain: 'paregional.co.uk',
      publishedAt: '2025-03-14T11:30:00.000Z',
      lang: 'en',
      provider: 'google-news',
    });
    expect(first.url).toMatch(/^https:\/\/news\.google\.com\/rss\/articles\//);
    expect(stories.find((s) => s.title.startsWith('Harwick & the river'))?.source).toBe('The Riverside Courier');
  });

  it('adds the <ol> cluster entries as more candidates, without repeating the item itself', () => {
    const stories = googleNewsProvider.parseResponse(fixture('google-news', 'search.xml'));
    const titles = stories.map((s) => s.title);
    expect(titles).toContain('Harwick flood barrier approved by 31 votes to 24');
    expect(titles).toContain('Harwick to get steel river gates as council backs barrier plan');
    expect(titles.filter((t) => t === 'Harwick approves tidal barrier on River Ouse')).toHaveLength(1);
    const clustered = stories.find((s) => s.source === 'Northern Daily')!;
    expect(clustered.domain).toBe('');
    expect(clustered.publishedAt).toBeNull();
    expect(stories).toHaveLength(5);
  });

  it('neutralises hostile items: markup stripped, bad links dropped, lengths capped, bad dates null', () => {
    const stories = googleNewsProvider.parseResponse(fixture('google-news', 'hostile.xml'));
    for (const s of stories) {
      expect(s.url).toMatch(/^https?:\/\//);
      expect(s.title.length).toBeLessThanOrEqual(300);
      expect(s.source.length).toBeLessThanOrEqual(100);
      expect(`${s.title} ${s.source}`).not.toMatch(/<|onerror/);
    }
    expect(stories.some((s) => /^(Javascript|Data) link story/.test(s.title))).toBe(false);
    expect(stories.some((s) => s.title === 'No link at all')).toBe(false);
    expect(stories.find((s) => s.title.startsWith('Barrier vote'))).toMatchObject({ title: 'Barrier vote', source: 'Evil Outlet' });
    expect(stories.find((s) => s.title.includes('invalid date'))?.publishedAt).toBeNull();
    expect(stories.find((s) => s.title.startsWith('Story without source'))).toMatchObject({ source: 'Bare Outlet', domain: '' });
    const long = stories.find((s) => s.title.startsWith('Harwick council approves'))!.title;
    expect(long.length).toBeLessThanOrEqual(300);
    expect(long.length).toBeGreaterThan(250);
    expect(long.endsWith('…')).toBe(true);
    expect(stories.some((s) => s.title === 'Evil cluster entry')).toBe(false);
    expect(stories.find((s) => s.title === 'Good cluster entry')?.source).toBe('Good & Co');
  });

  it('keeps the complete items of a truncated response', () => {
    const stories = googleNewsProvider.parseResponse(fixture('google-news', 'truncated.xml'));
    expect(stories.map((s) => s.title)).toContain('Harwick approves tidal barrier on River Ouse');
  });

  it('throws ProviderFormatError for an HTML consent page or non-XML', () => {
    expect(() => googleNewsProvider.parseResponse(fixture('google-news', 'consent.html'))).toThrow(ProviderFormatError);
    expect(() => googleNewsProvider.parseResponse('Service unavailable')).toThrow(ProviderFormatError);
    expect(() => googleNewsProvider.parseResponse('<feed><entry/></feed>')).toThrow(/expected <rss>/);
  });

  it('caps a huge response at 200 stories', () => {
    const item = (i: number) => `<item><title>Story ${i} - Outlet</title><link>https://news.google.com/rss/articles/X${i}</link><source url="https://o.example">Outlet</source></item>`;
    const body = `<rss><channel>${Array.from({ length: 5000 }, (_, i) => item(i)).join('')}</channel></rss>`;
    expect(googleNewsProvider.parseResponse(body)).toHaveLength(200);
  });
});
