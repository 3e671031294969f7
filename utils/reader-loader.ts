/**
 * Loads the reader (entrypoints/article.content) into a tab's page for the popup, the side panel and
 * the keyboard command, on pages where the detector did not (it ruled them out, or the page was open
 * before Backstory was installed). `scripting.executeScript` may run there thanks to `activeTab`
 * (the reader opened the popup or pressed the shortcut on that tab) or a host permission.
 *
 * Idempotent: a page where the reader runs already (the detector imported it) is left alone, since
 * a second copy would replace the first and lose its sidebar; two asks at once for one tab share one load.
 */
import { browser } from 'wxt/browser';
import { READER_FILE, READER_LOADING, READER_RUNS } from '@/entrypoints/article.content/reader-flag';
import { isExtensionPage, type Handlers } from './messaging';

/** What the loader needs from the browser; both run in the page's isolated world, top frame. */
export interface ReaderScripting {
  /** Whether the reader runs in the tab's page (once the detector's import of it, if any, settled). */
  isRunning(tabId: number): Promise<boolean>;
  /** Runs the reader's file in the tab's page. */
  inject(tabId: number): Promise<void>;
}

/** {@link ReaderScripting} with `browser.scripting` (Chrome MV3; Firefox since 102, in MV2 too). */
export const browserScripting: ReaderScripting = {
  async isRunning(tabId) {
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      func: async (runs: string, loading: string) => {
        const flags = globalThis as Record<string, unknown>;
        await Promise.resolve(flags[loading]).catch(() => {});
        return flags[runs] === true;
      },
      args: [READER_RUNS, READER_LOADING],
    });
    return first?.result === true;
  },
  async inject(tabId) {
    await browser.scripting.executeScript({ target: { tabId }, files: [READER_FILE] });
  },
};

export function createReaderLoader(scripting: ReaderScripting = browserScripting) {
  const loading = new Map<number, Promise<{ running: boolean }>>();
  /** Makes sure the reader runs in the tab's page; `running: false` where it may not (browser pages, the web store, no permission, a closed tab). */
  const load = (tabId: number): Promise<{ running: boolean }> => {
    const pending = loading.get(tabId);
    if (pending) return pending;
    const started = (async () => {
      if (await scripting.isRunning(tabId)) return { running: true };
      // The reader marks itself running first thing: once its file has run, it runs.
      await scripting.inject(tabId);
      return { running: true };
    })()
      .catch(() => ({ running: false }))
      .finally(() => loading.delete(tabId));
    loading.set(tabId, started);
    return started;
  };
  return {
    load,
    handlers: {
      loadReader: ({ tabId }, sender) => {
        // Extension pages only (the popup, the side panel, or either in a tab): a page's own content
        // script never picks a tab.
        if (!isExtensionPage(sender)) throw new Error('loadReader is for extension pages');
        return load(tabId);
      },
    } satisfies Handlers<'loadReader'>,
  };
}
