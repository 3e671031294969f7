/**
 * Page metadata from JSON-LD, OpenGraph / generic meta tags, `<time>` and `<html lang>`.
 * Pure: the document is passed in. Broken markup (malformed JSON-LD, invalid dates,
 * odd language tags) yields nulls, never exceptions.
 */
import { isRecord } from '../is-record';
import { findCanonicalUrl } from './canonical-url';
import {
  asArray,
  cleanText,
  metaContent,
  readPageType,
  typesOf,
  type JsonLdIndex,
  type JsonObject,
  type PageType,
  type PageTypeMetadata,
} from './page-type';

export { ARTICLE_TYPES, readPageType, type PageType, type PageTypeMetadata } from './page-type';

/** What the page says about itself. Every field is null when the page does not say. */
export interface PageMetadata extends PageTypeMetadata {
  /** Headline without the site's suffix. */
  title: string | null;
  /** Author names without a leading "By" (", "-separated when several). */
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 in UTC (`…Z`). */
  publishedAt: string | null;
  /** ISO 8601 in UTC (`…Z`). */
  modifiedAt: string | null;
  /** BCP 47 tag, e.g. `de`, `pt-BR`. */
  lang: string | null;
  description: string | null;
  /** See {@link findCanonicalUrl}. */
  canonicalUrl: string;
}


/** Follows an `{ "@id": … }` reference into the graph. */
function resolve(value: unknown, index: JsonLdIndex): unknown {
  if (isRecord(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return index.byId.get(value['@id']) ?? value;
  }
  return value;
}


const isUrlLike = (text: string): boolean => /^(https?:)?\/\//i.test(text) || /^www\./i.test(text);

/** Names from a JSON-LD `author`: a string, an object with `name`, an `@id` reference, or an array of these. */
function authorNames(value: unknown, index: JsonLdIndex): string[] {
  const names: string[] = [];
  for (const item of asArray(value)) {
    const author = resolve(item, index);
    if (typeof author === 'string') {
      const name = cleanText(author);
      if (name && !isUrlLike(name)) names.push(name);
    } else if (isRecord(author)) {
      const name =
        cleanText(author.name) ??
        ([cleanText(author.givenName), cleanText(author.familyName)].filter(Boolean).join(' ') || null);
      if (name && !isUrlLike(name)) names.push(name);
    }
  }
  return names;
}

const BYLINE_PREFIX =
  /^(?:by|von|par|por|door|av|af|от|автор|авторы|текст|written by|reported by|text|texte|testo|escrito por|écrit par)(?:\s*[:：]\s*|\s+|$)/i;

/**
 * A byline without a leading "By" / "Von" / "Par" / "Por" (and the like), whitespace
 * collapsed; null when empty or implausibly long for a byline.
 */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = raw.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 2 && BYLINE_PREFIX.test(text); i++) text = text.replace(BYLINE_PREFIX, '').trim();
  // Italian "di Mario Rossi"; only lower-case, since "Di Maio" is a surname.
  text = text.replace(/^di\s+(?=\p{Lu})/u, '');
  text = text.replace(/^[|,·•:\-–—]\s*|\s*[|,·•:\-–—]$/g, '').trim();
  if (!text || text.length > 200 || isUrlLike(text)) return null;
  return text;
}

/** Separators between a headline and the outlet name in `<title>` / `og:title`. */
const TITLE_SEPARATOR = /\s+(?:[|\-–—·•»]|::)\s+|\s*[｜]\s*/g;

const normaliseForCompare = (text: string): string =>
  text
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.(com|org|net|de|fr|ru|jp|co\.uk|co\.jp|es|it)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

const wordsIn = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * `"Headline | Outlet"` → `"Headline"`. A trailing (or leading) part is removed when it
 * names the site (site name or host), or when it is short (≤ 3 words) and what remains
 * is still a proper headline. Titles without a separator are returned as they are.
 */
export function stripSiteSuffix(title: string, siteName?: string | null, host?: string | null): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  const names = [siteName, host, host?.split('.').slice(-2, -1)[0]]
    .filter((name): name is string => !!name)
    .map(normaliseForCompare)
    .filter((name) => name.length >= 3);
  const namesSite = (part: string): boolean => {
    const key = normaliseForCompare(part);
    return (
      !!key &&
      names.some(
        (name) =>
          key === name ||
          (name.length >= 4 && key.includes(name) && key.length <= name.length + 12) ||
          (key.length >= 4 && name.includes(key)),
      )
    );
  };
  const parts: Array<{ text: string; sep: string }> = [];
  let last = 0;
  for (const match of clean.matchAll(TITLE_SEPARATOR)) {
    parts.push({ text: clean.slice(last, match.index), sep: match[0] });
    last = match.index! + match[0].length;
  }
  if (!parts.length) return clean;
  parts.push({ text: clean.slice(last), sep: '' });
  const join = (list: typeof parts): string =>
    list.map((p, i) => (i < list.length - 1 ? p.text + p.sep : p.text)).join('').trim();
  const isLongEnough = (text: string): boolean => wordsIn(text) >= 3 || (text.length >= 8 && !/\s/.test(text));

  // Leading site name: "Outlet | Headline".
  if (parts.length >= 2 && namesSite(parts[0]!.text) && isLongEnough(join(parts.slice(1)))) parts.shift();
  // Trailing parts: the site name, then at most one more short part (a section name).
  for (let removed = 0; parts.length >= 2 && removed < 2; removed++) {
    const tail = parts[parts.length - 1]!.text.trim();
    const rest = join(parts.slice(0, -1));
    // A short, name-like tail ("Politics", "Daily Example") — not "again" or "live".
    const isShortName = wordsIn(tail) <= 3 && tail.length <= 30 && /^[\p{Lu}\p{N}]|^[^\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u.test(tail);
    const strip = namesSite(tail) || (isShortName && isLongEnough(rest));
    if (!strip || !rest) break;
    parts.pop();
    parts[parts.length - 1]!.sep = '';
  }
  return join(parts) || clean;
}

/** Month names the date parser understands (English only; other languages use ISO in markup). */
const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
};

const ISO_LIKE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function validDate(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  // Before the web or implausibly far ahead: a placeholder or a parsing accident.
  if (year < 1990 || year > 2200) return null;
  return new Date(ms).toISOString();
}

/**
 * A date string from markup as ISO 8601 in UTC (`2024-03-05T14:30:00.000Z`), or null.
 * Accepts ISO 8601 (with or without zone, `T` or space), date-only, Unix seconds/ms and
 * RFC 2822 / "March 5, 2024"-style English dates. Dates without a zone are read as UTC,
 * so the result never depends on the machine's time zone.
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim();
  if (!text || text.length > 64) return null;
  if (/^\d{10}$/.test(text)) return validDate(Number(text) * 1000);
  if (/^\d{13}$/.test(text)) return validDate(Number(text));
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = iso;
    const month = Number(mo) - 1;
    const day = Number(d);
    if (month < 0 || month > 11 || day < 1 || day > 31 || Number(h) > 24 || Number(mi) > 59 || Number(s) > 60) return null;
    let ms = Date.UTC(Number(y), month, day, Number(h), Number(mi), Number(s), Math.round(Number(`0.${frac}`) * 1000));
    // Reject rolled-over dates like 2024-02-31.
    if (new Date(ms).getUTCDate() !== day && Number(h) < 24) return null;
    if (zone && /^[+-]/.test(zone)) {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
      ms -= sign * offset * 60_000;
    }
    return validDate(ms);
  }
  // RFC 2822 and English month names: only with an explicit zone, or read as UTC.
  if (!/[a-z]/i.test(text)) return null;
  const monthWord = /\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\b/i.exec(text);
  if (!monthWord) return null;
  const hasZone = /(\b(GMT|UTC|Z)\b|[+-]\d{4}\b)/i.test(text);
  const parsed = Date.parse(hasZone ? text : `${text} UTC`);
  if (Number.isFinite(parsed)) return validDate(parsed);
  // "5 March 2024" / "March 5, 2024" fallback without relying on engine quirks.
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(text.replace(/\b\d{4}\b/, ''));
  const year = /\b(\d{4})\b/.exec(text);
  const month = MONTHS[monthWord[1]!.toLowerCase()];
  if (!day || !year || month === undefined) return null;
  return validDate(Date.UTC(Number(year[1]), month, Number(day[1])));
}

/** `de_DE` → `de-DE`; null for values that are not language tags. */
export function normalizeLang(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim().replace(/_/g, '-').split(/[\s,;]/)[0] ?? '';
  if (!text || text.length > 35 || !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(text)) return null;
  try {
    return Intl.getCanonicalLocales(text)[0] ?? null;
  } catch {
    return null;
  }
}


function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}


function publisherName(article: JsonObject | null, index: JsonLdIndex): string | null {
  const publisher = article ? resolve(asArray(article.publisher)[0], index) : null;
  if (isRecord(publisher)) return cleanText(publisher.name);
  if (typeof publisher === 'string' && !isUrlLike(publisher)) return cleanText(publisher);
  const org = index.nodes.find((node) => typesOf(node).some((t) => t === 'NewsMediaOrganization' || t === 'Organization'));
  const site = index.nodes.find((node) => typesOf(node).includes('WebSite'));
  return cleanText(org?.name) ?? cleanText(site?.name);
}

/** Byline from markup outside meta tags: `rel=author`, `itemprop=author`. */
function markupByline(doc: Document): string | null {
  const el =
    doc.querySelector('[itemprop="author"] [itemprop="name"]') ??
    doc.querySelector('[itemprop="author"]') ??
    doc.querySelector('a[rel="author"]');
  if (!el) return null;
  const value = el.getAttribute('content') ?? el.textContent;
  return value && value.length < 200 ? value : null;
}

function timeElementDate(doc: Document): string | null {
  const el =
    doc.querySelector('time[itemprop="datePublished"][datetime]') ??
    doc.querySelector('time[pubdate][datetime]') ??
    doc.querySelector('article time[datetime]') ??
    doc.querySelector('time[datetime]');
  return el?.getAttribute('datetime') ?? null;
}

/**
 * Reads what the page says about itself. Precedence per field: JSON-LD article entity,
 * then OpenGraph / article:* meta, then other common meta (`parsely-*`, `sailthru.*`,
 * Dublin Core), then markup (`<time datetime>`, `<html lang>`, `<title>`).
 */
export function readMetadata(doc: Document, url: string, pageType: PageType = readPageType(doc)): PageMetadata {
  const { index, metas, article } = pageType;
  const host = hostOf(url);

  const siteName =
    cleanText(metaContent(metas, 'og:site_name')) ??
    publisherName(article, index) ??
    cleanText(metaContent(metas, 'application-name', 'al:android:app_name', 'al:ios:app_name'));

  const rawTitle =
    cleanText(article?.headline) ??
    cleanText(metaContent(metas, 'og:title', 'twitter:title', 'parsely-title', 'sailthru.title', 'dc.title', 'headline')) ??
    cleanText(article?.name) ??
    cleanText(doc.querySelector('title')?.textContent);
  const title = rawTitle ? stripSiteSuffix(rawTitle, siteName, host) : null;

  const jsonLdAuthors = article ? authorNames(article.author, index) : [];
  const metaAuthor = [
    metaContent(metas, 'author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl', 'article:author'),
  ].find((value) => value && !isUrlLike(value));
  const byline = cleanByline(
    jsonLdAuthors.length ? [...new Set(jsonLdAuthors)].join(', ') : (metaAuthor ?? markupByline(doc)),
  );

  const publishedAt =
    normalizeDate(typeof article?.datePublished === 'string' ? article.datePublished : null) ??
    normalizeDate(
      metaContent(
        metas,
        'article:published_time',
        'og:published_time',
        'datepublished',
        'parsely-pub-date',
        'sailthru.date',
        'pubdate',
        'publishdate',
        'date',
        'dc.date.issued',
        'dc.date',
        'dcterms.created',
      ),
    ) ??
    normalizeDate(timeElementDate(doc));
  const modifiedAt =
    normalizeDate(typeof article?.dateModified === 'string' ? article.dateModified : null) ??
    normalizeDate(metaContent(metas, 'article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified'));

  const lang =
    normalizeLang(doc.documentElement?.getAttribute('lang')) ??
    normalizeLang(doc.documentElement?.getAttribute('xml:lang')) ??
    normalizeLang(metaContent(metas, 'content-language', 'og:locale', 'language', 'dc.language')) ??
    normalizeLang(typeof article?.inLanguage === 'string' ? article.inLanguage : null);

  const description =
    cleanText(metaContent(metas, 'description', 'og:description', 'twitter:description')) ??
    cleanText(article?.description);

  return {
    title,
    byline,
    siteName,
    publishedAt,
    modifiedAt,
    lang,
    description,
    canonicalUrl: findCanonicalUrl(doc, url),
    ogType: pageType.ogType,
    articleType: pageType.articleType,
    jsonLdTypes: pageType.jsonLdTypes,
    topLevelArticleCount: pageType.topLevelArticleCount,
    listedArticleCount: pageType.listedArticleCount,
  };
}
