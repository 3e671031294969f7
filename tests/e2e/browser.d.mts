import type { BrowserContext, Page, Worker } from 'playwright-core';

export const EXTENSION_DIR: string;
export function chromePath(): string;
export function missingChromeMessage(path?: string): string;

/** One `articles` record as the tests need it (the full shape is HistoryEntry). */
export interface StoredArticle {
  canonicalUrl: string;
  url: string;
  title: string;
  visits: number[];
  [field: string]: unknown;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  extensionUrl(path: string): string;
  tabIdFor(page: Page): Promise<number>;
  readArticles(): Promise<StoredArticle[]>;
  close(): Promise<void>;
}

/** Every record of every store of every IndexedDB database of the extension, read in `worker`. */
export function readDatabases(worker: Worker): Promise<Record<string, { version: number; stores: Record<string, unknown[]> }>>;

/** Chromium's id for an unpacked extension loaded from `dir`. */
export function unpackedExtensionId(dir: string): string;

export function launchWithExtension(options?: {
  headless?: boolean;
  /** Allow the extension in incognito windows (profile Preferences written before launch). */
  incognito?: boolean;
  /** More Chromium switches, e.g. `['--lang=de']` (German UI strings). */
  args?: string[];
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
}): Promise<ExtensionBrowser>;
