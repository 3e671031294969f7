// #7: the service worker is stopped in the middle of a lookup (Chrome stops an idle MV3 worker after
// 30 s, or at will under memory pressure), while GDELT has not answered yet. The popup must still get
// complete results on the next request, and no history entry may be lost or doubled.
//
// How the worker is stopped: the DevTools protocol's `ServiceWorker.stopWorker` on a page session
// (`ServiceWorker.enable` lists the extension's worker with its version id; the extension's worker is in
// the same storage partition as an about:blank tab). The test proves it worked: a global set in the
// worker is gone when the worker wakes again, and the protocol reports the version `stopped`.
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readDatabases } from './browser.mjs';
import { PopupPage } from './pages.mjs';
import { FLOOD, useExtension, waitForArticles, type E2E } from './support';

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * Stops the extension's service worker through the DevTools protocol and waits until it reports
 * `stopped`. Returns the statuses seen, oldest first.
 */
async function stopServiceWorker(context: BrowserContext, extensionId: string): Promise<string[]> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const ours = (v: WorkerVersion) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`);
    const seen: string[] = [];
    let latest: WorkerVersion | undefined;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
      for (const v of versions.filter(ours)) {
        latest = v;
        seen.push(v.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => latest?.runningStatus, { timeout: 5_000 }).toBe('running');
    await cdp.send('ServiceWorker.stopWorker', { versionId: latest!.versionId });
    // Something may wake it again at once (the sidebar asks every few hundred ms): wait for "stopped" to be seen.
    await expect.poll(() => seen.includes('stopped'), { timeout: 10_000 }).toBe(true);
    await cdp.detach();
    return seen;
  } finally {
    await page.close();
  }
}

/** Providers whose answer for the flood-barrier article is stored in the `related` cache, sorted. */
async function storedProviders(browser: E2E['browser']): Promise<string[]> {
  const related = ((await readDatabases(browser.serviceWorker)).backstory?.stores.related ?? []) as { results?: { id: string }[] }[];
  return related.flatMap((r) => (r.results ?? []).map((x) => x.id)).sort();
}

describe('service worker stopped in the middle of a lookup', () => {
  const env = useExtension();

  it('the next request completes the lookup from what was stored, asking only GDELT again; history neither loses nor doubles the visit', async () => {
    const { browser, server } = env;
    server.setFault('gdelt', 'hang'); // GDELT's answer is still out when the worker stops
    const article = await browser.context.newPage();
    await article.goto(server.url(FLOOD.path));
    const [recorded] = await waitForArticles(browser, (r) => r.length === 1);
    expect(recorded!.visits).toHaveLength(1);
    const tabId = await browser.tabIdFor(article);

    // The sidebar has started the lookup: Google News and Bing News have answered (and were stored),
    // GDELT has been asked and is still out (its near and wide requests take 9 s to time out; nothing
    // of GDELT's is stored before both have).
    await expect.poll(() => server.requests.some((r) => r.provider === 'gdelt'), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => storedProviders(browser), { timeout: 15_000 }).toEqual(['bing-news', 'google-news']);

    await browser.serviceWorker.evaluate(() => {
      (globalThis as { __beforeStop?: string }).__beforeStop = 'set before the stop';
    });
    // GDELT works again for new requests (the one in flight stays unanswered), and the worker is stopped.
    server.setFault('gdelt', null);
    server.clearLog();
    const statuses = await stopServiceWorker(browser.context, browser.extensionId);
    expect(statuses).toContain('stopping');
    expect(statuses).toContain('stopped');

    // The reader opens the popup (the sidebar may have asked already: either is "the next request").
    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
    await popup.articleHeading(FLOOD.title).waitFor();
    await popup.contextSettled();
    // It is a new worker: the global set before the stop is gone.
    expect(await browser.serviceWorker.evaluate(() => (globalThis as { __beforeStop?: string }).__beforeStop ?? null)).toBeNull();

    expect((await popup.sources.textContent()) ?? '').toMatch(/^Google News [1-9]\d* · GDELT [1-9]\d* · Bing News [1-9]\d*/);
    const same = await popup.sameStoryItems.getByRole('link').allTextContents();
    expect(same).toEqual(
      expect.arrayContaining([
        'Councillors back £48m tidal barrier for Harwick after marathon debate',
        'Harwick tidal barrier gets green light, water authority to pay £19m',
        'Split council backs Harwick flood gates despite £29m cheaper option',
      ]),
    );
    // Resumed, not restarted: only GDELT, which had not answered, was asked again.
    const asked = new Set(server.requests.filter((r) => r.provider && r.provider !== 'wikipedia').map((r) => r.provider));
    expect([...asked]).toEqual(['gdelt']);

    // History: still exactly one entry with one visit (the popup's requests record nothing)…
    const after = await browser.readArticles();
    expect(after.map((a) => [a.canonicalUrl, a.visits.length])).toEqual([[server.url(FLOOD.path), 1]]);
    expect(after[0]!.visits).toEqual(recorded!.visits);
    // …and the woken worker records the next visit: one entry, two visits.
    await article.reload();
    const again = await waitForArticles(browser, (r) => r[0]?.visits.length === 2);
    expect(again).toHaveLength(1);
  });
});
