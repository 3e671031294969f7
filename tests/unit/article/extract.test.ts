// @vitest-environment happy-dom
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle, readPage } from '@/utils/article/extract';
import { validateArticle } from '@/utils/messaging';

const SENTENCE =
  'The committee heard evidence from residents, engineers and the county surveyor over three long sessions before reaching its decision.';
const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1}. ${SENTENCE} ${SENTENCE}</p>`).join('');
const HTML = `<!doctype html><html lang="en"><head><title>Committee backs plan - Daily Example</title>
<meta property="og:site_name" content="Daily Example"><meta property="og:type" content="article">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Committee backs the plan","author":"By Kim Lee","datePublished":"2024-05-01T09:00:00Z"}</script>
</head><body><nav><a href="/">Home</a></nav><main><article><h1>Committee backs the plan</h1>${body}</article></main></body></html>`;
const URL_ = 'https://daily.example/local/2024/05/01/committee-backs-plan?utm_source=x';

describe('extractArticle', () => {
  it('prefers metadata over Readability guesses and builds block text', () => {
    const article = extractArticle(new DOMParser().parseFromString(HTML, 'text/html'), URL_)!;
    expect(article).toMatchObject({
      url: URL_,
      canonicalUrl: 'https://daily.example/local/2024/05/01/committee-backs-plan',
      title: 'Committee backs the plan',
      byline: 'Kim Lee',
      siteName: 'Daily Example',
      publishedAt: '2024-05-01T09:00:00.000Z',
      lang: 'en',
    });
    expect(article.text.split('\n\n')).toHaveLength(6);
    expect(article.text.startsWith('Paragraph 1.')).toBe(true);
    expect(article.wordCount).toBe(6 * 40);
    expect(article.readingMinutes).toBe(1);
  });

  it('returns a payload the message protocol accepts', () => {
    const article = extractArticle(new DOMParser().parseFromString(HTML, 'text/html'), URL_)!;
    expect(validateArticle(article)).toEqual(article);
  });

  it('gives the same article under linkedom as under happy-dom', () => {
    const happy = extractArticle(new DOMParser().parseFromString(HTML, 'text/html'), URL_);
    const linked = extractArticle(parseHTML(HTML).document as unknown as Document, URL_);
    expect(linked).toEqual(happy);
  });

  it('never changes the live document', () => {
    const doc = new DOMParser().parseFromString(HTML, 'text/html');
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, URL_);
    readPage(doc, URL_);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('returns null when there is nothing readable', () => {
    expect(extractArticle(new DOMParser().parseFromString('<html><body></body></html>', 'text/html'), URL_)).toBeNull();
  });
});

/** The article built around `inner` (extra markup inside <article>), read under happy-dom and linkedom. */
function textsWith(inner: string): string[] {
  const html = HTML.replace('</article>', `${inner}</article>`);
  return [
    extractArticle(new DOMParser().parseFromString(html, 'text/html'), URL_)!.text,
    extractArticle(parseHTML(html).document as unknown as Document, URL_)!.text,
  ];
}

// What the copy for Readability loses or keeps before it runs (prepareCopy): Readability applies no
// style sheets and folds a <div class="hidden"><p> into a bare <p>, so off-screen blocks go first;
// it drops wrappers named "social", so an embedded post's wrapper loses that name. The first test
// and the embedded post fail without prepareCopy, the second if it removes too much; the fixture page
// related-sibling-posts covers a teaser block that shares the article's class.
describe('the copy Readability reads', () => {
  it('leaves out blocks that CSS keeps off screen (utility classes, tooltips, a capitalised component name)', () => {
    for (const text of textsWith(
      '<div class="sr-only"><p>Screen reader note: this article has six paragraphs and a chart.</p></div>' +
        '<div class="Article-Tooltip"><p>Hover card: Kim Lee covers local government for the paper.</p></div>',
    )) {
      expect(text).not.toMatch(/Screen reader note|Hover card/);
      expect(text).toContain('Paragraph 6.');
    }
  });

  it('finds every off-screen class name it knows, in the case style sheets write it', () => {
    const names = [
      'hidden', 'is-hidden', 'u-hidden', 'visually-hidden', 'visuallyhidden', 'sr-only', 'screen-reader-text', 'screenreader-only',
      'element-invisible', 'd-none', 'hide', 'invisible', 'offscreen', 'hovercard', 'hover-card', 'HoverCard', 'Hover-Card',
      'tooltip', 'Tooltip_root', 'popover', 'Popover', 'userHoverCard', 'ArticleTooltip', 'navPopover', 'card x_tooltip',
    ];
    const blocks = names.map((name, n) => `<div class="${name}"><p>Off-screen note ${n}: ${name}.</p></div>`).join('');
    for (const text of textsWith(blocks)) {
      expect(text).not.toMatch(/Off-screen note/);
      expect(text).toContain('Paragraph 6.');
    }
  });

  it('reads class names with their case, as style sheets match them: "SR-Only" or "HIDDEN" hides nothing', () => {
    for (const text of textsWith('<div class="SR-Only HIDDEN"><p>Printed note: the council meets again on Monday evening.</p></div>'))
      expect(text).toContain('Printed note: the council meets again on Monday evening.');
  });

  it('keeps a "hidden" block with more text than an aside has (an anti-flicker wrapper around the story)', () => {
    const long = `<div class="is-hidden"><p>Hidden wrapper. ${SENTENCE.repeat(18)}</p></div>`;
    for (const text of textsWith(long)) expect(text).toContain('Hidden wrapper.');
  });

  it('reads class names by whole words: "visually-hidden-label" hides nothing', () => {
    for (const text of textsWith(`<h2>Flood defences <span class="visually-hidden-label">and the vote</span> explained</h2><p>Last paragraph. ${SENTENCE}</p>`))
      expect(text).toContain('Flood defences and the vote explained');
  });

  it('keeps an embedded post in a wrapper named "social", which Readability would drop', () => {
    for (const text of textsWith(
      '<div class="social-embed"><blockquote class="embedded-post"><p>Resident post: the barrier saved our street last winter.</p></blockquote></div>',
    ))
      expect(text).toContain('Resident post: the barrier saved our street last winter.');
  });

  it('leaves out a block of teasers that a "You may also like" heading opens, summaries and all', () => {
    // Teasers with summaries are not link-dense, and the heading's class ("related") is one Readability drops.
    const teaser = (path: string, title: string) =>
      `<div><a href="${path}">${title}</a><p>${title} after a long debate in the chamber that ran late into the evening on Tuesday.</p></div>`;
    for (const text of textsWith(
      `<div class="story-body-more"><h3 class="related-title">You may also like</h3>${teaser('/a', 'Council sets new budget for roads')}${teaser('/b', 'School repairs begin in June')}</div>`,
    )) {
      expect(text).not.toMatch(/Council sets new budget|School repairs/);
      expect(text).toContain('Paragraph 6.');
    }
  });
});

describe('readPage', () => {
  it('classifies, then extracts', () => {
    const result = readPage(new DOMParser().parseFromString(HTML, 'text/html'), URL_);
    expect(result.isArticle).toBe(true);
    expect(result.article?.title).toBe('Committee backs the plan');
  });

  it('returns no article for a page that is not one, with the reason', () => {
    const result = readPage(new DOMParser().parseFromString('<html><body><p>Hi</p></body></html>', 'text/html'), 'https://daily.example/');
    expect(result).toEqual({ isArticle: false, reason: expect.any(String), article: null });
  });
});

describe('article language', () => {
  const page = (lang: string, paragraphs: string[]) =>
    `<!doctype html><html${lang}><head><title>Story</title></head><body><article><h1>Story</h1>${paragraphs
      .map((p) => `<p>${p} ${p}</p>`)
      .join('')}</article></body></html>`;
  const FRENCH = [
    'Le conseil municipal a voté mardi soir la création de quatre nouvelles pistes cyclables dans le centre de la ville.',
    'Les travaux doivent commencer au printemps et seront terminés avant la fin de l’année, selon la mairie qui a présenté le projet.',
    'Les commerçants du centre sont partagés sur le projet, qui pourrait attirer des clients mais gêner les livraisons pendant les travaux.',
  ];

  it('guesses the language from the text when the markup does not say', () => {
    const article = extractArticle(new DOMParser().parseFromString(page('', FRENCH), 'text/html'), URL_)!;
    expect(article.lang).toBe('fr');
  });

  it('keeps the language the markup declares over the guess', () => {
    const article = extractArticle(new DOMParser().parseFromString(page(' lang="fr-CA"', FRENCH), 'text/html'), URL_)!;
    expect(article.lang).toBe('fr-CA');
  });

  it('leaves the language unknown when the text gives no clear answer', () => {
    const names = ['Anna Berg 12 Olof Lind 14 Nils Dahl 9 Eva Holm 11 Jon Ek 10 Ida Sund 13 Tor Vik 8 Lars Moe 7 Ulla Fjell 15'];
    const article = extractArticle(new DOMParser().parseFromString(page('', [names[0]!, names[0]!, names[0]!]), 'text/html'), URL_);
    expect(article?.lang ?? null).toBeNull();
  });
});
