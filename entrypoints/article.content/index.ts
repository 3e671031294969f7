import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readPage } from '@/utils/article/extract';
import { createMessageListener, sendMessage } from '@/utils/messaging';
import { createArticleController, isNewPage } from './controller';
import { createIdleScheduler } from './schedule';
import { createSidebar } from './mount-sidebar';
import './style.css';

/** Single-page sites change the URL before they render the new article: give them this long. */
const SPA_SETTLE_MS = 1_000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    const controller = createArticleController({
      read: () => readPage(document, location.href),
      send: (article) => sendMessage('articleDetected', article),
      sidebar: createSidebar(ctx),
    });

    // The popup may ask before the idle read: then read now.
    const listener = createMessageListener({ getArticle: () => controller.update() });
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
  },
});
