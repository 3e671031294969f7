// #7: many tabs at once — a reader restoring a session, or opening every link of a front page in new
// tabs. Twenty tabs load twenty different articles concurrently: twenty history records, none lost,
// one visit each; and eight tabs recording the same article at the same moment count eight visits
// (each visit is a read-modify-write of one record).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readDatabases, type ExtensionBrowser, type StoredArticle } from './browser.mjs';
import { FLOOD, useExtension } from './support';

/** Polls the history until `check` accepts it (long: twenty renderers and their lookups share two busy CPUs). */
async function waitForArticles(browser: ExtensionBrowser, check: (articles: StoredArticle[]) => boolean): Promise<StoredArticle[]> {
  let last: StoredArticle[] = [];
  try {
    await expect.poll(async () => check((last = await browser.readArticles())), { timeout: 150_000, interval: 500 }).toBe(true);
  } catch (error) {
    throw new Error(`history never got there: ${last.length} entries, visits ${JSON.stringify(last.map((a) => a.visits.length))}`, { cause: error });
  }
  return last;
}

const TABS = 20;

describe('twenty tabs open articles at once', () => {
  const env = useExtension();

  it('records twenty entries with one visit each; no write is lost', async () => {
    const { browser, server } = env;
    const urls = Array.from({ length: TABS }, (_, i) => server.url(`/copy/tab-${i + 1}${FLOOD.path}`));
    const pages: Page[] = await Promise.all(urls.map(() => browser.context.newPage()));
    // All at once, like a restored session (generous deadline: twenty renderers share two CPUs).
    await Promise.all(pages.map((page, i) => page.goto(urls[i]!, { waitUntil: 'domcontentloaded', timeout: 120_000 })));

    const first = await waitForArticles(browser, (r) => r.length >= TABS && r.every((a) => a.visits.length >= 1));
    expect(first.map((a) => a.canonicalUrl).sort()).toEqual([...urls].sort());
    expect(first.every((a) => a.visits.length === 1)).toBe(true);
    expect(first.every((a) => a.title === FLOOD.title)).toBe(true);

    // The history search index holds one record per article, as consistent as the articles.
    const history = (await readDatabases(browser.serviceWorker)).backstory?.stores.search?.length;
    expect(history).toBe(TABS);
  }, 300_000); // deadline for a stuck browser: twenty page loads and lookups on two shared CPUs

  it('counts every visit when eight tabs record the same article at the same moment', async () => {
    const { browser, server } = env;
    const url = server.url(`/copy/same${FLOOD.path}`);
    const pages = await Promise.all(Array.from({ length: 8 }, () => browser.context.newPage()));
    await Promise.all(pages.map((page) => page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 })));
    const [entry, ...others] = await waitForArticles(browser, (r) => (r[0]?.visits.length ?? 0) >= 8);
    expect(others).toEqual([]);
    expect(entry!.canonicalUrl).toBe(url);
    expect(entry!.visits).toHaveLength(8);
  }, 300_000);
});
