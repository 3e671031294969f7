/**
 * The detector's logic, apart from the browser: on every page it runs the quick check at an idle
 * moment, and again after an in-page navigation, until the page may hold an article; then it asks
 * the background to load the reader (the full content script) into the page. Once the reader runs,
 * the detector stays quiet: the reader follows the page itself.
 */
import { isNewPage } from '../article.content/controller';

export interface DetectorDeps {
  /** The quick check on the current page (utils/article/quick-check.ts). */
  mayBeArticle: () => boolean;
  /** Asks the background to load the reader into this page. */
  loadReader: () => void;
  /** Whether the reader already runs in this page. */
  readerRuns: () => boolean;
  /** `schedule(ms)`: the check after that delay, at an idle moment (the latest schedule wins). */
  createScheduler: (task: () => void) => (delayMs: number) => void;
  /** Calls `listener(oldUrl, newUrl)` when the page's address changes without a new document. */
  watchUrl: (listener: (oldUrl: string, newUrl: string) => void) => void;
}

/** Single-page sites change the URL before they render the new article: give them this long. */
export const SPA_SETTLE_MS = 1_000;

/**
 * Starts the detector: a first check at once (the script runs when the page's document is idle), so
 * that the reader is up before a reader who leaves quickly has left (the reader reads on the way
 * out), and one at an idle moment after every in-page navigation.
 */
export function startDetector(deps: DetectorDeps): void {
  let asked = false;
  const check = () => {
    if (asked || deps.readerRuns()) return;
    if (!deps.mayBeArticle()) return;
    asked = true;
    deps.loadReader();
  };
  const schedule = deps.createScheduler(check);
  check();
  deps.watchUrl((oldUrl, newUrl) => {
    if (!asked && isNewPage(oldUrl, newUrl)) schedule(SPA_SETTLE_MS);
  });
}

