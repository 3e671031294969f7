// Shared set-up for the e2e tests: one fixture server per file, a fresh browser profile per test.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { launchWithExtension, type ExtensionBrowser, type StoredArticle } from './browser.mjs';
import { PopupPage } from './pages.mjs';
import { startFixtureServer, type FixtureServer } from './server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Screenshots of every run (gitignored). */
export const SCREENSHOT_DIR = join(ROOT, '.output/screenshots');
/** Screenshots the README embeds; rewritten only with UPDATE_SCREENSHOTS=1. */
export const README_SCREENSHOT_DIR = join(ROOT, 'tests/e2e/screenshots');

/** The fixture site's articles, with the titles the extension should extract. */
export const FLOOD = {
  path: '/news/harwick-flood-barrier-vote.html',
  title: 'Harwick council approves £48m flood barrier after late-night vote',
} as const;
export const STRIKE = {
  path: '/news/northline-rail-strike.html',
  title: 'Northline rail staff to strike for three days over staffing',
} as const;
/** An earlier article on the flood-barrier story; the recorded GDELT answer lists it as background. */
export const EARLIER = {
  path: '/news/harwick-barrier-costs-rise.html',
  title: 'Harwick barrier decision delayed again as costs rise',
} as const;
/** Pages that are not articles. */
export const FRONT_PAGE = '/';
export const SEARCH_PAGE = '/search?q=flood+barrier';

export interface E2E {
  server: FixtureServer;
  browser: ExtensionBrowser;
}

/**
 * Registers hooks: `env.server` lives for the file, `env.browser` (fresh profile) for each test.
 * The server listens on the port the e2e build's providers call (global-setup.ts); faults and the
 * request log are reset before each test.
 */
export function useExtension(): E2E {
  const env = {} as E2E;
  beforeAll(async () => {
    env.server = await startFixtureServer({ port: inject('e2ePort') });
  });
  afterAll(async () => {
    await env.server?.close();
  });
  beforeEach(async () => {
    env.server.clearFaults();
    env.browser = await launchWithExtension({ extensionDir: inject('e2eExtensionDir') });
    env.server.clearLog();
  });
  afterEach(async () => {
    await env.browser?.close();
  });
  return env;
}

/** Opens the fixture page at `path` in a new tab, then the popup page for that tab. */
export async function openPopupFor(env: E2E, path: string): Promise<PopupPage> {
  const article = await env.browser.context.newPage();
  await article.goto(env.server.url(path));
  const tabId = await env.browser.tabIdFor(article);
  return PopupPage.open(await env.browser.context.newPage(), env.browser.extensionUrl, tabId);
}

/** Polls the `articles` store until `check` accepts its records, and returns them. */
export async function waitForArticles(
  browser: ExtensionBrowser,
  check: (articles: StoredArticle[]) => boolean,
): Promise<StoredArticle[]> {
  let last: StoredArticle[] = [];
  await expect
    .poll(async () => check((last = await browser.readArticles())), { timeout: 15_000, interval: 100 })
    .toBe(true);
  return last;
}

/**
 * Changes the reader's settings the way the options page does (storage.local `settings`, with WXT's
 * version stamp so that no migration resets them); open pages follow at once.
 */
export async function changeSettings(browser: ExtensionBrowser, change: Record<string, unknown>): Promise<void> {
  await browser.serviceWorker.evaluate(async (next) => {
    type Local = { get(key: string): Promise<{ settings?: object }>; set(items: object): Promise<void> };
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    const { settings } = await local.get('settings');
    await local.set({ settings: { ...settings, ...next }, settings$: { v: 2 } });
  }, change);
}

/**
 * Saves a screenshot to .output/screenshots/<name>.png; with UPDATE_SCREENSHOTS=1 also
 * copies it to tests/e2e/screenshots/<readmeName>.png for the README.
 */
export async function saveScreenshot(
  target: Page | { screenshot(options: { path: string; animations?: 'disabled' }): Promise<unknown> },
  name: string,
  readmeName?: string,
): Promise<void> {
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await mkdir(dirname(file), { recursive: true });
  // Finished transitions, not a frame caught mid-animation.
  await target.screenshot({ path: file, animations: 'disabled' });
  if (readmeName && process.env.UPDATE_SCREENSHOTS === '1') {
    await mkdir(README_SCREENSHOT_DIR, { recursive: true });
    await copyFile(file, join(README_SCREENSHOT_DIR, `${readmeName}.png`));
  }
}
