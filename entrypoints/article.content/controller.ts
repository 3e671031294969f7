import type { PageReading } from '@/utils/article/extract';
import type { Article } from '@/utils/article/types';

export type { PageReading };

/** The sidebar as the controller sees it; `hide` is a no-op when nothing is shown. */
export type SidebarHandle = {
  show: (article: Article) => void;
  hide: () => void;
};

export type ArticleControllerDeps = {
  /** Classifies and extracts the current page. */
  read: () => PageReading;
  /** Tells the background (may reject, e.g. while the service worker starts). */
  send: (article: Article) => Promise<unknown>;
  sidebar: SidebarHandle;
  /**
   * Why the page is too big to read without blocking it (null: read it). Checked before `read`;
   * the default measures the global `document` with {@link pageTooLarge}.
   */
  tooLarge?: () => string | null;
};

/**
 * More elements than any news article has (a long article with comments has a few thousand; a
 * heavy live blog about 10,000). Beyond it the page is an endless thread, an app or a hostile page,
 * and reading it (Readability clones and scores the whole tree) would block the page for seconds.
 */
export const MAX_ELEMENTS = 40_000;
/**
 * Deeper than the HTML parser itself builds (Chromium stops nesting at 512): only a script or a
 * hostile page makes such a tree, and recursive extraction could exhaust the stack on it.
 */
export const MAX_DEPTH = 512;

/**
 * Nesting that news pages stay under (the 90 real pages of the benchmark set reach 10–50 levels). One native query
 * for an element this deep answers for them; only a deeper page is walked in script.
 */
const COMMON_DEPTH = 64;

/** A selector for the elements exactly `depth` levels below the root element. */
const atDepth = (depth: number): string => `:root${' > *'.repeat(depth)}`;

/**
 * The content script's budget: a reason not to read `doc` when it is too large or too deep, else null.
 * Linear in the element count at worst, and mostly native: the count, then (only when the page has
 * more elements than `maxDepth`, else it cannot be that deep) a query for an element
 * {@link COMMON_DEPTH} levels down, and only when there is one a walk that stops early. Walking every
 * page in script cost 0.4–1 ms a page; a huge page is still given up at once instead of freezing the
 * reader's tab.
 */
export function pageTooLarge(doc: Document, { maxElements = MAX_ELEMENTS, maxDepth = MAX_DEPTH } = {}): string | null {
  const count = doc.getElementsByTagName('*').length;
  if (count > maxElements) return `page too large (${count} elements)`;
  // A tree of `count` elements is at most `count - 1` levels deep (the root is level 0).
  if (count <= maxDepth + 1) return null;
  const probe = Math.min(COMMON_DEPTH, maxDepth + 1);
  if (!doc.querySelector(atDepth(probe))) return null;
  if (probe > maxDepth) return tooDeep(maxDepth);
  let depth = 0;
  let node: Element | null = doc.documentElement;
  while (node) {
    const child: Element | null = node.firstElementChild;
    if (child) {
      node = child;
      if (++depth > maxDepth) return tooDeep(maxDepth);
      continue;
    }
    while (node && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
    }
    node = node?.nextElementSibling ?? null;
  }
  return null;
}

const tooDeep = (maxDepth: number) => `page too deep (more than ${maxDepth} levels)`;

const globalTooLarge = () => (typeof document === 'undefined' ? null : pageTooLarge(document));

export type ArticleController = {
  /** Reads the page if it changed since the last read, then sends and shows the article; returns it (null: not an article). */
  update: () => Article | null;
  /** Marks the page as changed (in-page navigation): the next `update` reads it again. */
  invalidate: () => void;
  readonly current: Article | null;
};

/**
 * The content script's decisions, free of timers and `browser.*`.
 * Not an article: nothing is sent and the sidebar is hidden. An article: sent once per read and shown.
 * A page over the budget ({@link pageTooLarge}) is not read at all and counts as "not an article".
 * Never throws: a failing extraction counts as "not an article", a failing send is ignored.
 */
export function createArticleController({ read, send, sidebar, tooLarge = globalTooLarge }: ArticleControllerDeps): ArticleController {
  let current: Article | null = null;
  let isStale = true;

  const update = (): Article | null => {
    if (!isStale) return current;
    isStale = false;
    current = articleOf(read, tooLarge);
    if (current === null) {
      sidebar.hide();
      return null;
    }
    try {
      send(current).catch(() => {});
    } catch {
      // The extension was reloaded under this page: nobody to tell. The page still gets its sidebar.
    }
    sidebar.show(current);
    return current;
  };

  return {
    update,
    invalidate: () => {
      isStale = true;
    },
    get current() {
      return current;
    },
  };
}

function articleOf(read: () => PageReading, tooLarge: () => string | null): Article | null {
  try {
    if (tooLarge() !== null) return null;
    const reading = read();
    return reading.isArticle ? reading.article : null;
  } catch {
    return null;
  }
}

/** Whether a URL change shows another page: a new path or query, not only a new `#fragment`. */
export function isNewPage(oldUrl: URL | string, newUrl: URL | string): boolean {
  const strip = (url: URL | string) => {
    const copy = new URL(url);
    copy.hash = '';
    return copy.href;
  };
  return strip(oldUrl) !== strip(newUrl);
}
