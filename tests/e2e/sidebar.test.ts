import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
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

    await page.keyboard.press('Escape');
    await expect.poll(() => sidebar.toggle.getAttribute('aria-expanded')).toBe('false');
    await sidebar.title(FLOOD.title).waitFor({ state: 'hidden' });
    // The news site's own headline is untouched.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(FLOOD.title);
  });

  it('is found by a detector built to be compiled at once (V8 compile hint on its first line, the reader without it)', async () => {
    // The detector runs on every page and nearly all of it runs there: wxt.config.ts puts V8's
    // explicit compile hint on its first line, after minification (which would drop the comment).
    const dir = inject('e2eExtensionDir');
    const [hint, code] = (await readFile(join(dir, 'detector.js'), 'utf8')).split('\n', 2);
    expect(hint).toBe('//# allFunctionsCalledOnLoad');
    expect(code).toMatch(/^\(function\(\)\{/);
    // The reader is large and much of it runs only on some pages (the sidebar, the retries): compiled lazily.
    expect(await readFile(join(dir, 'content-scripts/article.js'), 'utf8')).not.toContain('allFunctionsCalledOnLoad');
    // And the page is read by that detector: the sidebar comes.
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url(FLOOD.path));
    await new SidebarPage(page).toggle.waitFor();
  });

  it('counts the same-story coverage on the tab, and shows the top items and the names next to the tab', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url(FLOOD.path));
    const sidebar = new SidebarPage(page);

    await sidebar.toggle.filter({ hasText: /·/ }).waitFor({ timeout: 30_000 });
    const count = Number(/· (\d+)/.exec((await sidebar.toggle.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThanOrEqual(3);

    await sidebar.expand();
    await sidebar.panel.waitFor();
    expect(await sidebar.sameStoryItems.count()).toBeGreaterThanOrEqual(3);
    expect(await sidebar.sameStoryItems.count()).toBeLessThanOrEqual(5);
    expect(await sidebar.sameStoryItems.first().getByRole('link').getAttribute('href')).toMatch(/^https:\/\//);
    await saveScreenshot(page, 'article-with-sidebar', 'sidebar');
    const names = sidebar.panel.getByRole('region', { name: 'Who and where' });
    // Keyboard: Enter on a chip opens its explainer, Space closes it again.
    const chip = names.getByRole('button', { name: 'Priya Okafor' });
    await chip.focus();
    await page.keyboard.press('Enter');
    const card = sidebar.panel.getByRole('group', { name: 'About Priya Okafor' });
    await card.getByText('British politician, leader of Harwick City Council').waitFor();
    expect(await chip.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Space');
    await card.waitFor({ state: 'detached' });

    // The tab sits beside the panel, never over it.
    const tab = (await sidebar.toggle.boundingBox())!;
    const panel = (await sidebar.panel.boundingBox())!;
    expect(tab.x + tab.width).toBeLessThanOrEqual(panel.x + 1);
  });
});
