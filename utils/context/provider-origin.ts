/**
 * Where providers are reached: their real hosts, or — for e2e tests and the demo — one local
 * origin fixed at build time.
 *
 *   BACKSTORY_PROVIDER_ORIGIN=http://127.0.0.1:4321 npm run build
 *
 * builds an extension whose providers all call that origin with their real paths
 * (`/rss/search`, `/api/v2/doc/doc`, `/news/search`, `/api/rest_v1/page/summary/{Title}`,
 * `/w/rest.php/v1/search/title`), and whose manifest grants only that origin. Wikipedia's
 * language lives in its host (`de.wikipedia.org`); with an override origin it travels as a
 * `lang` query parameter instead (`/api/rest_v1/page/summary/Berlin?lang=de`), which a fixture
 * server reads. `wxt.config.ts` turns the variable into the `__BACKSTORY_PROVIDER_ORIGIN__`
 * define; this is the one place that reads it. No imports: `wxt.config.ts` loads this file in Node.
 */

/** Real origins of the HTTP providers; Wikipedia is per language, `https://{lang}.wikipedia.org`. */
export const REAL_PROVIDER_HOST_PATTERNS = [
  'https://news.google.com/*',
  'https://api.gdeltproject.org/*',
  'https://www.bing.com/*',
  'https://*.wikipedia.org/*',
] as const;

/**
 * Checks an override origin from the environment: `http(s)://host[:port]` with nothing after.
 * Returns the normalised origin, or throws so that a typo fails the build instead of shipping.
 */
export function parseProviderOrigin(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`BACKSTORY_PROVIDER_ORIGIN is not a URL: ${raw}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new Error(`BACKSTORY_PROVIDER_ORIGIN must be an origin like http://127.0.0.1:4321, got ${raw}`);
  }
  return url.origin;
}

/**
 * Host permissions for the manifest: the real provider hosts, or only the override origin.
 * Firefox match patterns take no port, so there the override's port is dropped.
 */
export function providerHostPermissions(override: string | null, browser: string): string[] {
  if (!override) return [...REAL_PROVIDER_HOST_PATTERNS];
  const url = new URL(override);
  const host = browser === 'firefox' ? url.hostname : url.host;
  return [`${url.protocol}//${host}/*`];
}

declare const __BACKSTORY_PROVIDER_ORIGIN__: string | null | undefined;

/** The origin fixed at build time, or null for the real hosts (also in unit tests, where nothing defines it). */
export function buildTimeProviderOrigin(): string | null {
  return typeof __BACKSTORY_PROVIDER_ORIGIN__ === 'string' && __BACKSTORY_PROVIDER_ORIGIN__ ? __BACKSTORY_PROVIDER_ORIGIN__ : null;
}
