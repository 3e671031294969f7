import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PopupPage, SidebarPage } from './pages.mjs';
import { SITE_DIR, type LoggedRequest } from './server.mjs';
import { FLOOD, FRONT_PAGE, SEARCH_PAGE, STRIKE, useExtension, waitForArticles } from './support';

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
    await visit(STRIKE.path);
    // The sidebar asks for the strike article's context itself: wait until it has coverage to count.
    await new SidebarPage(page).toggle.filter({ hasText: /·/ }).waitFor({ timeout: 30_000 });
    await visit(FRONT_PAGE);
    await visit(SEARCH_PAGE);
    await waitForArticles(browser, (r) => r.length === 2 && r.some((a) => a.visits.length === 2));
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
      expect(header(request, 'referer') ?? '').not.toMatch(/^http/);
      expect(header(request, 'cookie')).toBeUndefined();
      const w = words(decodeURIComponent(request.url));
      for (let i = 0; i + 6 <= w.length; i++) expect(shingles.has(w.slice(i, i + 6).join(' ')), `"${w.slice(i, i + 6).join(' ')}" sent to ${request.provider}`).toBe(false);
    }
  });
});
