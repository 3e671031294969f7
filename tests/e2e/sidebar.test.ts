import { describe, expect, it } from 'vitest';
import { SidebarPage } from './pages.mjs';
import { FLOOD, saveScreenshot, useExtension } from './support';

describe('sidebar on an article page', () => {
  const env = useExtension();

  it('starts collapsed, expands on click to show the title, and collapses on Escape', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url(FLOOD.path));
    const sidebar = new SidebarPage(page);

    await sidebar.toggle.waitFor();
    expect(await sidebar.count()).toBe(1);
    expect(await sidebar.toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await sidebar.title(FLOOD.title).isVisible()).toBe(false);

    await sidebar.expand();
    await expect.poll(() => sidebar.toggle.getAttribute('aria-expanded')).toBe('true');
    await sidebar.title(FLOOD.title).waitFor({ state: 'visible' });
    await saveScreenshot(page, 'article-with-sidebar', 'sidebar');

    await page.keyboard.press('Escape');
    await expect.poll(() => sidebar.toggle.getAttribute('aria-expanded')).toBe('false');
    await sidebar.title(FLOOD.title).waitFor({ state: 'hidden' });
    // The news site's own headline is untouched.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(FLOOD.title);
  });
});
