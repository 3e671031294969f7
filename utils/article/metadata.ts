/**
 * Page metadata from JSON-LD, OpenGraph / generic meta tags, `<time>` and `<html lang>`.
 * Pure: the document is passed in. Broken markup (malformed JSON-LD, invalid dates,
 * odd language tags) yields nulls, never exceptions.
 */
import { findCanonicalUrl } from './canonical-url';

/** What the page says about itself. Every field is null when the page does not say. */
export interface PageMetadata {
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
  /** `og:type`, lower-cased (`article`, `website`, …). */
  ogType: string | null;
  /** `@type` of the JSON-LD article entity the fields were read from (`NewsArticle`, …). */
  articleType: string | null;
  /** Every JSON-LD `@type` on the page, without the `schema.org` prefix. */
  jsonLdTypes: string[];
  /**
   * Article entities at the top level of the JSON-LD (not nested in another article or
   * in a list): 1 on an article page, several on a front page that lists its teasers.
   */
  topLevelArticleCount: number;
  /** Article entities listed inside an `ItemList` / `CollectionPage`. */
  listedArticleCount: number;
}

/** schema.org types that describe one article. */
export const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'SatiricalArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'Report',
  'ScholarlyArticle',
  'TechArticle',
  'MedicalScholarlyArticle',
]);

const LIST_TYPES = new Set(['ItemList', 'CollectionPage', 'SearchResultsPage', 'BreadcrumbList']);

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value == null ? [] : [value]);

/** `http://schema.org/NewsArticle`, `schema:NewsArticle` → `NewsArticle`. */
function typeName(raw: string): string {
  return raw.replace(/^.*[/:#]/, '').trim();
}

function typesOf(node: JsonObject): string[] {
  return asArray(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map(typeName);
}

const isArticleNode = (node: JsonObject): boolean => typesOf(node).some((t) => ARTICLE_TYPES.has(t));

/** Parses one JSON-LD block; tolerates HTML comments, CDATA, raw control characters and trailing commas. */
function parseJsonLd(raw: string): unknown {
  const text = raw
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*(\/\/\s*)?<!\[CDATA\[|(\/\/\s*)?\]\]>\s*$/g, '')
    .trim();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    try {
      // Common CMS breakage: literal newlines/tabs in strings, trailing commas.
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return null;
    }
  }
}

interface JsonLdIndex {
  nodes: JsonObject[];
  byId: Map<string, JsonObject>;
  types: Set<string>;
  topLevelArticles: JsonObject[];
  listedArticles: number;
}

const MAX_JSONLD_NODES = 2_000;

/** Collects every typed object in the page's JSON-LD, remembering how articles are nested. */
function indexJsonLd(doc: Document): JsonLdIndex {
  const index: JsonLdIndex = { nodes: [], byId: new Map(), types: new Set(), topLevelArticles: [], listedArticles: 0 };
  const scripts = Array.from(doc.querySelectorAll('script')).filter((script) =>
    /^\s*application\/ld\+json\b/i.test(script.getAttribute('type') ?? ''),
  );
  const seen = new Set<unknown>();
  const visit = (value: unknown, insideArticle: boolean, insideList: boolean, depth: number): void => {
    if (depth > 12 || index.nodes.length > MAX_JSONLD_NODES) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, insideArticle, insideList, depth + 1);
      return;
    }
    if (!isObject(value) || seen.has(value)) return;
    seen.add(value);
    const types = typesOf(value);
    if (types.length) {
      index.nodes.push(value);
      for (const type of types) index.types.add(type);
    }
    if (typeof value['@id'] === 'string' && types.length) index.byId.set(value['@id'], value);
    const isArticle = types.some((t) => ARTICLE_TYPES.has(t));
    if (isArticle && !insideArticle) {
      if (insideList) index.listedArticles += 1;
      else index.topLevelArticles.push(value);
    }
    const isList = types.some((t) => LIST_TYPES.has(t));
    for (const [key, child] of Object.entries(value)) {
      if (key === '@context' || typeof child !== 'object' || child === null) continue;
      // A page's `mainEntity` is the page's subject, not a list member.
      const childInList = insideList || (isList && key !== 'mainEntity' && key !== 'breadcrumb');
      visit(child, insideArticle || isArticle, childInList, depth + 1);
    }
  };
  for (const script of scripts) visit(parseJsonLd(script.textContent ?? ''), false, false, 0);
  return index;
}

/** Follows an `{ "@id": … }` reference into the graph. */
function resolve(value: unknown, index: JsonLdIndex): unknown {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return index.byId.get(value['@id']) ?? value;
  }
  return value;
}

function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = decodeEntities(value).replace(/\s+/g, ' ').trim();
  return text || null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** JSON-LD strings are sometimes HTML-escaped twice (`&amp;#8217;`); decode the usual suspects. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[body.toLowerCase()] ?? match;
  });
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
    } else if (isObject(author)) {
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

/** `content` of the first meta tag with one of `keys` as `property`, `name` or `itemprop`. */
function metaContent(metas: Map<string, string>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = metas.get(key);
    if (value) return value;
  }
  return null;
}

/** All meta tags by lower-cased key (first occurrence wins), read in one pass. */
function collectMeta(doc: Document): Map<string, string> {
  const metas = new Map<string, string>();
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attrName of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attrName)?.trim().toLowerCase();
      if (key && !metas.has(key)) metas.set(key, content);
    }
  }
  return metas;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The article entity: the first top-level article with a headline, else any article. */
function pickArticle(index: JsonLdIndex): JsonObject | null {
  const candidates = index.topLevelArticles.length ? index.topLevelArticles : index.nodes.filter(isArticleNode);
  return candidates.find((node) => cleanText(node.headline) ?? cleanText(node.name)) ?? candidates[0] ?? null;
}

function publisherName(article: JsonObject | null, index: JsonLdIndex): string | null {
  const publisher = article ? resolve(asArray(article.publisher)[0], index) : null;
  if (isObject(publisher)) return cleanText(publisher.name);
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

/** The fields of {@link PageMetadata} that say what kind of page this is: all that detection needs. */
export type PageTypeMetadata = Pick<PageMetadata, 'ogType' | 'articleType' | 'jsonLdTypes' | 'topLevelArticleCount' | 'listedArticleCount'>;

/** {@link PageTypeMetadata} with what it was read from, for {@link readMetadata} to go on with. */
export interface PageType extends PageTypeMetadata {
  index: JsonLdIndex;
  metas: Map<string, string>;
  article: JsonObject | null;
}

/**
 * The first part of {@link readMetadata}: the JSON-LD entities and meta tags, and the page type
 * they declare. Detection runs on every page the reader opens; the rest (title, byline, dates,
 * canonical URL) is read only for pages that turn out to be articles.
 */
export function readPageType(doc: Document): PageType {
  const index = indexJsonLd(doc);
  const metas = collectMeta(doc);
  const article = pickArticle(index);
  return {
    index,
    metas,
    article,
    ogType: metaContent(metas, 'og:type')?.toLowerCase().trim() ?? null,
    articleType: article ? (typesOf(article).find((t) => ARTICLE_TYPES.has(t)) ?? null) : null,
    jsonLdTypes: [...index.types],
    topLevelArticleCount: new Set(index.topLevelArticles.map((a) => a.url ?? a['@id'] ?? a)).size,
    listedArticleCount: index.listedArticles,
  };
}
