import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../utils/related/feed-parse';
import { SidebarPage } from './pages.mjs';
import { SITE_DIR } from './server.mjs';
import { FLOOD, saveScreenshot, useExtension, waitForArticles, type E2E } from './support';

/** The extension API inside the service worker (evaluated there, not here). */
declare const chrome: { tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> } };

/** A recorded RSS answer, served as a plain file by the fixture server: a valid feed on 127.0.0.1. */
const FEED_PATH = '/providers/harwick-flood-barrier/google-news.xml';

async function openOptions(env: E2E): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(env.browser.extensionUrl('options.html'));
  await page.getByRole('heading', { name: 'Backstory settings' }).waitFor();
  return page;
}

describe('options page in Chromium', () => {
  const env = useExtension();

  it('opens a welcome page once on install, with the defaults already set', async () => {
    await expect.poll(() => env.browser.context.pages().some((p) => p.url().endsWith('/options.html?welcome=1'))).toBe(true);
    const welcome = env.browser.context.pages().find((p) => p.url().endsWith('/options.html?welcome=1'))!;
    await welcome.getByRole('heading', { name: 'Welcome to Backstory' }).waitFor();
    expect(await welcome.getByRole('checkbox', { name: /Google News/ }).isChecked()).toBe(true);
    expect(await welcome.getByRole('radio', { name: /A small tab/ }).isChecked()).toBe(true);
    await welcome.getByRole('heading', { name: 'What leaves your browser' }).waitFor();
  });

  it('a source switched off (from the keyboard) gets no request on the next lookup; the others show their last status', async () => {
    const options = await openOptions(env);
    const gdelt = options.getByRole('checkbox', { name: /^GDELT/ });
    await gdelt.focus();
    await options.keyboard.press('Space');
    await expect.poll(() => gdelt.isChecked()).toBe(false);

    const article = await env.browser.context.newPage();
    await article.goto(env.server.url(FLOOD.path));
    // The options page follows the stored statuses live: Google News and Wikipedia answered.
    const googleRow = options.getByRole('listitem').filter({ has: options.getByRole('checkbox', { name: /^Google News/ }) });
    const wikiRow = options.getByRole('listitem').filter({ has: options.getByRole('checkbox', { name: /^Wikipedia/ }) });
    await googleRow.getByText(/^Last: OK/).waitFor({ timeout: 30_000 });
    await wikiRow.getByText(/^Last: OK/).waitFor({ timeout: 30_000 });
    expect(env.server.requests.some((r) => r.provider === 'google-news')).toBe(true);
    expect(env.server.requests.filter((r) => r.provider === 'gdelt')).toEqual([]);
    const gdeltRow = options.getByRole('listitem').filter({ has: gdelt });
    expect(await gdeltRow.getByText('Not used yet').isVisible()).toBe(true);
  });

  it('refuses an address that is not a feed with a clear error, and adds a valid feed with its item count', async () => {
    const options = await openOptions(env);
    const address = options.getByRole('textbox', { name: /Feed address/ });
    await address.fill(env.server.url('/'));
    await options.getByRole('button', { name: 'Add feed' }).click();
    await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/^Not a feed: this is a web page, not a feed/);
    expect(await options.getByRole('list', { name: 'Your feeds' }).count()).toBe(0);
    expect(await options.getByText('No feeds yet.').isVisible()).toBe(true);

    const feedUrl = env.server.url(FEED_PATH);
    const expected = parseFeed(await readFile(join(SITE_DIR, FEED_PATH), 'utf8'), feedUrl).items.length;
    expect(expected).toBeGreaterThan(1);
    await address.fill(feedUrl);
    await options.getByRole('button', { name: 'Add feed' }).click();
    const feeds = options.getByRole('list', { name: 'Your feeds' });
    await feeds.getByText(feedUrl, { exact: true }).waitFor();
    await feeds.getByText(new RegExp(`^${expected} items · fetched `)).waitFor();
    expect(await options.getByRole('alert').count()).toBe(0);
    await options.setViewportSize({ width: 800, height: 1000 });
    await options.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot({ screenshot: (o: { path: string; animations?: 'disabled' }) => options.screenshot({ ...o, fullPage: true }) }, 'options', 'options');

    await feeds.getByRole('button', { name: `Remove ${feedUrl}` }).click();
    await options.getByText('No feeds yet.').waitFor();
  });

  it('follows the system’s dark mode, and shows keyboard focus', async () => {
    const options = await openOptions(env);
    const background = () => options.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await options.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await options.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).not.toBe(light);
    expect(await background()).toBe('rgb(38, 41, 46)');
    await options.keyboard.press('Tab');
    const outline = await options.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { tag: el.tagName, outline: getComputedStyle(el).outlineStyle };
    });
    expect(outline).toEqual({ tag: 'INPUT', outline: 'solid' });
    await saveScreenshot(options, 'options-dark');
  });

  it('sidebar off: no sidebar on an article (the shortcut still shows it); back to the tab: it appears live', async () => {
    const options = await openOptions(env);
    await options.getByRole('radio', { name: /^Off/ }).check();

    const page = await env.browser.context.newPage();
    await page.goto(env.server.url(FLOOD.path));
    await waitForArticles(env.browser, (records) => records.length === 1);
    const sidebar = new SidebarPage(page);
    expect(await sidebar.count()).toBe(0);

    // What the Alt+Shift+B command sends: the sidebar opens expanded on this page only.
    const tabId = await env.browser.tabIdFor(page);
    const reply = await env.browser.serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'toggleSidebar', data: {} }), tabId);
    expect(reply).toEqual({ ok: true, data: { shown: true } });
    await sidebar.panel.waitFor();
    await page.reload();
    await waitForArticles(env.browser, (records) => records[0]!.visits.length === 2);
    expect(await sidebar.count()).toBe(0);

    await options.bringToFront();
    await options.getByRole('radio', { name: /^A small tab/ }).check();
    await sidebar.toggle.waitFor();
    expect(await sidebar.toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('"Hide on this site" removes the sidebar and lists the site in the options, where it can be removed again', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url(FLOOD.path));
    const sidebar = new SidebarPage(page);
    await sidebar.expand();
    await sidebar.panel.getByRole('button', { name: 'Hide on this site' }).click();
    await expect.poll(() => sidebar.count()).toBe(0);

    const options = await openOptions(env);
    const hidden = options.getByRole('list', { name: 'Sites without the sidebar' });
    await hidden.getByText('127.0.0.1', { exact: true }).waitFor();
    await hidden.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await options.getByText(/“Hide on this site” in the sidebar adds the site here/).waitFor();
    await sidebar.toggle.waitFor();
  });
});
