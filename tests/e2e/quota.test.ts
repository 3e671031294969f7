// Storage quota exceeded in real Chromium (issue #7): caches are pruned first, the history is kept,
// and the reader is told (popup and options page).
//
// How the disk fills: DevTools' Storage.overrideQuotaForOrigin is NOT enforced for a chrome-extension://
// origin in this Chromium (measured: with the override active and quota 1 byte, the worker still wrote
// 10 MB to IndexedDB, while a http://127.0.0.1 page got QuotaExceededError at once). So the full disk
// is made inside the extension's own service worker: IDBObjectStore.put throws the browser's
// QuotaExceededError DOMException until records of a cache store are deleted. Everything else — the
// production build's db code, the retry, storage.local and the UI — is the real thing.
import { describe, expect, it } from 'vitest';
import { readDatabases, type ExtensionBrowser } from './browser.mjs';
import { PopupPage } from './pages.mjs';
import { FLOOD, STRIKE, useExtension, waitForArticles } from './support';

/**
 * Fills the disk of the extension's worker: every IndexedDB put fails with QuotaExceededError until
 * records of one of `freedBy` are cleared or deleted (null: until `fillDisk` is called again with []).
 */
async function fillDisk(browser: ExtensionBrowser, freedBy: string[] | null): Promise<void> {
  await browser.serviceWorker.evaluate((freed) => {
    type Disk = { full: boolean; freedBy: string[] | null; freedStores: string[] };
    const scope = globalThis as unknown as { __disk?: Disk };
    if (!scope.__disk) {
      const disk: Disk = { full: false, freedBy: null, freedStores: [] };
      scope.__disk = disk;
      const { put, clear, delete: del } = IDBObjectStore.prototype;
      // Deletions while the disk is full are the ones made to free space (later ones are ordinary updates).
      const free = (store: IDBObjectStore) => {
        if (!disk.full) return;
        disk.freedStores.push(store.name);
        if (disk.freedBy?.includes(store.name)) disk.full = false;
      };
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (disk.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
      IDBObjectStore.prototype.clear = function (this: IDBObjectStore) {
        free(this);
        return clear.apply(this);
      };
      IDBObjectStore.prototype.delete = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
        free(this);
        return del.apply(this, [key]);
      };
    }
    scope.__disk.full = freed === null || freed.length > 0;
    scope.__disk.freedBy = freed;
    scope.__disk.freedStores = [];
  }, freedBy);
}

/** The part of `chrome` the callbacks below use (they run inside the extension). */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

const stores = async (browser: ExtensionBrowser) => (await readDatabases(browser.serviceWorker)).backstory!.stores;

/** Reads one article with the popup open, so that its related coverage and explainers are cached. */
async function readWithPopup(browser: ExtensionBrowser, url: string, title: string): Promise<PopupPage> {
  const article = await browser.context.newPage();
  await article.goto(url);
  await waitForArticles(browser, (r) => r.some((a) => a.title === title));
  const tabId = await browser.tabIdFor(article);
  const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
  await popup.articleHeading(title).waitFor();
  await popup.contextSettled();
  return popup;
}

describe('storage quota exceeded in Chromium', () => {
  const env = useExtension();

  it('prunes the caches to record the next visit, keeps the history, and says so', async () => {
    const { browser, server } = env;
    const popup = await readWithPopup(browser, server.url(FLOOD.path), FLOOD.title);
    await expect.poll(async () => (await stores(browser)).related?.length ?? 0).toBeGreaterThan(0);
    const before = await stores(browser);
    expect(before.entities?.length).toBeGreaterThan(0);

    await fillDisk(browser, ['related', 'entities', 'feed-items']);
    const next = await browser.context.newPage();
    await next.goto(server.url(STRIKE.path));
    const history = await waitForArticles(browser, (r) => r.some((a) => a.title === STRIKE.title));
    expect(history.map((a) => a.title).sort()).toEqual([FLOOD.title, STRIKE.title].sort());

    const after = await stores(browser);
    // The cached answers for the first article went to make room; the history did not.
    expect(after.related?.filter((r) => (r as { canonicalUrl: string }).canonicalUrl === server.url(FLOOD.path))).toEqual([]);
    expect(after.articles).toHaveLength(2);
    expect(after.analyses?.length).toBeGreaterThan(0);
    // What was deleted to make room: caches only, never history, search terms or analyses.
    const freed = await browser.serviceWorker.evaluate(() => (globalThis as unknown as { __disk: { freedStores: string[] } }).__disk.freedStores);
    expect(freed.length).toBeGreaterThan(0);
    for (const store of freed) expect(['related', 'entities', 'feed-items']).toContain(store);

    await popup.page.reload();
    await popup.page.getByRole('alert').filter({ hasText: 'Storage is full: older cached results were removed' }).waitFor();
  });

  it('when nothing can be freed: the visit is not recorded, the history stays, popup and options say so', async () => {
    const { browser, server } = env;
    const popup = await readWithPopup(browser, server.url(FLOOD.path), FLOOD.title);
    const before = (await stores(browser)).articles;

    // No room at all: not even pruning helps.
    await fillDisk(browser, null);
    const next = await browser.context.newPage();
    await next.goto(server.url(STRIKE.path));
    // The content script reports the article when the page is idle; the background then fails, prunes, fails again and says so.
    await expect
      .poll(() => browser.serviceWorker.evaluate(async () => (await chrome.storage.local.get('storageWarning')).storageWarning), { timeout: 45_000 })
      .toMatchObject({ kind: 'not-saved' });
    await popup.page.reload();
    await popup.page.getByRole('alert').filter({ hasText: 'could not be saved to the history' }).waitFor();
    expect((await stores(browser)).articles).toEqual(before);

    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const warning = options.getByRole('alert').filter({ hasText: 'Storage is full' });
    await warning.waitFor();
    await warning.getByRole('button', { name: 'Dismiss' }).click();
    await warning.waitFor({ state: 'detached' });

    // Space comes back: the next visit is recorded again.
    await fillDisk(browser, []);
    await next.reload();
    await waitForArticles(browser, (r) => r.some((a) => a.title === STRIKE.title));
  });
});
