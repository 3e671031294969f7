/**
 * Normalising untrusted provider and feed fields into a {@link RelatedStory}: dates,
 * entities, tags, outlet suffixes, URLs, lengths. Everything here is pure.
 */
import { canonicalizeUrl } from '../article/canonical-url';
import { decodeEntities } from './entities';
import type { RelatedStory } from './types';

/** Length caps (characters) applied to every story. */
export const MAX_TITLE = 300;
export const MAX_DESCRIPTION = 500;
export const MAX_SOURCE = 100;
/** URLs longer than this are dropped: no real article URL needs more. */
export const MAX_URL = 2048;

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/** RFC 822 zone names (and a few common extras) → minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360,
  PST: -480, PDT: -420, CET: 60, CEST: 120, BST: 60, IST: 330, JST: 540, AEST: 600,
};

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number): string | null {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  const ms = Date.UTC(y, mo, d, h, mi, Math.min(s, 59));
  const check = new Date(ms);
  // Reject 31 April and friends: Date.UTC would roll them over silently.
  if (check.getUTCDate() !== d && h < 24) return null;
  const shifted = ms - offsetMin * 60_000;
  if (!Number.isFinite(shifted) || y < 1970 || y > 2200) return null;
  return new Date(shifted).toISOString();
}

function parseOffset(raw: string | undefined): number | null {
  if (!raw || raw === 'Z' || raw === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  const zone = ZONES[raw.toUpperCase()];
  return zone ?? null;
}

/**
 * Parses a date as feeds and providers give it: RFC 822/1123 (`Tue, 10 Jun 2025 14:03:00 GMT`,
 * numeric or named zones, 2-digit years), ISO 8601 (`2025-06-10T14:03:00+02:00`, date-only,
 * without seconds) or GDELT's `20250610T140300Z`. Returns ISO 8601 in UTC, or null when
 * the value is missing, malformed or out of range.
 */
export function parseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (s.length > 64) return null;
  let m = /^(\d{4})(\d{2})(\d{2})T?(\d{2})(\d{2})(\d{2})Z?$/.exec(s);
  if (m) return utc(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, 0);
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (m) {
    const offset = parseOffset(m[7]);
    if (offset === null) return null;
    return utc(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), offset);
  }
  m = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{4}|[A-Za-z]{1,5})?$/.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    const offset = parseOffset(m[7]);
    if (month === undefined || offset === null) return null;
    let year = +m[3]!;
    if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
    return utc(year, month, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), offset);
  }
  return null;
}

const BLOCK_TAG_RE = /<\/?(?:p|div|br|li|ol|ul|h[1-6]|tr|td|table|blockquote|section|article)\b[^>]*>/gi;
const DROP_ELEMENT_RE = /<(script|style|noscript|template|iframe|svg|math)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAG_RE = /<\/?[A-Za-z!][^>]*>?/g;

/** Collapses runs of whitespace (including NBSP) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u2028\u2029]+/g, ' ').trim();
}

/**
 * Turns an HTML fragment (an RSS description, a title with markup) into plain text:
 * scripts and styles removed with their content, other tags removed, entities decoded,
 * whitespace collapsed. Entities are decoded after tag removal, so `&lt;b&gt;` stays as
 * the visible text "<b>".
 */
export function htmlToText(html: string): string {
  if (!html) return '';
  const withoutTags = html.replace(DROP_ELEMENT_RE, ' ').replace(BLOCK_TAG_RE, ' ').replace(TAG_RE, '');
  return collapseWhitespace(decodeEntities(withoutTags));
}

/** Lower-cased, accent-free, alphanumeric-only form used to compare outlet names. */
function outletKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const SUFFIX_RE = /^(.*\S)\s+[-|–—·:]\s+([^-|–—·]{1,100})$/;

/**
 * Strips a trailing " - Outlet", " | Outlet", " — Outlet" from a headline when the suffix
 * names `source` (compared without case, accents, punctuation or a leading "The").
 * With `source` null, strips nothing. Never returns an empty title.
 */
export function stripSourceSuffix(title: string, source: string | null): string {
  if (!source) return title;
  const want = outletKey(source);
  if (!want) return title;
  const m = SUFFIX_RE.exec(title);
  if (!m) return title;
  const key = outletKey(m[2]!);
  if (key === want || (key.length >= 4 && (want.startsWith(key) || key.startsWith(want)))) return m[1]!.trim();
  return title;
}

/**
 * Canonical story URL: absolute, http/https only, no fragment, no tracking parameters
 * (`utm_*`, `fbclid`, …), no credentials. Returns null for anything else (`javascript:`,
 * `data:`, relative without base, over-long), so the item is dropped.
 */
export function canonicalStoryUrl(raw: string | null | undefined, base?: string): string | null {
  if (!raw) return null;
  const trimmed = collapseWhitespace(raw);
  if (!trimmed || trimmed.length > MAX_URL) return null;
  const cleaned = canonicalizeUrl(trimmed, base);
  if (!cleaned) return null;
  const url = new URL(cleaned);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
  url.username = '';
  url.password = '';
  return url.href;
}

/** Host name without a leading `www.`: `https://www.Reuters.com/x` → `reuters.com`. '' when not a URL. */
export function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '');
  } catch {
    return '';
  }
}

/** Caps `text` at `max` characters, cutting at a word boundary when one is near and adding "…". */
export function capText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

/** Raw fields a provider or feed reads; everything untrusted. */
export interface RawStoryFields {
  title: string | null | undefined;
  url: string | null | undefined;
  source?: string | null;
  /** Used for `domain` instead of the URL's host (e.g. Google's `<source url>`, GDELT's `domain`). */
  sourceUrl?: string | null;
  publishedAt?: string | null;
  /** HTML or plain text. */
  description?: string | null;
  lang?: string | null;
  provider: string;
  /** Base for relative URLs (feeds). */
  base?: string;
}

/**
 * Builds a normalised {@link RelatedStory} from raw fields, or null when the item has no
 * usable title or no http(s) URL. Titles and descriptions lose markup and entities; the
 * outlet suffix is stripped; dates become ISO 8601 or null; lengths are capped.
 */
export function makeStory(raw: RawStoryFields): RelatedStory | null {
  const url = canonicalStoryUrl(raw.url, raw.base);
  if (!url) return null;
  const source = capText(htmlToText(raw.source ?? ''), MAX_SOURCE);
  const title = capText(stripSourceSuffix(htmlToText(raw.title ?? ''), source || null), MAX_TITLE);
  if (!title) return null;
  const sourceHost = raw.sourceUrl ? domainOf(canonicalStoryUrl(raw.sourceUrl) ?? '') : '';
  const bareDomain = raw.sourceUrl && !sourceHost ? domainOf(canonicalStoryUrl(`https://${raw.sourceUrl}`) ?? '') : '';
  const domain = sourceHost || bareDomain || domainOf(url);
  const description = raw.description ? capText(htmlToText(raw.description), MAX_DESCRIPTION) : '';
  const lang = raw.lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(raw.lang.trim()) ? raw.lang.trim() : null;
  return {
    title,
    url,
    source: source || domain,
    domain,
    publishedAt: parseDate(raw.publishedAt),
    description: description || null,
    lang,
    provider: raw.provider,
  };
}
