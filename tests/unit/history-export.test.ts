import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_CHARS, csvCell, mergeEntries, parseHistoryExport, toCsv, toExportJson } from '@/utils/history-export';
import type { ExportedArticle } from '@/utils/history-types';

const entry: ExportedArticle = {
  canonicalUrl: 'https://example.com/a',
  url: 'https://example.com/a?ref=x',
  title: 'A "quoted", title',
  byline: null,
  siteName: 'Example',
  publishedAt: '2025-01-02T00:00:00Z',
  lang: 'en',
  excerpt: 'About A.',
  wordCount: 100,
  readingMinutes: 1,
  visits: [1000, 2000],
  lastVisitedAt: 2000,
  site: 'example.com',
  terms: ['quoted', 'title'],
};
const file = (articles: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'backstory-history', version: 1, exportedAt: 1, articles, ...extra });

describe('CSV', () => {
  it('quotes cells with quotes, commas and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}HYPERLINK("x")`)).toBe(`"'${start}HYPERLINK(""x"")"`);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a header and one CRLF-terminated row per article', () => {
    const csv = toCsv([{ ...entry, title: '=cmd' }]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('title,outlet,site,url,canonicalUrl,byline,publishedAt,lang,lastVisitedAt,visits');
    expect(lines[1]).toBe("'=cmd,Example,example.com,https://example.com/a?ref=x,https://example.com/a,,2025-01-02T00:00:00Z,en,1970-01-01T00:00:02.000Z,1970-01-01T00:00:01.000Z 1970-01-01T00:00:02.000Z");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
  });
});

describe('JSON export and import validation', () => {
  it('reads back its own export', () => {
    const json = toExportJson([entry], 5);
    expect(JSON.parse(json)).toMatchObject({ format: 'backstory-history', version: 1, exportedAt: 5 });
    expect(parseHistoryExport(json)).toEqual({ ok: true, articles: [entry] });
  });

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['another format', JSON.stringify({ format: 'other', version: 1, articles: [] }), /not a Backstory history export/],
    ['a newer version', file([], { version: 2 }), /Unsupported export version/],
    ['no article list', JSON.stringify({ format: 'backstory-history', version: 1 }), /no list of articles/],
    ['a javascript: URL', file([{ ...entry, url: 'javascript:alert(1)' }]), /Article 1: "url" must be an http\(s\) URL/],
    ['no visits', file([entry, { ...entry, visits: [] }]), /Article 2: "visits"/],
    ['a text visit time', file([{ ...entry, visits: ['yesterday'] }]), /"visits" must hold times/],
    ['a numeric title', file([{ ...entry, title: 42 }]), /"title" must be text/],
    ['a bad date', file([{ ...entry, publishedAt: 'soon' }]), /"publishedAt" must be a date/],
    ['terms that are not words', file([{ ...entry, terms: [1] }]), /"terms"/],
  ])('rejects %s with a clear message', (_, json, message) => {
    const result = parseHistoryExport(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('rejects a file over the size cap before parsing it', () => {
    const result = parseHistoryExport(' '.repeat(MAX_IMPORT_CHARS + 1));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/too large/) });
  });

  it('recomputes the site and last visit, sorts visits, and merges duplicates within the file', () => {
    const result = parseHistoryExport(file([
      { ...entry, site: 'evil.example', visits: [3000, 1000], lastVisitedAt: 1 },
      { ...entry, visits: [2000, 1000], terms: ['extra'] },
    ]));
    expect(result).toEqual({ ok: true, articles: [{ ...entry, visits: [1000, 2000, 3000], lastVisitedAt: 3000, terms: ['quoted', 'title', 'extra'] }] });
  });
});

describe('mergeEntries', () => {
  it('unions visits without duplicates, oldest first, and keeps the metadata of the newest visit', () => {
    const older = { ...entry, title: 'Old', visits: [1000, 2000], lastVisitedAt: 2000 };
    const newer = { ...entry, title: 'New', visits: [2000, 4000], lastVisitedAt: 4000 };
    expect(mergeEntries(older, newer)).toMatchObject({ title: 'New', visits: [1000, 2000, 4000], lastVisitedAt: 4000 });
    expect(mergeEntries(newer, older)).toMatchObject({ title: 'New', visits: [1000, 2000, 4000], lastVisitedAt: 4000 });
  });
});
