import { describe, expect, it } from 'vitest';
import { PopupPage } from './pages.mjs';
import { FLOOD, FRONT_PAGE, SEARCH_PAGE, STRIKE, saveScreenshot, useExtension, waitForArticles } from './support';

describe('reading history in Chromium', () => {
  const env = useExtension();

  it('shows a visited article on "This page" and lists it under History', async () => {
    const { browser, server } = env;
    const article = await browser.context.newPage();
    await article.goto(server.url(FLOOD.path));
    await waitForArticles(browser, (records) => records.length === 1);

    const tabId = await browser.tabIdFor(article);

    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
    await popup.showThisPage();
    await popup.articleHeading(FLOOD.title).waitFor();
    await saveScreenshot(popup, 'popup-this-page', 'popup-top');

    await popup.showHistory();
    await popup.historyList.waitFor();
    expect(await popup.historyItems.count()).toBe(1);
    const link = popup.historyItem(FLOOD.title).getByRole('link', { name: FLOOD.title, exact: true });
    expect(await link.getAttribute('href')).toBe(server.url(FLOOD.path));
    await saveScreenshot(popup, 'popup-history');
  });

  it('counts a second visit, also through a tracking-parameter URL, as the same article', async () => {
    const { browser, server } = env;
    const page = await browser.context.newPage();
    await page.goto(server.url(FLOOD.path));
    await waitForArticles(browser, (records) => records.length === 1 && records[0]!.visits.length === 1);

    await page.goto(server.url(`${FLOOD.path}?utm_source=newsletter&utm_medium=email`));
    const records = await waitForArticles(browser, (r) => r.some((a) => a.visits.length >= 2));
    expect(records).toHaveLength(1);
    expect(records[0]!.canonicalUrl).toBe(server.url(FLOOD.path));
    expect(records[0]!.visits).toHaveLength(2);
    expect(records[0]!.visits[0]!).toBeLessThanOrEqual(records[0]!.visits[1]!);

    const tabId = await browser.tabIdFor(page);

    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
    await popup.articleHeading(FLOOD.title).waitFor();
    await popup.showHistory();
    await popup.historyItem(FLOOD.title).getByText('2 visits').waitFor();
    expect(await popup.historyItems.count()).toBe(1);
  });

  it('records nothing for a front page or a search page, and shows no sidebar there', async () => {
    const { browser, server } = env;
    const popupPage = await browser.context.newPage();
    for (const path of [FRONT_PAGE, SEARCH_PAGE]) {
      const page = await browser.context.newPage();
      await page.goto(server.url(path));
      const tabId = await browser.tabIdFor(page);
      const popup = await PopupPage.open(popupPage, browser.extensionUrl, tabId);
      await popup.showThisPage();
      // The popup learns "not an article" from the page's reader (which it had loaded: the detector
      // ruled the page out), so the content scripts have run by now.
      await popup.readNotArticle.waitFor();
      expect(await page.locator('backstory-sidebar').count()).toBe(0);
      await page.close();
    }

    // An article visited afterwards is a sentinel: once it is stored, earlier pages had their chance.
    const sentinel = await browser.context.newPage();
    await sentinel.goto(server.url(STRIKE.path));
    const records = await waitForArticles(browser, (r) => r.length > 0);
    expect(records.map((r) => r.canonicalUrl)).toEqual([server.url(STRIKE.path)]);

    const tabId = await browser.tabIdFor(sentinel);

    const popup = await PopupPage.open(popupPage, browser.extensionUrl, tabId);
    await popup.showHistory();
    await popup.historyItem(STRIKE.title).waitFor();
    expect(await popup.historyItems.count()).toBe(1);
  });
});
