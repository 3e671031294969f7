// @vitest-environment happy-dom
// The content script's budget (#7 hostile pages): a page too large or too deep is not read at all,
// so it cannot freeze the reader's tab; normal pages pass.
import { describe, expect, it, vi } from 'vitest';
import { createArticleController, pageTooLarge } from '@/entrypoints/article.content/controller';

// Small limits: happy-dom itself cannot hold 40,000 elements or 10,000 levels quickly (the e2e
// hostile-page test checks the real limits on real pages in Chromium).
const MAX_ELEMENTS = 500;
const MAX_DEPTH = 40;
const limits = { maxElements: MAX_ELEMENTS, maxDepth: MAX_DEPTH };
import { makeArticle } from '../components/fixtures';

/** A document parsed from `body` (test markup, not untrusted text). */
function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>page</title></head><body>${body}</body></html>`, 'text/html');
}

describe('pageTooLarge', () => {
  it('uses limits above what news pages have and the parser builds', async () => {
    const real = await import('@/entrypoints/article.content/controller');
    expect(real.MAX_ELEMENTS).toBeGreaterThanOrEqual(20_000);
    expect(real.MAX_DEPTH).toBe(512);
  });

  it('lets an ordinary article page through', () => {
    const paragraphs = Array.from({ length: 100 }, (_, i) => `<p>Paragraph ${i} with <a href="#">a link</a>.</p>`).join('');
    expect(pageTooLarge(page(`<header><nav><ul><li>a</li></ul></nav></header><main><article><h1>T</h1>${paragraphs}</article></main>`), limits)).toBeNull();
  });

  it('gives up on more elements than any article has (an endless comment thread)', () => {
    const doc = page('');
    const thread = doc.createElement('section');
    for (let i = 0; i <= MAX_ELEMENTS; i++) thread.appendChild(doc.createElement('div'));
    doc.body.appendChild(thread);
    expect(pageTooLarge(doc, limits)).toMatch(/^page too large \(\d+ elements\)$/);
  });

  it('gives up on a tree deeper than the limit (made by script), and allows one just within', () => {
    const build = (levels: number) => {
      const doc = page('');
      let node: Element = doc.body;
      // html > body is 1 level deep already.
      for (let i = 1; i < levels; i++) node = node.appendChild(doc.createElement('div'));
      return doc;
    };
    expect(pageTooLarge(build(MAX_DEPTH), limits)).toBeNull();
    expect(pageTooLarge(build(MAX_DEPTH + 1), limits)).toBe(`page too deep (more than ${MAX_DEPTH} levels)`);
    expect(pageTooLarge(build(MAX_DEPTH * 3), limits)).toBe(`page too deep (more than ${MAX_DEPTH} levels)`);
  });

  it('measures depth across siblings, not only down the first branch', () => {
    const doc = page('<div><p>shallow</p></div><div id="deep"></div>');
    let node = doc.getElementById('deep')!;
    for (let i = 0; i < MAX_DEPTH; i++) node = node.appendChild(doc.createElement('span'));
    expect(pageTooLarge(doc, limits)).toMatch(/too deep/);
  });

  // A limit above the depth one query looks for (64 levels): a page that reaches it is walked.
  it('decides as exactly on pages deeper than most, which it walks', () => {
    const deepLimits = { maxElements: MAX_ELEMENTS, maxDepth: 100 };
    const build = (levels: number, siblings = 0) => {
      const doc = page('<div><p>first branch</p></div>');
      for (let i = 0; i < siblings; i++) doc.body.appendChild(doc.createElement('p'));
      let node: Element = doc.body.appendChild(doc.createElement('div'));
      for (let i = 2; i < levels; i++) node = node.appendChild(doc.createElement('div'));
      return doc;
    };
    for (const levels of [63, 64, 65, 80, 100]) expect(pageTooLarge(build(levels), deepLimits), `${levels} levels`).toBeNull();
    for (const levels of [101, 150]) expect(pageTooLarge(build(levels, 5), deepLimits), `${levels} levels`).toBe('page too deep (more than 100 levels)');
  });

  it('needs no look at the tree when it has fewer elements than the depth limit, whatever their shape', () => {
    // html, head, title, body and a chain: 4 + 36 elements, so at most 39 levels deep.
    const doc = page('');
    let node: Element = doc.body;
    for (let i = 0; i < MAX_DEPTH - 4; i++) node = node.appendChild(doc.createElement('div'));
    const query = vi.spyOn(doc, 'querySelector');
    expect(pageTooLarge(doc, limits)).toBeNull();
    expect(query).not.toHaveBeenCalled();
    node.appendChild(doc.createElement('div'));
    node.appendChild(doc.createElement('div'));
    expect(pageTooLarge(doc, limits)).toBeNull();
    expect(query).toHaveBeenCalled();
  });
});

describe('the controller with a page over the budget', () => {
  it('does not read the page, sends nothing and shows no sidebar', () => {
    const read = vi.fn(() => ({ isArticle: true, reason: 'article', article: makeArticle() }));
    const send = vi.fn(async () => ({ recorded: true }));
    const sidebar = { show: vi.fn(), hide: vi.fn() };
    const controller = createArticleController({ read, send, sidebar, tooLarge: () => 'page too large (90000 elements)' });
    expect(controller.update()).toBeNull();
    expect(read).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
    expect(sidebar.show).not.toHaveBeenCalled();
    expect(sidebar.hide).toHaveBeenCalled();
  });
});
