// Launches Debian's Firefox ESR over WebDriver BiDi (puppeteer-core) with the Firefox build installed
// as a temporary add-on (see /work/shared/TESTING.md, "Firefox ESR"). Used by tests/e2e/firefox.test.ts.
/* global browser -- the callbacks passed to page.evaluate run inside an extension page */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

/** `FIREFOX_PATH` or Debian's `/usr/bin/firefox-esr`. */
export const firefoxPath = () => process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

export const missingFirefoxMessage = (path = firefoxPath()) =>
  `Firefox not found at ${path}. Install it with: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH).`;

/** The extension's internal UUID, pinned so that `moz-extension://<uuid>/…` is known before install. */
export const EXTENSION_UUID = '6f1c5a2e-3b7d-4c8e-9a10-b1d2e3f4a5b6';

/** Deadlines for a stuck browser, not performance thresholds. */
const LAUNCH_TIMEOUT = 90_000;
const INSTALL_TIMEOUT = 30_000;
const CLOSE_TIMEOUT = 10_000;

/**
 * Preferences on top of puppeteer's defaults (which already turn off updates, safe browsing, the
 * new-tab page and most data reporting): no first-run pages, telemetry or background connections,
 * so the fixture server's request log and the tabs hold only what the test and the extension did.
 */
const QUIET_PREFS = {
  'browser.aboutwelcome.enabled': false,
  'browser.discovery.enabled': false,
  'browser.messaging-system.whatsNewPanel.enabled': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.topsites.contile.enabled': false,
  'datareporting.policy.firstRunURL': '',
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.showPaneNewTab': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'browser.backup.scheduled.enabled': false,
  'datareporting.usage.uploadEnabled': false,
  'app.update.auto': false,
  'app.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'trailhead.firstrun.didSeeAboutWelcome': true,
};

/**
 * Rejects after `ms` with a message naming `what`.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
function within(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const deadline = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Starts Firefox ESR headless in a fresh profile (deleted on close, also when the launch fails) and
 * installs `extensionDir` (an unpacked Firefox build) as a temporary add-on.
 * @param {{ extensionDir: string, headless?: boolean }} options
 */
export async function launchFirefoxWithExtension({ extensionDir, headless = true }) {
  const executablePath = firefoxPath();
  if (!existsSync(executablePath)) throw new Error(missingFirefoxMessage(executablePath));
  const manifestFile = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`No Firefox build at ${extensionDir}. Run: npm run build:firefox`);
  const geckoId = JSON.parse(readFileSync(manifestFile, 'utf8')).browser_specific_settings?.gecko?.id;
  if (typeof geckoId !== 'string') throw new Error(`${manifestFile} names no gecko id`);

  // BACKSTORY_E2E_DUMPIO=1 prints Firefox's own output (startup, console, add-on errors).
  const dumpio = process.env.BACKSTORY_E2E_DUMPIO === '1';
  const profile = await mkdtemp(join(tmpdir(), 'backstory-firefox-'));
  /** @type {import('puppeteer-core').Browser | undefined} */
  let firefox;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (firefox) {
      const process = firefox.process();
      await within(firefox.close(), CLOSE_TIMEOUT, 'closing Firefox').catch(() => process?.kill('SIGKILL'));
    }
    await rm(profile, { recursive: true, force: true });
  };

  try {
    firefox = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath,
      headless,
      userDataDir: profile,
      timeout: LAUNCH_TIMEOUT,
      dumpio,
      // Needed to open moz-extension:// pages over BiDi.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
        // With dumpio, the console of pages and of the extension (errors included) goes to stdout too.
        ...(dumpio ? { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true } : {}),
      },
    });
    const installed = await within(firefox.installExtension(extensionDir), INSTALL_TIMEOUT, 'installing the add-on');
    if (installed !== geckoId) throw new Error(`installed add-on ${installed}, expected ${geckoId}`);
  } catch (error) {
    await close();
    throw error;
  }
  const ff = firefox;

  /** URL of a page inside the extension, e.g. `extensionUrl('popup.html?tab=3')`. */
  const extensionUrl = (/** @type {string} */ path) => `moz-extension://${EXTENSION_UUID}/${path}`;

  /**
   * Loads an extension page in `page`. `page.goto` never settles for moz-extension:// URLs
   * (Firefox sends no navigation events for them), so this navigates the BiDi browsing context.
   * @param {import('puppeteer-core').Page} page
   * @param {string} path
   */
  async function gotoExtensionPage(page, path) {
    const frame = /** @type {{ browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> } }} */ (
      /** @type {unknown} */ (page.mainFrame())
    );
    await frame.browsingContext.navigate(extensionUrl(path), 'complete');
    return page;
  }

  /** @type {import('puppeteer-core').Page | undefined} */
  let probe;
  /** An extension page (the options page) kept open to call extension APIs and read IndexedDB from. */
  async function probePage() {
    probe ??= await gotoExtensionPage(await ff.newPage(), 'options.html');
    return probe;
  }

  /** The open tabs as the extension sees them (URLs of the fixture origin are visible through its host permission). */
  async function tabs() {
    return (await probePage()).evaluate(async () =>
      (await browser.tabs.query({})).map((t) => ({ id: t.id ?? -1, url: t.url ?? null, active: t.active })),
    );
  }

  return {
    browser: ff,
    extensionUrl,
    gotoExtensionPage,
    tabs,
    /**
     * Firefox's tab id of a page that shows an http(s) URL (the one tab whose URL is the page's).
     * @param {import('puppeteer-core').Page} page
     */
    async tabIdFor(page) {
      const matching = (await tabs()).filter((t) => t.url === page.url());
      if (matching.length !== 1) throw new Error(`expected one tab showing ${page.url()}, got ${JSON.stringify(matching)}`);
      return matching[0].id;
    },
    /**
     * Every record in IndexedDB `backstory` / `articles`, read from an extension page (same origin as
     * the background). Never creates the database: an empty list when it (or the store) does not exist yet.
     * @returns {Promise<Array<Record<string, unknown> & { canonicalUrl: string, url: string, title: string, visits: number[] }>>}
     */
    async readArticles() {
      return (await probePage()).evaluate(async () => {
        /** @type {<T>(request: IDBRequest<T>) => Promise<T>} */
        const settled = (request) =>
          new Promise((ok, fail) => {
            request.onsuccess = () => ok(request.result);
            request.onerror = () => fail(request.error);
          });
        if (!(await indexedDB.databases()).some((d) => d.name === 'backstory')) return [];
        const db = await settled(indexedDB.open('backstory'));
        try {
          return db.objectStoreNames.contains('articles') ? await settled(db.transaction('articles').objectStore('articles').getAll()) : [];
        } finally {
          db.close();
        }
      });
    },
    close,
  };
}
