/**
 * The content script's first look at every page: can this page be an article at all? It answers
 * "no" only when the classifier (detect.ts `classifyPage`) would say "not an article" whatever the
 * content walk found, so it never loses an article; pages it cannot rule out get the full reader.
 *
 * It costs a fraction of the classifier. The content walk is replaced by an upper bound: all
 * paragraph text counted as prose (no furniture, no link text taken off), every other positive
 * content signal assumed present. The page type, the URL and a search box holding a query are read
 * as the classifier reads them, in two steps: first cheaply (`og:type` alone, any URL that is not a
 * search or a listing taken as article-like, a JSON-LD block that names an article type taken as
 * declaring one); only a page that step cannot rule out gets its JSON-LD parsed and its URL tested.
 */
import { jsonLdScripts, mayDeclareArticle, readOgType, readPageType, type PageTypeMetadata } from './page-type';
import {
  CONTENT_WEIGHTS,
  effectiveLength,
  holdsSearchQuery,
  isSearchInput,
  metadataSignals,
  MIN_PROSE,
  proseSignal,
  SEARCH_QUERY_SIGNAL,
  THRESHOLD,
  urlSignals,
  type Signal,
} from './page-signals';

/** Paragraph text as the classifier counts it (`p`, `pre`, `div`s holding `<br>`), nothing taken off. */
function proseUpperBound(doc: Document): number {
  let total = 0;
  for (const p of Array.from(doc.querySelectorAll('p, pre'))) total += effectiveLength(p.textContent ?? '');
  const seen = new Set<Element>();
  for (const br of Array.from(doc.querySelectorAll('div > br'))) {
    const div = br.parentElement;
    if (!div || seen.has(div)) continue;
    seen.add(div);
    total += effectiveLength(div.textContent ?? '');
  }
  return total;
}

const sum = (signals: Signal[]) => signals.reduce((total, s) => total + s.weight, 0);

/**
 * Whether `doc` (loaded from `url`) may be an article: false only when the classifier's best
 * possible score stays below its threshold (see the module comment).
 */
export function quickCheck(doc: Document, url: string): boolean {
  if (!doc.body) return false;
  const proseBound = proseUpperBound(doc);
  if (proseBound < MIN_PROSE) return false;
  const contentBest = (proseSignal(proseBound)?.weight ?? 0) + CONTENT_WEIGHTS.paragraphsTogether + CONTENT_WEIGHTS.lowLinkDensity;
  const searchBox = holdsSearchQuery(Array.from(doc.querySelectorAll('input[value]')).filter(isSearchInput)) ? SEARCH_QUERY_SIGNAL.weight : 0;
  /** The best score the classifier could give with this page type, the URL read exactly or at best. */
  const best = (pageType: PageTypeMetadata, urlBestCase: boolean) =>
    sum(metadataSignals(pageType)) + sum(urlSignals(url, { bestCase: urlBestCase })) + searchBox + contentBest;

  // Step 1: no JSON-LD parsing. An article type named anywhere is taken as declared; the JSON-LD's
  // other page types (which only count against) are left out.
  const scripts = jsonLdScripts(doc);
  const declared: PageTypeMetadata = {
    ogType: readOgType(doc),
    articleType: scripts.some((script) => mayDeclareArticle(script.textContent ?? '')) ? 'Article' : null,
    jsonLdTypes: [],
    topLevelArticleCount: 0,
    listedArticleCount: 0,
  };
  if (best(declared, true) < THRESHOLD) return false;
  if (!scripts.length) return true;

  // Step 2: the page type and the URL exactly as the classifier reads them.
  return best(readPageType(doc), false) >= THRESHOLD;
}
