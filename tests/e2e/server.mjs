// Fixture web server shared by the e2e tests and `npm run demo`.
// Serves tests/fixtures/site/ on 127.0.0.1 (free port) and logs every request,
// so tests can assert that the extension sends nothing to the sites it reads.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tests/fixtures/site/, absolute. */
export const SITE_DIR = fileURLToPath(new URL('../fixtures/site/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.js': 'text/javascript; charset=utf-8',
};

/**
 * Starts the fixture server. HTML files may contain `%ORIGIN%`, replaced by the
 * server's own origin, so canonical links and JSON-LD hold absolute URLs.
 * `/` serves index.html, `/search` serves search.html; query strings are ignored.
 * @param {{ root?: string }} [options]
 */
export async function startFixtureServer({ root = SITE_DIR } = {}) {
  const base = resolve(root);
  /** @type {{ method: string, url: string, headers: Record<string, string | string[] | undefined> }[]} */
  const requests = [];
  let origin = '';

  const server = createServer(async (req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers } });
    const { pathname } = new URL(req.url ?? '/', origin);
    let rel = decodeURIComponent(pathname);
    if (rel === '/') rel = '/index.html';
    else if (rel === '/search') rel = '/search.html';
    const file = normalize(join(base, rel));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (!file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream';
      let body = await readFile(file);
      if (type.startsWith('text/html')) body = Buffer.from(body.toString('utf8').replaceAll('%ORIGIN%', origin));
      // no-store: every page load fetches its stylesheet again, so request logs do not depend on cache state.
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  origin = `http://127.0.0.1:${address.port}`;

  return {
    origin,
    /** Absolute URL for a path on this server. */
    url: (/** @type {string} */ path) => new URL(path, origin).href,
    /** Every request received so far, oldest first. */
    requests,
    /** Forgets the log (e.g. between tests). */
    clearLog: () => void requests.splice(0),
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok(undefined));
      }),
  };
}
