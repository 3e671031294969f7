// #7 fault matrix: each provider (Google News, GDELT, Bing News, the Wikipedia explainers) in turn
// answers HTTP 429 with a plain-text body, 500, never (past the 4 s timeout), a body cut off mid-way,
// an empty answer, or a 10 MB body — in real Chromium, production build, fixture server on 127.0.0.1.
// Each case: the other providers' results still appear in the popup, the status says what happened,
// the worker still answers messages, and the next lookup (the fault cleared) works.
//
// One browser for the whole matrix: cases run in order, each on its own copy of the flood-barrier
// article (`/copy/<case>/news/…`, so no lookup reuses another's cached coverage), and the explainer
// cache is emptied before each case (it keeps Wikipedia answers 7 days, by name). The case after a fault
// has that provider answering normally again, so every case also checks the previous case's recovery.
import type { Page, WebError } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser.mjs';
import { PopupPage } from './pages.mjs';
import { startFixtureServer, type Fault, type FixtureServer, type ProviderId } from './server.mjs';
import { FLOOD } from './support';
import { READER_LOADING, READER_RUNS } from '../../entrypoints/article.content/reader-flag';

/** The extension API, as far as the popup page and the worker use it here. */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  scripting: {
    executeScript<T, A extends unknown[]>(injection: { target: { tabId: number }; func: (...args: A) => T; args: A }): Promise<{ result?: T }[]>;
  };
};

type NewsId = Exclude<ProviderId, 'wikipedia'>;

/** How each news provider is named in the status line, and one item only it returns for the flood-barrier story. */
const NEWS: Record<NewsId, { name: string; item: string }> = {
  'google-news': { name: 'Google News', item: 'Councillors back £48m tidal barrier for Harwick after marathon debate' },
  gdelt: { name: 'GDELT', item: 'Harwick tidal barrier gets green light, water authority to pay £19m' },
  'bing-news': { name: 'Bing News', item: 'Split council backs Harwick flood gates despite £29m cheaper option' },
};
const NEWS_IDS = Object.keys(NEWS) as NewsId[];

/**
 * What the status line says for a news provider under each fault. A cut-off RSS answer keeps its
 * complete items (the tolerant parser drops the unfinished one), so Google News and Bing News show the
 * count of those; GDELT's cut-off JSON cannot be read at all.
 */
const NEWS_STATUS: Record<Exclude<Fault, 'hostile'>, (name: string) => RegExp> = {
  '429': (name) => new RegExp(`${name} rate-limited, retrying`),
  '500': (name) => new RegExp(`${name} failed \\(HTTP 500\\)`),
  hang: (name) => new RegExp(`${name} timed out`),
  malformed: (name) => (name === 'GDELT' ? /GDELT failed(?! \(HTTP)/ : new RegExp(`${name} [1-9]\\d*`)),
  empty: (name) => new RegExp(`${name} no results`),
  huge: (name) => new RegExp(`${name} failed \\(response larger than 2 MB\\)`),
};

/** What the explainer card of a main name (River Ouse) says under each Wikipedia fault. */
const WIKI_CARD: Record<Exclude<Fault, 'hostile'>, RegExp> = {
  '429': /^Couldn't load the Wikipedia article for River Ouse \(HTTP 429, retry in \d+ s\)\.$/,
  '500': /^Couldn't load the Wikipedia article for River Ouse \(Wikipedia: HTTP 500\)\.$/,
  hang: /^Couldn't load the Wikipedia article for River Ouse \(timed out after 4 s\)\.$/,
  malformed: /^Couldn't load the Wikipedia article for River Ouse \(Wikipedia: malformed summary JSON/,
  empty: /^No Wikipedia article found for River Ouse\.$/,
  huge: /^Couldn't load the Wikipedia article for River Ouse \(response larger than 2 MB\)\.$/,
};

const FAULTS = Object.keys(NEWS_STATUS) as (keyof typeof NEWS_STATUS)[];
/** Fault by fault, provider by provider: consecutive cases never fault the same provider. */
const CASES = FAULTS.flatMap((fault) => [...NEWS_IDS, 'wikipedia' as const].map((provider) => ({ fault, provider })));

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer({ port: inject('e2ePort') });
  browser = await launchWithExtension({ extensionDir: inject('e2eExtensionDir') });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Empties one IndexedDB store of the extension (a cache), from the worker. */
function clearStore(name: string) {
  return browser.serviceWorker.evaluate(async (store) => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'backstory')) return;
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('backstory');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    try {
      await new Promise((ok, fail) => {
        const tx = db.transaction(store, 'readwrite');
        tx.objectStore(store).clear();
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
      });
    } finally {
      db.close();
    }
  }, name);
}

/** Opens copy `id` of the flood-barrier article and the popup for its tab; waits until the context is final. */
async function lookUp(id: string): Promise<{ article: Page; popup: PopupPage }> {
  const article = await browser.context.newPage();
  await article.goto(server.url(`/copy/${id}${FLOOD.path}`));
  const tabId = await browser.tabIdFor(article);
  const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
  try {
    await popup.articleHeading(FLOOD.title).waitFor();
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${await whatWasShown(popup, tabId)}`, { cause: error });
  }
  await popup.contextSettled();
  return { article, popup };
}

/** For a failure message: what the popup shows instead of the article, and whether the tab runs the reader. */
async function whatWasShown(popup: PopupPage, tabId: number): Promise<string> {
  const shown = await popup.page
    .locator('body')
    .innerText({ timeout: 2_000 })
    .catch((error: Error) => `(unreadable: ${error.message})`);
  const reader = await browser.serviceWorker
    .evaluate(
      async ({ id, runs, loading }) => {
        const [frame] = await chrome.scripting.executeScript({
          target: { tabId: id },
          // The flags utils/reader-loader.ts reads, under the names the reader sets them.
          func: (runsFlag: string, loadingFlag: string) => {
            const flags = globalThis as Record<string, unknown>;
            return { runs: flags[runsFlag], loading: flags[loadingFlag] !== undefined, readyState: document.readyState };
          },
          args: [runs, loading],
        });
        return JSON.stringify(frame?.result);
      },
      { id: tabId, runs: READER_RUNS, loading: READER_LOADING },
    )
    .catch((error: Error) => `(unreadable: ${error.message})`);
  return `The popup showed: ${JSON.stringify(shown.slice(0, 500))}\nThe tab's reader flags: ${reader}`;
}

/** The text of the River Ouse explainer card once it has settled. */
async function riverOuseCard(popup: PopupPage): Promise<string> {
  await popup.chip('River Ouse').click();
  const card = popup.explainer('River Ouse');
  await expect.poll(() => card.getAttribute('class'), { timeout: 15_000 }).not.toMatch(/--pending/);
  return ((await card.textContent()) ?? '').trim();
}

/** A message round trip to the background, from an extension page: the worker is alive and answering. */
function askHistory(page: Page) {
  return page.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ type: 'getHistory', data: { limit: 50 } })) as { ok: boolean; data?: { canonicalUrl: string }[] };
    return { ok: reply.ok, urls: reply.data?.map((a) => a.canonicalUrl) ?? [] };
  });
}

describe('fault matrix: one provider misbehaves, the others carry on', () => {
  it.each(CASES)('$provider answers $fault', async ({ fault, provider }) => {
    const id = `${fault}-${provider}`;
    await clearStore('entities');
    server.clearFaults();
    server.setFault(provider, fault);
    server.clearLog();
    const errors: string[] = [];
    const onError = (e: WebError) => errors.push(e.error().message);
    browser.context.on('weberror', onError);

    const { article, popup } = await lookUp(id);
    try {
      // The faulty provider was asked (a fault nobody hit proves nothing).
      expect(server.requests.some((r) => r.provider === provider)).toBe(true);
      const line = (await popup.sources.textContent()) ?? '';
      const links = await popup.sameStoryItems.getByRole('link').allTextContents();
      const healthy = NEWS_IDS.filter((p) => p !== provider);
      // Every other news provider answered with results, shown in the popup (this includes the provider
      // that failed in the previous case: the next lookup after a fault works).
      for (const other of healthy) {
        expect(line).toMatch(new RegExp(`${NEWS[other].name} [1-9]\\d*`));
        expect(links).toContain(NEWS[other].item);
      }
      if (provider === 'wikipedia') {
        expect(await riverOuseCard(popup)).toMatch(WIKI_CARD[fault]);
      } else {
        expect(line).toMatch(NEWS_STATUS[fault](NEWS[provider].name));
        if (fault !== 'malformed' || provider === 'gdelt') expect(links).not.toContain(NEWS[provider].item);
        // Whatever was shown links to a whole http(s) URL (no link cut off with the answer).
        const hrefs = await popup.sameStoryItems.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        for (const href of hrefs) expect(() => new URL(href)).not.toThrow();
        expect(hrefs.every((href) => /^https?:\/\/[^/]+\/./.test(href))).toBe(true);
        // Wikipedia (perhaps failing one case ago) explains the names again.
        expect(await riverOuseCard(popup)).toMatch(/^River Ouse, YorkshireRiver in North Yorkshire, England/);
      }
      // Nothing crashed: the worker answers the next message, and the visit was recorded.
      const reply = await askHistory(popup.page);
      expect(reply.ok).toBe(true);
      expect(reply.urls).toContain(server.url(`/copy/${id}${FLOOD.path}`));
      expect(errors).toEqual([]);
    } finally {
      browser.context.off('weberror', onError);
      await article.close();
      await popup.page.close();
    }
  });

  it('after the last fault is cleared, a lookup gets every provider and the explainers', async () => {
    server.clearFaults();
    await clearStore('entities');
    const { article, popup } = await lookUp('all-clear');
    const line = (await popup.sources.textContent()) ?? '';
    expect(line).toMatch(/^Google News [1-9]\d* · GDELT [1-9]\d* · Bing News [1-9]\d*/);
    expect(await popup.sameStoryItems.getByRole('link').allTextContents()).toEqual(expect.arrayContaining(NEWS_IDS.map((p) => NEWS[p].item)));
    expect(await riverOuseCard(popup)).toMatch(/^River Ouse, Yorkshire/);
    await article.close();
    await popup.page.close();
  });
});
