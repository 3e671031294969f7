import { describe, expect, it } from 'vitest';
import type { Analysis } from '@/utils/analysis/types';
import { buildSourceInfo, buildTimeline, countryCode, entityKeys, gdeltSourceCountry, sharesStory } from '@/utils/context/timeline';
import type { HistoryEntry } from '@/utils/history-types';
import type { RankedStory } from '@/utils/related/types';

const article = {
  title: 'Harwick council approves flood barrier',
  canonicalUrl: 'https://www.riverside-courier.co.uk/news/harwick',
  siteName: 'The Riverside Courier',
  publishedAt: '2025-03-14T07:30:00Z',
};

const story = (url: string, publishedAt: string | null): RankedStory => ({
  title: `Story ${url}`,
  url,
  source: 'Outlet',
  domain: 'outlet.example',
  publishedAt,
  description: null,
  lang: 'en',
  provider: 'gdelt',
  score: 0.5,
  reasons: [],
  alsoIn: [],
});

const entry = (url: string, publishedAt: string | null, lastVisitedAt: number) =>
  ({ canonicalUrl: url, title: `Read ${url}`, siteName: null, site: 'harwicklive.co.uk', publishedAt, lastVisitedAt }) as HistoryEntry;

describe('buildTimeline', () => {
  it('orders the article, coverage and earlier reads by date, undated last, one row per URL', () => {
    const timeline = buildTimeline(
      article,
      { sameStory: [story('https://a.example/1', '2025-03-14T09:00:00Z'), story('https://a.example/undated', null)], background: [story('https://a.example/2', '2024-11-01T00:00:00Z')] },
      [entry('https://a.example/2', '2024-11-01T00:00:00Z', 500), entry('https://h.example/old', '2025-01-05T00:00:00Z', 400)],
      new Map([['https://a.example/1', 900]]),
    );
    expect(timeline.map((t) => [t.kind, t.url, t.readAt])).toEqual([
      ['background', 'https://a.example/2', undefined],
      ['history', 'https://h.example/old', 400],
      ['this', article.canonicalUrl, undefined],
      ['same-story', 'https://a.example/1', 900],
      ['same-story', 'https://a.example/undated', undefined],
    ]);
    expect(timeline[1]).toMatchObject({ source: 'harwicklive.co.uk', title: 'Read https://h.example/old' });
  });

  it('takes at most ten items of each list', () => {
    const many = Array.from({ length: 25 }, (_, i) => story(`https://a.example/${i}`, null));
    const timeline = buildTimeline(article, { sameStory: many, background: many.map((s) => ({ ...s, url: `${s.url}b` })) }, [], new Map());
    expect(timeline.filter((t) => t.kind === 'same-story')).toHaveLength(10);
    expect(timeline.filter((t) => t.kind === 'background')).toHaveLength(10);
  });

  it('names the outlet by domain when the article has no site name', () => {
    expect(buildTimeline({ ...article, siteName: null }, { sameStory: [], background: [] }, [], new Map())[0]!.source).toBe('riverside-courier.co.uk');
  });
});

describe('history matching', () => {
  const analysis: Pick<Analysis, 'entities'> = {
    entities: [
      { name: 'Harwick', type: 'place', mentions: 5, variants: [] },
      { name: 'Priya  Okafor', type: 'person', mentions: 3, variants: [] },
      { name: 'Ouse Estuary Trust', type: 'organization', mentions: 1, variants: [] },
      { name: 'UN', type: 'organization', mentions: 1, variants: [] },
    ],
  };

  it('keys entities by folded name', () => {
    expect(entityKeys(analysis)).toEqual(['harwick', 'priya okafor', 'ouse estuary trust']);
  });

  it('needs two shared names, or one person or organisation among the top three', () => {
    expect(sharesStory(['harwick', 'ouse estuary trust'], analysis)).toBe(true);
    expect(sharesStory(['priya okafor'], analysis)).toBe(true);
    expect(sharesStory(['harwick'], analysis)).toBe(false);
    expect(sharesStory([], analysis)).toBe(false);
  });
});

describe('source info', () => {
  it('gives name, domain, language, country and the outlet explainer', () => {
    expect(buildSourceInfo({ ...article, lang: 'en-GB' }, { lang: 'en' }, 'GB', { name: 'The Riverside Courier', type: 'outlet', state: 'not-found' })).toEqual({
      name: 'The Riverside Courier',
      domain: 'riverside-courier.co.uk',
      country: 'GB',
      lang: 'en',
      explainer: { name: 'The Riverside Courier', type: 'outlet', state: 'not-found' },
    });
  });

  it("maps GDELT's English country names to ISO codes", () => {
    expect(countryCode('United Kingdom')).toBe('GB');
    expect(countryCode('Germany')).toBe('DE');
    expect(countryCode('United States')).toBe('US');
    expect(countryCode('South Korea')).toBe('KR');
    expect(countryCode('Atlantis')).toBeNull();
  });

  it("reads the article's outlet's sourcecountry from a GDELT body", () => {
    const body = JSON.stringify({ articles: [{ domain: 'other.example', sourcecountry: 'France' }, { domain: 'riverside-courier.co.uk', sourcecountry: 'United Kingdom' }] });
    expect(gdeltSourceCountry(body, 'riverside-courier.co.uk')).toBe('GB');
    expect(gdeltSourceCountry(body, 'nowhere.example')).toBeNull();
    expect(gdeltSourceCountry('not json', 'riverside-courier.co.uk')).toBeNull();
    expect(gdeltSourceCountry('{}', 'riverside-courier.co.uk')).toBeNull();
  });
});
