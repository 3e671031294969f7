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

export function launchWithExtension(options?: {
  headless?: boolean;
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
}): Promise<ExtensionBrowser>;
