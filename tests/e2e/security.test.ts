// Security (issue #7), in Chromium against the production build:
// - hostile provider answers (the fixture server's `hostile` fault) and a hostile feed the reader
//   subscribed to (tests/fixtures/site/feeds/hostile.xml: <script>, <img onerror>, <svg onload>,
//   javascript:/data:/vbscript: links in plain, mixed-case and entity-encoded forms, markup in outlet
//   names, a 100,000-character title and description) render inert in the popup, the sidebar, the
//   side panel page and the options page;
// - malformed or unexpected messages from an extension page are answered with an error, and the
//   worker keeps working;
// - the manifest asks only for what it needs, and the extension pages' CSP stays strict.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { providerHostPermissions } from '../../utils/context/provider-origin';
import type { ExtensionBrowser } from './browser.mjs';
import { PopupPage, SidebarPage } from './pages.mjs';
import { FLOOD, useExtension, waitForArticles } from './support';

/** The part of `chrome` the callbacks below use (they run inside the extension). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(keys: string | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

/** Longest text one element may show: provider and feed text is capped (titles at 300 characters). */
const MAX_ELEMENT_TEXT = 2_000;

/**
 * What hostile text could have become inside `selector` (a page's root, or a shadow host): script
 * elements, event-handler attributes, frames/objects, any link or resource that is not http(s),
 * over-long text, and whether a payload ran (window.__pwned).
 */
function inspect(page: Page, selector: string) {
  return page.evaluate(
    ({ selector, max }) => {
      const host = document.querySelector(selector);
      const root = host?.shadowRoot ?? host;
      if (!root) return { missing: true };
      const elements = [...root.querySelectorAll('*')];
      const urls = elements.flatMap((e) => ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].map((a) => e.getAttribute(a)).filter((u): u is string => u !== null));
      return {
        missing: false,
        scripts: root.querySelectorAll('script, iframe, object, embed, frame').length,
        handlers: elements.flatMap((e) => e.getAttributeNames().filter((a) => a.startsWith('on')).map((a) => `${e.tagName}[${a}]`)),
        unsafeUrls: urls.filter((u) => !/^https?:\/\//i.test(u) && !/^(?:popup|options|sidepanel)\.html(?:\?[\w=&]*)?$/.test(u) && !u.startsWith('#')),
        longText: elements.filter((e) => e.children.length === 0 && e.tagName !== 'STYLE' && (e.textContent ?? '').length > max).map((e) => `${e.tagName} ${(e.textContent ?? '').length}`),
        pwned: (window as { __pwned?: unknown }).__pwned ?? null,
      };
    },
    { selector, max: MAX_ELEMENT_TEXT },
  );
}

const CLEAN = { missing: false, scripts: 0, handlers: [], unsafeUrls: [], longText: [], pwned: null };

/** Every link's href as the browser resolved it: none may use a script-capable scheme. */
async function expectNoScriptLinks(page: Page, selector: string) {
  const hrefs = await page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const root = host?.shadowRoot ?? host ?? document;
    return [...root.querySelectorAll('a[href], area[href]')].map((a) => (a as HTMLAnchorElement).href);
  }, selector);
  for (const href of hrefs) expect(href).not.toMatch(/^\s*(?:javascript|data|vbscript):/i);
}

/** Subscribes to the hostile feed (as the options page stores it) and waits until it was polled. */
async function subscribeHostileFeed(browser: ExtensionBrowser, feedUrl: string): Promise<void> {
  await browser.serviceWorker.evaluate(async (url) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), feeds: [url] }, settings$: { v: 2 } });
  }, feedUrl);
  await expect
    .poll(async () => ((await browser.serviceWorker.evaluate(() => chrome.storage.local.get('feedStatus'))).feedStatus as Record<string, { items?: number }> | undefined)?.[feedUrl]?.items ?? 0, {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
}

describe('security', () => {
  const env = useExtension();

  it('renders hostile provider and feed text inert in the popup, sidebar, side panel and options', async () => {
    const { browser, server } = env;
    for (const provider of ['google-news', 'gdelt', 'bing-news', 'wikipedia'] as const) server.setFault(provider, 'hostile');
    const dialogs: string[] = [];
    browser.context.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // A feed address with markup of its own: the options page shows it as text.
    const feedUrl = server.url('/feeds/hostile.xml?x="><img src=x onerror="window.__pwned=\'feed-url\'">');
    await subscribeHostileFeed(browser, feedUrl);

    const article = await browser.context.newPage();
    await article.goto(server.url(FLOOD.path));
    await waitForArticles(browser, (r) => r.length === 1);
    const tabId = await browser.tabIdFor(article);

    // Popup.
    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
    await popup.contextSettled();
    const same = (await popup.sameStoryItems.allTextContents()).join('\n');
    expect(same).toContain('Harwick flood barrier vote: councillors back Marsh Lane scheme'); // the feed's item is listed…
    expect(same).toContain('Harwick council flood barrier vote'); // …and the providers'
    expect(same).not.toMatch(/javascript link|data link|vbscript link|mixed-case link|encoded link/); // items whose link runs script are dropped
    await popup.chip('River Ouse').click();
    await popup.explainer('River Ouse').getByRole('heading').waitFor();
    expect(await inspect(popup.page, '.popup')).toEqual(CLEAN);
    await expectNoScriptLinks(popup.page, '.popup');

    // Side panel (sidepanel.html in a tab follows the active tab).
    const panel = await browser.context.newPage();
    await panel.goto(browser.extensionUrl('sidepanel.html'));
    await article.bringToFront();
    const panelView = new PopupPage(panel);
    await panelView.articleHeading(FLOOD.title).waitFor();
    await panelView.contextSettled();
    expect((await panelView.sameStoryItems.allTextContents()).join('\n')).toContain('councillors back Marsh Lane scheme');
    expect(await inspect(panel, '.popup')).toEqual(CLEAN);
    await expectNoScriptLinks(panel, '.popup');

    // Sidebar on the article page.
    await article.bringToFront();
    const sidebar = new SidebarPage(article);
    await sidebar.toggle.filter({ hasText: /·/ }).waitFor({ timeout: 30_000 });
    await sidebar.expand();
    await sidebar.sameStoryItems.first().waitFor();
    expect(await inspect(article, 'backstory-sidebar')).toEqual(CLEAN);
    await expectNoScriptLinks(article, 'backstory-sidebar');

    // Options: the feed list and the sources' statuses.
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const feeds = options.getByRole('list', { name: /feeds/i });
    await feeds.getByText(feedUrl, { exact: true }).waitFor();
    expect(await inspect(options, 'body')).toEqual(CLEAN);
    await expectNoScriptLinks(options, 'body');

    expect(dialogs).toEqual([]);
  });

  it('rejects malformed and unexpected messages with an error, and keeps working', async () => {
    const { browser } = env;
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    const send = (message: unknown) =>
      page.evaluate(async (m) => {
        try {
          return await chrome.runtime.sendMessage(m);
        } catch (error) {
          return { thrown: String(error) };
        }
      }, message);
    const article = {
      url: 'https://news.example.com/a',
      canonicalUrl: 'https://news.example.com/a',
      title: 'A',
      byline: null,
      siteName: null,
      publishedAt: null,
      lang: 'en',
      excerpt: '',
      text: 'Body.',
      wordCount: 1,
      readingMinutes: 1,
    };
    const bad: [unknown, RegExp][] = [
      ['hello', /malformed message/],
      [null, /malformed message/],
      [[1, 2, 3], /malformed message/],
      [{ data: {} }, /malformed message/],
      [{ type: 42, data: {} }, /malformed message/],
      [{ type: 'noSuchMessage', data: {} }, /unknown message type: noSuchMessage/],
      [{ type: '__proto__', data: {} }, /unknown message type/],
      [{ type: 'constructor', data: {} }, /unknown message type/],
      [{ type: 'x'.repeat(100_000), data: {} }, /unknown message type: x{64}$/],
      [{ type: 'getHistory' }, /invalid getHistory/],
      [{ type: 'getHistory', data: { limit: '10' } }, /invalid getHistory: limit must be a whole number/],
      [{ type: 'getHistory', data: { limit: -1 } }, /invalid getHistory/],
      [{ type: 'getHistory', data: { limit: 1e12 } }, /invalid getHistory/],
      [{ type: 'searchHistory', data: { query: 'flood', limit: 10, from: 'yesterday' } }, /invalid searchHistory: from/],
      [{ type: 'searchHistory', data: { query: 'q'.repeat(100_000), limit: 10 } }, /invalid searchHistory: query is longer/],
      [{ type: 'deleteHistoryEntry', data: { canonicalUrl: 'javascript:alert(1)' } }, /invalid deleteHistoryEntry: canonicalUrl must be http\(s\)/],
      [{ type: 'exportHistory', data: { format: 'xml' } }, /invalid exportHistory/],
      [{ type: 'importHistory', data: { json: 'not json' } }, /./],
      [{ type: 'importHistory', data: { json: { articles: [] } } }, /invalid importHistory: json must be a string/],
      [{ type: 'articleDetected', data: { ...article, url: 'javascript:alert(1)' } }, /invalid articleDetected: url must be http\(s\)/],
      [{ type: 'articleDetected', data: { ...article, title: 'T'.repeat(10_000) } }, /invalid articleDetected: title is longer/],
      [{ type: 'articleDetected', data: { ...article, text: 'w '.repeat(1_100_000) } }, /invalid articleDetected: text is longer/],
      [{ type: 'articleDetected', data: { ...article, wordCount: 1.5 } }, /invalid articleDetected: wordCount/],
      [{ type: 'articleDetected', data: { ...article, publishedAt: 'soon' } }, /invalid articleDetected: publishedAt/],
      [{ type: 'getContext', data: { article: { ...article, canonicalUrl: 'data:text/html,x' } } }, /invalid getContext: canonicalUrl must be http\(s\)/],
      [{ type: 'getContext', data: { article, tabId: 'mine' } }, /invalid getContext: tabId/],
      [{ type: 'validateFeed', data: { url: 7 } }, /invalid validateFeed: url must be a string/],
    ];
    for (const [message, error] of bad) {
      const reply = (await send(message)) as { ok?: boolean; error?: string };
      expect(reply, JSON.stringify(message).slice(0, 120)).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    }
    // Nothing was recorded by any of them, and the worker still answers.
    expect(await send({ type: 'getHistory', data: { limit: 10 } })).toEqual({ ok: true, data: [] });
    expect(await browser.serviceWorker.evaluate(() => 1 + 1)).toBe(2);
  });

  it('asks only for the permissions it needs, and keeps the extension pages’ CSP strict', async () => {
    const { browser, server } = env;
    const manifest = JSON.parse(await readFile(join(inject('e2eExtensionDir'), 'manifest.json'), 'utf8')) as Record<string, unknown>;
    /** Every permission with its reason (README "Permissions" table). */
    const allowed: Record<string, string> = {
      storage: 'settings, source statuses and the storage warning in storage.local',
      alarms: 'polling feeds and re-checking followed stories',
      sidePanel: 'the side panel view (Chrome)',
      activeTab: 'the popup and the keyboard command load the reader into the page they are used on',
      scripting: 'running the reader there (utils/reader-loader.ts)',
    };
    const optional: Record<string, string> = { notifications: 'a notification for new coverage of a followed story, only if the reader allows it' };
    expect([...(manifest.permissions as string[])].sort()).toEqual(Object.keys(allowed).sort());
    expect([...((manifest.optional_permissions as string[] | undefined) ?? [])].sort()).toEqual(Object.keys(optional).sort());
    // Host access: only the providers (here the fixture server standing in for them); feeds' origins are asked for one by one.
    expect(manifest.host_permissions).toEqual([`${server.origin}/*`]);
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    // The production build names exactly the providers' hosts.
    expect(providerHostPermissions(null, 'chrome')).toEqual([
      'https://news.google.com/*',
      'https://api.gdeltproject.org/*',
      'https://www.bing.com/*',
      'https://*.wikipedia.org/*',
    ]);
    // One content script, the small detector, reads http(s) pages locally. It imports the reader into
    // pages that may hold an article: the reader and its stylesheet are the only files web pages could
    // reach, and only through Chrome's per-session URL, never the extension's fixed one (below).
    expect(manifest.content_scripts).toEqual([{ matches: ['http://*/*', 'https://*/*'], js: ['detector.js'], run_at: 'document_idle' }]);
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['content-scripts/article.css', 'content-scripts/article.js'], use_dynamic_url: true, matches: ['http://*/*', 'https://*/*'] },
    ]);
    expect(manifest).not.toHaveProperty('externally_connectable');
    // No loosened CSP: none declared (Chrome's strict default applies), or one without eval, inline or remote script.
    const csp = manifest.content_security_policy as { extension_pages?: string } | undefined;
    if (csp?.extension_pages !== undefined) {
      expect(csp.extension_pages).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
    }

    // And in practice: a popup page runs no inline, data: or remote script, and no eval.
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('popup.html'));
    const ran = await page.evaluate(
      async (remote) => {
        const w = window as { __ran?: string[] };
        w.__ran = [];
        const add = (src: string | null, text: string | null) => {
          const script = document.createElement('script');
          if (src) script.src = src;
          if (text) script.textContent = text;
          document.head.append(script);
          return new Promise((done) => {
            script.onload = done;
            script.onerror = done;
            setTimeout(done, 500);
          });
        };
        await add(null, "window.__ran.push('inline')");
        await add("data:text/javascript,window.__ran.push('data')", null);
        await add(remote, null);
        try {
          new Function("window.__ran.push('function')")();
        } catch {
          // blocked
        }
        try {
          (0, eval)("window.__ran.push('eval')");
        } catch {
          // blocked
        }
        return w.__ran;
      },
      server.url('/assets/remote.js'),
    );
    expect(ran).toEqual([]);
  });

  it("keeps the reader's file out of web pages' reach at the extension's fixed URL", async () => {
    const { browser, server } = env;
    const page = await browser.context.newPage();
    await page.goto(server.url('/news/northline-rail-strike.html'));
    // A page that knows the extension's id cannot fetch (and so cannot fingerprint) the reader.
    const reached = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return true;
      } catch {
        return false;
      }
    }, browser.extensionUrl('content-scripts/article.js'));
    expect(reached).toBe(false);
    await page.close();
  });
});
