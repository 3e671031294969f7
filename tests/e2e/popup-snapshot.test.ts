import { describe, expect, it } from 'vitest';
import { PopupPage } from './pages.mjs';
import { snapshotKey } from '../../utils/context/snapshot-key';
import { FLOOD, FRONT_PAGE, STRIKE, useExtension, type E2E } from './support';

/** The part of `chrome` the background callbacks below use (they run inside the extension). */
declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };

/** The tab's snapshot (utils/context/tab-snapshot.ts) as the background left it in storage.session. */
const snapshotOf = ({ browser }: E2E, tabId: number) =>
  browser.serviceWorker.evaluate(async (key) => (await chrome.storage.session.get(key))[key] as { article: { title: string; text: string } } | undefined, snapshotKey(tabId));

// The popup paints the tab's snapshot first, then checks it against the tab: it must never show an
// article the tab has left.
describe("the popup's first paint from the tab's snapshot", () => {
  const env = useExtension();

  it('is written once the lookup is complete, painted by the popup, and never outlives the page', async () => {
    const { browser, server } = env;
    const page = await browser.context.newPage();
    await page.goto(server.url(STRIKE.path));
    const tabId = await browser.tabIdFor(page);
    await expect.poll(async () => (await snapshotOf(env, tabId))?.article.title, { timeout: 30_000 }).toBe(STRIKE.title);
    // The article's text is not kept there.
    expect((await snapshotOf(env, tabId))?.article.text).toBe('');

    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
    await popup.articleHeading(STRIKE.title).waitFor();
    expect(await popup.sameStoryItems.getByRole('link').count()).toBeGreaterThan(0);
    await popup.page.close();

    // Another article in the tab: the old snapshot goes at once; the popup shows the new article.
    await page.goto(server.url(FLOOD.path));
    await expect.poll(async () => (await snapshotOf(env, tabId))?.article.title).not.toBe(STRIKE.title);
    const next = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
    await next.articleHeading(FLOOD.title).waitFor();
    expect(await next.page.getByRole('heading', { name: STRIKE.title }).count()).toBe(0);
    await expect.poll(async () => (await snapshotOf(env, tabId))?.article.title, { timeout: 30_000 }).toBe(FLOOD.title);
    await next.page.close();

    // A page that is no article: no snapshot, and the popup says so.
    await page.goto(server.url(FRONT_PAGE));
    await expect.poll(() => snapshotOf(env, tabId)).toBeUndefined();
    const none = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
    await none.readNotArticle.waitFor();
    expect(await none.page.getByRole('heading', { name: FLOOD.title }).count()).toBe(0);

    // The tab closes: its snapshot goes with it.
    await page.goto(server.url(FLOOD.path));
    await expect.poll(async () => (await snapshotOf(env, tabId))?.article.title, { timeout: 30_000 }).toBe(FLOOD.title);
    await page.close();
    await expect.poll(() => snapshotOf(env, tabId)).toBeUndefined();
  });
});
