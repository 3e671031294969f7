import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SidebarPage } from './pages.mjs';
import { FLOOD, STRIKE, changeSettings, useExtension, waitForArticles } from './support';

type Rect = { left: number; right: number; top: number; bottom: number };

/**
 * Where the article's text sits: the article column, its headline and every paragraph of its body (the
 * fixture site lays out a 680 px text column and a 260 px rail, centred, as many news sites do).
 */
function textColumn(page: Page): Promise<{ column: Rect; blocks: Rect[]; scrollWidth: number }> {
  return page.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left + scrollX, right: r.right + scrollX, top: r.top + scrollY, bottom: r.bottom + scrollY };
    };
    const article = document.querySelector('main article');
    if (!article) throw new Error('no article column on this page');
    return {
      column: rect(article),
      blocks: [...article.querySelectorAll('h1, .standfirst, .article-body p')].map(rect),
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
}

/** The sidebar's fixed row (tab, and panel when open), in page coordinates. */
async function sidebarRect(sidebar: SidebarPage): Promise<Rect> {
  return sidebar.host.locator('.bs-sidebar').evaluate((row) => {
    const r = row.getBoundingClientRect();
    return { left: r.left + scrollX, right: r.right + scrollX, top: r.top + scrollY, bottom: r.bottom + scrollY };
  });
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the sidebar on wide screens', () => {
  const env = useExtension();

  for (const viewport of [
    { width: 1600, height: 900 },
    { width: 1366, height: 768 },
  ]) {
    for (const article of [FLOOD, STRIKE]) {
      it(`${viewport.width}×${viewport.height}, ${article.path}: never shifts or covers the text column, collapsed or open`, async () => {
        const { browser, server } = env;
        // First the page as it is without Backstory's sidebar (mode off: the content script still reads it).
        await changeSettings(browser, { sidebarMode: 'off' });
        const page = await browser.context.newPage();
        await page.setViewportSize(viewport);
        await page.goto(server.url(article.path));
        await waitForArticles(browser, (all) => all.some((a) => a.title === article.title));
        const sidebar = new SidebarPage(page);
        expect(await sidebar.count()).toBe(0);
        const before = await textColumn(page);
        expect(before.blocks.length).toBeGreaterThan(5);

        // The sidebar mounts, collapsed (the default mode)…
        await changeSettings(browser, { sidebarMode: 'collapsed' });
        await sidebar.toggle.waitFor();
        expect(await textColumn(page)).toEqual(before);
        const tab = await sidebarRect(sidebar);
        for (const block of [before.column, ...before.blocks]) expect(overlaps(tab, block)).toBe(false);

        // …and open, scrolled to the middle of the article too.
        await sidebar.expand();
        await sidebar.panel.waitFor();
        expect(await textColumn(page)).toEqual(before);
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 3));
        const open = await sidebarRect(sidebar);
        expect(open.right - open.left).toBeGreaterThan(300);
        for (const block of [before.column, ...before.blocks]) expect(overlaps(open, block)).toBe(false);
        expect(await textColumn(page)).toEqual(before);
        // No horizontal scrollbar appeared.
        expect(before.scrollWidth).toBeLessThanOrEqual(viewport.width);
      });
    }
  }
});
