/** The reader's file in the build (WXT names a content script's bundle after its folder). */
export const READER_FILE = '/content-scripts/article.js';

/**
 * The global (in the extension's isolated world of a page, never the page's own) that says the
 * reader runs in this page: the detector then stays quiet.
 */
export const READER_RUNS = '__backstoryReaderRuns';

/** The global that holds the detector's `import()` of the reader while it loads (the reader runs once it settles). */
export const READER_LOADING = '__backstoryReaderLoading';
