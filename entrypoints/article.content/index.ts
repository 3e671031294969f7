import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readPage } from '@/utils/article/extract';
import { createMessageListener, sendMessage } from '@/utils/messaging';
import { createArticleController, isNewPage } from './controller';
import { createIdleScheduler } from './schedule';
import { lazySidebar } from './lazy-sidebar';
import { createSidebarGate } from './sidebar-mode';
import { getSettings, normaliseSite, updateSettings, watchSettings } from '@/utils/settings';
import { perfMark } from '@/utils/perf';
import { READER_RUNS } from './reader-flag';
import { SPA_SETTLE_MS } from '../detector/watch';
import './style.css';

/**
 * The reader: reads the article, reports it, shows the sidebar. Not in the manifest: the detector
 * (entrypoints/detector), which runs on every page, imports it into pages that may hold an article;
 * on other pages the popup and the keyboard command have the background load it (utils/reader-loader.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'ui',
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
    // The sidebar follows the settings (mode, hidden sites), live: storage changes apply at once.
    // Read and watched from the first article on: most pages are not articles and never need them.
    const target = lazySidebar(() =>
      import('./mount-sidebar').then(({ createSidebar }) => createSidebar(ctx, { onHideOnSite: () => void hideOnSite().catch(() => {}) })),
    );
    const sidebar = createSidebarGate(target, { url: () => location.href });
    let settingsRead: Promise<void> | null = null;
    const followSettings = () => {
      if (settingsRead) return settingsRead;
      settingsRead = getSettings().then(sidebar.setSettings, () => {});
      ctx.onInvalidated(watchSettings((next) => sidebar.setSettings(next)));
      return settingsRead;
    };
    const controller = createArticleController({
      read: () => {
        perfMark('cs:read:start');
        try {
          return readPage(document, location.href);
        } finally {
          perfMark('cs:read:end');
        }
      },
      send: (article) => sendMessage('articleDetected', article),
      sidebar: {
        show: (article) => {
          void followSettings();
          sidebar.show(article);
        },
        hide: sidebar.hide,
      },
    });

    // The popup may ask before the idle read: then read now. The keyboard command toggles the sidebar.
    const listener = createMessageListener({
      getArticle: () => controller.update(),
      toggleSidebar: async () => {
        // An article read just now has its settings on the way: toggle once they are here.
        if (controller.update()) await followSettings();
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
    schedule(0);
    // A reader who leaves before the idle moment still read the page: read it on the way out.
    ctx.addEventListener(window, 'pagehide', () => controller.update());

    ctx.addEventListener(window, 'wxt:locationchange', ({ oldUrl, newUrl }) => {
      if (!isNewPage(oldUrl, newUrl)) return;
      controller.invalidate();
      schedule(SPA_SETTLE_MS);
    });
    perfMark('cs:main:end');
  },
});
