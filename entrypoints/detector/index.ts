/**
 * The content script on every http(s) page (listed in the manifest by wxt.config.ts). Most pages are
 * not articles, so it is kept tiny: no webextension-polyfill, no WXT content-script context, no UI.
 * It runs the quick check (utils/article/quick-check.ts) at an idle moment and, when the page may be
 * an article, loads the reader (entrypoints/article.content) into the page: `import()` of the
 * reader's file, which runs in this same isolated world, never in the page's own. The popup and the
 * keyboard command ask for the reader on other pages (`loadReader`).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { quickCheck } from '@/utils/article/quick-check';
import { perfMark } from '@/utils/perf';
import { createIdleScheduler } from '../article.content/schedule';
import { READER_FILE, READER_RUNS } from '../article.content/reader-flag';
import { loadReaderListener, startDetector } from './watch';

/** The extension API the detector uses, from the browser itself (`browser` in Firefox, `chrome` in Chrome). */
interface RuntimeApi {
  runtime: {
    getURL: (path: string) => string;
    onMessage: {
      addListener: (listener: (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => true | undefined) => void;
    };
  };
}

/** Calls `listener` when the address changes within the document (History API, fragment). */
function watchUrl(listener: (oldUrl: string, newUrl: string) => void): void {
  let last = location.href;
  const changed = () => {
    const now = location.href;
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
  const api = (globalThis as { browser?: RuntimeApi }).browser ?? (globalThis as { chrome?: RuntimeApi }).chrome;
  if (!api?.runtime) return;
  // The module is evaluated once however often it is imported: the reader cannot run twice.
  let reader: Promise<unknown> | null = null;
  const loadReader = () => (reader ??= import(/* @vite-ignore */ api.runtime.getURL(READER_FILE)));
  api.runtime.onMessage.addListener(loadReaderListener(loadReader));
  startDetector({
    mayBeArticle: () => {
      perfMark('cs:check:start');
      try {
        return quickCheck(document, location.href).possible;
      } finally {
        perfMark('cs:check:end');
      }
    },
    loadReader: () => {
      loadReader().catch(() => {
        // The extension was reloaded or updated under the page: nothing to load the reader from.
      });
    },
    readerRuns: () => (globalThis as Record<string, unknown>)[READER_RUNS] === true,
    createScheduler: (task) =>
      createIdleScheduler(task, {
        setTimeout: (handler, ms) => setTimeout(handler, ms),
        requestIdleCallback: typeof requestIdleCallback === 'function' ? (callback, options) => requestIdleCallback(callback, options) : undefined,
      }),
    watchUrl,
  });
});
