import { describe, expect, it } from 'vitest';
import { PopupPage } from './pages.mjs';
import type { LoggedRequest } from './server.mjs';
import { FLOOD, FRONT_PAGE, SEARCH_PAGE, STRIKE, useExtension, waitForArticles } from './support';

const header = (request: LoggedRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

describe('privacy', () => {
  const env = useExtension();

  it('sends the news site no request beyond the pages the reader opened', async () => {
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
    await popup.showHistory();
    await popup.historyItem(FLOOD.title).waitFor();

    await visit(`${FLOOD.path}?utm_source=newsletter`);
    await visit(STRIKE.path);
    await visit(FRONT_PAGE);
    await visit(SEARCH_PAGE);
    await waitForArticles(browser, (r) => r.length === 2 && r.some((a) => a.visits.length === 2));
    await popup.page.reload();
    await popup.showHistory();
    await popup.historyItem(STRIKE.title).waitFor();

    const log = server.requests;
    const navigations = log.filter((r) => header(r, 'sec-fetch-mode') === 'navigate');
    expect(navigations.map((r) => server.url(r.url))).toEqual(visited);

    // Everything else must be a stylesheet the visited pages link to, fetched by those pages.
    const others = log.filter((r) => !navigations.includes(r));
    expect(others.length).toBeGreaterThan(0);
    for (const request of others) {
      expect({ method: request.method, url: request.url, dest: header(request, 'sec-fetch-dest') }).toEqual({
        method: 'GET',
        url: '/assets/site.css',
        dest: 'style',
      });
      expect(visited).toContain(header(request, 'referer'));
    }
    for (const request of log) {
      expect(JSON.stringify(request.headers)).not.toContain('chrome-extension://');
    }
  });
});
