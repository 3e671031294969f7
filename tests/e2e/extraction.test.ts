// Extraction in the real browser: on a page whose "You may also like" block shares the
// article's class names (Readability merges it) and whose author hover card is hidden by
// a style sheet (Readability does not apply style sheets), the extension stores the article
// alone, while raw Readability, run on the same HTML in Node, takes the junk in.
import { readFile } from 'node:fs/promises';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../utils/article/extract';
import { countWords } from '../../utils/article/text';
import { PopupPage } from './pages.mjs';
import { useExtension, waitForArticles } from './support';

const PATH = '/news/harwick-library-reopens.html';
const TITLE = 'Harwick library reopens after two-year refit';
const SOURCE = new URL(`../fixtures/site${PATH}`, import.meta.url);
/** Text of the related teasers and of the hover card: not part of the story. */
const JUNK = ['swimming pool will close', 'Stallholders in the market square', 'A new bus route', 'has covered Harwick'];

const documentOf = (html: string) => parseHTML(html).document as unknown as Document;

describe('article extraction in Chromium', () => {
  const env = useExtension();

  it('stores the story without the related-posts block and hover card that raw Readability keeps', async () => {
    const { browser, server } = env;
    const url = server.url(PATH);
    const html = (await readFile(SOURCE, 'utf8')).replaceAll('%ORIGIN%', new URL(url).origin);

    // What raw Readability makes of the page, and what our extractor makes of it, in Node.
    const raw = new Readability(documentOf(html)).parse()?.textContent ?? '';
    for (const junk of JUNK) expect(raw, 'raw Readability keeps the junk').toContain(junk);
    const ours = readPage(documentOf(html), url).article;
    expect(ours).not.toBeNull();
    for (const junk of JUNK) expect(ours!.text).not.toContain(junk);
    expect(ours!.text).toContain('reopened its doors on Tuesday morning');
    expect(ours!.wordCount).toBeLessThan(countWords(raw) - 100);

    // The extension, in the browser, on the served page: the stored record counts only the story.
    const page = await browser.context.newPage();
    await page.goto(url);
    const [record] = await waitForArticles(browser, (records) => records.length === 1);
    expect(record!.canonicalUrl).toBe(url);
    expect(record!.title).toBe(TITLE);
    expect(record!.wordCount).toBe(ours!.wordCount);

    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, await browser.tabIdFor(page));
    await popup.showThisPage();
    await popup.articleHeading(TITLE).waitFor();
  });
});
