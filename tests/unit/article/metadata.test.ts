// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cleanByline, normalizeDate, normalizeLang, readMetadata, readPageType, stripSiteSuffix } from '@/utils/article/metadata';

const URL_ = 'https://news.example/world/2024/05/01/story';
const doc = (head: string, body = '', htmlAttrs = '') =>
  new DOMParser().parseFromString(`<html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`, 'text/html');
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('readMetadata: JSON-LD', () => {
  it('reads a NewsArticle from an @graph, resolving author and publisher @id references', () => {
    const meta = readMetadata(
      doc(
        ld({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'Organization', '@id': '#org', name: 'Daily Example' },
            { '@type': 'Person', '@id': '#p1', name: 'Ada Lovelace' },
            {
              '@type': 'NewsArticle',
              headline: 'Markets rally',
              datePublished: '2024-05-01T10:00:00+02:00',
              dateModified: '2024-05-01T12:00:00+02:00',
              author: [{ '@id': '#p1' }, 'Charles Babbage'],
              publisher: { '@id': '#org' },
            },
          ],
        }),
      ),
      URL_,
    );
    expect(meta).toMatchObject({
      title: 'Markets rally',
      byline: 'Ada Lovelace, Charles Babbage',
      siteName: 'Daily Example',
      publishedAt: '2024-05-01T08:00:00.000Z',
      modifiedAt: '2024-05-01T10:00:00.000Z',
      articleType: 'NewsArticle',
      topLevelArticleCount: 1,
    });
  });

  it('accepts top-level arrays, @type arrays and schema.org URL types', () => {
    const meta = readMetadata(
      doc(ld([{ '@type': 'WebSite', name: 'Site' }, { '@type': ['http://schema.org/ReportageNewsArticle'], headline: 'H', author: { name: 'A B' } }])),
      URL_,
    );
    expect(meta.articleType).toBe('ReportageNewsArticle');
    expect(meta.byline).toBe('A B');
    expect(meta.jsonLdTypes).toEqual(expect.arrayContaining(['WebSite', 'ReportageNewsArticle']));
  });

  it('does not count live-blog updates or list members as separate articles', () => {
    const live = readMetadata(
      doc(ld({ '@type': 'LiveBlogPosting', headline: 'Live', liveBlogUpdate: [{ '@type': 'BlogPosting' }, { '@type': 'BlogPosting' }, { '@type': 'BlogPosting' }] })),
      URL_,
    );
    expect(live).toMatchObject({ articleType: 'LiveBlogPosting', topLevelArticleCount: 1, listedArticleCount: 0 });
    const list = readMetadata(
      doc(ld({ '@type': 'ItemList', itemListElement: [1, 2, 3].map((n) => ({ '@type': 'NewsArticle', headline: `H${n}`, url: `/a${n}` })) })),
      URL_,
    );
    expect(list.listedArticleCount).toBe(3);
    expect(list.topLevelArticleCount).toBe(0);
  });

  it('survives malformed JSON-LD and falls back to other blocks and meta tags', () => {
    const meta = readMetadata(
      doc(
        '<script type="application/ld+json">{ "@type": "NewsArticle", "headline": </script>' +
          '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Line\nbreak",}</script>' +
          '<meta property="og:site_name" content="OG Site">',
      ),
      URL_,
    );
    expect(meta.title).toBe('Line break');
    expect(meta.siteName).toBe('OG Site');
  });

  it.each([
    ['wrapped in an HTML comment (old CMS templates)', '<!-- {"@type":"NewsArticle","headline":"Wrapped"} -->'],
    ['wrapped in CDATA behind line comments (XHTML-era templates)', '//<![CDATA[\n{"@type":"NewsArticle","headline":"Wrapped"}\n//]]>'],
    ['wrapped in bare CDATA', '<![CDATA[ [{"@type":"NewsArticle","headline":"Wrapped"}] ]]>'],
    ['naming its type by URL', '{"@type":"http://schema.org/NewsArticle","headline":"Wrapped"}'],
    ['naming its type with a prefix and spaces', '{"@type":" schema:NewsArticle ","headline":"Wrapped"}'],
    ['naming its type after a fragment', '{"@type":"https://schema.org/#NewsArticle","headline":"Wrapped"}'],
  ])('reads a JSON-LD block %s', (_, raw) => {
    const page = doc(`<script type="application/ld+json">${raw}</script>`);
    expect(readMetadata(page, URL_)).toMatchObject({ articleType: 'NewsArticle', title: 'Wrapped' });
    expect(readPageType(page).articleType).toBe('NewsArticle');
  });

  it('returns nulls, not exceptions, for JSON-LD of the wrong shape', () => {
    for (const raw of ['null', '42', '"text"', '[null, 1, "x"]', '{"@type": 5, "author": {"name": 7}}', '<!-- -->']) {
      const meta = readMetadata(doc(`<script type="application/ld+json">${raw}</script>`), URL_);
      expect(meta.articleType).toBeNull();
      expect(meta.byline).toBeNull();
    }
  });
});

describe('readMetadata: meta tags and markup', () => {
  it('reads OpenGraph, article:published_time and meta author', () => {
    const meta = readMetadata(
      doc(
        '<meta property="og:title" content="Big story | Daily Example"><meta property="og:site_name" content="Daily Example">' +
          '<meta property="og:type" content="Article"><meta property="og:locale" content="pt_BR">' +
          '<meta property="article:published_time" content="2024-05-01T10:00:00Z"><meta name="author" content="Por Ana Souza">' +
          '<meta name="description" content="What happened.">',
      ),
      URL_,
    );
    expect(meta).toMatchObject({
      title: 'Big story',
      siteName: 'Daily Example',
      ogType: 'article',
      lang: 'pt-BR',
      publishedAt: '2024-05-01T10:00:00.000Z',
      byline: 'Ana Souza',
      description: 'What happened.',
    });
  });

  it('uses parsely/sailthru meta, <time datetime> and <html lang> when that is all there is', () => {
    expect(readMetadata(doc('<meta name="sailthru.date" content="2024-03-05 14:30:00">'), URL_).publishedAt).toBe(
      '2024-03-05T14:30:00.000Z',
    );
    expect(readMetadata(doc('<meta name="parsely-author" content="Kim Lee">'), URL_).byline).toBe('Kim Lee');
    const fromMarkup = readMetadata(doc('<title>T</title>', '<time datetime="2023-11-20T08:00:00-05:00">Nov 20</time>', 'lang="en-us"'), URL_);
    expect(fromMarkup.publishedAt).toBe('2023-11-20T13:00:00.000Z');
    expect(fromMarkup.lang).toBe('en-US');
  });

  it('ignores author meta that is a profile URL', () => {
    expect(readMetadata(doc('<meta name="author" content="https://news.example/authors/kim">'), URL_).byline).toBeNull();
  });

  it('reports the canonical URL', () => {
    expect(readMetadata(doc('<link rel="canonical" href="/c">'), URL_).canonicalUrl).toBe('https://news.example/c');
  });
});

describe('stripSiteSuffix', () => {
  it('removes the site name after |, -, – and —', () => {
    expect(stripSiteSuffix('Storm hits coast | Coastline Today', 'Coastline Today')).toBe('Storm hits coast');
    expect(stripSiteSuffix('Storm hits coast - Coastline Today', 'Coastline Today')).toBe('Storm hits coast');
    expect(stripSiteSuffix('Storm hits coast – Coastline Today', null, 'coastlinetoday.example')).toBe('Storm hits coast');
    expect(stripSiteSuffix('Storm hits coast — Coastline Today', 'Coastline Today')).toBe('Storm hits coast');
    expect(stripSiteSuffix('給食費を無償化｜例示新聞', '例示新聞')).toBe('給食費を無償化');
  });

  it('removes a short name-like suffix and a section before the site name', () => {
    expect(stripSiteSuffix('Council approves new bridge | Politics | The Gazette', 'The Gazette')).toBe('Council approves new bridge');
    expect(stripSiteSuffix('Council approves new bridge - WXYZ News', null, 'wxyz.example')).toBe('Council approves new bridge');
  });

  it('keeps dashes that belong to the headline', () => {
    expect(stripSiteSuffix('Biden - Trump debate draws record audience', 'Daily Example')).toBe(
      'Biden - Trump debate draws record audience',
    );
    expect(stripSiteSuffix('Prices rise in March - and again in April', 'Daily Example')).toBe(
      'Prices rise in March - and again in April',
    );
    expect(stripSiteSuffix('Retraites : ce qui change', 'Le Monde')).toBe('Retraites : ce qui change');
  });

  it('removes a leading site name', () => {
    expect(stripSiteSuffix('Daily Example | Markets rally after rate cut', 'Daily Example')).toBe('Markets rally after rate cut');
  });
});

describe('cleanByline', () => {
  it('strips a leading By / Von / Par / Por and trims', () => {
    expect(cleanByline('  By   Jane Doe ')).toBe('Jane Doe');
    expect(cleanByline('BY: Jane Doe')).toBe('Jane Doe');
    expect(cleanByline('Von Anna Schmidt und Jonas Weber')).toBe('Anna Schmidt und Jonas Weber');
    expect(cleanByline('Par Claire Dubois')).toBe('Claire Dubois');
    expect(cleanByline('Por Ana Souza')).toBe('Ana Souza');
  });

  it('keeps names that merely start like a prefix', () => {
    expect(cleanByline('Byron Hale')).toBe('Byron Hale');
    expect(cleanByline('Di Maio Luigi')).toBe('Di Maio Luigi');
  });

  it('returns null for empty, URL or implausibly long values', () => {
    expect(cleanByline('By ')).toBeNull();
    expect(cleanByline('https://news.example/authors/x')).toBeNull();
    expect(cleanByline('x'.repeat(300))).toBeNull();
  });
});

describe('normalizeDate', () => {
  it('returns UTC ISO strings for zoned, zone-less, date-only and space-separated forms', () => {
    expect(normalizeDate('2024-03-05T14:30:00+01:00')).toBe('2024-03-05T13:30:00.000Z');
    expect(normalizeDate('2024-03-05T14:30:00.123Z')).toBe('2024-03-05T14:30:00.123Z');
    expect(normalizeDate('2024-03-05T14:30')).toBe('2024-03-05T14:30:00.000Z');
    expect(normalizeDate('2024-03-05')).toBe('2024-03-05T00:00:00.000Z');
    expect(normalizeDate('2024-03-05 14:30:00 -0500')).toBe('2024-03-05T19:30:00.000Z');
    expect(normalizeDate('20240305T143000Z')).toBe('2024-03-05T14:30:00.000Z');
  });

  it('reads Unix timestamps and English dates', () => {
    expect(normalizeDate('1709649000')).toBe('2024-03-05T14:30:00.000Z');
    expect(normalizeDate('Tue, 05 Mar 2024 14:30:00 GMT')).toBe('2024-03-05T14:30:00.000Z');
    expect(normalizeDate('March 5, 2024')).toBe('2024-03-05T00:00:00.000Z');
  });

  it('returns null instead of an invalid date', () => {
    for (const bad of ['', 'yesterday', '2024-02-31', '2024-13-01', '0000-00-00', '1970-01-01T00:00:00Z', 'NaN', '2024-03-05T25:99']) {
      expect(normalizeDate(bad), bad).toBeNull();
    }
    expect(normalizeDate(null)).toBeNull();
  });
});

describe('normalizeLang', () => {
  it('turns locale forms into BCP 47 tags and rejects junk', () => {
    expect(normalizeLang('de_DE')).toBe('de-DE');
    expect(normalizeLang('EN-us')).toBe('en-US');
    expect(normalizeLang('fr, en')).toBe('fr');
    expect(normalizeLang('{{lang}}')).toBeNull();
    expect(normalizeLang('')).toBeNull();
  });
});

describe('readPageType', () => {
  it('gives detection the same page type as readMetadata (a front page listing its teasers in JSON-LD)', () => {
    const items = [1, 2, 3].map((n) => ({ '@type': 'NewsArticle', headline: `Story ${n}`, url: `https://news.example/${n}` }));
    const page = doc(ld({ '@type': 'CollectionPage', mainEntity: { '@type': 'ItemList', itemListElement: items } }) + '<meta property="og:type" content="Website">');
    const { index, metas, article, ...pageType } = readPageType(page);
    expect(pageType).toEqual({ ogType: 'website', articleType: 'NewsArticle', jsonLdTypes: ['CollectionPage', 'ItemList', 'NewsArticle'], topLevelArticleCount: 0, listedArticleCount: 3 });
    expect(readMetadata(page, URL_)).toMatchObject(pageType);
    expect(readMetadata(page, URL_, readPageType(page))).toEqual(readMetadata(page, URL_));
    expect([index.nodes.length, metas.get('og:type'), article?.headline]).toEqual([5, 'Website', 'Story 1']);
  });
});
