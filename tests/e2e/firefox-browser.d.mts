import type { Browser, Page } from 'puppeteer-core';
import type { StoredArticle } from './browser.mjs';

export function firefoxPath(): string;
export function missingFirefoxMessage(path?: string): string;
export const EXTENSION_UUID: string;

export interface FirefoxTab {
  id: number;
  /** null when the extension may not see the tab's URL. */
  url: string | null;
  active: boolean;
}

export interface FirefoxWithExtension {
  browser: Browser;
  extensionUrl(path: string): string;
  gotoExtensionPage(page: Page, path: string): Promise<Page>;
  tabs(): Promise<FirefoxTab[]>;
  tabIdFor(page: Page): Promise<number>;
  readArticles(): Promise<StoredArticle[]>;
  close(): Promise<void>;
}

export function launchFirefoxWithExtension(options: { extensionDir: string; headless?: boolean }): Promise<FirefoxWithExtension>;
