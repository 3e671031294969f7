// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createSidebar, SIDEBAR_TAG } from '@/entrypoints/article.content/mount-sidebar';
import { makeArticle } from '../components/fixtures';

let ctx: ContentScriptContext;

beforeEach(() => {
  // The stylesheet is fetched from the extension; here there is none to fetch.
  vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('.bs-sidebar{color:red}'));
  ctx = new ContentScriptContext('article', { matches: [], cssInjectionMode: 'ui' });
});
afterEach(() => {
  ctx.abort();
  document.body.replaceChildren();
});

const host = () => document.querySelector(SIDEBAR_TAG);
const toggle = () => host()?.shadowRoot?.querySelector('button[aria-expanded]') ?? null;

describe('createSidebar', () => {
  it('mounts one host with the collapsed tab inside an open shadow root, then removes it', async () => {
    const sidebar = createSidebar(ctx);
    sidebar.show(makeArticle());
    await vi.waitFor(() => expect(toggle()).not.toBeNull());
    expect(document.querySelectorAll(SIDEBAR_TAG)).toHaveLength(1);
    expect(toggle()?.textContent).toBe('Backstory');
    expect(toggle()?.getAttribute('aria-expanded')).toBe('false');
    // Styles live in the shadow root, not in the page.
    expect(host()?.shadowRoot?.querySelector('style')?.textContent).toContain('.bs-sidebar{color:red}');
    expect(document.head.querySelector('style')).toBeNull();

    sidebar.hide();
    await vi.waitFor(() => expect(host()).toBeNull());
  });

  it('updates the mounted sidebar in place for a new article', async () => {
    const sidebar = createSidebar(ctx);
    sidebar.show(makeArticle());
    await vi.waitFor(() => expect(toggle()).not.toBeNull());
    (toggle() as HTMLButtonElement).click();
    sidebar.show(makeArticle({ title: 'Next story' }));
    await vi.waitFor(() => expect(host()?.shadowRoot?.querySelector('h2')?.textContent).toBe('Next story'));
    expect(document.querySelectorAll(SIDEBAR_TAG)).toHaveLength(1);
  });

  it('settles to the latest call when show and hide overlap its creation', async () => {
    const sidebar = createSidebar(ctx);
    sidebar.show(makeArticle());
    sidebar.hide();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(host()).toBeNull();
  });

  it('does nothing on hide when never shown', () => {
    createSidebar(ctx).hide();
    expect(fetch).not.toHaveBeenCalled();
    expect(host()).toBeNull();
  });
});
