/**
 * The page-type signals that need no walk over the page's content, and the scale they are weighed
 * on: metadata (JSON-LD, og:type), the URL's shape, the prose weight, the threshold. Shared by the
 * classifier (detect.ts) and the content script's quick check (quick-check.ts), which must agree:
 * the quick check only rules out pages whose best possible score stays below the threshold.
 */
import { lowerAscii } from './ascii';
import type { PageTypeMetadata } from './page-type';

export interface Signal {
  weight: number;
  label: string;
}

/** Chinese/Japanese/Korean characters carry about a word each: weigh them like ~3 Latin letters. */
const CJK_CHARS = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;
const CJK_CHAR = new RegExp(CJK_CHARS.source);

/** Runs of whitespace that collapsing to one space makes shorter. */
const SPACE_RUNS = /\s{2,}/g;

/**
 * The length of `text` trimmed and with each run of whitespace made one space, CJK characters
 * counting three. Counted without building that text: on a page's whole text (a hundred thousand
 * characters) the copy cost twice as much as the count.
 */
export function effectiveLength(text: string): number {
  const trimmed = text.trim();
  if (!trimmed) return 0;
  let length = trimmed.length;
  const runs = trimmed.match(SPACE_RUNS);
  if (runs) for (const run of runs) length -= run.length - 1;
  // A test first: most text has none, and finding that out costs less than collecting the matches.
  const cjk = CJK_CHAR.test(trimmed) ? trimmed.match(CJK_CHARS)!.length : 0;
  return length + 2 * cjk;
}

// The URL patterns are matched against the path with its ASCII letters lower-cased (ascii.ts), not
// with the `i` flag, which costs a new page more to set up than the rest of the URL reading.
const HOME_PATH = /^\/(?:(?:index|default|home)\.(?:html?|php|aspx?))?$|^\/[a-z]{2}(?:[-_][a-z]{2})?\/?$/;
const SEARCH_PATH = /\/(?:search|suche|recherche|buscar|busca|cerca|poisk|zoeken|find)(?:\/|$|\.)/;
const SEARCH_PARAMS = ['q', 'query', 's', 'search', 'keyword', 'keywords', 'term', 'text', 'k'];
const LISTING_PATH =
  /\/(?:tags?|topics?|themen|thema|section|sections|category|categories|categorie|rubrique|rubrik|ressort|author|authors|autor|autoren|auteur|archive|archives|page|latest|news-list)(?:\/|$)/;
/**
 * A dated path, a slug of four words or more, a long number, a page file. Two spellings of one
 * pattern: Unicode letter classes cost a new page milliseconds to build (more than the rest of the
 * quick check), so the ASCII one serves ASCII paths, where `[a-zA-Z0-9]` is exactly `[\p{L}\p{N}]`.
 */
const ARTICLE_PATH_ASCII = /\/(?:19|20)\d{2}\/\d{1,2}\/|(?:19|20)\d{2}-\d{2}-\d{2}|[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+){3,}|\d{6,}|\.(?:s?html?|php)$/;
let articlePathUnicode: RegExp | undefined;

function isArticlePath(path: string): boolean {
  let ascii = true;
  for (let i = 0; i < path.length && ascii; i++) ascii = path.charCodeAt(i) < 0x80;
  if (ascii) return ARTICLE_PATH_ASCII.test(path);
  articlePathUnicode ??= new RegExp(ARTICLE_PATH_ASCII.source.replaceAll('a-zA-Z0-9', '\\p{L}\\p{N}'), 'u');
  return articlePathUnicode.test(path);
}

/**
 * The path percent-decoded; a `%` that starts no escape stands for itself. A path whose escapes are
 * not UTF-8 (`/actualit%E9/`, from sites that still encode in Latin-1) is read as it is.
 */
function decodePath(pathname: string): string {
  // Most paths have no `%`: they skip the pattern, which costs a new page more than the rest.
  if (!pathname.includes('%')) return pathname;
  try {
    return decodeURIComponent(pathname.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    return pathname;
  }
}

/**
 * What the URL's shape says. With `bestCase`, a path that is neither a search nor a listing counts
 * as article-like without being tested (the test's Unicode classes cost more than the rest of the
 * quick check's URL reading).
 */
export function urlSignals(url: string, { bestCase = false } = {}): Signal[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return [];
  const path = decodePath(parsed.pathname);
  const lower = lowerAscii(path);
  const signals: Signal[] = [];
  if (HOME_PATH.test(lower)) signals.push({ weight: -2, label: 'home page URL' });
  if (SEARCH_PATH.test(lower) || SEARCH_PARAMS.some((name) => parsed.searchParams.get(name)))
    signals.push({ weight: -1.5, label: 'search URL' });
  else if (LISTING_PATH.test(lower)) signals.push({ weight: -1, label: 'listing URL' });
  else if (bestCase || isArticlePath(path)) signals.push({ weight: 0.5, label: 'article-like URL' });
  return signals;
}

export function metadataSignals(meta: PageTypeMetadata): Signal[] {
  const signals: Signal[] = [];
  const types = new Set(meta.jsonLdTypes);
  const listedMany = meta.topLevelArticleCount >= 3 || meta.listedArticleCount >= 3;
  if (meta.articleType && !listedMany) signals.push({ weight: 3, label: `json-ld ${meta.articleType}` });
  if (listedMany)
    signals.push({
      weight: -2,
      label: `json-ld lists ${Math.max(meta.topLevelArticleCount, meta.listedArticleCount)} articles`,
    });
  if (!meta.articleType || listedMany) {
    if (types.has('SearchResultsPage')) signals.push({ weight: -4, label: 'json-ld SearchResultsPage' });
    else if (types.has('CollectionPage')) signals.push({ weight: -3, label: 'json-ld CollectionPage' });
    else if (types.has('ProfilePage')) signals.push({ weight: -2, label: 'json-ld ProfilePage' });
    else if (types.has('WebApplication') || types.has('SoftwareApplication'))
      signals.push({ weight: -2, label: 'json-ld WebApplication' });
    else if (types.has('ItemList')) signals.push({ weight: -1, label: 'json-ld ItemList' });
  }
  if (meta.ogType === 'article') signals.push({ weight: 1.5, label: 'og:type article' });
  else if (meta.ogType === 'website') signals.push({ weight: -1, label: 'og:type website' });
  else if (meta.ogType) signals.push({ weight: -0.5, label: `og:type ${meta.ogType}` });
  return signals;
}
/** Below this much prose nothing is an article, whatever the metadata claims. */
export const MIN_PROSE = 250;
/** Score at or above which the page counts as an article. */
export const THRESHOLD = 1;

/** The prose from which each weight of the prose signal counts, most first; below the last, -2. */
const PROSE_TIERS: readonly (readonly [least: number, weight: number])[] = [
  [2500, 2],
  [1200, 1.5],
  [600, 0.5],
  [300, 0],
];

/** The prose signal: more prose, more weight (never less: the quick check relies on it). */
export function proseSignal(prose: number): Signal | null {
  for (const [least, weight] of PROSE_TIERS) if (prose >= least) return weight ? { weight, label: `${prose} chars of prose` } : null;
  return { weight: -2, label: `only ${prose} chars of prose` };
}

/**
 * The least prose, {@link MIN_PROSE} or more, whose signal weighs at least `weight`; null when no
 * amount of prose does. The quick check reads paragraphs only until it has that much.
 */
export function leastProseFor(weight: number): number | null {
  for (const least of [MIN_PROSE, ...PROSE_TIERS.map(([prose]) => prose).reverse()])
    if ((proseSignal(least)?.weight ?? 0) >= weight) return least;
  return null;
}

/**
 * The weights of the content signals that count for an article other than prose (detect.ts):
 * long paragraphs that stand together, and little link text. Every other content signal counts against.
 */
export const CONTENT_WEIGHTS = { paragraphsTogether: 1, lowLinkDensity: 0.5 } as const;

/** Whether `el` or an ancestor satisfies `test`; a plain parent walk, since `closest()` with selector lists is slow in Node DOMs. */
export function hasAncestor(el: Element, test: (node: Element) => boolean): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) if (test(node)) return true;
  return false;
}

const SEARCH_INPUT_NAMES = new Set(['q', 'query']);

/** A search field with a `value` attribute: `type="search"`, or named `q` / `query`. */
export function isSearchInput(input: Element): boolean {
  const type = (input.getAttribute('type') ?? '').toLowerCase();
  return input.hasAttribute('value') && (type === 'search' || SEARCH_INPUT_NAMES.has(input.getAttribute('name') ?? ''));
}

/**
 * A selector for the inputs that may be search fields: every input {@link isSearchInput} accepts
 * (its `type` lower-cased can only be "search" if it holds "search" in ASCII letters of either case),
 * and few others. The quick check finds a page's search fields by one native query and this filter,
 * without a script wrapper for each of the page's other inputs.
 */
export const SEARCH_INPUT_CANDIDATES = 'input[value][type*="search" i], input[value][name="q"], input[value][name="query"]';

const isHeaderOrNav = (node: Element): boolean => {
  const tag = node.localName.toLowerCase();
  return tag === 'header' || tag === 'nav';
};

/** Whether one of the search fields `inputs` holds a query outside the page's header and nav: a results page. */
export function holdsSearchQuery(inputs: Iterable<Element>): boolean {
  for (const input of inputs) if (!hasAncestor(input, isHeaderOrNav) && input.getAttribute('value')?.trim()) return true;
  return false;
}

export const SEARCH_QUERY_SIGNAL: Signal = { weight: -1.5, label: 'search box holding a query' };
