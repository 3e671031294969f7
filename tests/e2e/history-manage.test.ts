import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PopupPage } from './pages.mjs';
import { FLOOD, STRIKE, saveScreenshot, useExtension, waitForArticles } from './support';
import type { ExtensionBrowser, StoredArticle } from './browser.mjs';

/** Record counts of every store of the `backstory` database, read in the background. */
function countStores(browser: ExtensionBrowser): Promise<Record<string, number>> {
  return browser.serviceWorker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('backstory');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    try {
      const counts: Record<string, number> = {};
      for (const name of [...db.objectStoreNames]) {
        counts[name] = await new Promise<number>((ok, fail) => {
          const count = db.transaction(name, 'readonly').objectStore(name).count();
          count.onsuccess = () => ok(count.result);
          count.onerror = () => fail(count.error);
        });
      }
      return counts;
    } finally {
      db.close();
    }
  });
}

async function search(page: Page, popup: PopupPage, query: string, expected: string[]) {
  await page.getByRole('searchbox', { name: 'Search your history' }).fill(query);
  // Each listed item, by the expected title it shows (in order), or its whole text when none.
  const titles = async () => (await popup.historyItems.allTextContents()).map((text) => expected.find((title) => text.includes(title)) ?? text);
  await expect.poll(titles).toEqual(expected);
}

describe('managing the reading history in Chromium', () => {
  const env = useExtension();

  it('searches by text and by name, deletes with undo, exports, clears all and imports the export back', async () => {
    const { browser, server } = env;
    // One after the other: the history lists the latest visit first, and two tabs read at once may
    // be recorded in either order (seen under load).
    let recorded: StoredArticle[] = [];
    for (const [n, article] of [FLOOD, STRIKE].entries()) {
      const page = await browser.context.newPage();
      await page.goto(server.url(article.path));
      recorded = await waitForArticles(browser, (records) => records.length === n + 1);
    }
    // The analyses (names) are stored right after each visit.
    await expect.poll(async () => (await countStores(browser)).analyses, { timeout: 15_000 }).toBe(2);

    const page = await browser.context.newPage();
    const popup = await PopupPage.open(page, browser.extensionUrl);
    await popup.showHistory();
    await popup.historyItem(STRIKE.title).waitFor();

    // A word of the strike article's text (the text itself is not stored), typed as a prefix.
    await search(page, popup, 'walkou', [STRIKE.title]);
    // A person named only in the flood article, then a place both name; then the name filter (from the name's start).
    await search(page, popup, 'okafor', [FLOOD.title]);
    await search(page, popup, 'Harwick', [STRIKE.title, FLOOD.title]);
    await page.getByRole('searchbox', { name: 'Search your history' }).fill('');
    await page.getByRole('textbox', { name: 'Person, place or organisation' }).fill('Priya');
    await expect.poll(() => popup.historyItems.count()).toBe(1);
    await popup.historyItem(FLOOD.title).waitFor();
    await page.getByRole('textbox', { name: 'Person, place or organisation' }).fill('');
    await expect.poll(() => popup.historyItems.count()).toBe(2);
    await page.getByRole('searchbox', { name: 'Search your history' }).fill('zzzz');
    await page.getByText('No matching articles').waitFor();
    await page.getByRole('searchbox', { name: 'Search your history' }).fill('');
    await expect.poll(() => popup.historyItems.count()).toBe(2);

    // Delete one, then undo.
    await page.getByRole('button', { name: `Delete “${STRIKE.title}” from history` }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted' }).waitFor();
    await expect.poll(() => popup.historyItems.count()).toBe(1);
    expect((await browser.readArticles()).map((a) => a.canonicalUrl)).toEqual([server.url(FLOOD.path)]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await popup.historyItem(STRIKE.title).waitFor();
    await search(page, popup, 'walkou', [STRIKE.title]);
    await page.getByRole('searchbox', { name: 'Search your history' }).fill('');
    await saveScreenshot(popup, 'popup-history-manage');

    // Export JSON through the button: a download.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^backstory-history-\d{4}-\d\d-\d\d\.json$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const exported = Buffer.concat(chunks).toString('utf8');
    const file = JSON.parse(exported) as { format: string; version: number; articles: { canonicalUrl: string; visits: number[] }[] };
    expect(file).toMatchObject({ format: 'backstory-history', version: 1 });
    expect(file.articles.map((a) => a.canonicalUrl).sort()).toEqual(recorded.map((a) => a.canonicalUrl).sort());

    // Clear all, behind a confirmation dialog: nothing of the history remains in any store.
    await page.getByRole('button', { name: 'Clear all…' }).click();
    await page.getByRole('alertdialog', { name: 'Clear your whole history?' }).getByRole('button', { name: 'Clear history' }).click();
    await page.getByText('No articles yet…').waitFor();
    const counts = await countStores(browser);
    expect(Object.keys(counts).sort()).toEqual(['analyses', 'articles', 'entities', 'feed-items', 'postings', 'related', 'search', 'search-meta']);
    // Everything but the reader's feed items (not history) is empty, the search index included.
    expect({ ...counts, 'feed-items': 0 }).toEqual({ analyses: 0, articles: 0, entities: 0, 'feed-items': 0, postings: 0, related: 0, search: 0, 'search-meta': 0 });

    // Import the export back: both entries with their visits, found again by their words.
    await page.locator('input[type=file]').setInputFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await page.getByText('Imported 2 new and 0 known articles').waitFor();
    await expect.poll(() => popup.historyItems.count()).toBe(2);
    const restored = await browser.readArticles();
    const visitsOf = (records: { canonicalUrl: string; visits: number[] }[]) =>
      Object.fromEntries(records.map((r) => [r.canonicalUrl, r.visits]));
    expect(visitsOf(restored)).toEqual(visitsOf(recorded));
    await search(page, popup, 'walkou', [STRIKE.title]);

    // A bad file is refused with a message and changes nothing.
    await page.locator('input[type=file]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') });
    await page.getByRole('alert').filter({ hasText: 'not a Backstory history export' }).waitFor();
    expect(visitsOf(await browser.readArticles())).toEqual(visitsOf(recorded));
  });
});
