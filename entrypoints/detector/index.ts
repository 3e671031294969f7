/**
 * The content script on every http(s) page (listed in the manifest by wxt.config.ts). Most pages are
 * not articles, so it is kept tiny: no webextension-polyfill, no WXT content-script context, no UI.
 * It runs the quick check (utils/article/quick-check.ts) as soon as it starts (the page's document is
 * idle then) and again after in-page navigations; when the page may be an article, it loads the reader (entrypoints/article.content) into the page: `import()` of the
 * reader's file, which runs in this same isolated world, never in the page's own. It touches no
 * extension API before that (the browser sets up the API bindings on first use, which costs more
 * than the check): on the other pages the popup and the keyboard command have the background load
 * the reader (utils/reader-loader.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { quickCheck } from '@/utils/article/quick-check';
import { perfMark } from '@/utils/perf';
import { createIdleScheduler } from '../article.content/schedule';
import { fetchReaderStyle, READER_FILE, READER_LOADING, READER_RUNS, READER_STYLE } from '../article.content/reader-flag';
import { startDetector } from './watch';

/** The extension API the detector uses, from the browser itself (`browser` in Firefox, `chrome` in Chrome). */
interface RuntimeApi {
  runtime: { getURL: (path: string) => string };
}

/** The address of one of the reader's files in this extension. */
function extensionUrl(path: string): string {
  const api = (globalThis as { browser?: RuntimeApi }).browser ?? (globalThis as { chrome?: RuntimeApi }).chrome;
  return api!.runtime.getURL(path);
}

/**
 * Calls `listener` when the address changes within the document (History API, fragment). The
 * address is read as `document.URL`, the same string as `location.href`: the detector touches no
 * `location`, which costs a new page's script world more to set up than the document it has already.
 */
function watchUrl(listener: (oldUrl: string, newUrl: string) => void): void {
  let last = document.URL;
  const changed = () => {
    const now = document.URL;
    if (now === last) return;
    const old = last;
    last = now;
    listener(old, now);
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  // The Navigation API tells of every change; where it is missing (Firefox), a look once a second.
  if (navigation) navigation.addEventListener('currententrychange', changed);
  else setInterval(changed, 1_000);
}

export default defineUnlistedScript(() => {
  const flags = globalThis as Record<string, unknown>;
  startDetector({
    mayBeArticle: () => {
      perfMark('cs:check:start');
      try {
        return quickCheck(document, document.URL);
      } finally {
        perfMark('cs:check:end');
      }
    },
    loadReader: () => {
      // A module is evaluated once however often it is imported. The background's loader waits for
      // this import instead of running a second copy (utils/reader-loader.ts).
      const loading = import(/* @vite-ignore */ extensionUrl(READER_FILE));
      flags[READER_LOADING] = loading;
      // Its stylesheet at the same time, for the sidebar: fetched in parallel, not after the reader.
      const style = fetchReaderStyle(extensionUrl);
      flags[READER_STYLE] = style;
      for (const promise of [loading, style])
        promise.catch(() => {
          // The extension was reloaded or updated under the page: nothing to load the reader from.
        });
    },
    readerRuns: () => flags[READER_RUNS] === true || flags[READER_LOADING] !== undefined,
    createScheduler: (task) =>
      createIdleScheduler(task, {
        setTimeout: (handler, ms) => setTimeout(handler, ms),
        requestIdleCallback: typeof requestIdleCallback === 'function' ? (callback, options) => requestIdleCallback(callback, options) : undefined,
      }),
    watchUrl,
  });
});
