// Database upgrade in real Chromium (issue #7): a reader who used an earlier version has its
// database in the extension's origin; after the update the history shows every old record.
// The saved databases (tests/fixtures/db/v<N>.json) were written by each version's own code.
import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readDatabases } from './browser.mjs';
import { PopupPage } from './pages.mjs';
import { useExtension } from './support';
import { DUMPED_VERSIONS, readDump, type DatabaseDump } from '../fixtures/db/fixtures';

/** Replaces the extension's `backstory` database with `dump`, at the dump's own (old) version, with the raw API. */
async function seed(worker: Worker, dump: DatabaseDump): Promise<void> {
  await worker.evaluate(async (json) => {
    const dumped = JSON.parse(json) as DatabaseDump;
    const done = (request: IDBRequest | IDBOpenDBRequest) =>
      new Promise((ok, fail) => {
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
    // The app's own connection closes when asked (versionchange), so the deletion is not blocked.
    await done(indexedDB.deleteDatabase('backstory'));
    const open = indexedDB.open('backstory', dumped.version);
    open.onupgradeneeded = () => {
      for (const [name, store] of Object.entries(dumped.stores)) {
        const created = open.result.createObjectStore(name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement });
        for (const index of store.indexes) created.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
      }
    };
    const db = (await done(open)) as IDBDatabase;
    const tx = db.transaction(Object.keys(dumped.stores), 'readwrite');
    for (const [name, store] of Object.entries(dumped.stores)) for (const { value } of store.records) tx.objectStore(name).put(value);
    await new Promise((ok, fail) => {
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, JSON.stringify(dump));
}

describe('database upgrade in Chromium', () => {
  const env = useExtension();

  it.each(DUMPED_VERSIONS)('the background opens a v%i database: every old record stays and shows under History', async (version) => {
    const { browser } = env;
    const dump = readDump(version);
    await seed(browser.serviceWorker, dump);
    expect((await readDatabases(browser.serviceWorker)).backstory?.version).toBe(version);

    // The worker's own connection closed for the deletion (versionchange) and was forgotten, so the
    // popup's first getHistory opens the database again with today's code: the upgrade runs in the
    // real background, as after an update. (chrome.runtime.reload() leaves an extension loaded with
    // --load-extension disabled in this Chromium, so the update itself is not replayed.)
    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl);
    await popup.showHistory();
    await popup.historyList.waitFor();
    const titles = dump.stores.articles!.records.map((r) => (r.value as { title: string }).title);
    for (const title of titles) await popup.historyItem(title).waitFor();
    expect(await popup.historyItems.count()).toBe(titles.length);
    await popup.historyItem('Harwick council approves £48m flood barrier after late-night vote').getByText('2 visits').waitFor();

    // Searchable through today's index, including records that had none.
    await popup.page.getByRole('searchbox').fill('fernwärme');
    await expect.poll(() => popup.historyItems.allTextContents()).toEqual([expect.stringContaining('Stadtwerke München erhöhen die Fernwärmepreise ab März')]);

    // And in the database itself: today's version, every old record unchanged, one search record per article.
    const after = (await readDatabases(browser.serviceWorker)).backstory!;
    // (tests/unit/db-upgrade.test.ts requires a saved database of every version, so the latest is today's.)
    expect(after.version).toBe(Math.max(...DUMPED_VERSIONS));
    // v4 gives each search record its number in the inverted index; nothing else changes.
    const expected = (name: string, value: unknown) => (name === 'search' && version < 4 ? { ...(value as object), doc: expect.any(Number) } : value);
    for (const [name, store] of Object.entries(dump.stores)) expect(after.stores[name], name).toEqual(expect.arrayContaining(store.records.map((r) => expected(name, r.value))));
    expect(after.stores.articles).toHaveLength(4);
    expect(after.stores.search).toHaveLength(4);
  });
});
