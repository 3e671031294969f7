import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { launchWithExtension, readDatabases } from './browser.mjs';
import { PopupPage, SidebarPage } from './pages.mjs';
import { SITE_DIR, type LoggedRequest } from './server.mjs';
import { FLOOD, FRONT_PAGE, SEARCH_PAGE, STRIKE, useExtension, waitForArticles } from './support';

/** The part of `chrome` the background callbacks below use (they run inside the extension). */
declare const chrome: {
  extension: { isAllowedIncognitoAccess(): Promise<boolean>; inIncognitoContext: boolean };
  windows: { create(data: { incognito: boolean; url: string }): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number; incognito: boolean }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
  storage: {
    local: { get(keys: string | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    session: { get(keys: string | null): Promise<Record<string, unknown>> };
  };
};

const header = (request: LoggedRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

/** Lower-case words, punctuation dropped: "Harwick's £48m barrier." → "harwick s 48m barrier". */
const words = (text: string) => text.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Every run of `n` consecutive words of the article's body paragraphs, as "w1 w2 … wn". */
async function bodyShingles(path: string, n: number): Promise<Set<string>> {
  const html = await readFile(join(SITE_DIR, path), 'utf8');
  const body = html.slice(html.indexOf('<div class="article-body">'), html.indexOf('</article>'));
  const paragraphs = [...body.matchAll(/<(?:p|blockquote)>([\s\S]*?)<\/(?:p|blockquote)>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
  expect(paragraphs.length).toBeGreaterThan(5);
  const shingles = new Set<string>();
  for (const paragraph of paragraphs) {
    const w = words(paragraph);
    for (let i = 0; i + n <= w.length; i++) shingles.add(w.slice(i, i + n).join(' '));
  }
  return shingles;
}

/** The search text a provider request carries: q / query parameter, or the Wikipedia title. */
function queryOf(request: LoggedRequest): string {
  const url = new URL(request.url, 'http://x');
  const param = url.searchParams.get('q') ?? url.searchParams.get('query');
  if (param !== null) return param;
  const title = /^\/api\/rest_v1\/page\/summary\/(.+)$/.exec(url.pathname)?.[1];
  if (title !== undefined) return decodeURIComponent(title).replace(/_/g, ' ');
  throw new Error(`no query in ${request.url}`);
}

describe('privacy', () => {
  const env = useExtension();

  it('sends the news site nothing beyond the pages the reader opened, and providers only short queries', async () => {
    const { browser, server } = env;
    const visited: string[] = [];
    const page = await browser.context.newPage();
    const visit = async (path: string) => {
      await page.goto(server.url(path));
      visited.push(page.url());
    };

    await visit(FLOOD.path);
    await waitForArticles(browser, (r) => r.length === 1);
    const tabId = await browser.tabIdFor(page);
    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
    await popup.articleHeading(FLOOD.title).waitFor();
    await popup.contextSettled();
    await popup.showHistory();
    await popup.historyItem(FLOOD.title).waitFor();

    await visit(`${FLOOD.path}?utm_source=newsletter`);
    // Read for a moment (the detector loads the reader once the page is idle; a page left before
    // that is not recorded): the visit counts for the same article.
    await waitForArticles(browser, (r) => r.length === 1 && r[0]!.visits.length === 2);
    await visit(STRIKE.path);
    // The sidebar asks for the strike article's context itself: wait until it has coverage to count.
    await new SidebarPage(page).toggle.filter({ hasText: /·/ }).waitFor({ timeout: 30_000 });
    await visit(FRONT_PAGE);
    await visit(SEARCH_PAGE);
    await waitForArticles(browser, (r) => r.length === 2);
    await popup.page.reload();
    await popup.showHistory();
    await popup.historyItem(STRIKE.title).waitFor();

    const log = [...server.requests];
    const toProviders = log.filter((r) => r.provider !== undefined);
    const toSite = log.filter((r) => r.provider === undefined);

    // The site: the reader's navigations, and the stylesheet those pages link to. Nothing from the extension.
    const navigations = toSite.filter((r) => header(r, 'sec-fetch-mode') === 'navigate');
    expect(navigations.map((r) => server.url(r.url))).toEqual(visited);
    const others = toSite.filter((r) => !navigations.includes(r));
    expect(others.length).toBeGreaterThan(0);
    for (const request of others) {
      expect({ method: request.method, url: request.url, dest: header(request, 'sec-fetch-dest') }).toEqual({
        method: 'GET',
        url: '/assets/site.css',
        dest: 'style',
      });
      expect(visited).toContain(header(request, 'referer'));
    }
    // Neither the site nor a provider learns the extension's id from a header (Origin, Referer).
    for (const request of log) expect(JSON.stringify(request.headers)).not.toContain('chrome-extension://');

    // The providers: every one was asked, with short queries that hold no page URL and no run of the article's words.
    expect(new Set(toProviders.map((r) => r.provider))).toEqual(new Set(['google-news', 'gdelt', 'bing-news', 'wikipedia']));
    const shingles = new Set([...(await bodyShingles(FLOOD.path, 6)), ...(await bodyShingles(STRIKE.path, 6))]);
    const pagePaths = [FLOOD.path, STRIKE.path, 'harwick-flood-barrier-vote', 'northline-rail-strike'];
    for (const request of toProviders) {
      expect(request.method).toBe('GET');
      const query = queryOf(request);
      expect(query.length).toBeLessThanOrEqual(200);
      const sent = `${decodeURIComponent(request.url)}\n${JSON.stringify(request.headers)}`;
      for (const path of pagePaths) expect(sent).not.toContain(path);
      // Nor the page's address in any form: its origin, host with port, or scheme.
      expect(query).not.toMatch(/127\.0\.0\.1|localhost|https?:|\.html/);
      expect(header(request, 'referer') ?? '').not.toMatch(/^http/);
      expect(header(request, 'cookie')).toBeUndefined();
      const w = words(decodeURIComponent(request.url));
      for (let i = 0; i + 6 <= w.length; i++) expect(shingles.has(w.slice(i, i + 6).join(' ')), `"${w.slice(i, i + 6).join(' ')}" sent to ${request.provider}`).toBe(false);
    }
  });

  it('sends not one request with every source off, and the page still works', async () => {
    const { browser, server } = env;
    await setSettings(browser.serviceWorker, { providers: { 'google-news': false, gdelt: false, 'bing-news': false, wikipedia: false, feeds: false, history: false } });
    const page = await browser.context.newPage();
    await page.goto(server.url(FLOOD.path));
    await waitForArticles(browser, (r) => r.length === 1);
    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, await browser.tabIdFor(page));
    await popup.articleHeading(FLOOD.title).waitFor();
    await popup.contextSettled();
    await popup.chip('River Ouse').click(); // an explainer would be a Wikipedia request
    await page.bringToFront();
    await new SidebarPage(page).toggle.waitFor();
    await page.waitForTimeout(1_000);
    expect(server.requests.filter((r) => r.provider !== undefined)).toEqual([]);
    // Only the reader's own page and its stylesheet reached the server.
    expect(server.requests.map((r) => r.url).sort()).toEqual([FLOOD.path, '/assets/site.css'].sort());
  });

  it('records nothing while history is paused', async () => {
    const { browser, server } = env;
    await setSettings(browser.serviceWorker, { historyPaused: true });
    const page = await browser.context.newPage();
    await page.goto(server.url(FLOOD.path));
    await new SidebarPage(page).toggle.filter({ hasText: /·/ }).waitFor({ timeout: 30_000 }); // the article was seen and looked up
    await page.goto(server.url(STRIKE.path));
    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, await browser.tabIdFor(page));
    await popup.articleHeading(STRIKE.title).waitFor();
    await popup.contextSettled();
    const db = (await readDatabases(browser.serviceWorker)).backstory;
    for (const store of ['articles', 'search', 'analyses']) expect(db?.stores[store] ?? [], store).toEqual([]);
    await expectNoArticleData(browser.serviceWorker, { allowCaches: true });
  });

  it('"Clear all" leaves no article data in any IndexedDB store nor in storage.local or storage.session', async () => {
    const { browser, server } = env;
    const page = await browser.context.newPage();
    await page.goto(server.url(FLOOD.path));
    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, await browser.tabIdFor(page));
    await popup.contextSettled();
    await popup.chip('River Ouse').click();
    await popup.explainer('River Ouse').getByRole('heading').waitFor();
    // A followed story keeps the article's title and address in storage.local: "Clear all" forgets it too.
    await popup.page.getByRole('button', { name: 'Follow this story' }).click();
    await expect.poll(() => browser.serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.local.get('follows'))), { timeout: 20_000 }).toContain(FLOOD.title);
    await page.goto(server.url(STRIKE.path));
    await new SidebarPage(page).toggle.filter({ hasText: /·/ }).waitFor({ timeout: 30_000 });
    await waitForArticles(browser, (r) => r.length === 2);
    const before = (await readDatabases(browser.serviceWorker)).backstory!.stores;
    for (const store of ['articles', 'search', 'analyses', 'related', 'entities']) expect(before[store]?.length, store).toBeGreaterThan(0);
    // The open tab's snapshot for the popup, once its lookup is complete.
    await expect.poll(() => browser.serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null))), { timeout: 20_000 }).toContain(STRIKE.title);

    await popup.page.reload();
    await popup.showHistory();
    await popup.page.getByRole('button', { name: 'Clear all…' }).click();
    await popup.page.getByRole('alertdialog', { name: 'Clear your whole history?' }).getByRole('button', { name: 'Clear history' }).click();
    await popup.page.getByText('No articles yet…').waitFor();
    await expectNoArticleData(browser.serviceWorker);
  });

  it('records nothing from a private (incognito) window where the extension is allowed', async () => {
    const { server } = env;
    await env.browser.close();
    const browser = await launchWithExtension({ extensionDir: inject('e2eExtensionDir'), incognito: true });
    try {
      expect(await browser.serviceWorker.evaluate(() => chrome.extension.isAllowedIncognitoAccess())).toBe(true);
      server.clearLog();
      // Split incognito mode: the private window gets its own instance of the background.
      const privateWorker = browser.context.waitForEvent('serviceworker');
      await browser.serviceWorker.evaluate(async (url) => void (await chrome.windows.create({ incognito: true, url })), server.url(FLOOD.path));
      const worker = await privateWorker;
      expect(await worker.evaluate(() => chrome.extension.inIncognitoContext)).toBe(true);

      // The extension runs there: the content script found the article, and the sidebar looked it up.
      await expect
        .poll(
          () =>
            worker.evaluate(async () => {
              const tabs = await chrome.tabs.query({});
              const tab = tabs.find((t) => t.incognito);
              if (tab?.id === undefined) return null;
              const reply = (await chrome.tabs.sendMessage(tab.id, { type: 'getArticle', data: {} }).catch(() => null)) as { data?: { title?: string } } | null;
              return reply?.data?.title ?? null;
            }),
          { timeout: 20_000, interval: 250 },
        )
        .toBe(FLOOD.title);
      await expect.poll(() => server.requests.some((r) => r.provider !== undefined), { timeout: 30_000 }).toBe(true);
      await new Promise((done) => setTimeout(done, 1_500));

      // Nothing recorded, in the private instance's storage or the normal one's.
      for (const w of [browser.serviceWorker, worker]) {
        const db = (await readDatabases(w)).backstory;
        for (const store of ['articles', 'search', 'analyses']) expect(db?.stores[store] ?? [], store).toEqual([]);
      }
      await expectNoArticleData(browser.serviceWorker, { allowCaches: true });
    } finally {
      await browser.close();
    }
  });
});

/** Merges `change` into the stored settings (storage.local, as the options page writes them). */
async function setSettings(worker: Worker, change: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (patch) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), ...patch }, settings$: { v: 2 } });
  }, change);
}

/** What would tell someone which articles were read: their addresses, titles and the names in them. */
const ARTICLE_DATA = [FLOOD.path, STRIKE.path, 'harwick-flood-barrier-vote', 'northline-rail-strike', FLOOD.title, STRIKE.title, 'Okafor', 'Castlebury'];

/**
 * Reads every store of every IndexedDB database, the whole storage.local and storage.session: none holds article data.
 * `allowCaches`: lookups of the page being read may be cached (related coverage, explainers), not recorded.
 */
async function expectNoArticleData(worker: Worker, { allowCaches = false } = {}): Promise<void> {
  const databases = await readDatabases(worker);
  // The app's one database, or none at all (nothing was ever stored in this profile).
  expect(Object.keys(databases).filter((name) => name !== 'backstory')).toEqual([]);
  for (const [name, { stores }] of Object.entries(databases))
    for (const [store, records] of Object.entries(stores)) {
      if (allowCaches && ['related', 'entities'].includes(store)) continue;
      const text = JSON.stringify(records);
      for (const needle of ARTICLE_DATA) expect(text, `${name}/${store} holds "${needle}"`).not.toContain(needle);
    }
  const local = JSON.stringify(await worker.evaluate(() => chrome.storage.local.get(null)));
  for (const needle of ARTICLE_DATA) expect(local, `storage.local holds "${needle}"`).not.toContain(needle);
  // The popup's per-tab snapshots (memory only): none after "Clear all", none while nothing may be kept.
  const session = JSON.stringify(await worker.evaluate(() => chrome.storage.session.get(null)));
  for (const needle of ARTICLE_DATA) expect(session, `storage.session holds "${needle}"`).not.toContain(needle);
}
