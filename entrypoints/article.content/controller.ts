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
};

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
 * Never throws: a failing extraction counts as "not an article", a failing send is ignored.
 */
export function createArticleController({ read, send, sidebar }: ArticleControllerDeps): ArticleController {
  let current: Article | null = null;
  let isStale = true;

  const update = (): Article | null => {
    if (!isStale) return current;
    isStale = false;
    current = articleOf(read);
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

function articleOf(read: () => PageReading): Article | null {
  try {
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
