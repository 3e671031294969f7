import { describe, expect, it } from 'vitest';
import { bingNewsProvider, unwrapBingLink } from '../../../utils/providers/bing-news';
import { ProviderFormatError } from '../../../utils/providers/types';
import type { RelatedQuery } from '../../../utils/related/types';
import { fixture } from './fixtures';

const query: RelatedQuery = {
  entities: [{ name: 'Northline', type: 'organization', variants: [] }],
  keyTerms: ['strike', 'guards'],
  lang: 'en',
  region: 'GB',
  publishedAt: null,
  window: 'near',
};

describe('bing-news buildRequest', () => {
  it('asks for RSS with the query, language and country', () => {
    const url = new URL(bingNewsProvider.buildRequest(query, 'http://127.0.0.1:9')!.url);
    expect(url.origin).toBe('http://127.0.0.1:9');
    expect(url.pathname).toBe('/news/search');
    expect(url.searchParams.get('q')).toBe('Northline strike guards');
    expect(url.searchParams.get('format')).toBe('rss');
    expect(url.searchParams.get('setlang')).toBe('en');
    expect(url.searchParams.get('cc')).toBe('GB');
  });
});

describe('bing-news parseResponse', () => {
  it('takes the real URL from the apiclick url= parameter and the outlet from News:Source', () => {
    const stories = bingNewsProvider.parseResponse(fixture('bing-news', 'search.xml'));
    expect(stories[0]).toEqual({
      title: 'Three days of disruption as Northline crews walk out over guard plan',
      url: 'https://www.ousevalleygazette.co.uk/news/northline-strike?id=7',
      source: 'Ouse Valley Gazette',
      domain: 'ousevalleygazette.co.uk',
      publishedAt: '2025-03-18T17:40:00.000Z',
      description: "The Rail and Transit Workers' Union said 86% of members backed the strike on a 71% turnout …",
      lang: null,
      provider: 'bing-news',
    });
    expect(stories[1]!.domain).toBe('transporttimes.example.com');
  });

  it('matches the Source element whatever the namespace prefix', () => {
    const [story] = bingNewsProvider.parseResponse(fixture('bing-news', 'other-prefix.xml'));
    expect(story).toMatchObject({ source: 'National Broadcast', url: 'https://nationalbroadcast.co.uk/news/northline-easter' });
  });

  it('neutralises hostile items', () => {
    const stories = bingNewsProvider.parseResponse(fixture('bing-news', 'hostile.xml'));
    expect(stories.map((s) => s.domain)).toEqual(['evil.example', 'long.example', 'direct.example']);
    const [evil, long, direct] = stories;
    expect(evil).toMatchObject({ title: 'Strike', source: 'Evil News', description: 'Desc with markup & entities' });
    expect(long!.title.length).toBeLessThanOrEqual(300);
    expect(long!.description!.length).toBeLessThanOrEqual(500);
    expect(long!.description!.length).toBeGreaterThan(450);
    expect(long!.source.length).toBeLessThanOrEqual(100);
    expect(long!.publishedAt).toBeNull();
    expect(direct!.url).toBe('https://direct.example/story');
  });

  it('throws ProviderFormatError for a challenge page', () => {
    expect(() => bingNewsProvider.parseResponse(fixture('bing-news', 'captcha.html'))).toThrow(ProviderFormatError);
  });
});

describe('unwrapBingLink', () => {
  it('returns the url parameter of bing.com links and other links unchanged', () => {
    expect(unwrapBingLink('http://www.bing.com/news/apiclick.aspx?ref=FexRss&url=https%3a%2f%2fa.example%2fx&c=1')).toBe('https://a.example/x');
    expect(unwrapBingLink('https://a.example/y?url=https://b.example')).toBe('https://a.example/y?url=https://b.example');
    expect(unwrapBingLink('not a url')).toBe('not a url');
  });
});
