import { describe, expect, it } from 'vitest';
import { SidebarPage } from './pages.mjs';
import { FLOOD, FRONT_PAGE, SEARCH_PAGE, changeSettings, useExtension, type E2E } from './support';

/** The part of `chrome` the background callbacks below use (they run inside the extension). */
declare const chrome: { action: { getBadgeText(details: { tabId: number }): Promise<string> } };

/** The toolbar badge text of one tab, read in the background. */
const badgeOf = ({ browser }: E2E, tabId: number) =>
  browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

describe('toolbar badge', () => {
  const env = useExtension();

  it("shows an article tab's same-story count (the sidebar's count), and clears when the tab leaves the article", async () => {
    const { browser, server } = env;
    const page = await browser.context.newPage();
    await page.goto(server.url(FLOOD.path));
    const tabId = await browser.tabIdFor(page);
    await expect.poll(() => badgeOf(env, tabId), { timeout: 30_000 }).toMatch(/^\d+$/);
    const count = Number(await badgeOf(env, tabId));
    expect(count).toBeGreaterThanOrEqual(3);
    const sidebar = new SidebarPage(page);
    await sidebar.toggle.filter({ hasText: /·/ }).waitFor({ timeout: 30_000 });
    expect(await sidebar.toggle.textContent()).toContain(`· ${count}`);

    await page.goto(server.url(FRONT_PAGE));
    await expect.poll(() => badgeOf(env, tabId)).toBe('');
  });

  it('is empty on pages that are not articles', async () => {
    const { browser, server } = env;
    const page = await browser.context.newPage();
    await page.goto(server.url(SEARCH_PAGE));
    const tabId = await browser.tabIdFor(page);
    // Give an article time to be detected and looked up, were it one.
    await page.waitForTimeout(1_500);
    expect(await badgeOf(env, tabId)).toBe('');
  });

  it('is filled from articleDetected alone: with the sidebar off nobody asks for the context, and the lookup still runs', async () => {
    const { browser, server } = env;
    await changeSettings(browser, { sidebarMode: 'off' });
    const page = await browser.context.newPage();
    await page.goto(server.url(FLOOD.path));
    const tabId = await browser.tabIdFor(page);
    await expect.poll(() => badgeOf(env, tabId), { timeout: 30_000 }).toMatch(/^\d+$/);
    expect(await new SidebarPage(page).count()).toBe(0);
    // The providers were asked (on the fixture server) without any UI open.
    expect(server.requests.some((entry) => entry.provider === 'google-news')).toBe(true);
  });
});
