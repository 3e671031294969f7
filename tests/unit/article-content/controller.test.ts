import { describe, expect, it, vi } from 'vitest';
import { createArticleController, isNewPage, type PageReading } from '@/entrypoints/article.content/controller';
import { makeArticle } from '../components/fixtures';

function setup(readings: Array<PageReading | Error>) {
  const read = vi.fn(() => {
    const next = readings.shift();
    if (!next) throw new Error('read more often than expected');
    if (next instanceof Error) throw next;
    return next;
  });
  const send = vi.fn(async () => ({ recorded: true }));
  const sidebar = { show: vi.fn(), hide: vi.fn() };
  const controller = createArticleController({ read, send, sidebar });
  return { controller, read, send, sidebar };
}

const notArticle: PageReading = { isArticle: false, reason: 'front page', article: null };
const article = makeArticle();
const isArticle: PageReading = { isArticle: true, reason: 'article', article };

describe('article controller', () => {
  it('not an article: sends nothing and shows no sidebar', () => {
    const { controller, send, sidebar } = setup([notArticle]);
    expect(controller.update()).toBeNull();
    expect(send).not.toHaveBeenCalled();
    expect(sidebar.show).not.toHaveBeenCalled();
    expect(controller.current).toBeNull();
  });

  it('an article: sends it once, shows it and keeps it for getArticle', () => {
    const { controller, send, sidebar, read } = setup([isArticle]);
    expect(controller.update()).toBe(article);
    expect(send).toHaveBeenCalledExactlyOnceWith(article);
    expect(sidebar.show).toHaveBeenCalledExactlyOnceWith(article);
    // Asking again (the popup's getArticle) neither re-reads nor re-sends.
    expect(controller.update()).toBe(article);
    expect(read).toHaveBeenCalledOnce();
    expect(send).toHaveBeenCalledOnce();
  });

  it('survives a background that is not ready (rejected or throwing send)', async () => {
    const { controller, send, sidebar } = setup([isArticle, isArticle]);
    send.mockRejectedValueOnce(new Error('Could not establish connection'));
    expect(() => controller.update()).not.toThrow();
    controller.invalidate();
    send.mockImplementationOnce(() => {
      throw new Error('Extension context invalidated');
    });
    expect(controller.update()).toBe(article);
    expect(sidebar.show).toHaveBeenCalledTimes(2);
    await Promise.resolve(); // the rejection above is handled, not unhandled
  });

  it('treats a failing extraction as "not an article"', () => {
    const { controller, send, sidebar } = setup([new Error('Readability blew up')]);
    expect(controller.update()).toBeNull();
    expect(send).not.toHaveBeenCalled();
    expect(sidebar.show).not.toHaveBeenCalled();
  });

  it('treats an article reading without an article as "not an article"', () => {
    const { controller, send } = setup([{ isArticle: true, reason: 'odd', article: null }]);
    expect(controller.update()).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it('after in-page navigation re-reads: a new article is sent and shown, a non-article removes the sidebar', () => {
    const next = makeArticle({ url: 'https://www.example-news.com/next', title: 'Next story' });
    const { controller, send, sidebar } = setup([isArticle, { isArticle: true, reason: '', article: next }, notArticle]);
    controller.update();
    controller.invalidate();
    expect(controller.current).toBe(article);
    expect(controller.update()).toBe(next);
    expect(send).toHaveBeenLastCalledWith(next);
    expect(sidebar.show).toHaveBeenLastCalledWith(next);
    controller.invalidate();
    expect(controller.update()).toBeNull();
    expect(sidebar.hide).toHaveBeenCalledOnce();
    expect(send).toHaveBeenCalledTimes(2);
    expect(controller.current).toBeNull();
  });
});

describe('isNewPage', () => {
  it('is true for a new path or query, false for a new #fragment only', () => {
    expect(isNewPage('https://n.test/a', 'https://n.test/b')).toBe(true);
    expect(isNewPage('https://n.test/a?page=1', 'https://n.test/a?page=2')).toBe(true);
    expect(isNewPage(new URL('https://n.test/a'), new URL('https://n.test/a#comments'))).toBe(false);
    expect(isNewPage('https://n.test/a#x', 'https://n.test/a#y')).toBe(false);
  });
});
