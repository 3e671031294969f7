// Keyboard-only use of every flow in real Chromium: Tab/Shift+Tab to move, Enter/Space to act, arrow keys
// on tabs and radios, Escape to close. No click anywhere. Every control reached shows a visible focus ring.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PopupPage, SidebarPage } from './pages.mjs';
import { FLOOD, STRIKE, openPopupFor, useExtension, waitForArticles } from './support';

/** Whether `locator`'s element has the focus (inside a shadow root too). */
const isFocused = (locator: Locator) => locator.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el);

/** Whether the focused element draws a visible focus indicator (an outline or a ring), on itself or its label. */
const hasVisibleFocus = (locator: Locator) =>
  locator.evaluate((el) => {
    const drawn = (e: Element | null) => {
      if (!e) return false;
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    };
    return drawn(el) || drawn(el.closest('label'));
  });

/**
 * Presses `key` (Tab or Shift+Tab) until `target` has the focus, at most `max` times; fails with what had
 * the focus instead. Then checks that the focus is visible.
 */
async function moveTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await target.count()) === 1 && (await isFocused(target))) {
      expect(await hasVisibleFocus(target), 'focus is visible').toBe(true);
      return;
    }
    await page.keyboard.press(key);
  }
  const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`${String(target)} not reached with ${key} in ${max} presses; focus is on ${active}`);
}

describe('keyboard-only use in Chromium', () => {
  const env = useExtension();

  it('popup: tabs with the arrow keys, an entity chip opens and closes its explainer card', async () => {
    const popup = await openPopupFor(env, FLOOD.path);
    const { page } = popup;
    await popup.contextSettled();
    await moveTo(page, popup.thisPageTab);
    await page.keyboard.press('ArrowRight');
    expect(await popup.historyTab.getAttribute('aria-selected')).toBe('true');
    expect(await isFocused(popup.historyTab)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await popup.thisPageTab.getAttribute('aria-selected')).toBe('true');

    const chip = popup.chip('Priya Okafor');
    await moveTo(page, chip);
    await page.keyboard.press('Enter');
    const card = popup.explainer('Priya Okafor');
    await card.getByText('British politician, leader of Harwick City Council').waitFor();
    expect(await chip.getAttribute('aria-expanded')).toBe('true');
    // The card's link is next in the Tab order; Shift+Tab returns to the chip, Space closes the card.
    await moveTo(page, card.getByRole('link', { name: 'Read on Wikipedia' }));
    await moveTo(page, chip, 'Shift+Tab');
    await page.keyboard.press('Space');
    await card.waitFor({ state: 'detached' });
  });

  it('History: search as you type, delete an article and undo, all from the keyboard', async () => {
    for (const article of [FLOOD, STRIKE]) {
      const page = await env.browser.context.newPage();
      await page.goto(env.server.url(article.path));
    }
    await waitForArticles(env.browser, (records) => records.length === 2);
    const popup = await PopupPage.open(await env.browser.context.newPage(), env.browser.extensionUrl);
    const { page } = popup;
    await moveTo(page, popup.thisPageTab);
    await page.keyboard.press('End');
    expect(await popup.thisPageTab.getAttribute('aria-selected')).toBe('false');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    expect(await popup.historyTab.getAttribute('aria-selected')).toBe('true');

    const search = page.getByRole('searchbox', { name: 'Search your history' });
    await moveTo(page, search);
    await page.keyboard.type('rail strike');
    const strike = page.getByRole('link', { name: STRIKE.title, exact: true });
    await strike.waitFor();
    await page.getByRole('link', { name: FLOOD.title, exact: true }).waitFor({ state: 'detached' });

    const remove = page.getByRole('button', { name: `Delete “${STRIKE.title}” from history` });
    await moveTo(page, remove);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `Deleted “${STRIKE.title}”` }).waitFor();
    await strike.waitFor({ state: 'detached' });
    await waitForArticles(env.browser, (records) => records.length === 1);
    await moveTo(page, page.getByRole('button', { name: 'Undo' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Restored' }).waitFor();
    await strike.waitFor();
    await waitForArticles(env.browser, (records) => records.length === 2);

    // Clear all: the dialog opens on Cancel, Escape closes it and nothing is deleted.
    await moveTo(page, page.getByRole('button', { name: 'Clear all…' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Clear your whole history?' });
    await dialog.waitFor();
    expect(await isFocused(dialog.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await env.browser.readArticles()).length).toBe(2);
  });

  it('options: a source toggled with Space, the sidebar mode with the arrow keys, a feed added with Enter', async () => {
    const options = await env.browser.context.newPage();
    await options.goto(env.browser.extensionUrl('options.html'));
    await options.getByRole('heading', { name: 'Backstory settings' }).waitFor();

    const bing = options.getByRole('checkbox', { name: /^Bing News/ });
    await moveTo(options, bing);
    await options.keyboard.press('Space');
    await expect.poll(() => bing.isChecked()).toBe(false);

    const tabMode = options.getByRole('radio', { name: /^A small tab/ });
    await moveTo(options, tabMode);
    await options.keyboard.press('ArrowDown');
    await expect.poll(() => options.getByRole('radio', { name: /^Open/ }).isChecked()).toBe(true);

    const address = options.getByRole('textbox', { name: /Feed address/ });
    await moveTo(options, address);
    const feedUrl = env.server.url('/providers/harwick-flood-barrier/google-news.xml');
    await options.keyboard.type(feedUrl);
    await options.keyboard.press('Enter');
    const feeds = options.getByRole('list', { name: 'Your feeds' });
    await feeds.getByText(feedUrl, { exact: true }).waitFor({ timeout: 30_000 });

    // The settings were saved: a reload shows them.
    await options.reload();
    await options.getByRole('heading', { name: 'Backstory settings' }).waitFor();
    expect(await options.getByRole('checkbox', { name: /^Bing News/ }).isChecked()).toBe(false);
    expect(await options.getByRole('radio', { name: /^Open/ }).isChecked()).toBe(true);
  });

  it('sidebar: reached with Shift+Tab from the page, opened with Enter, closed with Escape (focus back on its tab)', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url(FLOOD.path));
    const sidebar = new SidebarPage(page);
    await sidebar.toggle.waitFor();
    // The sidebar comes last in the page: Shift+Tab from the top reaches it first.
    await moveTo(page, sidebar.toggle, 'Shift+Tab', 10);
    await page.keyboard.press('Enter');
    await sidebar.panel.waitFor();
    expect(await sidebar.toggle.getAttribute('aria-expanded')).toBe('true');
    const close = sidebar.panel.getByRole('button', { name: 'Collapse Backstory' });
    await moveTo(page, close);
    await page.keyboard.press('Escape');
    await sidebar.panel.waitFor({ state: 'detached' });
    expect(await sidebar.toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await isFocused(sidebar.toggle)).toBe(true);
    // Alt+Shift+B is a browser-level command: keys sent through the DevTools protocol reach the page, not the
    // browser's shortcut handling. options.test.ts checks what the command sends (toggleSidebar).
  });
});
