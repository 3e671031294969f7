import { browser, type PublicPath } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readPage } from '@/utils/article/extract';
import { createMessageListener, sendMessage } from '@/utils/messaging';
import { createArticleController, isNewPage, pageTooLarge } from './controller';
import { createIdleScheduler } from './schedule';
import { lazySidebar } from './lazy-sidebar';
import { createSidebarGate } from './sidebar-mode';
import { getSettings, normaliseSite, updateSettings, watchSettings } from '@/utils/settings';
import { perfMark } from '@/utils/perf';
import { fetchReaderStyle, READER_RUNS, READER_STYLE } from './reader-flag';
import { SPA_SETTLE_MS } from '../detector/watch';
import './style.css';

/**
 * The reader: reads the article, reports it, shows the sidebar. Not in the manifest: the detector
 * (entrypoints/detector), which runs on every page, imports it into pages that may hold an article;
 * on other pages the popup and the keyboard command have the background load it (utils/reader-loader.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  // The sidebar's shadow root gets the stylesheet, fetched as soon as the reader runs (mount-sidebar.tsx).
  cssInjectionMode: 'manual',
  // A newer copy of this script (after an update) stops the old one by a DOM event; WXT's older
  // window.postMessage would also run every page's own message listeners, and tell them our id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    perfMark('cs:main:start');
    const flags = globalThis as Record<string, unknown>;
    flags[READER_RUNS] = true;
    ctx.onInvalidated(() => {
      flags[READER_RUNS] = false;
    });
    const hideOnSite = async () => {
      const { sidebarHiddenSites } = await getSettings();
      await updateSettings({ sidebarHiddenSites: [...sidebarHiddenSites, normaliseSite(location.hostname)] });
    };
    // The reader runs where the page is likely an article: what the sidebar needs is fetched at once,
    // while the page is read: the settings, and the stylesheet unless the detector fetched it already.
    const fetched = flags[READER_STYLE] as Promise<string> | undefined;
    // A failed fetch (the extension was reloaded under the page) leaves an unstyled sidebar that still
    // works. (WXT's list of paths leaves out stylesheets: hence the cast.)
    const css = (fetched ?? fetchReaderStyle((path) => browser.runtime.getURL(path as PublicPath))).catch(() => '');
    const target = lazySidebar(() =>
      import('./mount-sidebar').then(({ createSidebar }) => createSidebar(ctx, { css, onHideOnSite: () => void hideOnSite().catch(() => {}) })),
    );
    const sidebar = createSidebarGate(target, { url: () => location.href });
    // The sidebar follows the settings (mode, hidden sites), live: storage changes apply at once.
    const settingsRead = getSettings().then(sidebar.setSettings, () => {});
    ctx.onInvalidated(watchSettings((next) => sidebar.setSettings(next)));
    const controller = createArticleController({
      // The read's time (benchmark marks) counts from the budget check on.
      tooLarge: () => {
        perfMark('cs:read:start');
        return pageTooLarge(document);
      },
      read: () => {
        perfMark('cs:read:budget');
        try {
          // Unspaced scripts (Japanese, Chinese, Thai) get their words estimated here: segmenting them
          // would cost the page 10–30 ms of ICU setup; the background counts them for the history.
          return readPage(document, location.href, { segment: false });
        } finally {
          perfMark('cs:read:end');
        }
      },
      send: (article) => sendMessage('articleDetected', article),
      sidebar,
    });

    // The popup may ask before the first read: then read now. The keyboard command toggles the sidebar.
    const listener = createMessageListener({
      getArticle: () => controller.update(),
      toggleSidebar: async () => {
        // An article read just now has its settings on the way: toggle once they are here.
        if (controller.update()) await settingsRead;
        return { shown: sidebar.toggle() };
      },
    });
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));

    const hasIdle = typeof requestIdleCallback === 'function';
    const schedule = createIdleScheduler(() => controller.update(), {
      setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
      requestIdleCallback: hasIdle ? (callback, options) => ctx.requestIdleCallback(callback, options) : undefined,
    });
    // The detector loaded this at the page's idle moment (or the popup asked for it): read now, in a task of its own.
    ctx.setTimeout(() => controller.update(), 0);
    // A reader who leaves before the first read still read the page: read it on the way out.
    ctx.addEventListener(window, 'pagehide', () => controller.update());

    ctx.addEventListener(window, 'wxt:locationchange', ({ oldUrl, newUrl }) => {
      if (!isNewPage(oldUrl, newUrl)) return;
      controller.invalidate();
      schedule(SPA_SETTLE_MS);
    });
    perfMark('cs:main:end');
  },
});
