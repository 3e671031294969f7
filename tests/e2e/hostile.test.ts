import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PopupPage, SidebarPage } from './pages.mjs';
import { FLOOD, useExtension } from './support';

/**
 * What hostile provider text could have turned into inside `root` (the popup, or the sidebar's shadow
 * root): scripts, event-handler attributes, links or images that are not http(s), and whether any payload ran.
 */
function markupFound(page: Page, rootSelector: string) {
  return page.evaluate((selector) => {
    const host = document.querySelector(selector);
    const root = host?.shadowRoot ?? host;
    if (!root) return { missing: true };
    const elements = [...root.querySelectorAll('*')];
    return {
      missing: false,
      scripts: root.querySelectorAll('script').length,
      handlers: elements.flatMap((e) => e.getAttributeNames().filter((a) => a.startsWith('on')).map((a) => `${e.tagName}[${a}]`)),
      unsafeUrls: elements
        .flatMap((e) => [e.getAttribute('href'), e.getAttribute('src')])
        .filter((u): u is string => u !== null && !/^https?:\/\//.test(u)),
      pwned: (window as { __pwned?: number }).__pwned ?? null,
    };
  }, rootSelector);
}

describe('hostile provider responses', () => {
  const env = useExtension();

  it('render as inert text in the popup and the sidebar', async () => {
    const { browser, server } = env;
    for (const provider of ['google-news', 'gdelt', 'bing-news', 'wikipedia'] as const) server.setFault(provider, 'hostile');
    const dialogs: string[] = [];
    browser.context.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    const article = await browser.context.newPage();
    await article.goto(server.url(FLOOD.path));
    const tabId = await browser.tabIdFor(article);
    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
    await popup.contextSettled();

    // The hostile items are listed (the background may strip their markup, or keep it as text)…
    const same = await popup.sameStoryItems.allTextContents();
    expect(same.some((text) => text.includes('Harwick council flood barrier vote'))).toBe(true);
    expect(same.join(' ')).toContain('Harwick Gazette');
    // …every explainer is the hostile summary: shown, with its javascript: thumbnail dropped.
    await popup.chip('River Ouse').click();
    const card = popup.explainer('River Ouse');
    expect(await card.getByRole('heading').textContent()).toContain('Evil Corp');
    expect(await card.locator('img').count()).toBe(0);
    // …and nothing became markup, a script, a handler or a non-http(s) link.
    expect(await markupFound(popup.page, '.popup')).toEqual({ missing: false, scripts: 0, handlers: [], unsafeUrls: [], pwned: null });

    await article.bringToFront();
    const sidebar = new SidebarPage(article);
    await sidebar.toggle.filter({ hasText: /·/ }).waitFor({ timeout: 30_000 });
    await sidebar.expand();
    await sidebar.sameStoryItems.first().waitFor();
    await sidebar.panel.getByRole('button', { name: 'Priya Okafor' }).click();
    await sidebar.panel.getByRole('group', { name: 'About Priya Okafor' }).getByRole('heading').waitFor();
    expect(await markupFound(article, 'backstory-sidebar')).toEqual({ missing: false, scripts: 0, handlers: [], unsafeUrls: [], pwned: null });
    expect(dialogs).toEqual([]);
  });
});
