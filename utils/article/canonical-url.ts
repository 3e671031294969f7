/**
 * Canonical URL of a page: the address under which the reader's history keys an article.
 * Pure: the document is passed in, nothing reads `location`.
 */

/** Query parameters that only track where a click came from; matched case-insensitively. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'ref_src',
  'ref_url',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  'ocid',
  'ncid',
  'cmpid',
  'smid',
  'sr_share',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'spm',
]);

/** Parameter prefixes that are tracking whatever follows (`utm_source`, `pk_campaign`, …). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_', 'itm_', 'stm_'];

function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** The page a URL shows: a new path or query is another page, a new `#fragment` is not. */
export const pageOf = (url: string): string => url.replace(/#.*$/s, '');

const isWebUrl = (url: URL): boolean => url.protocol === 'http:' || url.protocol === 'https:';

/**
 * Resolves `raw` against `base` and cleans it: no fragment, no tracking parameters
 * (`utm_*`, `fbclid`, `gclid`, …). Other parameters keep their order.
 * Returns null when `raw` is not a URL (or is empty).
 */
export function canonicalizeUrl(raw: string, base?: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  url.hash = '';
  if (url.search) {
    const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
    if (kept.length !== [...url.searchParams].length) {
      url.search = kept.length ? new URLSearchParams(kept).toString() : '';
    }
  }
  // `new URL('https://a.example/x?')` keeps the bare "?"; drop it.
  return url.href.endsWith('?') ? url.href.slice(0, -1) : url.href;
}

/** Number of non-empty path segments: `/` → 0, `/world/story-1` → 2. */
function pathDepth(url: URL): number {
  return url.pathname.split('/').filter(Boolean).length;
}

/**
 * Whether a page's declared canonical URL is plausible for the page at `page`.
 * Rejects non-web schemes, template leftovers (`{{url}}`, `%s`) and the common CMS bug
 * of pointing every page at the site's home page.
 */
function isPlausibleCanonical(candidate: URL, page: URL | null): boolean {
  if (!isWebUrl(candidate)) return false;
  if (/[{}<>]|%7B|%7D|%25s|\$\{/i.test(candidate.href)) return false;
  if (page && isWebUrl(page) && pathDepth(candidate) === 0 && !candidate.search && pathDepth(page) > 0) {
    return false;
  }
  return true;
}

function attr(doc: Document, selector: string, name: string): string | null {
  return doc.querySelector(selector)?.getAttribute(name)?.trim() || null;
}

/**
 * The base against which relative URLs in `doc` resolve: `<base href>` (itself resolved
 * against the page URL) or the page URL. `doc.baseURI` is not used: it is empty under
 * Node DOM implementations.
 */
export function documentBase(doc: Document, pageUrl: string): string {
  const href = attr(doc, 'base[href]', 'href');
  if (href) {
    try {
      return new URL(href, pageUrl).href;
    } catch {
      // fall through: a broken <base> is ignored, as browsers do.
    }
  }
  return pageUrl;
}

/**
 * The page's canonical URL: `link[rel=canonical]`, then `og:url`, else `pageUrl`;
 * absolute, without fragment or tracking parameters. Declared URLs that are not http(s)
 * or point to the site root from a deeper page are ignored.
 */
export function findCanonicalUrl(doc: Document, pageUrl: string): string {
  const base = documentBase(doc, pageUrl);
  let page: URL | null = null;
  try {
    page = new URL(pageUrl);
  } catch {
    page = null;
  }
  const candidates = [
    // rel can hold several tokens ("canonical amphtml" does not occur, but "Canonical" does).
    ...Array.from(doc.querySelectorAll('link[rel][href]'))
      .filter((link) => /(^|\s)canonical(\s|$)/i.test(link.getAttribute('rel') ?? ''))
      .map((link) => link.getAttribute('href') ?? ''),
    attr(doc, 'meta[property="og:url"][content]', 'content') ?? '',
    attr(doc, 'meta[name="og:url"][content]', 'content') ?? '',
  ];
  for (const raw of candidates) {
    const cleaned = canonicalizeUrl(raw, base);
    if (cleaned && isPlausibleCanonical(new URL(cleaned), page)) return cleaned;
  }
  return canonicalizeUrl(pageUrl) ?? pageUrl;
}
