// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createSidebar } from '@/entrypoints/article.content/mount-sidebar';
import { SIDEBAR_TAG } from '@/entrypoints/article.content/sidebar-mode';
import type { StoryContext } from '@/utils/context/types';
import type { Article } from '@/utils/article/types';
import { makeArticle, makeContext, makeStory } from '../components/fixtures';

let ctx: ContentScriptContext;
let ask: Mock<(article: Article) => Promise<StoryContext>>;
/** The reader's stylesheet as the reader fetched it (`:root` rules included). */
const css = Promise.resolve(':root{--bs-accent:red} .bs-sidebar{color:red}');

beforeEach(() => {
  ctx = new ContentScriptContext('article', { matches: [], cssInjectionMode: 'manual' });
  ask = vi.fn(async () => makeContext({ complete: true }));
});
afterEach(() => {
  ctx.abort();
  document.body.replaceChildren();
});

const host = () => document.querySelector(SIDEBAR_TAG);
const toggle = () => host()?.shadowRoot?.querySelector('button[aria-expanded]') ?? null;

describe('createSidebar', () => {
  it('mounts one host with the collapsed tab inside an open shadow root, then removes it', async () => {
    const sidebar = createSidebar(ctx, { css, ask });
    sidebar.show(makeArticle());
    await vi.waitFor(() => expect(toggle()).not.toBeNull());
    expect(document.querySelectorAll(SIDEBAR_TAG)).toHaveLength(1);
    expect(toggle()?.textContent).toMatch(/^Backstory/);
    expect(toggle()?.getAttribute('aria-expanded')).toBe('false');
    // Styles live in the shadow root, not in the page; the page's root is the shadow host there.
    expect(host()?.shadowRoot?.querySelector('style')?.textContent).toContain('.bs-sidebar{color:red}');
    expect(host()?.shadowRoot?.querySelector('style')?.textContent).toContain(':host{--bs-accent:red}');
    expect(document.head.querySelector('style')).toBeNull();

    sidebar.hide();
    await vi.waitFor(() => expect(host()).toBeNull());
  });

  it('updates the mounted sidebar in place for a new article', async () => {
    const sidebar = createSidebar(ctx, { css, ask });
    sidebar.show(makeArticle());
    await vi.waitFor(() => expect(toggle()).not.toBeNull());
    (toggle() as HTMLButtonElement).click();
    sidebar.show(makeArticle({ title: 'Next story' }));
    await vi.waitFor(() => expect(host()?.shadowRoot?.querySelector('h2')?.textContent).toBe('Next story'));
    expect(document.querySelectorAll(SIDEBAR_TAG)).toHaveLength(1);
  });

  it('settles to the latest call when show and hide overlap its creation', async () => {
    const sidebar = createSidebar(ctx, { css, ask });
    sidebar.show(makeArticle());
    sidebar.hide();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(host()).toBeNull();
  });

  it('does nothing on hide when never shown', () => {
    createSidebar(ctx, { css, ask }).hide();
    expect(ask).not.toHaveBeenCalled();
    expect(host()).toBeNull();
  });

  it('asks for the story context as soon as an article is shown, before its shadow root exists, and shows that answer', async () => {
    let styled!: (text: string) => void;
    const slowCss = new Promise<string>((resolve) => (styled = resolve));
    const article = makeArticle();
    const answer = makeContext({ complete: true, related: { sameStory: [makeStory({ title: 'Strike talks resume' })], background: [] } });
    ask.mockResolvedValue(answer);
    const sidebar = createSidebar(ctx, { css: slowCss, ask });
    sidebar.show(article);
    sidebar.show(article, { startExpanded: true, toggles: 0 });
    expect(ask).toHaveBeenCalledExactlyOnceWith(article);
    expect(host()).toBeNull();
    styled('');
    await vi.waitFor(() => expect(host()?.shadowRoot?.textContent).toContain('Strike talks resume'));
    // The answer asked for on show is the one shown: no second ask.
    expect(ask).toHaveBeenCalledOnce();
  });
});
