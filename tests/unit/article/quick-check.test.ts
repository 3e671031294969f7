// @vitest-environment happy-dom
// @vitest-environment-options { "settings": { "handleDisabledFileLoadingAsSuccess": true } }
/**
 * The content script's quick check must never rule out a page the classifier would take for an
 * article (it decides whether the full reader is loaded at all), and should rule out the common
 * non-article pages (front, section, search, app page) so that they cost almost nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { classifyPage } from '@/utils/article/detect';
import { quickCheck } from '@/utils/article/quick-check';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** The fixture pages (tests/fixtures/pages; each expected.json says which real-world page it stands for), at their real URLs. */
const PAGES = join(__dirname, '../../fixtures/pages');
const fixtures = readdirSync(PAGES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = join(PAGES, entry.name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { url: string; isArticle: boolean };
    return { name: entry.name, html: readFileSync(join(dir, 'source.html'), 'utf8'), ...expected };
  });

describe('quickCheck on the fixture pages', () => {
  it.each(fixtures.filter((f) => f.isArticle).map((f) => [f.name, f] as const))('lets the article "%s" through to the reader', (_, fixture) => {
    expect(quickCheck(parse(fixture.html), fixture.url)).toBe(true);
  });

  it.each(fixtures.filter((f) => !f.isArticle).map((f) => [f.name, f] as const))('rules out the non-article "%s" without the reader', (_, fixture) => {
    expect(quickCheck(parse(fixture.html), fixture.url)).toBe(false);
    expect(classifyPage(parse(fixture.html), fixture.url).isArticle).toBe(false);
  });
});

// ------------------------------------------------------------ random pages against the classifier

/** A small deterministic generator (mulberry32), so that a failure can be replayed from its seed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const int = (max: number) => Math.floor(next() * (max + 1));
  return { next, pick, int };
}

const WORDS = 'council river bridge vote budget housing school residents plan mayor report court ruling storm election'.split(' ');
const CJK = '東京都議会は新しい計画を承認した';

function randomPage(seed: number): { html: string; url: string } {
  const r = random(seed);
  const sentence = () => Array.from({ length: 8 + r.int(20) }, () => r.pick(WORDS)).join(' ') + '.';
  const text = () => (r.next() < 0.1 ? CJK.repeat(1 + r.int(6)) : Array.from({ length: 1 + r.int(4) }, sentence).join(' '));
  const link = () => `<a href="${r.pick(['/a/story-one-two-three', '#top', 'https://other.example/x'])}">${sentence()}</a>`;
  const paragraph = () => `<p>${text()}${r.next() < 0.4 ? ` ${link()}` : ''}</p>`;
  const block = (): string => {
    switch (r.int(9)) {
      case 0:
        return `<nav>${Array.from({ length: r.int(6) }, link).join('')}${paragraph()}</nav>`;
      case 1:
        return `<article class="card"><h3>${link()}</h3>${paragraph()}</article>`;
      case 2:
        return `<div>${text()}<br>${text()}<br></div>`;
      case 3:
        return `<form action="/search"><input type="search" name="q" value="${r.pick(['', 'bridge vote'])}"></form>`;
      case 4:
        return `<ul>${Array.from({ length: 1 + r.int(5) }, () => `<li>${link()}</li>`).join('')}</ul>`;
      case 5:
        return `<aside>${paragraph()}</aside>`;
      case 6:
        return `<h2>${r.next() < 0.5 ? link() : sentence()}</h2>`;
      case 7:
        return `<pre>${text()}</pre>`;
      default:
        return `<div class="body">${Array.from({ length: 1 + r.int(6) }, paragraph).join('')}</div>`;
    }
  };
  const head = [
    r.pick([
      '',
      '<meta property="og:type" content="article">',
      '<meta property="og:type" content="website">',
      '<meta name="og:type" content="video.other">',
      // Spelled loosely: the quick check's selector must find what the metadata reader finds.
      '<meta property=" OG:Type " content="Article">',
      '<meta property="og:type" content=" "><meta itemprop="og:type" content="website">',
    ]),
    r.pick([
      '',
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"A"}</script>',
      '<script type="application/ld+json">{"@type":"CollectionPage","mainEntity":{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle"},{"@type":"NewsArticle"},{"@type":"NewsArticle"}]}}</script>',
      '<script type="application/ld+json">{"@type":"WebApplication","name":"Calculator"}</script>',
      '<script type="application/ld+json">{"@type":"SearchResultsPage"}</script>',
      '<script type="application/ld+json">{ broken json</script>',
      '<script type=" Application/LD+JSON; charset=utf-8">{"@type":"NewsArticle","headline":"A"}</script>',
      '<script type="text/x-ld+json-template">{"@type":"NewsArticle","headline":"A"}</script>',
      // An escaped type name: only parsing tells it is an article.
      '<script type="application/ld+json">{"@type":"News\\u0041rticle","headline":"A"}</script>',
    ]),
  ].join('');
  const main = Array.from({ length: r.int(14) }, block).join('');
  const body = r.next() < 0.5 ? `<main>${main}</main>` : main;
  const url = r.pick([
    'https://news.example/',
    'https://news.example/en/',
    'https://news.example/search?q=bridge',
    'https://news.example/topics/politics/',
    'https://news.example/2024/05/01/council-backs-new-bridge-plan',
    'https://news.example/local/bridge',
    'https://news.example/story/123456789',
  ]);
  return { html: `<html><head>${head}</head><body>${body}</body></html>`, url };
}

describe('quickCheck against the classifier', () => {
  // linkedom (the CLI's DOM): happy-dom would take a minute for this many pages.
  const parseFast = (html: string) => parseHTML(html).document as unknown as Document;
  it('never rules out a page the classifier takes for an article (1,500 random pages)', () => {
    let ruledOut = 0;
    let articles = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const { html, url } = randomPage(seed);
      const doc = parseFast(html);
      const possible = quickCheck(doc, url);
      const verdict = classifyPage(doc, url);
      if (verdict.isArticle) articles++;
      if (possible) continue;
      ruledOut++;
      // On failure: the seed replays the page.
      expect({ seed, isArticle: verdict.isArticle, reason: verdict.reason }).toEqual({ seed, isArticle: false, reason: verdict.reason });
    }
    // The generator makes both kinds, and the quick check rules out a good share of the pages.
    expect(articles).toBeGreaterThan(100);
    expect(ruledOut).toBeGreaterThan(200);
  }, 60_000);
});
