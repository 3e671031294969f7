/**
 * Is this page one article? Runs on every page the reader opens, so it stays cheap:
 * a few selector queries and one pass over paragraphs, headings and links; no
 * Readability parse, no layout (`innerText`, `getComputedStyle`, sizes).
 *
 * `isProbablyReaderable` is only the first gate (it accepts many front pages and
 * search results); page-type signals from metadata, URL and content structure decide.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { readPageType, type PageTypeMetadata } from './page-type';
import {
  CONTENT_WEIGHTS,
  effectiveLength,
  hasAncestor,
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

/** Result of {@link classifyPage}. */
export interface PageClass {
  isArticle: boolean;
  /** Short human-readable account of the deciding signals, for logs and debugging. */
  reason: string;
}

/** Containers whose text is page furniture, not the page's own content. Not `form`: ASP.NET WebForms pages wrap the whole page in one. */
const FURNITURE_TAGS = new Set(['nav', 'header', 'footer', 'aside']);
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);

/**
 * Whether `el` sits inside page furniture (nav, header, footer, aside or their ARIA roles).
 * Answers are cached per ancestor, so asking for every paragraph stays linear; a
 * hand-written walk, because `closest()` with a selector list is slow in Node DOMs.
 */
function furnitureChecker(): (el: Element) => boolean {
  const cache = new Map<Node, boolean>();
  return (el) => {
    const path: Node[] = [];
    let answer = false;
    for (let node: Node | null = el; node && node.nodeType === 1; node = node.parentNode) {
      const cached = cache.get(node);
      if (cached !== undefined) {
        answer = cached;
        break;
      }
      path.push(node);
      const element = node as Element;
      const role = element.getAttribute('role');
      if (FURNITURE_TAGS.has(element.localName.toLowerCase()) || (role && FURNITURE_ROLES.has(role))) {
        answer = true;
        break;
      }
    }
    for (const node of path) cache.set(node, answer);
    return answer;
  };
}

/** Text length of the real links (not `#fragment` jumps) inside `el`. */
function linkTextLength(el: Element): number {
  let total = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) {
    const href = a.getAttribute('href');
    if (href === null || href.startsWith('#') || href.startsWith('javascript:')) continue;
    total += effectiveLength(a.textContent ?? '');
  }
  return total;
}

interface ContentStats {
  /** Non-link text in paragraphs outside page furniture (effective characters). */
  prose: number;
  /** Paragraphs with at least ~80 characters of non-link text. */
  longParagraphs: number;
  /** Most long paragraphs under one parent: an article body keeps its paragraphs together, teaser lists do not. */
  maxSiblingParagraphs: number;
  /** A search box that holds a query in the page body: a results page. */
  hasSearchQuery: boolean;
  /** Headlines that are links (teasers), outside page furniture. */
  teasers: number;
  /** Share of link text in the main content area. */
  linkDensity: number;
  /** Form controls and app widgets outside search boxes. */
  controls: number;
  hasAppRole: boolean;
}

const CONTROL_ROLES = new Set(['button', 'textbox', 'grid', 'slider', 'tab']);

const isSearchOrChrome = (node: Element): boolean => {
  const tag = node.localName.toLowerCase();
  if (tag === 'nav' || tag === 'header' || node.getAttribute('role') === 'search') return true;
  return tag === 'form' && (node.getAttribute('action') ?? '').includes('search');
};

/** What one pass over the document's elements finds, sorted by kind, in document order. */
interface PageElements {
  /** Paragraph-like nodes, as `isProbablyReaderable` sees them: `p`, `pre`, and `div`s holding `<br>`. */
  paragraphs: Element[];
  headings: Element[];
  cards: Element[];
  main: Element | null;
  controls: Element[];
  hasAppRole: boolean;
  searchInputs: Element[];
}

/**
 * Every element that can count for the classifier: a tag below, or a `role` or `contenteditable`
 * attribute. Asking for these alone, not `*`, spares reading the attributes of the page's other
 * elements (most of them).
 */
const COUNTED = 'p, pre, br, h1, h2, h3, h4, article, li, main, canvas, input, select, textarea, button, [role], [contenteditable]';

/**
 * Sorts the elements of `doc` that can count by kind, in one query (about ten separate selector
 * queries cost ten walks of the tree, and detection runs on every page the reader opens).
 */
function collectElements(doc: Document): PageElements {
  const found: PageElements = { paragraphs: [], headings: [], cards: [], main: null, controls: [], hasAppRole: false, searchInputs: [] };
  const divsWithBr = new Set<Element>();
  let roleMain: Element | null = null;
  for (const el of Array.from(doc.querySelectorAll(COUNTED))) {
    const tag = el.localName.toLowerCase();
    const role = el.getAttribute('role');
    switch (tag) {
      case 'p':
      case 'pre':
        found.paragraphs.push(el);
        break;
      case 'br': {
        const parent = el.parentElement;
        if (parent && parent.localName.toLowerCase() === 'div' && !divsWithBr.has(parent)) {
          divsWithBr.add(parent);
          found.paragraphs.push(parent);
        }
        break;
      }
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
        found.headings.push(el);
        break;
      case 'article':
      case 'li':
        found.cards.push(el);
        break;
      case 'main':
        found.main ??= el;
        break;
      case 'canvas': {
        const parent = el.parentElement;
        if ((parent && parent.localName.toLowerCase() === 'body') || hasAncestor(el, (n) => n.localName.toLowerCase() === 'main'))
          found.hasAppRole = true;
        break;
      }
      case 'input': {
        const type = (el.getAttribute('type') ?? '').toLowerCase();
        if (type !== 'hidden') found.controls.push(el);
        if (isSearchInput(el)) found.searchInputs.push(el);
        break;
      }
      case 'select':
      case 'textarea':
      case 'button':
        found.controls.push(el);
        break;
      default: {
        const editable = el.getAttribute('contenteditable');
        if (editable === '' || editable === 'true' || (role && CONTROL_ROLES.has(role))) found.controls.push(el);
      }
    }
    if (role === 'main') roleMain ??= el;
    else if (role === 'application') found.hasAppRole = true;
  }
  // `main, [role="main"]`: whichever comes first in the document.
  if (roleMain && (!found.main || found.main.compareDocumentPosition(roleMain) & 2 /* PRECEDING */)) found.main = roleMain;
  return found;
}

function measureContent(doc: Document): ContentStats {
  const inFurniture = furnitureChecker();
  const elements = collectElements(doc);
  let prose = 0;
  let longParagraphs = 0;
  let maxSiblingParagraphs = 0;
  const perParent = new Map<Node, number>();
  for (const p of elements.paragraphs) {
    if (inFurniture(p)) continue;
    const own = effectiveLength(p.textContent ?? '') - linkTextLength(p);
    if (own <= 0) continue;
    prose += own;
    if (own < 80) continue;
    longParagraphs++;
    const parent = p.parentNode;
    if (parent) {
      const count = (perParent.get(parent) ?? 0) + 1;
      perParent.set(parent, count);
      if (count > maxSiblingParagraphs) maxSiblingParagraphs = count;
    }
  }

  // Teasers: headings that are (mostly) a link, and short <article> cards built around a link.
  let headingTeasers = 0;
  for (const heading of elements.headings) {
    if (inFurniture(heading)) continue;
    const text = effectiveLength(heading.textContent ?? '');
    if (text < 10) continue;
    let wrapping: Element | null = null;
    for (let node: Element | null = heading; node && !wrapping; node = node.parentElement)
      if (node.localName.toLowerCase() === 'a' && node.hasAttribute('href')) wrapping = node;
    const isLink =
      (wrapping && !(wrapping.getAttribute('href') ?? '').startsWith('#')) || linkTextLength(heading) >= 0.6 * text;
    if (isLink) headingTeasers++;
  }
  let cardTeasers = 0;
  for (const card of elements.cards) {
    // The native test first: most list items (menus, lists in the text) hold no heading, image or time.
    if (!card.querySelector('h2, h3, h4, img, time') || inFurniture(card) || card.getElementsByTagName('article').length) continue;
    const links = linkTextLength(card);
    if (links >= 15 && effectiveLength(card.textContent ?? '') - links < 300) cardTeasers++;
  }

  const main = elements.main ?? doc.body ?? doc.documentElement;
  const mainText = main ? effectiveLength(main.textContent ?? '') : 0;
  const linkDensity = main && mainText ? linkTextLength(main) / mainText : 0;

  let controls = 0;
  for (const control of elements.controls) if (!hasAncestor(control, isSearchOrChrome)) controls++;
  const hasSearchQuery = holdsSearchQuery(elements.searchInputs);

  return {
    prose,
    longParagraphs,
    maxSiblingParagraphs,
    hasSearchQuery,
    teasers: Math.max(headingTeasers, cardTeasers),
    linkDensity,
    controls,
    hasAppRole: elements.hasAppRole,
  };
}

function contentSignals(stats: ContentStats): Signal[] {
  const signals: Signal[] = [];
  const { prose, teasers, linkDensity, controls } = stats;
  const proseWeight = proseSignal(prose);
  if (proseWeight) signals.push(proseWeight);
  if (stats.maxSiblingParagraphs >= 3)
    signals.push({ weight: CONTENT_WEIGHTS.paragraphsTogether, label: `${stats.maxSiblingParagraphs} long paragraphs together` });
  else if (stats.longParagraphs >= 4)
    signals.push({ weight: -1, label: `${stats.longParagraphs} long paragraphs, scattered` });
  if (stats.hasSearchQuery) signals.push(SEARCH_QUERY_SIGNAL);
  if (teasers >= 6 && prose / teasers < 250) signals.push({ weight: -2.5, label: `${teasers} headline links` });
  else if (teasers >= 15 && prose / teasers < 500) signals.push({ weight: -1.5, label: `${teasers} headline links` });
  if (linkDensity > 0.5) signals.push({ weight: -2, label: `link density ${linkDensity.toFixed(2)}` });
  else if (linkDensity > 0.35) signals.push({ weight: -1, label: `link density ${linkDensity.toFixed(2)}` });
  else if (linkDensity < 0.2) signals.push({ weight: CONTENT_WEIGHTS.lowLinkDensity, label: `link density ${linkDensity.toFixed(2)}` });
  if (stats.hasAppRole) signals.push({ weight: -2, label: 'application widget' });
  if (controls >= 8 && controls * 60 > prose) signals.push({ weight: -2, label: `${controls} form controls` });
  return signals;
}

function describe(isArticle: boolean, score: number, signals: Signal[]): string {
  const deciding = signals
    .filter((s) => (isArticle ? s.weight > 0 : s.weight < 0))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, 4)
    .map((s) => s.label);
  return `${isArticle ? 'article' : 'not an article'} (score ${score.toFixed(1)}): ${deciding.join('; ') || 'no signals'}`;
}

/**
 * Decides whether `doc` (loaded from `url`) is a single article — news story, blog post,
 * live blog, paywalled teaser — rather than a front page, section page, search results
 * or web app. `metadata` may be passed when the caller has already read it.
 */
export function classifyPage(doc: Document, url: string, metadata?: PageTypeMetadata): PageClass {
  const meta = metadata ?? readPageType(doc);
  const declaresArticle = !!meta.articleType || meta.ogType === 'article';
  if (!doc.body) return { isArticle: false, reason: 'not an article: no body' };
  const readerable = isProbablyReaderable(doc);
  if (!readerable && !declaresArticle) {
    return { isArticle: false, reason: 'not an article: not readerable and no article metadata' };
  }
  const stats = measureContent(doc);
  if (stats.prose < MIN_PROSE) {
    return { isArticle: false, reason: `not an article: only ${stats.prose} chars of prose` };
  }
  const signals = [
    ...metadataSignals(meta),
    ...urlSignals(url),
    ...contentSignals(stats),
    ...(readerable ? [] : [{ weight: -1, label: 'not readerable' }]),
  ];
  const score = signals.reduce((sum, s) => sum + s.weight, 0);
  const isArticle = score >= THRESHOLD;
  return { isArticle, reason: describe(isArticle, score, signals) };
}
