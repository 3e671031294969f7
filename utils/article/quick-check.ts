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
 * declaring one); only a page that step cannot rule out gets its JSON-LD parsed and its URL tested
 * (the JSON-LD without the other meta tags: `og:type` is read already).
 * Paragraphs are read only as far as needed: none when the page type and the URL rule the page out
 * whatever its prose, and on an article only until there is enough prose.
 */
import { jsonLdScripts, mayDeclareArticle, readDeclaredPageType, readOgType, type PageTypeMetadata } from './page-type';
import {
  CONTENT_WEIGHTS,
  effectiveLength,
  holdsSearchQuery,
  isSearchInput,
  leastProseFor,
  metadataSignals,
  SEARCH_INPUT_CANDIDATES,
  SEARCH_QUERY_SIGNAL,
  THRESHOLD,
  urlSignals,
  type Signal,
} from './page-signals';

/**
 * Paragraph text as the classifier counts it (`p`, `pre`, `div`s holding `<br>`), nothing taken off,
 * read only as far as asked: the function returned reads on until the text adds up to its argument
 * (effective characters) or the paragraphs run out, and says whether it got there.
 */
function proseReader(doc: Document): (atLeast: number) => boolean {
  // Found on the first read: a page ruled out without its prose never has its paragraphs listed.
  let paragraphs: Element[] | null = null;
  let divs: Element[] | null = null;
  const seen = new Set<Element>();
  let nextParagraph = 0;
  let nextDiv = 0;
  let total = 0;
  const more = (): boolean => {
    paragraphs ??= Array.from(doc.querySelectorAll('p, pre'));
    if (nextParagraph < paragraphs.length) {
      total += effectiveLength(paragraphs[nextParagraph++]!.textContent ?? '');
      return true;
    }
    divs ??= Array.from(doc.querySelectorAll('div > br'), (br) => br.parentElement!);
    while (nextDiv < divs.length) {
      const div = divs[nextDiv++]!;
      if (seen.has(div)) continue;
      seen.add(div);
      total += effectiveLength(div.textContent ?? '');
      return true;
    }
    return false;
  };
  return (atLeast) => {
    while (total < atLeast) if (!more()) return false;
    return true;
  };
}

const sum = (signals: Signal[]) => signals.reduce((total, s) => total + s.weight, 0);

/**
 * Whether `doc` (loaded from `url`) may be an article: false only when the classifier's best
 * possible score stays below its threshold (see the module comment). The cheapest readings come
 * first, and each may end the check: the page type and the URL at best with the most prose, then
 * the paragraphs until there is enough prose, then the page type and the URL exactly.
 */
export function quickCheck(doc: Document, url: string): boolean {
  if (!doc.body) return false;
  const searchBox = holdsSearchQuery(Array.from(doc.querySelectorAll(SEARCH_INPUT_CANDIDATES)).filter(isSearchInput)) ? SEARCH_QUERY_SIGNAL.weight : 0;
  /** The classifier's best score but for prose, with this page type, the URL read exactly or at best. */
  const bestButProse = (pageType: PageTypeMetadata, urlBestCase: boolean) =>
    sum(metadataSignals(pageType)) + sum(urlSignals(url, { bestCase: urlBestCase })) + searchBox + CONTENT_WEIGHTS.paragraphsTogether + CONTENT_WEIGHTS.lowLinkDensity;

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
  const prose = proseReader(doc);
  /** Whether the page has the prose that would lift `rest` to the threshold. */
  const enoughProse = (rest: number) => {
    const least = leastProseFor(THRESHOLD - rest);
    return least !== null && prose(least);
  };
  if (!enoughProse(bestButProse(declared, true))) return false;
  if (!scripts.length) return true;

  // Step 2: the page type and the URL exactly as the classifier reads them.
  return enoughProse(bestButProse(readDeclaredPageType(doc, declared.ogType), false));
}
