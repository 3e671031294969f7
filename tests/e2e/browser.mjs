// Launches Debian's Chromium with the production build loaded (see /work/shared/TESTING.md).
// Shared by the e2e tests and `npm run demo`.
/* global chrome -- the callbacks passed to serviceWorker.evaluate run inside the extension */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The Chrome MV3 production build, absolute (the extension id depends on this path). */
export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3/', import.meta.url)).replace(/\/$/, '');

/** `CHROME_PATH` or Debian's `/usr/bin/chromium`. */
export const chromePath = () => process.env.CHROME_PATH || '/usr/bin/chromium';

export const missingChromeMessage = (path = chromePath()) =>
  `Chromium not found at ${path}. Install it with: sudo apt-get install -y chromium (or set CHROME_PATH).`;

/**
 * Every record of every store of every IndexedDB database of the extension's origin, read in `worker`
 * (the background: `browser.serviceWorker`, or a new worker after a reload). Opens each database at
 * its current version, so nothing is created or upgraded.
 * @param {import('playwright-core').Worker} worker
 * @returns {Promise<Record<string, { version: number, stores: Record<string, unknown[]> }>>}
 */
export function readDatabases(worker) {
  return worker.evaluate(async () => {
    /** @type {Record<string, { version: number, stores: Record<string, unknown[]> }>} */
    const all = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      /** @type {IDBDatabase} */
      const db = await new Promise((ok, fail) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      try {
        /** @type {Record<string, unknown[]>} */
        const stores = {};
        for (const store of db.objectStoreNames) {
          stores[store] = await new Promise((ok, fail) => {
            const request = db.transaction(store, 'readonly').objectStore(store).getAll();
            request.onsuccess = () => ok(request.result);
            request.onerror = () => fail(request.error);
          });
        }
        all[name] = { version: db.version, stores };
      } finally {
        db.close();
      }
    }
    return all;
  });
}

/** Chromium's id for an unpacked extension: the first 32 hex digits of SHA-256 of its absolute path, written a–p. */
export const unpackedExtensionId = (/** @type {string} */ dir) =>
  [...createHash('sha256').update(dir).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');

/**
 * Starts Chromium with the extension, in a fresh profile that is deleted on close.
 * `incognito: true` allows the extension in private windows, as the reader would on chrome://extensions
 * ("Allow in Incognito"): the profile's Preferences say so before launch.
 * `args`: more Chromium switches, e.g. `['--lang=de']` for the German UI (extension strings follow it).
 * @param {{ headless?: boolean, extensionDir?: string, viewport?: { width: number, height: number } | null, incognito?: boolean, args?: string[] }} [options]
 */
export async function launchWithExtension({ headless = true, extensionDir = EXTENSION_DIR, viewport, incognito = false, args = [] } = {}) {
  const executablePath = chromePath();
  if (!existsSync(executablePath)) throw new Error(missingChromeMessage(executablePath));
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No extension build at ${extensionDir}. Run: npm run build`);

  const profile = await mkdtemp(join(tmpdir(), 'backstory-profile-'));
  if (incognito) {
    await mkdir(join(profile, 'Default'), { recursive: true });
    const settings = { [unpackedExtensionId(extensionDir)]: { incognito: true } };
    await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { settings } }));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: viewport === undefined ? { width: 1280, height: 900 } : viewport,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  });
  // Deadline for auto-waiting locators, so a missing element fails the test with a clear message.
  context.setDefaultTimeout(15_000);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;

  let closed = false;
  return {
    context,
    serviceWorker,
    extensionId,
    /** URL of a page inside the extension, e.g. `extensionUrl('popup.html?tab=3')`. */
    extensionUrl: (/** @type {string} */ path) => `chrome-extension://${extensionId}/${path}`,
    /**
     * Chrome's tab id of a Playwright page, asked from the background: bring the page to the front
     * and take the active tab once it shows the page's URL (the e2e build's host permission for the
     * fixture server makes those URLs visible; the manifest has no `tabs` permission).
     * @param {import('playwright-core').Page} page
     */
    async tabIdFor(page) {
      // A tab that opens meanwhile (the welcome page, opened on install) can take the front: try again.
      for (let attempt = 1; ; attempt++) {
        await page.bringToFront();
        const tabs = await serviceWorker.evaluate(async () =>
          (await chrome.tabs.query({ active: true, lastFocusedWindow: true })).map((t) => ({ id: t.id, url: t.url ?? null })),
        );
        const [tab] = tabs;
        if (tabs.length !== 1 || tab?.id === undefined) throw new Error(`expected one active tab, got ${JSON.stringify(tabs)}`);
        if (tab.url === page.url()) return tab.id;
        // No URL yet (a tab still loading, e.g. the welcome page opening on install, shows none) or
        // another page in front: never take it for this page's tab.
        if (attempt >= 50) throw new Error(`active tab shows ${tab.url}, not ${page.url()}`);
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    /**
     * Every record in IndexedDB `backstory` / `articles`, read in the background.
     * Never creates the database: an empty list when it (or the store) does not exist yet.
     * @returns {Promise<Array<Record<string, unknown> & { canonicalUrl: string, visits: number[] }>>}
     */
    readArticles() {
      return serviceWorker.evaluate(async () => {
        const names = (await indexedDB.databases()).map((d) => d.name);
        if (!names.includes('backstory')) return [];
        const db = await new Promise((ok, fail) => {
          const open = indexedDB.open('backstory');
          open.onsuccess = () => ok(open.result);
          open.onerror = () => fail(open.error);
        });
        try {
          if (!db.objectStoreNames.contains('articles')) return [];
          return await new Promise((ok, fail) => {
            const all = db.transaction('articles', 'readonly').objectStore('articles').getAll();
            all.onsuccess = () => ok(all.result);
            all.onerror = () => fail(all.error);
          });
        } finally {
          db.close();
        }
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}
