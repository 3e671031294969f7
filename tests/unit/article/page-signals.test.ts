// @vitest-environment happy-dom
/**
 * The detection signals that need no content walk, as the quick check (run on every page) and the
 * classifier share them: they must read the same page the same way, however it is spelled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { effectiveLength, isSearchInput, leastProseFor, MIN_PROSE, proseSignal, SEARCH_INPUT_CANDIDATES, urlSignals } from '@/utils/article/page-signals';
import { ARTICLE_TYPES, jsonLdScripts, readDeclaredPageType, readOgType, readPageType } from '@/utils/article/page-type';
import { quickCheck } from '@/utils/article/quick-check';

const DOMS = {
  'happy-dom': (html: string) => new DOMParser().parseFromString(html, 'text/html'),
  linkedom: (html: string) => parseHTML(html).document as unknown as Document,
};
const page = (head: string, body = '') => `<html><head>${head}</head><body>${body}</body></html>`;
const weightOf = (url: string) => urlSignals(url).reduce((sum, s) => sum + s.weight, 0);

describe('urlSignals', () => {
  it.each([
    ['an ASCII slug of four words', 'https://news.example/local/council-backs-new-bridge', 0.5],
    ['a Cyrillic slug (Russian news sites)', 'https://news.example/obshchestvo/%D1%81%D0%BE%D0%B2%D0%B5%D1%82-%D0%BE%D0%B4%D0%BE%D0%B1%D1%80%D0%B8%D0%BB-%D0%BD%D0%BE%D0%B2%D1%8B%D0%B9-%D0%BC%D0%BE%D1%81%D1%82', 0.5],
    ['an accented slug (Portuguese)', 'https://news.example/politica/c%C3%A2mara-aprova-nova-ponte-sobre-o-rio', 0.5],
    ['a dated path', 'https://news.example/2024/05/story', 0.5],
    ['a long story number', 'https://news.example/story/1234567', 0.5],
    ['a page file', 'https://news.example/news/bridge.html', 0.5],
    ['a short non-ASCII path', 'https://news.example/%D0%BC%D0%BE%D1%81%D1%82', 0],
    ['a three-word slug', 'https://news.example/local/new-bridge-plan', 0],
    ['a home page', 'https://news.example/', -2],
    ['a search page', 'https://news.example/search?q=bridge', -1.5],
    ['a tag page', 'https://news.example/tags/bridges/', -1],
    // The patterns take no `i` flag; the path's ASCII letters are lower-cased instead.
    ['a home page file in capitals', 'https://news.example/Index.HTML', -2],
    ['a language home page in capitals', 'https://news.example/EN-GB/', -2],
    ['a search path in capitals', 'https://news.example/Search/bridge', -1.5],
    ['a listing path in capitals', 'https://news.example/Tags/Bridges/', -1],
    // U+212A KELVIN SIGN lower-cases to "k", but a case-insensitive pattern never matched it to [a-z].
    ['a two-letter path of Kelvin signs, which is no language home page', 'https://news.example/%E2%84%AA%E2%84%AA/', 0],
    ['a stray % in a slug', 'https://news.example/100%-true-story-of-the-bridge', 0.5],
    // Sites that still encode paths in Latin-1: decodeURIComponent throws on them.
    ['a Latin-1 escape (not UTF-8)', 'https://news.example/actualit%E9/pont-sur-la-riviere-ouvert', 0.5],
    ['a Latin-1 escape in a search path', 'https://news.example/recherche/caf%E9', -1.5],
  ])('reads %s', (_, url, weight) => {
    expect(weightOf(url)).toBe(weight);
  });

  it('takes any path that is not a search or a listing as article-like in the best case', () => {
    expect(weightOf('https://news.example/%D0%BC%D0%BE%D1%81%D1%82')).toBe(0);
    expect(urlSignals('https://news.example/%D0%BC%D0%BE%D1%81%D1%82', { bestCase: true }).map((s) => s.weight)).toEqual([0.5]);
  });
});

describe.each(Object.entries(DOMS))('SEARCH_INPUT_CANDIDATES, the quick check\'s search fields (%s)', (_, parse) => {
  it('selects every input isSearchInput accepts', () => {
    const inputs = [
      '<input type="search" value="bridge">',
      '<input type="SEARCH" value="">',
      '<input type=" search" value="x">',
      '<input type="text" name="q" value="bridge">',
      '<input name="query" value="x">',
      '<input name="Q" value="x">',
      '<input name="q">',
      '<input type="search">',
      '<input type="text" name="s" value="x">',
      '<input type="hidden" name="query" value="x">',
      '<input type="searchbox" value="x">',
      '<input type="\u017Fearch" value="x">',
      '<input type="text" value="x">',
    ];
    const doc = parse(page('', inputs.map((input, n) => input.replace('<input', `<input id="i${n}"`)).join('')));
    const accepted = Array.from(doc.querySelectorAll('input'))
      .filter(isSearchInput)
      .map((el) => el.id);
    expect(accepted).toEqual(['i0', 'i1', 'i3', 'i4', 'i9']);
    const candidates = Array.from(doc.querySelectorAll(SEARCH_INPUT_CANDIDATES), (el) => el.id);
    expect(candidates).toEqual(expect.arrayContaining(accepted));
    // And not the inputs that are plainly something else.
    expect(candidates).not.toContain('i8');
    expect(candidates).not.toContain('i12');
  });
});

describe('effectiveLength', () => {
  /** The definition, spelled the plain way: whitespace runs made one space, ends trimmed, CJK counting three. */
  const reference = (text: string) => {
    const collapsed = text.replace(/\s+/g, ' ').trim();
    return collapsed.length + 2 * (collapsed.match(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g)?.length ?? 0);
  };

  it('counts collapsed, trimmed text as the plain definition does', () => {
    for (const [text, length] of [['', 0], [' \n\t ', 0], ['word', 4], ['  two  words \n', 9], ['a\u00a0\u2003b', 3], ['東京 都', 10], ['\ufeffx\u3000', 1]] as const)
      expect(effectiveLength(text), JSON.stringify(text)).toBe(length);
  });

  it('agrees with the plain definition on random text made of every kind of whitespace', () => {
    // Every character JavaScript's \s matches, with letters, CJK, a zero-width space (not whitespace) and a surrogate pair.
    const alphabet = [...'\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff', 'a', 'Z', '1', '東', '한', '\u200b', '😀'];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let i = 0; i < 2_000; i++) {
      const text = Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(effectiveLength(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});

describe('leastProseFor', () => {
  it('gives the least prose whose signal weighs enough, never below MIN_PROSE', () => {
    for (const weight of [-3, -2, -1, 0, 0.25, 0.5, 1, 1.5, 2]) {
      const least = leastProseFor(weight)!;
      expect(least).toBeGreaterThanOrEqual(MIN_PROSE);
      expect(proseSignal(least)?.weight ?? 0).toBeGreaterThanOrEqual(weight);
      // One character less weighs less, or is below MIN_PROSE.
      if (least > MIN_PROSE) expect(proseSignal(least - 1)?.weight ?? 0).toBeLessThan(weight);
    }
  });

  it('is null when no amount of prose weighs enough', () => {
    expect(leastProseFor(2.5)).toBeNull();
  });
});

describe.each(Object.entries(DOMS))('page type read cheaply (%s)', (_, parse) => {
  it.each([
    ['a plain og:type', '<meta property="og:type" content="Article">', 'article'],
    ['spaces and capitals in the name', '<meta property=" OG:Type " content="website">', 'website'],
    ['a tag without content before the real one', '<meta property="og:type" content=" "><meta name="og:type" content="video.other">', 'video.other'],
    ['a lookalike name', '<meta property="og:typeface" content="serif">', null],
    ['none', '<meta name="description" content="x">', null],
  ])('readOgType agrees with readPageType: %s', (_, head, expected) => {
    const doc = parse(page(head));
    expect(readOgType(doc)).toBe(expected);
    expect(readPageType(doc).ogType).toBe(expected);
  });

  it('jsonLdScripts finds JSON-LD blocks however their type is spelled, and nothing else', () => {
    const doc = parse(
      page(
        [
          '<script src="/app.js"></script>',
          '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
          '<script type=" Application/LD+JSON; charset=utf-8">{"@type":"Person"}</script>',
          '<script type="text/x-ld+json-template">{"@type":"Event"}</script>',
          '<script type="application/json">{}</script>',
        ].join(''),
      ),
    );
    expect(jsonLdScripts(doc).map((s) => JSON.parse(s.textContent ?? '')['@type'])).toEqual(['NewsArticle', 'Person']);
  });
});

/** The fixture pages (tests/fixtures/pages; each expected.json says which real-world page it stands for). */
const FIXTURES = join(__dirname, '../../fixtures/pages');
const fixtureHeads = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => [entry.name, readFileSync(join(FIXTURES, entry.name, 'source.html'), 'utf8')] as const);

describe.each(Object.entries(DOMS))('readDeclaredPageType, the quick check\'s page type (%s)', (_, parse) => {
  /** What the classifier's score reads of a page type: everything but which article type it names. */
  const scored = (type: ReturnType<typeof readDeclaredPageType>) => ({ ...type, articleType: type.articleType !== null });
  const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;
  /** readPageType's page type, without what it was read from. */
  const fullType = (doc: Document) => {
    const { ogType, articleType, jsonLdTypes, topLevelArticleCount, listedArticleCount } = readPageType(doc);
    return { ogType, articleType, jsonLdTypes, topLevelArticleCount, listedArticleCount };
  };

  it.each([
    ['no JSON-LD', '<meta property="og:type" content="website">'],
    ['one article', ld('{"@type":"NewsArticle","headline":"A"}')],
    ['an article without a headline after one with it', ld('[{"@type":"BlogPosting"},{"@type":"NewsArticle","headline":"B"}]')],
    ['an article only nested in another entity', ld('{"@type":"WebPage","mainEntity":{"@type":"ReportageNewsArticle","headline":"A"}}')],
    ['three articles listed in a collection', ld('{"@type":"CollectionPage","mainEntity":{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle"},{"@type":"NewsArticle"},{"@type":"NewsArticle"}]}}')],
    ['three top-level articles (a front page\'s teasers)', ld('[{"@type":"NewsArticle","url":"/a"},{"@type":"NewsArticle","url":"/b"},{"@type":"Article","url":"/c"}]')],
    ['an @graph with a web page and an article', ld('{"@context":"https://schema.org","@graph":[{"@type":"WebPage","@id":"#p"},{"@type":["Article","NewsArticle"],"isPartOf":{"@id":"#p"}}]}')],
    ['a web application', ld('{"@type":"WebApplication","name":"Calculator"}')],
    ['an escaped type name', ld('{"@type":"News\\u0041rticle","headline":"A"}')],
    ['a schema.org URL as type, HTML-escaped headline', ld('{"@type":"http://schema.org/NewsArticle","headline":"Rock &amp;amp; roll"}')],
    ['broken JSON', ld('{ broken json')],
  ])('reads what readPageType reads for the score: %s', (_, head) => {
    const doc = parse(page(`${head}<meta property="og:type" content="article">`));
    const cheap = readDeclaredPageType(doc, readOgType(doc));
    expect(scored(cheap)).toEqual(scored(fullType(doc)));
    if (cheap.articleType) expect(ARTICLE_TYPES.has(cheap.articleType)).toBe(true);
  });

  it.each(fixtureHeads)('reads what readPageType reads for the score on the fixture page "%s"', (_, html) => {
    const doc = parse(html);
    expect(scored(readDeclaredPageType(doc, readOgType(doc)))).toEqual(scored(fullType(doc)));
  });
});

describe('quickCheck reads as little as decides', () => {
  /** A document whose paragraphs count every read of their text. */
  function counted(html: string) {
    const doc = DOMS['happy-dom'](html);
    let reads = 0;
    for (const p of Array.from(doc.querySelectorAll('p'))) {
      const text = p.textContent;
      Object.defineProperty(p, 'textContent', {
        get: () => {
          reads++;
          return text;
        },
      });
    }
    return { doc, reads: () => reads };
  }
  const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p>${`Paragraph ${i} of the story, long enough to count. `.repeat(6)}</p>`).join('');

  it('reads no paragraph of a search results page (search URL, the query in a search box, og:type website)', () => {
    const box = '<form action="/search"><input type="search" name="q" value="bridge"></form>';
    const { doc, reads } = counted(page('<meta property="og:type" content="website">', box + paragraphs(30)));
    expect(quickCheck(doc, 'https://news.example/search?q=bridge')).toBe(false);
    expect(reads()).toBe(0);
  });

  it('reads an article only until there is enough prose', () => {
    const { doc, reads } = counted(page('<meta property="og:type" content="article">', paragraphs(30)));
    expect(quickCheck(doc, 'https://news.example/2024/05/01/council-backs-bridge')).toBe(true);
    expect(reads()).toBeGreaterThan(0);
    expect(reads()).toBeLessThan(5);
  });

  it('reads every paragraph before it rules out a page for too little prose', () => {
    const { doc, reads } = counted(page('', '<p>Short.</p><p>Also short.</p>'));
    expect(quickCheck(doc, 'https://news.example/2024/05/01/council-backs-bridge')).toBe(false);
    expect(reads()).toBe(2);
  });
});
