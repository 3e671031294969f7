import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRelated, type RelatedJsonItem } from '@/tests/cli/run-related';

const SITE = join(__dirname, '../../fixtures/site');
const ARTICLE = join(SITE, 'news/harwick-flood-barrier-vote.html');
const RECORDED = join(SITE, 'providers/harwick-flood-barrier');
const ORIGIN = 'http://127.0.0.1:4321';
const PAGE_URL = `${ORIGIN}/news/harwick-flood-barrier-vote.html`;

let dir: string;
let out: string[];
let err: string[];
const io = () => ({ out: (line: string) => out.push(line), err: (line: string) => err.push(line) });
const json = () => JSON.parse(out.join('\n')) as { sameStory: RelatedJsonItem[]; background: RelatedJsonItem[] };
const titles = (items: RelatedJsonItem[]) => items.map((i) => i.title);

/** A recorded response with the fixture server's placeholders filled in, as the e2e server serves it. */
function recorded(name: string): string {
  const file = join(dir, name);
  writeFileSync(file, readFileSync(join(RECORDED, name), 'utf8').replaceAll('%ORIGIN%', ORIGIN).replaceAll('%HOST%', '127.0.0.1:4321'));
  return file;
}

const providerArgs = () => ['--google-news', recorded('google-news.xml'), '--gdelt', recorded('gdelt.json'), '--bing', recorded('bing-news.xml')];

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
<item><title>Harwick flood barrier: what the council vote means for Marsh Lane</title><link>https://feeds.example.com/harwick-marsh-lane</link><pubDate>Fri, 14 Mar 2025 12:00:00 GMT</pubDate><description>Residents of Marsh Lane ask when the tidal barrier work starts.</description></item>
<item><title>Castlebury bakery wins regional prize</title><link>https://feeds.example.com/bakery</link><pubDate>Fri, 14 Mar 2025 12:00:00 GMT</pubDate></item>
</channel></rss>`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'related-cli-'));
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('runRelated', () => {
  it('extracts, analyses and ranks the fixture article against recorded provider responses', async () => {
    expect(await runRelated([ARTICLE, '--url', PAGE_URL, ...providerArgs(), '--json'], io())).toBe(0);
    expect(err).toEqual([]);
    const { sameStory, background } = json();
    // Same-story coverage from all three providers, best first, with scores and reasons.
    expect(titles(sameStory)).toEqual(
      expect.arrayContaining([
        'Councillors back £48m tidal barrier for Harwick after marathon debate',
        'Split council backs Harwick flood gates despite £29m cheaper option',
        'Harwick tidal barrier gets green light, water authority to pay £19m',
      ]),
    );
    expect(sameStory.length).toBeGreaterThanOrEqual(6);
    for (const item of sameStory) {
      expect(item.score).toBeGreaterThan(0);
      expect(item.reasons[0]).toMatch(/^Shares: /);
    }
    expect(sameStory.map((i) => i.score)).toEqual([...sameStory.map((i) => i.score)].sort((a, b) => b - a));
    // The wire headline in GDELT and Bing is one item.
    const wire = sameStory.find((i) => i.title === 'Harwick approves tidal barrier on River Ouse');
    expect(wire?.alsoIn.length).toBe(1);
    // Earlier coverage is background, not the same story.
    expect(titles(background)).toEqual(expect.arrayContaining(['Harwick councillors to decide on flood barrier this week', 'Harwick barrier decision delayed again as costs rise']));
    expect(titles(sameStory)).not.toContain('Harwick councillors to decide on flood barrier this week');
    // The article itself (in GDELT) and the namesake football story are left out.
    const all = [...sameStory, ...background];
    expect(all.map((i) => i.url)).not.toContain(PAGE_URL);
    expect(titles(all)).not.toContain('Harwick Town beat Castlebury 2-1 to go top of the league');
  });

  it('prints grouped lists with scores and reasons as text by default', async () => {
    expect(await runRelated([ARTICLE, '--url', PAGE_URL, ...providerArgs()], io())).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Article: Harwick council approves £48m flood barrier after late-night vote');
    expect(text).toMatch(/Same story \(\d+\)/);
    expect(text).toMatch(/Background \(\d+\)/);
    expect(text).toMatch(/ {2}1\. 0\.\d{3} {2}\S/);
    expect(text).toMatch(/Shares: .*; \d+ h later/);
  });

  it('warns about a malformed provider file and still ranks the others', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"articles": [ {"url": ');
    const args = [ARTICLE, '--url', PAGE_URL, '--google-news', recorded('google-news.xml'), '--gdelt', broken, '--bing', join(dir, 'missing.xml'), '--json'];
    expect(await runRelated(args, io())).toBe(0);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/^warning: gdelt .*broken\.json skipped: /);
    expect(err[1]).toMatch(/^warning: bing-news .*missing\.xml skipped: .*ENOENT/);
    expect(titles(json().sameStory)).toContain('Councillors back £48m tidal barrier for Harwick after marathon debate');
  });

  it('exits 1 with a message when the article is missing or not an article', async () => {
    expect(await runRelated([join(dir, 'nope.html'), ...providerArgs()], io())).toBe(1);
    expect(err[0]).toMatch(/ENOENT/);
    err = [];
    const front = join(__dirname, '../../fixtures/pages/front-page/source.html');
    expect(await runRelated([front, '--json'], io())).toBe(1);
    expect(err[0]).toMatch(/not an article/);
    err = [];
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'just some words');
    expect(await runRelated([text], io())).toBe(1);
    expect(err[0]).toMatch(/not an HTML document or article JSON/);
    expect(out).toEqual([]);
  });

  it('exits 2 for bad arguments', async () => {
    expect(await runRelated([], io())).toBe(2);
    expect(await runRelated([ARTICLE, '--bogus'], io())).toBe(2);
    expect(await runRelated([ARTICLE, '--gdelt'], io())).toBe(2);
    expect(await runRelated([ARTICLE, '--url', 'not a url'], io())).toBe(2);
    expect(err.map((e) => e.split('\n')[0])).toEqual(['no article given', 'unknown option --bogus', '--gdelt needs a value', '--url is not an absolute URL: not a url']);
  });

  it('still accepts an article+analysis JSON', async () => {
    const story = join(__dirname, '../../fixtures/related/harwick-flood-barrier');
    const args = [join(story, 'article.json'), '--google-news', join(story, 'google-news.xml'), '--gdelt', join(story, 'gdelt.json'), '--bing', join(story, 'bing-news.xml'), '--json'];
    expect(await runRelated(args, io())).toBe(0);
    const { sameStory } = json();
    expect(sameStory.length).toBeGreaterThan(5);
    expect(sameStory.every((i) => i.reasons.length > 0)).toBe(true);
  });

  it('reads a feed file and keeps only matching items', async () => {
    const feed = join(dir, 'feed.xml');
    writeFileSync(feed, FEED);
    expect(await runRelated([ARTICLE, '--url', PAGE_URL, '--feed', feed, '--json'], io())).toBe(0);
    const all = [...json().sameStory, ...json().background];
    expect(titles(all)).toEqual(['Harwick flood barrier: what the council vote means for Marsh Lane']);
  });

  describe('with a feed URL', () => {
    let server: Server;
    let base: string;
    const requests: string[] = [];
    beforeEach(async () => {
      requests.length = 0;
      server = createServer((req, res) => {
        requests.push(req.url ?? '');
        if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
        else if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>hello</body></html>');
        else res.writeHead(404).end('not found');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('fetches an http feed and ranks its items', async () => {
      expect(await runRelated([ARTICLE, '--url', PAGE_URL, '--feed', `${base}/feed.xml`, '--json'], io())).toBe(0);
      expect(requests).toEqual(['/feed.xml']);
      expect(titles(json().sameStory)).toEqual(['Harwick flood barrier: what the council vote means for Marsh Lane']);
      expect(err).toEqual([]);
    });

    it('warns about an HTTP error or a web page instead of a feed, and keeps going', async () => {
      const args = [ARTICLE, '--url', PAGE_URL, '--feed', `${base}/gone.xml`, '--feed', `${base}/page`, '--google-news', recorded('google-news.xml'), '--json'];
      expect(await runRelated(args, io())).toBe(0);
      expect(err).toEqual([
        `warning: feed ${base}/gone.xml skipped: HTTP 404`,
        `warning: feed ${base}/page skipped: Feed: this is a web page, not a feed (expected RSS, Atom or JSON Feed)`,
      ]);
      expect(json().sameStory.length).toBeGreaterThan(0);
    });
  });
});
