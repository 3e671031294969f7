import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Analysis } from '@/utils/analysis/types';
import {
  EXPLAINER_TTL_MS,
  createWikiClient,
  explainerContext,
  explainerTargets,
  resolveExplainer,
  type ExplainerCache,
} from '@/utils/context/explainers';
import type { EntityCacheRecord } from '@/utils/db';
import { Scheduler } from '@/utils/related/scheduler';
import { fakeFetch, fixtureBody, wikipediaRoute, type Route } from './fixtures';

const T0 = Date.parse('2025-03-14T12:00:00Z');

function memoryCache(writable = true) {
  const records = new Map<string, EntityCacheRecord>();
  const cache: ExplainerCache = {
    get: vi.fn(async (key: string) => records.get(key)),
    put: writable ? vi.fn(async (r: EntityCacheRecord) => void records.set(r.key, r)) : undefined,
  };
  return { cache, records };
}

function client(route: Route = (url) => wikipediaRoute(url), cache = memoryCache().cache, origin: string | null = null) {
  const net = fakeFetch(route);
  const wiki = createWikiClient({ scheduler: new Scheduler({ fetch: net.fetch, now: Date.now }), cache, now: Date.now, version: '0.1.0', origin });
  return { wiki, ...net };
}

/** Context words of the Northline strike story: it names the Ouse valley and Castlebury. */
const northline = ['Castlebury', 'Ouse', "Ouse Valley Rail Users' Group", 'strike', 'guards'];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('resolveExplainer', () => {
  it('explains a name that is a page title', async () => {
    const { wiki, requests } = client();
    const e = await resolveExplainer(wiki, { name: 'River Ouse', type: 'place' }, { lang: 'en', context: [] });
    expect(e).toEqual({
      name: 'River Ouse',
      type: 'place',
      state: 'ok',
      title: 'River Ouse, Yorkshire',
      description: 'River in North Yorkshire, England',
      extract: expect.stringContaining('North Yorkshire'),
      thumbnailUrl: expect.stringMatching(/^https:\/\/upload\.wikimedia\.org\//),
      url: 'https://en.wikipedia.org/wiki/River_Ouse,_Yorkshire',
      lang: 'en',
    });
    expect(requests.map((r) => r.url.pathname)).toEqual(['/api/rest_v1/page/summary/River_Ouse']);
    expect(requests[0]!.init?.headers).toMatchObject({ 'Api-User-Agent': 'Backstory/0.1.0 (open-source browser extension)' });
  });

  it("resolves a 'may refer to' page from the article's other names", async () => {
    const { wiki, requests } = client();
    const e = await resolveExplainer(wiki, { name: 'Harwick', type: 'place' }, { lang: 'en', context: northline });
    expect(e).toMatchObject({ state: 'ok', title: 'Harwick, North Yorkshire', url: 'https://en.wikipedia.org/wiki/Harwick,_North_Yorkshire' });
    expect(requests.map((r) => `${r.url.pathname}${r.url.search}`)).toEqual([
      '/api/rest_v1/page/summary/Harwick',
      '/w/rest.php/v1/search/title?q=Harwick&limit=5',
      '/api/rest_v1/page/summary/Harwick%2C_North_Yorkshire',
    ]);
  });

  it('offers the candidates when the article does not tell them apart', async () => {
    const { wiki } = client();
    const e = await resolveExplainer(wiki, { name: 'Harwick', type: 'other' }, { lang: 'en', context: ['council', 'vote'] });
    expect(e).toEqual({
      name: 'Harwick',
      type: 'other',
      lang: 'en',
      state: 'ambiguous',
      choices: [
        { title: 'Harwick, North Yorkshire', description: 'Market town on the River Ouse in North Yorkshire, England', url: 'https://en.wikipedia.org/wiki/Harwick%2C_North_Yorkshire' },
        { title: 'Harwick, Pennsylvania', description: 'Unincorporated community in Allegheny County, Pennsylvania, United States', url: 'https://en.wikipedia.org/wiki/Harwick%2C_Pennsylvania' },
      ],
    });
  });

  it('finds the page for a name that is not a title through the title search', async () => {
    const { wiki } = client((url) => {
      if (url.pathname.endsWith('/Priya_Okafor')) return new Response(fixtureBody('providers/wikipedia/not-found.json'), { status: 404 });
      if (url.pathname === '/w/rest.php/v1/search/title')
        return Response.json({ pages: [{ title: 'Priya Okafor (politician)', description: 'British local politician' }, { title: 'Okafor', description: 'Surname' }] });
      return new Response(fixtureBody('providers/wikipedia/summary-standard.json').replace(/River Ouse, Yorkshire/g, 'Priya Okafor (politician)'));
    });
    const e = await resolveExplainer(wiki, { name: 'Priya Okafor', type: 'person' }, { lang: 'en', context: [] });
    expect(e).toMatchObject({ state: 'ok', title: 'Priya Okafor (politician)' });
  });

  it('says not found for a name Wikipedia does not know (404 JSON body, no search hit)', async () => {
    const { wiki } = client();
    expect(await resolveExplainer(wiki, { name: 'Gareth Lindqvist', type: 'person' }, { lang: 'en', context: [] })).toEqual({
      name: 'Gareth Lindqvist',
      type: 'person',
      lang: 'en',
      state: 'not-found',
    });
  });

  it("falls back to English when the article's edition has no page", async () => {
    const { wiki, requests } = client((url) => (url.hostname === 'de.wikipedia.org' && url.pathname.includes('summary') ? new Response('{}', { status: 404 }) : wikipediaRoute(url)));
    const e = await resolveExplainer(wiki, { name: 'River Ouse', type: 'place' }, { lang: 'de', context: [] });
    expect(e).toMatchObject({ state: 'ok', lang: 'en', title: 'River Ouse, Yorkshire' });
    expect(requests.map((r) => r.url.hostname)).toEqual(['de.wikipedia.org', 'de.wikipedia.org', 'en.wikipedia.org']);
  });

  it('reports an error (not "not found") when Wikipedia is down, and does not cache it', async () => {
    const { cache, records } = memoryCache();
    const { wiki } = client(() => new Response(fixtureBody('providers/wikipedia/error.html'), { status: 503 }), cache);
    const e = await resolveExplainer(wiki, { name: 'River Ouse', type: 'place' }, { lang: 'de', context: [] });
    expect(e).toEqual({ name: 'River Ouse', type: 'place', lang: 'de', state: 'error', message: 'Wikipedia: HTTP 503' });
    expect(records.size).toBe(0);
  });

  it('reports a timeout as an error', async () => {
    const { wiki } = client(() => new Promise<Response>(() => {}));
    const pending = resolveExplainer(wiki, { name: 'River Ouse', type: 'place' }, { lang: 'en', context: [] });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(await pending).toMatchObject({ state: 'error', message: 'timed out after 4 s' });
  });
});

describe('explainer cache', () => {
  it('answers a second time from the cache for 7 days, then asks again', async () => {
    const { cache } = memoryCache();
    const pennsylvania = fixtureBody('providers/wikipedia/summary-harwick-town.json').replace(/Harwick, North Yorkshire/g, 'Harwick, Pennsylvania');
    const { wiki, requests } = client((url) => (url.pathname.endsWith('/Harwick%2C_Pennsylvania') ? new Response(pennsylvania) : wikipediaRoute(url)), cache);
    await resolveExplainer(wiki, { name: 'Harwick', type: 'place' }, { lang: 'en', context: northline });
    expect(requests).toHaveLength(3);
    // Another article: the same cached answers, resolved with its own context.
    const other = await resolveExplainer(wiki, { name: 'Harwick', type: 'place' }, { lang: 'en', context: ['Pennsylvania', 'Allegheny County'] });
    expect(other).toMatchObject({ state: 'ok', title: 'Harwick, Pennsylvania' });
    expect(requests.map((r) => r.url.pathname).at(-1)).toBe('/api/rest_v1/page/summary/Harwick%2C_Pennsylvania');
    expect(requests).toHaveLength(4);

    vi.setSystemTime(T0 + EXPLAINER_TTL_MS - 1);
    await resolveExplainer(wiki, { name: 'Harwick', type: 'place' }, { lang: 'en', context: northline });
    expect(requests).toHaveLength(4);
    vi.setSystemTime(T0 + EXPLAINER_TTL_MS);
    await resolveExplainer(wiki, { name: 'Harwick', type: 'place' }, { lang: 'en', context: northline });
    expect(requests).toHaveLength(7);
  });

  it('reads but never writes the cache when it has no writer (private windows)', async () => {
    const { cache, records } = memoryCache(false);
    records.set('summary:en:River Ouse', { key: 'summary:en:River Ouse', fetchedAt: T0, summary: { kind: 'not-found' } });
    const { wiki, requests } = client(undefined, cache);
    expect(await resolveExplainer(wiki, { name: 'River Ouse', type: 'place' }, { lang: 'en', context: [] })).toMatchObject({ state: 'not-found' });
    expect(requests.map((r) => r.url.pathname)).toEqual(['/w/rest.php/v1/search/title']);
    expect([...records.keys()]).toEqual(['summary:en:River Ouse']);
  });

  it('uses the build-time origin with ?lang= for every request', async () => {
    const { wiki, requests } = client(undefined, undefined, 'http://127.0.0.1:4321');
    await resolveExplainer(wiki, { name: 'Gareth Lindqvist', type: 'person' }, { lang: 'de', context: [] });
    expect(requests.map((r) => `${r.url.origin} ${r.url.searchParams.get('lang')}`)).toEqual([
      'http://127.0.0.1:4321 de',
      'http://127.0.0.1:4321 de',
      'http://127.0.0.1:4321 en',
      'http://127.0.0.1:4321 en',
    ]);
  });
});

describe('targets and context', () => {
  const analysis: Analysis = {
    lang: 'en',
    entities: [
      { name: 'Harwick', type: 'place', mentions: 5, variants: [] },
      { name: 'UN', type: 'organization', mentions: 4, variants: [] },
      { name: 'Priya  Okafor', type: 'person', mentions: 3, variants: ['Okafor'] },
      { name: 'harwick', type: 'place', mentions: 1, variants: [] },
      { name: 'River Ouse', type: 'place', mentions: 2, variants: [] },
      { name: 'Gareth Lindqvist', type: 'person', mentions: 1, variants: [] },
      { name: 'Joan Whitlock', type: 'person', mentions: 1, variants: [] },
      { name: 'Marsh Lane', type: 'place', mentions: 1, variants: [] },
    ],
    keyTerms: ['flood barrier'],
    summary: [],
  };

  it('explains the five most salient distinct names long enough to look up', () => {
    expect(explainerTargets(analysis).map((t) => t.name)).toEqual(['Harwick', 'Priya Okafor', 'River Ouse', 'Gareth Lindqvist', 'Joan Whitlock']);
  });

  it('gives the other names, their variants and the key terms as context', () => {
    expect(explainerContext(analysis)).toEqual(expect.arrayContaining(['Okafor', 'River Ouse', 'flood barrier']));
  });
});
