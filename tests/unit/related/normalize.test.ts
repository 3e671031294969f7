import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../utils/related/entities';
import { canonicalStoryUrl, capText, domainOf, htmlToText, makeStory, parseDate, stripSourceSuffix } from '../../../utils/related/normalize';

describe('parseDate', () => {
  it.each([
    ['Tue, 18 Mar 2025 17:40:00 GMT', '2025-03-18T17:40:00.000Z'],
    ['Tue, 18 Mar 2025 17:40:00 +0200', '2025-03-18T15:40:00.000Z'],
    ['18 Mar 25 17:40 EST', '2025-03-18T22:40:00.000Z'],
    ['Tuesday, 18 March 2025 17:40:00 Z', '2025-03-18T17:40:00.000Z'],
    ['2025-03-18T17:40:00Z', '2025-03-18T17:40:00.000Z'],
    ['2025-03-18T17:40:00.123-04:00', '2025-03-18T21:40:00.000Z'],
    ['2025-03-18T17:40+0530', '2025-03-18T12:10:00.000Z'],
    ['2025-03-18', '2025-03-18T00:00:00.000Z'],
    ['20250318T174000Z', '2025-03-18T17:40:00.000Z'],
  ])('parses %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each([null, '', 'yesterday', '2025-02-30', '20251399T996000Z', 'Fri, 45 Smarch 2025 99:99', '2025-03-18T25:00:00Z', '1900-01-01', 'x'.repeat(100)])(
    'returns null for %s',
    (raw) => {
      expect(parseDate(raw)).toBeNull();
    },
  );
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references once, leaving unknown ones', () => {
    expect(decodeEntities('a&amp;b &lt;i&gt; &quot;q&quot; &#39;s&#x27; &nbsp;&hellip; &eacute;&Uuml; &bogus; &amp;lt;')).toBe(
      'a&b <i> "q" \'s\' \u00a0… éÜ &bogus; &lt;',
    );
    expect(decodeEntities('&#0; &#xD800; &#1114112;')).toBe('\ufffd \ufffd \ufffd');
  });
});

describe('htmlToText', () => {
  it('removes tags, scripts and styles with their content, decodes entities, collapses whitespace', () => {
    expect(htmlToText('<p>One&nbsp;<b>two</b></p><script>alert(1)</script><style>p{}</style><p>three &amp; four</p>')).toBe('One two three & four');
    expect(htmlToText('<img src=x onerror=alert(1)>Hi')).toBe('Hi');
    expect(htmlToText('&lt;b&gt; stays visible')).toBe('<b> stays visible');
  });
});

describe('stripSourceSuffix', () => {
  it('strips " - Outlet", " | Outlet", " — Outlet" when the suffix names the outlet', () => {
    expect(stripSourceSuffix('Barrier approved - The Riverside Courier', 'The Riverside Courier')).toBe('Barrier approved');
    expect(stripSourceSuffix('Barrier approved | Riverside Courier', 'The Riverside Courier')).toBe('Barrier approved');
    expect(stripSourceSuffix('Barrier approved — BBC News', 'BBC')).toBe('Barrier approved');
    expect(stripSourceSuffix('Le Monde - Süddeutsche Zeitung', 'Suddeutsche Zeitung')).toBe('Le Monde');
  });

  it('leaves titles whose dash is part of the headline', () => {
    expect(stripSourceSuffix('Biden - the interview', 'Reuters')).toBe('Biden - the interview');
    expect(stripSourceSuffix('Barrier approved - Outlet', null)).toBe('Barrier approved - Outlet');
  });
});

describe('canonicalStoryUrl', () => {
  it('drops tracking parameters, fragments and credentials', () => {
    expect(canonicalStoryUrl('https://user:pw@a.example/x?utm_source=rss&id=3&fbclid=1#top')).toBe('https://a.example/x?id=3');
    expect(canonicalStoryUrl('/news/x', 'https://a.example/feed/')).toBe('https://a.example/news/x');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'ftp://a.example/x', 'https://nodot/x', '/relative', '', `https://a.example/${'x'.repeat(3000)}`])(
    'drops %s',
    (raw) => {
      expect(canonicalStoryUrl(raw)).toBeNull();
    },
  );
});

describe('domainOf and capText', () => {
  it('gives the host without www', () => {
    expect(domainOf('https://www.Reuters.com/x')).toBe('reuters.com');
    expect(domainOf('nope')).toBe('');
  });

  it('caps at a word boundary with an ellipsis and never splits a surrogate pair', () => {
    expect(capText('alpha beta gamma delta epsilon', 20)).toBe('alpha beta gamma…');
    expect(capText('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    expect(capText('short', 12)).toBe('short');
    expect(Array.from(capText('😀'.repeat(20), 10))).toHaveLength(10);
  });
});

describe('makeStory', () => {
  it('returns null without a usable URL or title', () => {
    expect(makeStory({ title: 'T', url: 'javascript:x', provider: 'p' })).toBeNull();
    expect(makeStory({ title: '<b></b>', url: 'https://a.example/x', provider: 'p' })).toBeNull();
  });

  it('prefers the source URL for the domain and falls back to the domain for the outlet name', () => {
    expect(makeStory({ title: 'T', url: 'https://news.google.com/x', sourceUrl: 'https://www.bbc.co.uk', provider: 'p' })).toMatchObject({
      domain: 'bbc.co.uk',
      source: 'bbc.co.uk',
    });
    expect(makeStory({ title: 'T', url: 'https://a.example/x', sourceUrl: 'a.example', provider: 'p', lang: 'not a lang!' })).toMatchObject({
      domain: 'a.example',
      lang: null,
    });
  });
});
