import { describe, expect, it } from 'vitest';
import { PopupPage } from './pages.mjs';
import { EARLIER, FLOOD, STRIKE, saveScreenshot, useExtension } from './support';

/** The part of `chrome` the background callbacks below use (they run inside the extension). */
declare const chrome: {
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]> };
  sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }> };
};

describe('side panel', () => {
  const env = useExtension();
  /** Each step waits for the extension's messages; a busy machine (CI, parallel builds) can take a while. */
  const SLOW = { timeout: 30_000 };

  // The real panel is not a Playwright page (see TESTING.md): `sidepanel.html` opened as a tab runs the
  // same code. Opened as a tab it follows the other tabs and never describes itself.
  it('shows the active article tab, and follows tab switches and navigations', async () => {
    const { browser, server } = env;
    const flood = await browser.context.newPage();
    await flood.goto(server.url(FLOOD.path));
    const strike = await browser.context.newPage();
    await strike.goto(server.url(STRIKE.path));
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 380, height: 820 });
    await panel.goto(browser.extensionUrl('sidepanel.html'));
    const view = new PopupPage(panel);

    await flood.bringToFront();
    await view.articleHeading(FLOOD.title).waitFor(SLOW);
    await strike.bringToFront();
    await view.articleHeading(STRIKE.title).waitFor(SLOW);
    expect(await view.articleHeading(FLOOD.title).count()).toBe(0);

    // A new page in the followed tab.
    await strike.goto(server.url(EARLIER.path));
    await view.articleHeading(EARLIER.title).waitFor(SLOW);

    // A page that is not an article: the panel has the reader loaded there (the detector ruled the
    // page out), and the reader answers that it found none.
    await flood.bringToFront();
    await view.articleHeading(FLOOD.title).waitFor(SLOW);
    await flood.goto(server.url('/'));
    await view.readNotArticle.waitFor(SLOW);

    // The History tab lists what was read in the other tabs.
    await strike.bringToFront();
    await view.articleHeading(EARLIER.title).waitFor(SLOW);
    await view.contextSettled();
    await panel.bringToFront();
    // Its own tab coming to the front changes nothing.
    await view.articleHeading(EARLIER.title).waitFor(SLOW);
    await saveScreenshot(panel, 'sidepanel', 'sidepanel');
    await view.showHistory();
    await view.historyItem(FLOOD.title).waitFor(SLOW);
    await view.historyItem(STRIKE.title).waitFor(SLOW);
  });

  it('opens from the popup\'s "Open in side panel" button, by keyboard', async () => {
    const { browser, server } = env;
    const article = await browser.context.newPage();
    await article.goto(server.url(FLOOD.path));
    const tabId = await browser.tabIdFor(article);
    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
    await popup.articleHeading(FLOOD.title).waitFor(SLOW);

    const panels = () =>
      browser.serviceWorker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c) => c.documentUrl));
    expect(await panels()).toEqual([]);
    const button = popup.page.getByRole('button', { name: 'Open in side panel' });
    await button.focus();
    await popup.page.keyboard.press('Enter');
    await expect.poll(panels, { timeout: 10_000 }).toEqual([expect.stringMatching(/\/sidepanel\.html$/)]);
    // Chrome keeps the popup on the toolbar button.
    expect(await browser.serviceWorker.evaluate(() => chrome.sidePanel.getPanelBehavior())).toEqual({ openPanelOnActionClick: false });
  });
});
