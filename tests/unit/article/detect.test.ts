// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { classifyPage } from '@/utils/article/detect';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

const SENTENCE =
  'The committee heard evidence from residents, engineers and the county surveyor over three long sessions before reaching its decision on the plan.';
const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p>${i + 1}. ${SENTENCE} ${SENTENCE}</p>`).join('');
const teasers = (n: number, tag = 'article') =>
  Array.from(
    { length: n },
    (_, i) =>
      `<${tag} class="card"><h3><a href="/news/2024/story-number-${i}">Headline number ${i} about the town and its council</a></h3><p>A standfirst of moderate length summarising the story number ${i} for the reader.</p></${tag}>`,
  ).join('');
const page = (head: string, body: string) => parse(`<html><head>${head}</head><body>${body}</body></html>`);
const ARTICLE_URL = 'https://news.example/local/2024/05/01/committee-backs-plan';

describe('classifyPage', () => {
  it('accepts a plain article without any metadata', () => {
    const result = classifyPage(page('<title>Committee backs plan</title>', `<main><h1>Committee backs plan</h1>${paragraphs(8)}</main>`), ARTICLE_URL);
    expect(result.isArticle).toBe(true);
    expect(result.reason).toMatch(/^article/);
  });

  it('accepts a short article that isProbablyReaderable rejects when the page declares an article', () => {
    const body = `<article><h1>Road closed</h1><p>${SENTENCE}</p><p>${SENTENCE}</p></article>`;
    expect(classifyPage(page(ld({ '@type': 'NewsArticle', headline: 'Road closed' }), body), ARTICLE_URL).isArticle).toBe(true);
    expect(classifyPage(page('', body), ARTICLE_URL).isArticle).toBe(false);
  });

  it('rejects a front page of teasers even though it passes the readerability gate', () => {
    const long = Array.from({ length: 4 }, () => `<div class="lead"><h2><a href="/x/story-a-b-c">Lead headline for the day here</a></h2><p>${SENTENCE} ${SENTENCE}</p></div>`).join('');
    const result = classifyPage(page('<meta property="og:type" content="website">', `<main>${long}${teasers(12)}</main>`), 'https://news.example/');
    expect(result.isArticle).toBe(false);
    expect(result.reason).toMatch(/headline links/);
  });

  it('rejects teaser lists on an article-like URL with no metadata', () => {
    const long = Array.from({ length: 5 }, (_, i) => `<div class="item"><h3><a href="/s/${i}">Result headline number ${i} here</a></h3><p>${SENTENCE} ${SENTENCE}</p></div>`).join('');
    expect(classifyPage(page('', `<main>${long}${teasers(6, 'div')}</main>`), ARTICLE_URL).isArticle).toBe(false);
  });

  it('rejects pages that JSON-LD calls search results or a collection', () => {
    const body = `<main>${paragraphs(6)}</main>`;
    expect(classifyPage(page(ld({ '@type': 'SearchResultsPage' }), body), 'https://news.example/find').reason).toMatch(/SearchResultsPage/);
    expect(classifyPage(page(ld({ '@type': 'SearchResultsPage' }), body), 'https://news.example/find').isArticle).toBe(false);
    expect(classifyPage(page(ld({ '@type': 'CollectionPage' }) + '<meta property="og:type" content="website">', body), 'https://news.example/politics/').isArticle).toBe(false);
  });

  it('rejects a page whose JSON-LD lists several articles', () => {
    const items = [1, 2, 3, 4].map((n) => ({ '@type': 'NewsArticle', headline: `H${n}`, url: `https://news.example/${n}` }));
    const result = classifyPage(page(ld(items) + '<meta property="og:type" content="website">', `<main>${teasers(4)}${paragraphs(2)}</main>`), 'https://news.example/');
    expect(result.isArticle).toBe(false);
  });

  it('rejects an app page with many form controls and little prose', () => {
    const controls = Array.from({ length: 12 }, (_, i) => `<label>Field ${i} <input name="f${i}"></label>`).join('');
    const body = `<main><h1>Budget planner</h1><p>${SENTENCE} ${SENTENCE} ${SENTENCE}</p><form>${controls}<button>Go</button></form></main>`;
    const result = classifyPage(page('', body), 'https://news.example/tools/budget-planner-tool-2024');
    expect(result.isArticle).toBe(false);
  });

  it('counts app widgets and editable areas by their role or attribute, not only by tag', () => {
    const prose = `<h1>Route planner</h1>${paragraphs(3)}`;
    const widget = classifyPage(page('', `<main>${prose}<div role="application">Map</div></main>`), ARTICLE_URL);
    expect(widget).toEqual({ isArticle: false, reason: expect.stringMatching(/application widget/) });
    const canvas = classifyPage(page('', `<main>${prose}<div><canvas></canvas></div></main>`), ARTICLE_URL);
    expect(canvas.reason).toMatch(/application widget/);
    const editors = Array.from({ length: 16 }, (_, i) => (i % 2 ? '<div contenteditable="true"></div>' : '<div role="textbox"></div>')).join('');
    const editable = classifyPage(page('', `<main>${prose}${editors}</main>`), ARTICLE_URL);
    expect(editable).toEqual({ isArticle: false, reason: expect.stringMatching(/16 form controls/) });
  });

  it('rejects pages with too little prose whatever the metadata says', () => {
    const result = classifyPage(page(ld({ '@type': 'NewsArticle' }) + '<meta property="og:type" content="article">', '<main><h1>Video</h1><p>Watch.</p></main>'), ARTICLE_URL);
    expect(result).toEqual({ isArticle: false, reason: expect.stringMatching(/prose/) });
  });

  it('treats the URL only as a weak signal: an article on the home URL still counts', () => {
    const result = classifyPage(page(ld({ '@type': 'BlogPosting', headline: 'Hello' }), `<article>${paragraphs(8)}</article>`), 'https://blog.example/');
    expect(result.isArticle).toBe(true);
  });

  it('does not count paragraphs inside navigation, header, footer or aside as prose', () => {
    const furniture = `<header>${paragraphs(3)}</header><aside>${paragraphs(3)}</aside><footer>${paragraphs(3)}</footer>`;
    const result = classifyPage(page('', `${furniture}<main><p>${SENTENCE}</p></main>`), ARTICLE_URL);
    expect(result.isArticle).toBe(false);
  });

  it('does not mutate the document', () => {
    const doc = page(ld({ '@type': 'NewsArticle' }), `<main>${paragraphs(6)}</main>`);
    const before = doc.documentElement.outerHTML;
    classifyPage(doc, ARTICLE_URL);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
