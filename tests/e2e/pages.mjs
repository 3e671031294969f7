// Page objects for the extension's UI, shared by the e2e tests and `npm run demo`.
// They find elements by role and accessible name, the way a reader (or a screen reader) would.

/** The popup, opened as a tab: `popup.html?tab=<id>` shows what the popup shows for that tab. */
export class PopupPage {
  /**
   * @param {import('playwright-core').Page} page
   */
  constructor(page) {
    this.page = page;
    this.tablist = page.getByRole('tablist');
    this.thisPageTab = this.tablist.getByRole('tab', { name: 'This page' });
    this.historyTab = this.tablist.getByRole('tab', { name: 'History' });
    this.historyList = page.getByRole('list', { name: 'Reading history' });
    this.historyItems = this.historyList.getByRole('listitem');
    /**
     * "Not an article", as the page's reader answered it (not "can't read this page", which shares
     * that title and means no reader answered).
     */
    this.readNotArticle = page.getByText(/doesn.t look like one/);
    /** "This page" below the article header: busy until no more updates will come. */
    this.context = page.locator('.bs-context');
    this.summary = page.getByRole('region', { name: 'From the article' });
    this.names = page.getByRole('region', { name: 'Who and where' });
    this.sameStory = page.getByRole('region', { name: /^Same story/ });
    this.sameStoryItems = page.getByRole('list', { name: 'Same story' }).getByRole('listitem');
    this.background = page.getByRole('region', { name: 'Background' });
    this.timeline = page.getByRole('region', { name: 'Timeline' });
    this.timelineItems = this.timeline.getByRole('listitem');
    this.source = page.getByRole('region', { name: 'Source' });
    this.sources = page.getByRole('status', { name: 'Sources' });
  }

  /**
   * Waits until the context is final (complete, or polling stopped), up to `timeout` ms.
   * @param {number} [timeout]
   */
  async contextSettled(timeout = 45_000) {
    await this.page.locator('.bs-context[aria-busy="false"]').waitFor({ timeout });
  }

  /** The chip of a person, place or organisation. @param {string} name */
  chip(name) {
    return this.names.getByRole('button', { name, exact: true });
  }

  /** The explainer card opened from a chip. @param {string} name */
  explainer(name) {
    return this.page.getByRole('group', { name: `About ${name}` });
  }

  /** Scrolls the "This page" panel so that `locator` is at its top (for screenshots). @param {import('playwright-core').Locator} locator */
  async scrollTo(locator) {
    await locator.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  }

  /**
   * Opens the popup for one tab in `page` (a tab of its own, sized like a popup).
   * @param {import('playwright-core').Page} page
   * @param {(path: string) => string} extensionUrl
   * @param {number} [tabId]
   */
  static async open(page, extensionUrl, tabId) {
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(extensionUrl(tabId === undefined ? 'popup.html' : `popup.html?tab=${tabId}`));
    return new PopupPage(page);
  }

  /** The article title shown on "This page". @param {string} title */
  articleHeading(title) {
    return this.page.getByRole('heading', { name: title });
  }

  /** The history entry whose link text is `title`. @param {string} title */
  historyItem(title) {
    return this.historyItems.filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /**
   * Screenshot cropped to the popup's content, as tall as the real popup would be (Chrome sizes
   * popups to their content, up to 600 px).
   * @param {{ path: string }} options
   */
  async screenshot({ path }) {
    const { width, height } = await this.page.evaluate(() => {
      const style = getComputedStyle(document.body);
      const margins = parseFloat(style.marginTop) + parseFloat(style.marginBottom);
      return { width: window.innerWidth, height: Math.ceil(document.body.getBoundingClientRect().height + margins) };
    });
    return this.page.screenshot({ path, animations: 'disabled', clip: { x: 0, y: 0, width, height: Math.min(Math.max(height, 100), 600) } });
  }

  async showThisPage() {
    await this.thisPageTab.click();
  }

  async showHistory() {
    await this.historyTab.click();
  }
}

/** A news page with Backstory's sidebar (a `backstory-sidebar` host with a shadow root). */
export class SidebarPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.host = page.locator('backstory-sidebar');
    // Playwright's CSS and role locators pierce open shadow roots.
    // The tab reads "Backstory", then "Backstory · 5 related stories" once the count is known.
    this.toggle = this.host.getByRole('button', { name: /^Backstory/ });
    this.panel = this.host.getByRole('complementary', { name: 'Backstory' });
    this.sameStoryItems = this.panel.getByRole('list', { name: 'Same story' }).getByRole('listitem');
  }

  /** Number of sidebar hosts in the document (0 on pages that are not articles). */
  count() {
    return this.page.evaluate(() => document.querySelectorAll('backstory-sidebar').length);
  }

  /** The article title inside the sidebar. @param {string} title */
  title(title) {
    return this.host.getByText(title, { exact: true });
  }

  async expand() {
    await this.toggle.click();
  }
}
