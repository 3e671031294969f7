/**
 * What kind of page this is, as its JSON-LD and meta tags declare: the part of the metadata that
 * detection needs. Kept apart from the rest of the metadata (titles, bylines, dates) so that the
 * content script's quick check on every page loads only this.
 */
import { isRecord } from '../is-record';
import { lowerAscii } from './ascii';

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

export type JsonObject = Record<string, unknown>;

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value == null ? [] : [value]);

/** `http://schema.org/NewsArticle`, `schema:NewsArticle` → `NewsArticle`. */
function typeName(raw: string): string {
  // A plain name needs no pattern, which costs a new page more to set up than the rest.
  if (!raw.includes('/') && !raw.includes(':') && !raw.includes('#')) return raw.trim();
  return raw.replace(/^.*[/:#]/, '').trim();
}

export function typesOf(node: JsonObject): string[] {
  return asArray(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map(typeName);
}

const isArticleNode = (node: JsonObject): boolean => typesOf(node).some((t) => ARTICLE_TYPES.has(t));

/** Parses one JSON-LD block; tolerates HTML comments, CDATA, raw control characters and trailing commas. */
function parseJsonLd(raw: string): unknown {
  const trimmed = raw.trim();
  // A block that starts and ends as JSON does has no comment or CDATA wrapper to strip: it skips the
  // patterns, which cost a new page more to set up than the rest.
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  const bare = (first === '{' || first === '[') && (last === '}' || last === ']');
  const text = bare
    ? trimmed
    : trimmed
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

export interface JsonLdIndex {
  nodes: JsonObject[];
  byId: Map<string, JsonObject>;
  types: Set<string>;
  topLevelArticles: JsonObject[];
  listedArticles: number;
}

const MAX_JSONLD_NODES = 2_000;

/**
 * The page's JSON-LD blocks. The selector passes only scripts whose type names JSON-LD somewhere (a
 * news page has dozens of other scripts); the pattern then reads the type as browsers do.
 */
export function jsonLdScripts(doc: Document): HTMLScriptElement[] {
  return Array.from(doc.querySelectorAll<HTMLScriptElement>('script[type*="ld+json" i]')).filter((script) => {
    const type = script.getAttribute('type') ?? '';
    // The usual spelling needs no pattern, which costs a new page more to set up than the rest.
    return type === 'application/ld+json' || /^\s*application\/ld\+json\b/.test(lowerAscii(type));
  });
}

/**
 * Whether a JSON-LD block's text may declare an article: it names one of {@link ARTICLE_TYPES}, or
 * escapes characters (`\u0041rticle`), which only parsing can tell. False means it certainly does not.
 */
export function mayDeclareArticle(text: string): boolean {
  if (text.includes('\\u')) return true;
  for (const type of ARTICLE_TYPES) if (text.includes(type)) return true;
  return false;
}

/**
 * `og:type` as {@link readPageType} reads it (the first meta tag naming it, lower-cased), without the
 * other meta tags: the selector passes only tags with "og:type" in a naming attribute.
 */
export function readOgType(doc: Document): string | null {
  for (const [key, content] of metaEntries(doc.querySelectorAll(OG_TYPE_NAMED))) if (key === 'og:type') return content.toLowerCase();
  return null;
}

/** Collects every typed object in the page's JSON-LD, remembering how articles are nested. */
function indexJsonLd(doc: Document): JsonLdIndex {
  const index: JsonLdIndex = { nodes: [], byId: new Map(), types: new Set(), topLevelArticles: [], listedArticles: 0 };
  const scripts = jsonLdScripts(doc);
  const seen = new Set<unknown>();
  const visit = (value: unknown, insideArticle: boolean, insideList: boolean, depth: number): void => {
    if (depth > 12 || index.nodes.length > MAX_JSONLD_NODES) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, insideArticle, insideList, depth + 1);
      return;
    }
    if (!isRecord(value) || seen.has(value)) return;
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

export function cleanText(value: unknown): string | null {
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

/** `content` of the first meta tag with one of `keys` as `property`, `name` or `itemprop`. */
export function metaContent(metas: Map<string, string>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = metas.get(key);
    if (value) return value;
  }
  return null;
}

/** The attributes that name a meta tag. */
const META_KEYS = ['property', 'name', 'itemprop', 'http-equiv'];
/** The meta tags with "og:type" in one of {@link META_KEYS}, as `readOgType` selects them. */
const OG_TYPE_NAMED = META_KEYS.map((attribute) => `meta[${attribute}*="og:type" i]`).join(', ');

/**
 * Every `[lower-cased key, content]` the meta tags name, in document order (tags without content
 * skipped). A plain function, not a generator: it runs on every page, where a generator costs more to
 * set up than the few tags it reads.
 */
function metaEntries(metas: ArrayLike<Element>): [string, string][] {
  const entries: [string, string][] = [];
  for (const meta of Array.from(metas)) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attrName of META_KEYS) {
      const key = meta.getAttribute(attrName)?.trim().toLowerCase();
      if (key) entries.push([key, content]);
    }
  }
  return entries;
}

/** All meta tags by lower-cased key (first occurrence wins), read in one pass. */
export function collectMeta(doc: Document): Map<string, string> {
  const metas = new Map<string, string>();
  for (const [key, content] of metaEntries(doc.getElementsByTagName('meta'))) if (!metas.has(key)) metas.set(key, content);
  return metas;
}

/** The article entity: the first top-level article with a headline, else any article. */
function pickArticle(index: JsonLdIndex): JsonObject | null {
  const candidates = index.topLevelArticles.length ? index.topLevelArticles : index.nodes.filter(isArticleNode);
  return candidates.find((node) => cleanText(node.headline) ?? cleanText(node.name)) ?? candidates[0] ?? null;
}

/** The fields of the page metadata that say what kind of page this is: all that detection needs. */
export interface PageTypeMetadata {
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

/** {@link PageTypeMetadata} with what it was read from, for `readMetadata` to go on with. */
export interface PageType extends PageTypeMetadata {
  index: JsonLdIndex;
  metas: Map<string, string>;
  article: JsonObject | null;
}

/**
 * The first part of `readMetadata`: the JSON-LD entities and meta tags, and the page type
 * they declare. Detection runs on every page the reader opens; the rest (title, byline, dates,
 * canonical URL) is read only for pages that turn out to be articles.
 */
export function readPageType(doc: Document): PageType {
  const index = indexJsonLd(doc);
  const metas = collectMeta(doc);
  const article = pickArticle(index);
  return { index, metas, article, ...typeFields(index, article, metaContent(metas, 'og:type')?.toLowerCase().trim() ?? null) };
}

/**
 * The page type as {@link readPageType} reads it, for the content script's quick check, which has
 * read `og:type` already ({@link readOgType}): the JSON-LD is indexed the same way, but the other
 * meta tags are not collected and no article entity is picked (which reads their headlines).
 * `articleType` is the type of the first article entity found, not always the picked one's: it is
 * there exactly when readPageType's is, and the classifier's score reads only whether it is.
 */
export function readDeclaredPageType(doc: Document, ogType: string | null): PageTypeMetadata {
  const index = indexJsonLd(doc);
  return typeFields(index, index.topLevelArticles[0] ?? index.nodes.find(isArticleNode) ?? null, ogType);
}

/** The fields of {@link PageTypeMetadata}, from the JSON-LD index, its article entity and `og:type`. */
function typeFields(index: JsonLdIndex, article: JsonObject | null, ogType: string | null): PageTypeMetadata {
  return {
    ogType,
    articleType: article ? (typesOf(article).find((t) => ARTICLE_TYPES.has(t)) ?? null) : null,
    jsonLdTypes: [...index.types],
    topLevelArticleCount: new Set(index.topLevelArticles.map((a) => a.url ?? a['@id'] ?? a)).size,
    listedArticleCount: index.listedArticles,
  };
}
