import { describe, expect, it } from 'vitest';
import { MAX_EXTRACT, titlePath, wikiLang, wikipediaProvider } from '../../../utils/providers/wikipedia';
import { ProviderFormatError } from '../../../utils/providers/types';
import { fixture } from './fixtures';

const wiki = (file: string) => fixture('wikipedia', file);

describe('wikipedia requests', () => {
  it('asks the language edition by host, with the real REST path and an Api-User-Agent', () => {
    const request = wikipediaProvider.summaryRequest('Landgericht München I', 'de-DE', '0.1.0');
    expect(request.url).toBe('https://de.wikipedia.org/api/rest_v1/page/summary/Landgericht_M%C3%BCnchen_I');
    expect(request.headers).toMatchObject({ 'Api-User-Agent': 'Backstory/0.1.0 (open-source browser extension)' });
  });

  it('passes the language as ?lang= under an origin override, keeping the real paths', () => {
    expect(wikipediaProvider.summaryRequest('River Ouse', 'en', '0.1.0', 'http://127.0.0.1:4321').url).toBe(
      'http://127.0.0.1:4321/api/rest_v1/page/summary/River_Ouse?lang=en',
    );
    const search = new URL(wikipediaProvider.searchRequest('Harwick', 'fr', '0.1.0', 'http://127.0.0.1:4321').url);
    expect(search.origin).toBe('http://127.0.0.1:4321');
    expect(search.pathname).toBe('/w/rest.php/v1/search/title');
    expect(Object.fromEntries(search.searchParams)).toEqual({ q: 'Harwick', limit: '5', lang: 'fr' });
  });

  it('searches titles with a short query only', () => {
    const url = new URL(wikipediaProvider.searchRequest(`Harwick ${'x'.repeat(500)}`, 'en', '0.1.0').url);
    expect(url.host).toBe('en.wikipedia.org');
    expect(url.searchParams.get('q')!.length).toBeLessThanOrEqual(100);
  });

  it('falls back to English for language tags that are not an edition, and encodes titles safely', () => {
    expect(wikiLang('pt-BR')).toBe('pt');
    expect(wikiLang(null)).toBe('en');
    expect(wikiLang('x-klingon-1')).toBe('en');
    expect(wikiLang('evil.com/')).toBe('en');
    expect(titlePath('AC/DC  ?')).toBe('AC%2FDC_%3F');
  });
});

describe('wikipedia parseSummary', () => {
  it('maps a standard page: title, description, extract, thumbnail, desktop URL', () => {
    expect(wikipediaProvider.parseSummary(200, wiki('summary-standard.json'))).toEqual({
      kind: 'page',
      page: {
        type: 'standard',
        title: 'River Ouse, Yorkshire',
        description: 'River in North Yorkshire, England',
        extract: expect.stringMatching(/^The River Ouse is a river in North Yorkshire/),
        thumbnailUrl: 'https://upload.wikimedia.org/wikipedia/commons/thumb/0/0a/Ouse_at_York.jpg/320px-Ouse_at_York.jpg',
        url: 'https://en.wikipedia.org/wiki/River_Ouse,_Yorkshire',
      },
    });
  });

  it('recognises a disambiguation page', () => {
    const result = wikipediaProvider.parseSummary(200, wiki('summary-disambiguation.json'));
    expect(result).toMatchObject({ kind: 'page', page: { type: 'disambiguation', title: 'Harwick' } });
  });

  it('reads the JSON 404 body as not found', () => {
    expect(wikipediaProvider.parseSummary(404, wiki('not-found.json'))).toEqual({ kind: 'not-found' });
    expect(wikipediaProvider.parseSummary(200, wiki('not-found.json'))).toEqual({ kind: 'not-found' });
  });

  it('keeps percent-encoded page URLs of other editions', () => {
    expect(wikipediaProvider.parseSummary(200, wiki('summary-de.json'))).toMatchObject({
      page: { title: 'Landgericht München I', url: 'https://de.wikipedia.org/wiki/Landgericht_M%C3%BCnchen_I', thumbnailUrl: null },
    });
  });

  it('treats markup as text, drops a javascript: thumbnail and caps the extract', () => {
    const result = wikipediaProvider.parseSummary(200, wiki('hostile.json'));
    if (result.kind !== 'page') throw new Error('expected a page');
    expect(result.page.title).toBe('<img src=x onerror=alert(1)>Evil Corp');
    expect(result.page.thumbnailUrl).toBeNull();
    expect(result.page.extract.length).toBeLessThanOrEqual(MAX_EXTRACT);
  });

  it('rejects a page whose URL is not http(s)', () => {
    expect(() => wikipediaProvider.parseSummary(200, wiki('bad-url.json'))).toThrow(ProviderFormatError);
  });

  it('rejects HTML error pages, server errors and malformed JSON with a format error', () => {
    expect(() => wikipediaProvider.parseSummary(200, wiki('error.html'))).toThrow(/HTML page/);
    expect(() => wikipediaProvider.parseSummary(503, wiki('error.html'))).toThrow(/HTTP 503/);
    expect(() => wikipediaProvider.parseSummary(200, '{"type": "standard", "title": ')).toThrow(/malformed summary JSON/);
    expect(() => wikipediaProvider.parseSummary(200, '[]')).toThrow(ProviderFormatError);
  });
});

describe('wikipedia parseSearch', () => {
  it('maps title-search hits with their descriptions', () => {
    expect(wikipediaProvider.parseSearch(200, wiki('search-harwick.json'))).toEqual([
      { title: 'Harwick', description: 'Topics referred to by the same term' },
      { title: 'Harwick, North Yorkshire', description: 'Market town on the River Ouse in North Yorkshire, England' },
      { title: 'Harwick, Pennsylvania', description: 'Unincorporated community in Allegheny County, Pennsylvania, United States' },
      { title: 'Harwick Mill', description: 'Former cotton mill in Lancashire, England' },
    ]);
  });

  it('returns no hits for an empty search and rejects other shapes', () => {
    expect(wikipediaProvider.parseSearch(200, wiki('search-empty.json'))).toEqual([]);
    expect(() => wikipediaProvider.parseSearch(200, wiki('summary-standard.json'))).toThrow(/expected \{ pages/);
    expect(() => wikipediaProvider.parseSearch(500, '')).toThrow(/HTTP 500/);
  });

  it('skips malformed hits', () => {
    const body = JSON.stringify({ pages: [null, { title: 7 }, { title: '  ' }, { title: 'Ok', description: 42 }] });
    expect(wikipediaProvider.parseSearch(200, body)).toEqual([{ title: 'Ok', description: null }]);
  });
});
