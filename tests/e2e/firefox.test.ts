// The core flows in real Firefox ESR (Debian firefox-esr) over WebDriver BiDi, with the Firefox MV2
// production build installed as a temporary add-on and every provider answered by the fixture server:
// an article is detected, the sidebar shows the same story, the history records it, and the popup page
// for its tab shows it with its related coverage. One browser for the file: the tests follow one reader.
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox-browser.mjs';
import { startFixtureServer, type FixtureServer } from './server.mjs';
import { FLOOD, FRONT_PAGE, saveScreenshot } from './support';
import { snapshotKey } from '../../utils/context/snapshot-key';

/** One item of each provider's recorded answer (tests/fixtures/site/providers/harwick-flood-barrier/). */
const FROM_PROVIDERS = [
  'Councillors back £48m tidal barrier for Harwick after marathon debate', // Google News
  'Harwick tidal barrier gets green light, water authority to pay £19m', // GDELT
  'Split council backs Harwick flood gates despite £29m cheaper option', // Bing News
];

/** Saves a screenshot of a puppeteer page to .output/screenshots/ (for looking at a failed run). */
const screenshotOf = (page: Page, name: string) =>
  saveScreenshot({ screenshot: ({ path }: { path: string }) => page.screenshot({ path: path as `${string}.png` }) }, name);

/**
 * Waits for an element by polling: puppeteer's waitForSelector watches the document's mutations,
 * and changes inside a shadow root are not among them.
 */
async function waitForElement(page: Page, selector: string, timeout = 30_000): Promise<ElementHandle> {
  let found: ElementHandle | null = null;
  await expect.poll(async () => (found = await page.$(selector)) !== null, { timeout, interval: 100 }).toBe(true);
  return found!;
}

/** Texts of the elements matching `selector` (puppeteer selectors: `host >>> inner` pierces shadow roots). */
const textsOf = (page: Page, selector: string) =>
  page.$$eval(selector, (elements) => elements.map((element) => element.textContent?.trim() ?? ''));

describe('core flows in Firefox ESR', () => {
  let server: FixtureServer;
  let firefox: FirefoxWithExtension;
  let article: Page;
  let articleUrl: string;

  beforeAll(async () => {
    server = await startFixtureServer({ port: inject('e2ePort') });
    firefox = await launchFirefoxWithExtension({ extensionDir: inject('firefoxExtensionDir') });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('opens the welcome page once on install', async () => {
    const welcome = firefox.extensionUrl('options.html?welcome=1');
    await expect.poll(async () => (await firefox.tabs()).filter((tab) => tab.url === welcome).length, { timeout: 30_000 }).toBe(1);
  });

  it('detects the article and shows the sidebar with its same-story coverage', async () => {
    article = await firefox.browser.newPage();
    articleUrl = server.url(FLOOD.path);
    await article.goto(articleUrl);
    // The collapsed tab shows the count once the providers have answered.
    const count = await waitForElement(article, 'backstory-sidebar >>> .bs-sidebar__count', 30_000);
    expect(Number(/(\d+)/.exec((await count.evaluate((e) => e.textContent)) ?? '')?.[1])).toBeGreaterThanOrEqual(3);
    expect(await article.$$eval('backstory-sidebar', (hosts) => hosts.length)).toBe(1);

    await article.click('backstory-sidebar >>> button.bs-sidebar__tab');
    await waitForElement(article, 'backstory-sidebar >>> aside ul[aria-label="Same story"] > li');
    expect(await article.$eval('backstory-sidebar >>> button.bs-sidebar__tab', (b) => b.getAttribute('aria-expanded'))).toBe('true');
    expect(await textsOf(article, 'backstory-sidebar >>> aside')).toEqual([expect.stringContaining(FLOOD.title)]);
    const items = await article.$$eval('backstory-sidebar >>> aside ul[aria-label="Same story"] > li a', (links) =>
      links.map((a) => ({ text: a.textContent?.trim() ?? '', href: a.getAttribute('href') ?? '' })),
    );
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.length).toBeLessThanOrEqual(5);
    for (const item of items) expect(item.href).toMatch(/^https:\/\//);
    expect(items.map((item) => item.text)).not.toContain(FLOOD.title);
    // The news site's own headline is untouched.
    expect(await article.$eval('h1', (h) => h.textContent)).toBe(FLOOD.title);
    await screenshotOf(article, 'firefox-sidebar');
  });

  it('records the article in the history (IndexedDB and the History view)', async () => {
    let records = await firefox.readArticles();
    await expect
      .poll(async () => (records = await firefox.readArticles()).length, { timeout: 30_000, interval: 100 })
      .toBe(1);
    expect(records[0]).toMatchObject({ canonicalUrl: articleUrl, title: FLOOD.title });
    expect(records[0]!.visits).toHaveLength(1);

    const popup = await firefox.gotoExtensionPage(await firefox.browser.newPage(), 'popup.html');
    await popup.click('#popup-tab-history');
    const link = await popup.waitForSelector(`#popup-panel-history ul[aria-label="Reading history"] > li a[href="${articleUrl}"]`);
    expect(await link!.evaluate((a) => a.textContent?.trim())).toBe(FLOOD.title);
    expect(await popup.$$eval('#popup-panel-history ul[aria-label="Reading history"] > li', (rows) => rows.length)).toBe(1);
    await popup.close();
  });

  it("shows the article and its related coverage from every provider on the popup page for the article's tab", async () => {
    const tabId = await firefox.tabIdFor(article);
    const popup = await firefox.browser.newPage();
    await popup.setViewport({ width: 400, height: 600 });
    await firefox.gotoExtensionPage(popup, `popup.html?tab=${tabId}`);
    // Final once every provider has answered (or given up).
    await popup.waitForSelector('.bs-context[aria-busy="false"]', { timeout: 45_000 });

    const headings = await textsOf(popup, '#popup-panel-page h1, #popup-panel-page h2, #popup-panel-page h3');
    expect(headings).toContain(FLOOD.title);
    const sameStory = await textsOf(popup, 'ul[aria-label="Same story"] > li a');
    expect(sameStory).toEqual(expect.arrayContaining(FROM_PROVIDERS));
    expect(sameStory).not.toContain(FLOOD.title);
    expect(await textsOf(popup, '[role="status"][aria-label="Sources"]')).toEqual([expect.stringMatching(/^Google News \d+ · GDELT \d+ · Bing News \d+/)]);
    await screenshotOf(popup, 'firefox-popup');

    // The background keeps the tab's snapshot in storage.session (without the text) for the popup's
    // next first paint, which the popup page shows again when reloaded.
    const key = snapshotKey(tabId);
    type Session = { browser: { storage: { session: { get(key: string): Promise<Record<string, { article: { title: string; text: string } }>> } } } };
    await popup.waitForFunction(async (k: string) => k in (await (globalThis as unknown as Session).browser.storage.session.get(k)), { timeout: 30_000 }, key);
    const snapshot = await popup.evaluate(async (k: string) => (await (globalThis as unknown as Session).browser.storage.session.get(k))[k], key);
    expect(snapshot?.article).toMatchObject({ title: FLOOD.title, text: '' });
    await firefox.gotoExtensionPage(popup, `popup.html?tab=${tabId}`);
    await popup.waitForSelector('ul[aria-label="Same story"] > li a');
    expect(await textsOf(popup, '#popup-panel-page h1, #popup-panel-page h2, #popup-panel-page h3')).toContain(FLOOD.title);
  });

  it('sends the providers only short queries, never the page URL', async () => {
    const toProviders = server.requests.filter((request) => request.provider !== undefined);
    expect(new Set(toProviders.map((request) => request.provider))).toEqual(new Set(['google-news', 'gdelt', 'bing-news', 'wikipedia']));
    const forms = [articleUrl, encodeURIComponent(articleUrl), FLOOD.path, encodeURIComponent(FLOOD.path), 'harwick-flood-barrier-vote'];
    for (const request of toProviders) {
      const sent = [request.url, ...Object.values(request.headers).flat()].join('\n');
      for (const form of forms) expect(sent).not.toContain(form);
      const query = new URL(request.url, server.origin).searchParams;
      expect((query.get('q') ?? query.get('query') ?? '').length).toBeLessThanOrEqual(200);
    }
    // The news site itself got only the reader's page loads: nothing from the background.
    const toSite = server.requests.filter((request) => request.provider === undefined);
    expect(toSite.filter((request) => request.headers['sec-fetch-dest'] === 'document').map((request) => request.url)).toEqual([FLOOD.path]);
  });

  it('leaves a front page alone: not an article, no sidebar, no history entry', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url(FRONT_PAGE));
    const popup = await firefox.gotoExtensionPage(await firefox.browser.newPage(), `popup.html?tab=${await firefox.tabIdFor(page)}`);
    // The popup learns "not an article" from the page's content script, so the script has decided by now.
    const status = () => popup.$eval('#popup-panel-page .bs-status__title', (e) => e.textContent).catch(() => null);
    await expect.poll(status, { timeout: 30_000, interval: 100 }).toBe('Not an article');
    // Told so by the reader, which the popup had loaded into the page (not "can't read this page").
    expect(await popup.$eval('#popup-panel-page .bs-status', (e) => e.textContent)).toMatch(/doesn.t look like one/);
    expect(await page.$$eval('backstory-sidebar', (hosts) => hosts.length)).toBe(0);
    expect((await firefox.readArticles()).map((record) => record.canonicalUrl)).toEqual([articleUrl]);
  });
});
