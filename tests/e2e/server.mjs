// Fixture web server shared by the e2e tests and `npm run demo`.
// Serves tests/fixtures/site/ on 127.0.0.1 and emulates the news and Wikipedia providers on their
// real paths with recorded responses (tests/fixtures/site/providers/), so an extension built with
// BACKSTORY_PROVIDER_ORIGIN=<this server's origin> gets its related coverage from here.
// Logs every request, so tests can assert what the extension sent; faults can be switched on per provider.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostilePage } from './hostile-pages.mjs';

/** tests/fixtures/site/, absolute. */
export const SITE_DIR = fileURLToPath(new URL('../fixtures/site/', import.meta.url));
/** Recorded provider responses for the fixture site's stories. */
export const PROVIDERS_DIR = join(SITE_DIR, 'providers');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/rss+xml; charset=utf-8',
};

/** The emulated providers: real paths, and the recorded file each story answers with. */
const NEWS_ROUTES = [
  { provider: 'google-news', path: '/rss/search', param: 'q', file: 'google-news.xml', type: 'application/rss+xml; charset=utf-8' },
  { provider: 'gdelt', path: '/api/v2/doc/doc', param: 'query', file: 'gdelt.json', type: 'application/json; charset=utf-8' },
  { provider: 'bing-news', path: '/news/search', param: 'q', file: 'bing-news.xml', type: 'application/rss+xml; charset=utf-8' },
];
const WIKI_SUMMARY = '/api/rest_v1/page/summary/';
const WIKI_SEARCH = '/w/rest.php/v1/search/title';

/** Which recorded story a query is about (checked in order); anything else gets an empty result. */
const STORY_WORDS = [
  { story: 'northline-rail-strike', words: ['northline', 'strike', 'rail', 'castlebury'] },
  { story: 'harwick-flood-barrier', words: ['harwick', 'barrier', 'flood', 'ouse', 'okafor', 'marsh lane'] },
];

/** Provider ids as the fault switches and the request log name them. */
export const PROVIDER_IDS = ['google-news', 'gdelt', 'bing-news', 'wikipedia'];

/** Recorded hostile Wikipedia summary (markup in text, a `javascript:` thumbnail), served for every title under the `hostile` fault. */
const WIKI_HOSTILE = fileURLToPath(new URL('../fixtures/providers/wikipedia/hostile.json', import.meta.url));

/**
 * How a provider misbehaves: `429` answers HTTP 429 with GDELT's plain-text body, `500` an HTML error
 * page, `hang` never answers, `malformed` sends a body cut off mid-way with status 200, `hostile` sends
 * the story with script/img payloads, `javascript:`/`data:` URLs and a 5,000-character title
 * (`providers/hostile/`; Wikipedia: a hostile summary for every title), `empty` answers 200 with nothing found
 * (GDELT `{}`, an RSS channel without items; Wikipedia: every summary 404, every title search `{ pages: [] }`),
 * `huge` streams a 10 MB body with status 200 that starts like a real answer (the extension reads at most 2 MB).
 * @typedef {'429' | '500' | 'hang' | 'malformed' | 'hostile' | 'empty' | 'huge'} Fault
 */

/** Size of the `huge` fault's body. */
export const HUGE_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Streams a 10 MB body shaped like `provider`'s answers (an RSS channel or a JSON article list, padded
 * with items), honouring back-pressure and stopping when the client hangs up.
 * @param {import('node:http').ServerResponse} res
 */
async function streamHuge(res, /** @type {string} */ provider) {
  const json = provider === 'gdelt' || provider === 'wikipedia';
  res.writeHead(200, { 'Content-Type': json ? 'application/json; charset=utf-8' : 'application/rss+xml; charset=utf-8', 'Cache-Control': 'no-store' });
  const item = json
    ? '{"url":"https://example.com/padding","title":"Padding item in a ten megabyte answer","seendate":"20250312T000000Z","domain":"example.com"},'
    : '<item><title>Padding item in a ten megabyte answer - Example</title><link>https://example.com/padding</link></item>';
  const chunk = Buffer.from(item.repeat(Math.ceil(65536 / item.length)));
  let sent = 0;
  let closed = false;
  res.once('close', () => void (closed = true));
  const write = (/** @type {string | Buffer} */ data) => {
    sent += Buffer.byteLength(data);
    if (res.write(data)) return Promise.resolve();
    return new Promise((ok) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        ok(undefined);
      };
      res.on('drain', done);
      res.on('close', done);
    });
  };
  await write(json ? '{"articles":[' : '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>huge</title>');
  while (!closed && sent < HUGE_BODY_BYTES) await write(chunk);
  if (!closed) res.end(json ? '{}]}' : '</channel></rss>');
}

function storyFor(/** @type {string} */ query) {
  const text = query.toLowerCase();
  return STORY_WORDS.find(({ words }) => words.some((w) => text.includes(w)))?.story ?? 'empty';
}

/**
 * Starts the fixture server. HTML files and provider bodies may contain `%ORIGIN%` (and `%HOST%`),
 * replaced by the server's own origin (host), so canonical links and JSON-LD hold absolute URLs.
 * `/` serves index.html, `/search` serves search.html; query strings are ignored for pages.
 * @param {{ root?: string, port?: number, delayMs?: number }} [options] `port` 0 (default) picks a free one;
 *   `delayMs` makes every provider answer that late (e.g. 300 for "providers answering in 300 ms").
 */
export async function startFixtureServer({ root = SITE_DIR, port = 0, delayMs = 0 } = {}) {
  const base = resolve(root);
  /** @type {{ method: string, url: string, headers: Record<string, string | string[] | undefined>, provider?: string }[]} */
  const requests = [];
  /** @type {Map<string, Fault>} */
  const faults = new Map();
  /** Generated hostile pages, built on first request. @type {Map<string, { type: string, body: Buffer }>} */
  const hostileCache = new Map();
  let origin = '';
  let host = '';
  let providerDelayMs = delayMs;
  /** A second set of recorded news answers (`providers/<set>/<story>/`), preferred when it has the file. @type {string | null} */
  let responseSet = null;

  const fill = (/** @type {string} */ text) => text.replaceAll('%ORIGIN%', origin).replaceAll('%HOST%', host);

  /** @returns {Promise<{ status: number, type: string, body: string } | null>} null: not a provider path. */
  async function providerAnswer(/** @type {URL} */ url, isHostile = false, isEmpty = false) {
    const news = NEWS_ROUTES.find((r) => r.path === url.pathname);
    if (news) {
      const story = isHostile ? 'hostile' : isEmpty ? 'empty' : storyFor(url.searchParams.get(news.param) ?? '');
      const later = responseSet === null ? null : await readFile(join(PROVIDERS_DIR, responseSet, story, news.file), 'utf8').catch(() => null);
      return { status: 200, type: news.type, body: later ?? (await readFile(join(PROVIDERS_DIR, story, news.file), 'utf8')) };
    }
    const json = 'application/json; charset=utf-8';
    if (isHostile && url.pathname.startsWith(WIKI_SUMMARY)) return { status: 200, type: json, body: await readFile(WIKI_HOSTILE, 'utf8') };
    if (url.pathname.startsWith(WIKI_SUMMARY)) {
      const title = decodeURIComponent(url.pathname.slice(WIKI_SUMMARY.length));
      // Titles come from the page being read: only plain names map to files.
      if (!isEmpty && /^[\p{L}\p{N} _,'().-]{1,200}$/u.test(title)) {
        const body = await readFile(join(PROVIDERS_DIR, 'wikipedia/summary', `${title.replace(/ /g, '_')}.json`), 'utf8').catch(() => null);
        if (body !== null) return { status: 200, type: json, body };
      }
      const notFound = await readFile(join(PROVIDERS_DIR, 'wikipedia/not-found.json'), 'utf8');
      return { status: 404, type: json, body: notFound.replace('%TITLE%', encodeURIComponent(title)) };
    }
    if (url.pathname === WIKI_SEARCH) {
      const q = (url.searchParams.get('q') ?? '').toLowerCase().trim().replace(/\s+/g, '_');
      const file = !isEmpty && /^[\p{L}\p{N}_,'().-]{1,100}$/u.test(q) ? join(PROVIDERS_DIR, 'wikipedia/search', `${q}.json`) : '';
      const body = (file ? await readFile(file, 'utf8').catch(() => null) : null) ?? (await readFile(join(PROVIDERS_DIR, 'wikipedia/search-empty.json'), 'utf8'));
      return { status: 200, type: json, body };
    }
    return null;
  }

  const providerOf = (/** @type {string} */ pathname) =>
    NEWS_ROUTES.find((r) => r.path === pathname)?.provider ??
    (pathname.startsWith(WIKI_SUMMARY) || pathname === WIKI_SEARCH ? 'wikipedia' : undefined);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const provider = providerOf(url.pathname);
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers }, ...(provider ? { provider } : {}) });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (provider) {
      if (providerDelayMs > 0) await new Promise((ok) => setTimeout(ok, providerDelayMs));
      const fault = faults.get(provider);
      if (fault === 'hang') return; // Never answered; closed with the server.
      if (fault === '429') {
        res.writeHead(429, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Please limit requests to one every 5 seconds or contact the GDELT team for larger queries.\n');
        return;
      }
      if (fault === '500') {
        res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end('<html><head><title>500 Internal Server Error</title></head><body><center><h1>500 Internal Server Error</h1></center><hr><center>nginx</center></body></html>\n');
        return;
      }
      if (fault === 'huge') return void streamHuge(res, provider).catch(() => res.destroy());
      const answer = await providerAnswer(url, fault === 'hostile', fault === 'empty');
      if (answer) {
        const body = fill(answer.body);
        res.writeHead(answer.status, { 'Content-Type': answer.type, 'Cache-Control': 'no-store' });
        res.end(fault === 'malformed' ? body.slice(0, Math.floor(body.length / 2)) : body);
        return;
      }
    }
    if (url.pathname.startsWith('/hostile/')) {
      /** @type {ReturnType<typeof hostilePage>} */
      let page = null;
      try {
        page = hostilePage(url.pathname.slice('/hostile/'.length), fill, hostileCache);
      } catch (error) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`hostile page failed: ${error}\n`);
        return;
      }
      if (page) {
        res.writeHead(200, { 'Content-Type': page.type, 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : page.body);
        return;
      }
    }
    // `/copy/<n>/news/x.html`: the article news/x.html under another URL (canonical links included), so
    // tests can open many distinct articles (and lookups that share no cache) from one fixture page.
    const copy = /^\/copy\/([\w-]{1,40})(\/news\/[^/]+\.html)$/.exec(url.pathname);
    let rel = decodeURIComponent(copy ? copy[2] : url.pathname);
    if (rel === '/') rel = '/index.html';
    else if (rel === '/search') rel = '/search.html';
    const file = normalize(join(base, rel));
    if (!file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream';
      let body = await readFile(file);
      if (type.startsWith('text/html')) body = Buffer.from(fill(body.toString('utf8')));
      if (copy) body = Buffer.from(body.toString('utf8').replaceAll(`${origin}/news/`, `${origin}/copy/${copy[1]}/news/`));
      // no-store: every page load fetches its stylesheet again, so request logs do not depend on cache state.
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  origin = `http://127.0.0.1:${address.port}`;
  host = '127.0.0.1';

  return {
    origin,
    /** Absolute URL for a path on this server. */
    url: (/** @type {string} */ path) => new URL(path, origin).href,
    /** Every request received so far, oldest first; provider requests carry the provider's id. */
    requests,
    /** Forgets the log (e.g. between tests). */
    clearLog: () => void requests.splice(0),
    /**
     * Makes one provider misbehave from now on (null: behave again).
     * @param {string} provider one of PROVIDER_IDS
     * @param {Fault | null} fault
     */
    setFault(provider, fault) {
      if (!PROVIDER_IDS.includes(provider)) throw new Error(`unknown provider: ${provider}`);
      if (fault === null) faults.delete(provider);
      else faults.set(provider, fault);
    },
    clearFaults: () => {
      faults.clear();
      responseSet = null;
    },
    /**
     * From now on the news providers answer from a second recorded set, `providers/<name>/<story>/<file>`,
     * where it has that file (e.g. `later`: the same story a day on, with more coverage); null: the first set again.
     * @param {string | null} name
     */
    setResponseSet(name) {
      if (name !== null && !/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`bad response set: ${name}`);
      responseSet = name;
    },
    /** Every provider answers `ms` later from now on (0: at once). */
    setDelay(/** @type {number} */ ms) {
      providerDelayMs = Math.max(0, ms);
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok(undefined));
      }),
  };
}

/** Finds a free port on 127.0.0.1 (for a build that must know the server's origin before it starts). */
export async function findFreePort() {
  const probe = createServer();
  await new Promise((ok, fail) => {
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => ok(undefined));
  });
  const address = probe.address();
  await new Promise((ok) => probe.close(() => ok(undefined)));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}
