import { describe, expect, it } from 'vitest';
import { PopupPage } from './pages.mjs';
import type { Fault, ProviderId } from './server.mjs';
import { EARLIER, FLOOD, saveScreenshot, useExtension, waitForArticles, type E2E } from './support';

/** Items of the recorded responses (tests/fixtures/site/providers/harwick-flood-barrier/), by provider. */
const FROM = {
  google: 'Councillors back £48m tidal barrier for Harwick after marathon debate',
  gdelt: 'Harwick tidal barrier gets green light, water authority to pay £19m',
  bing: 'Split council backs Harwick flood gates despite £29m cheaper option',
  unrelated: 'Harwick Town beat Castlebury 2-1 to go top of the league',
};

/** Opens the flood-barrier article, then the popup for its tab, and waits until the context is final. */
async function popupForFlood({ browser, server }: E2E): Promise<PopupPage> {
  const article = await browser.context.newPage();
  await article.goto(server.url(FLOOD.path));
  const tabId = await browser.tabIdFor(article);
  const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
  await popup.articleHeading(FLOOD.title).waitFor();
  await popup.contextSettled();
  return popup;
}

const texts = (popup: PopupPage) => popup.sameStoryItems.getByRole('link').allTextContents();

describe('story context in the popup', () => {
  const env = useExtension();

  it('shows the summary, the names with their explainers, the same story, background, timeline and source', async () => {
    const popup = await popupForFlood(env);

    const sentences = await popup.summary.getByRole('listitem').allTextContents();
    expect(sentences).toHaveLength(3);
    expect(sentences.join(' ')).toContain('Councillors voted 31 to 24');

    // Names as chips; one opens a Wikipedia explainer served by the fixture server.
    await popup.chip('River Ouse').click();
    const ouse = popup.explainer('River Ouse');
    await ouse.getByRole('heading', { name: 'River Ouse, Yorkshire' }).waitFor();
    expect(await ouse.textContent()).toContain('River in North Yorkshire, England');
    expect(await ouse.locator('img').getAttribute('src')).toBe(env.server.url('/providers/wikipedia/thumb/river-ouse.svg'));
    const more = ouse.getByRole('link', { name: 'Read on Wikipedia' });
    expect(await more.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/River_Ouse,_Yorkshire');
    expect(await more.getAttribute('rel')).toBe('noopener noreferrer');
    // A main name with no Wikipedia page (the fixture server answers the JSON 404 and an empty search).
    await popup.chip('Daniel Osei').click();
    expect(await popup.explainer('Daniel Osei').textContent()).toBe('No Wikipedia article found for Daniel Osei.');
    await popup.chip('Marsh Lane').click();
    const marsh = popup.explainer('Marsh Lane');
    expect(await marsh.textContent()).toContain('Marsh Lane may refer to:');
    expect(await marsh.getByRole('link').allTextContents()).toEqual(expect.arrayContaining(['Marsh Lane, Leeds', 'Marsh Lane (Bristol)']));
    await popup.chip('Marsh Lane').click();
    await marsh.waitFor({ state: 'detached' });
    // Only the main names are looked up; for the others the reader can search.
    await popup.chip('Gareth Lindqvist').click();
    const search = popup.explainer('Gareth Lindqvist').getByRole('link', { name: 'Search Wikipedia for Gareth Lindqvist' });
    expect(await search.getAttribute('href')).toBe('https://en.wikipedia.org/w/index.php?search=Gareth+Lindqvist');
    await popup.chip('Gareth Lindqvist').click();

    // The same story from all three providers, grouped: wire copies merged, the namesake football story left out.
    expect(await popup.sameStory.getByRole('heading').textContent()).toMatch(/^Same story · \d+ outlets$/);
    const same = await texts(popup);
    expect(same).toEqual(expect.arrayContaining([FROM.google, FROM.gdelt, FROM.bing]));
    expect(same).not.toContain(FROM.unrelated);
    expect(same).not.toContain(FLOOD.title);
    const wire = popup.sameStoryItems.filter({ hasText: 'Harwick approves tidal barrier on River Ouse' });
    expect(await wire.count()).toBe(1);
    expect(await wire.textContent()).toMatch(/also in: /);
    const first = popup.sameStoryItems.first().getByRole('link');
    expect(await first.getAttribute('target')).toBe('_blank');
    expect(await first.getAttribute('href')).toMatch(/^https:\/\//);

    expect(await popup.background.getByRole('link').allTextContents()).toContain('Harwick flood: 900 homes evacuated as River Ouse bursts banks');

    // Timeline: oldest first, this article highlighted.
    const rows = popup.timelineItems;
    expect(await rows.first().textContent()).toContain('Harwick flood: 900 homes evacuated as River Ouse bursts banks');
    const current = popup.timeline.locator('[aria-current="true"]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toContain('This article');
    expect(await current.textContent()).toContain(FLOOD.title);

    const source = (await popup.source.textContent()) ?? '';
    expect(source).toContain('The Riverside Courier');
    expect(source).toContain('127.0.0.1 · United Kingdom · English');
    expect(source).toContain('Daily regional newspaper in Harwick, England');

    expect(await popup.sources.textContent()).toMatch(/^Google News \d+ · GDELT \d+ · Bing News \d+/);

    await popup.scrollTo(popup.names);
    await popup.page.mouse.move(0, 0); // no hover state in the picture
    await saveScreenshot(popup, 'popup-context', 'popup');
  });

  const faults: [ProviderId, Fault, RegExp, keyof typeof FROM][] = [
    ['bing-news', '500', /Bing News failed \(HTTP 500\)/, 'bing'],
    ['google-news', '429', /Google News rate-limited, retrying/, 'google'],
    ['gdelt', 'hang', /GDELT timed out/, 'gdelt'],
    ['gdelt', 'malformed', /GDELT failed/, 'gdelt'],
  ];
  for (const [provider, fault, status, missing] of faults) {
    it(`with ${provider} answering ${fault}, shows the other providers' results and says what happened`, async () => {
      env.server.setFault(provider, fault);
      const popup = await popupForFlood(env);
      const line = (await popup.sources.textContent()) ?? '';
      expect(line).toMatch(status);
      // The other providers answered normally.
      for (const other of ['Google News', 'GDELT', 'Bing News'].filter((name) => !status.source.startsWith(name))) {
        expect(line).toMatch(new RegExp(`${other} [1-9]\\d*`));
      }
      const same = await texts(popup);
      expect(same).not.toContain(FROM[missing]);
      expect(same).toEqual(expect.arrayContaining((['google', 'gdelt', 'bing'] as const).filter((p) => p !== missing).map((p) => FROM[p])));
      expect(env.server.requests.some((r) => r.provider === provider)).toBe(true);
    });
  }

  it('marks an earlier article the reader has read in the timeline', async () => {
    const { browser, server } = env;
    const earlier = await browser.context.newPage();
    await earlier.goto(server.url(EARLIER.path));
    const [record] = await waitForArticles(browser, (r) => r.length === 1);
    expect(record!.canonicalUrl).toBe(server.url(EARLIER.path));

    const popup = await popupForFlood(env);
    const row = popup.timelineItems.filter({ hasText: EARLIER.title });
    expect(await row.count()).toBe(1);
    const day = await popup.page.evaluate(
      (visit) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }).format(visit),
      record!.visits.at(-1)!,
    );
    expect(await row.textContent()).toContain(`read on ${day}`);
    // Only what was read is marked.
    expect(await popup.timeline.getByText(/^read on /).count()).toBe(1);
  });
});
