/** The reader's file in the build (WXT names a content script's bundle after its folder). */
export const READER_FILE = '/content-scripts/article.js';
/** The reader's stylesheet (the sidebar's shadow root's). */
export const READER_CSS_FILE = '/content-scripts/article.css';

/**
 * Fetches the reader's stylesheet, `getURL` being the extension's `runtime.getURL`: the detector does
 * it beside its import of the reader, the reader itself when the background loaded it.
 */
export function fetchReaderStyle(getURL: (path: string) => string): Promise<string> {
  return fetch(getURL(READER_CSS_FILE)).then((response) => response.text());
}

/**
 * The global (in the extension's isolated world of a page, never the page's own) that says the
 * reader runs in this page: the detector then stays quiet.
 */
export const READER_RUNS = '__backstoryReaderRuns';

/** The global that holds the detector's `import()` of the reader while it loads (the reader runs once it settles). */
export const READER_LOADING = '__backstoryReaderLoading';

/**
 * The global that holds the reader's stylesheet as the detector fetches it, beside its import of the
 * reader (a `Promise<string>`): the stylesheet is then there when the first article is shown.
 */
export const READER_STYLE = '__backstoryReaderStyle';
