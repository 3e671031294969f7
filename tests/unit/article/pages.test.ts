// @vitest-environment happy-dom
// @vitest-environment-options { "settings": { "handleDisabledFileLoadingAsSuccess": true } }
/**
 * Table test over tests/fixtures/pages/<case>/{source.html, expected.json}: every case is
 * read with readPage under happy-dom (the unit-test DOM) and under linkedom (the CLI's DOM).
 * Each expected.json says in `standsFor` which real-world markup it stands for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/utils/article/extract';

interface Expected {
  standsFor: string;
  url: string;
  isArticle: boolean;
  title?: string;
  byline?: string | null;
  siteName?: string | null;
  publishedAt?: string | null;
  lang?: string | null;
  canonicalUrl?: string;
  textIncludes?: string[];
  textExcludes?: string[];
  minWords?: number;
  maxWords?: number;
}

const PAGES = join(__dirname, '../../fixtures/pages');
const cases = readdirSync(PAGES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = join(PAGES, entry.name);
    return {
      name: entry.name,
      html: readFileSync(join(dir, 'source.html'), 'utf8'),
      expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected,
    };
  });

const parsers: Array<[string, (html: string) => Document]> = [
  ['happy-dom', (html) => new DOMParser().parseFromString(html, 'text/html')],
  ['linkedom', (html) => parseHTML(html).document as unknown as Document],
];

/** The end of one sentence glued to the start of the next: the symptom of lost block boundaries. */
const GLUED_SENTENCES = /\p{Ll}[.!?]["”’)]?\p{Lu}/u;

it('has the required fixture cases, each saying what it stands for', () => {
  const names = cases.map((c) => c.name);
  for (const required of [
    'jsonld-only', 'opengraph-only', 'no-metadata', 'german', 'french', 'russian', 'japanese', 'paywall-teaser',
    'live-blog', 'front-page', 'search-results', 'section-page', 'app-page', 'comments-heavy',
    'captions-and-gallery', 'br-separated-lines', 'related-links-between-paragraphs',
  ]) {
    expect(names).toContain(required);
  }
  for (const c of cases) expect(c.expected.standsFor.length, c.name).toBeGreaterThan(30);
});

describe.each(parsers)('fixture pages under %s', (_parser, parse) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { html, expected }) => {
    const doc = parse(html);
    const before = doc.documentElement.outerHTML;
    const result = readPage(doc, expected.url);

    expect(doc.documentElement.outerHTML, 'the live document must not change').toBe(before);
    expect({ isArticle: result.isArticle, reason: result.reason }).toMatchObject({ isArticle: expected.isArticle });
    if (!expected.isArticle) {
      expect(result.article).toBeNull();
      return;
    }
    const article = result.article!;
    expect(article).not.toBeNull();
    const fields = ['title', 'byline', 'siteName', 'publishedAt', 'lang', 'canonicalUrl'] as const;
    for (const field of fields) {
      if (field in expected) expect(article[field], field).toBe(expected[field]);
    }
    expect(article.url).toBe(expected.url);
    for (const snippet of expected.textIncludes ?? []) expect(article.text).toContain(snippet);
    for (const snippet of expected.textExcludes ?? []) expect(article.text).not.toContain(snippet);
    expect(article.text).not.toMatch(GLUED_SENTENCES);
    expect(article.text).not.toMatch(/[ \t]{2,}|\n{3,}/);
    if (expected.minWords !== undefined) expect(article.wordCount).toBeGreaterThanOrEqual(expected.minWords);
    if (expected.maxWords !== undefined) expect(article.wordCount).toBeLessThanOrEqual(expected.maxWords);
    expect(article.readingMinutes).toBeGreaterThanOrEqual(1);
    expect(article.excerpt.length).toBeGreaterThan(0);
  });
});
