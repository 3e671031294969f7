/**
 * Node benchmarks that import extension modules (utils/db.ts keeps a storage notice in
 * `browser.storage.local`) need a `browser`: WXT's in-memory fake, installed before those modules load.
 * Import this first.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

const global = globalThis as { chrome?: unknown; browser?: unknown };
global.chrome ??= fakeBrowser;
global.browser ??= fakeBrowser;
