// Following a story in real Chromium: follow the flood-barrier article from the popup, let the fixture
// server's Google News answer a day later with two more same-story items, run the check, and see the
// toolbar badge and the Following list count them; unfollow; no request carries the page's URL.

/** The part of `chrome` the callbacks below use (they run inside the extension). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: Record<string, never>): Promise<string> };
  permissions: { contains(permissions: { permissions: string[] }): Promise<boolean> };
};
import { describe, expect, it } from 'vitest';
import { PopupPage } from './pages.mjs';
import { FLOOD, saveScreenshot, useExtension, type E2E } from './support';

/** The two items only the later Google News answer has (tests/fixtures/site/providers/later/). */
const LATER = [
  'Harwick flood barrier: Priya Okafor names contractor for River Ouse gates',
  "Work on Harwick's £48m tidal barrier to start in autumn, council says",
];

/** Opens the flood-barrier article and the popup for its tab, and follows the story from "This page". */
async function followFlood({ browser, server }: E2E): Promise<PopupPage> {
  const article = await browser.context.newPage();
  await article.goto(server.url(FLOOD.path));
  const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, await browser.tabIdFor(article));
  await popup.articleHeading(FLOOD.title).waitFor();
  await popup.contextSettled();
  await popup.page.getByRole('button', { name: 'Follow this story' }).click();
  await popup.page.getByRole('button', { name: 'Following ✓' }).waitFor();
  return popup;
}

describe('following a story', () => {
  const env = useExtension();

  it('follows from the popup, counts new coverage on the badge and in the Following list (no notification without the permission), and unfollows', async () => {
    const { browser, server } = env;
    // Follow: the button turns into "Following ✓" and the story is stored locally.
    const popup = await followFlood(env);
    await saveScreenshot(popup, 'popup-follow-button');
    const stored = (await browser.serviceWorker.evaluate(async () => (await chrome.storage.local.get('follows')).follows)) as Record<string, unknown>[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ title: FLOOD.title, canonicalUrl: server.url(FLOOD.path), newCount: 0 });
    expect((stored[0]!.seenUrls as string[]).length).toBeGreaterThan(3);
    expect(stored[0]).not.toHaveProperty('text');

    // A day later the providers have more coverage; the check (as the alarm runs it) finds exactly the new items.
    server.setResponseSet('later');
    const asked = server.requests.length;
    const reply = await popup.page.evaluate(() => chrome.runtime.sendMessage({ type: 'checkFollowsNow', data: {} }));
    expect(reply).toEqual({ ok: true, data: { checked: 1, newItems: 2 } });
    const checkRequests = server.requests.slice(asked).filter((r) => r.provider);
    expect(new Set(checkRequests.map((r) => r.provider))).toEqual(new Set(['google-news', 'gdelt', 'bing-news']));
    expect(await browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('2');
    // Without the optional permission the check still succeeded and showed no notification: the API is not even there.
    expect(await browser.serviceWorker.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(false);
    expect(await browser.serviceWorker.evaluate(() => typeof (chrome as { notifications?: unknown }).notifications)).toBe('undefined');

    // The Following tab lists the story with its new count and the new items, then the badge clears.
    await popup.tablist.getByRole('tab', { name: 'Following' }).click();
    const list = popup.page.getByRole('list', { name: 'Followed stories' });
    const item = list.getByRole('listitem').filter({ has: popup.page.getByRole('link', { name: FLOOD.title }) });
    await item.waitFor();
    expect(await item.textContent()).toContain('2 new');
    expect(await item.textContent()).toContain('The Riverside Courier');
    expect(await item.textContent()).toMatch(/checked (just now|\d+ min ago)/);
    expect(await popup.page.getByRole('checkbox', { name: 'Notify me of new coverage' }).isChecked()).toBe(false);
    const newest = await popup.page.getByRole('list', { name: `Newest coverage: ${FLOOD.title}` }).getByRole('link').allTextContents();
    expect(newest.sort()).toEqual([...LATER].sort());
    await expect.poll(() => browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    await popup.page.mouse.move(0, 0);
    await saveScreenshot(popup, 'popup-following');

    // Unfollow with the keyboard: the list is empty, and so is the store.
    const unfollow = item.getByRole('button', { name: `Unfollow ${FLOOD.title}` });
    await unfollow.focus();
    await popup.page.keyboard.press('Enter');
    await popup.page.getByText('No followed stories').waitFor();
    expect(await browser.serviceWorker.evaluate(async () => (await chrome.storage.local.get('follows')).follows)).toEqual([]);
    await popup.showThisPage();
    await popup.page.reload();
    await popup.page.getByRole('button', { name: 'Follow this story' }).waitFor();

    // Privacy: no request to any provider carried the page's address.
    const page = server.url(FLOOD.path);
    for (const request of server.requests.filter((r) => r.provider)) {
      const decoded = decodeURIComponent(request.url);
      expect(decoded).not.toContain(page);
      expect(decoded).not.toContain(FLOOD.path);
    }
  });
});
