import type { Locator, Page } from 'playwright-core';

export class PopupPage {
  constructor(page: Page);
  readonly page: Page;
  readonly tablist: Locator;
  readonly thisPageTab: Locator;
  readonly historyTab: Locator;
  readonly historyList: Locator;
  readonly historyItems: Locator;
  readonly readNotArticle: Locator;
  readonly context: Locator;
  readonly summary: Locator;
  readonly names: Locator;
  readonly sameStory: Locator;
  readonly sameStoryItems: Locator;
  readonly background: Locator;
  readonly timeline: Locator;
  readonly timelineItems: Locator;
  readonly source: Locator;
  readonly sources: Locator;
  contextSettled(timeout?: number): Promise<void>;
  chip(name: string): Locator;
  explainer(name: string): Locator;
  scrollTo(locator: Locator): Promise<void>;
  static open(page: Page, extensionUrl: (path: string) => string, tabId?: number): Promise<PopupPage>;
  articleHeading(title: string): Locator;
  historyItem(title: string): Locator;
  screenshot(options: { path: string }): Promise<Buffer>;
  showThisPage(): Promise<void>;
  showHistory(): Promise<void>;
}

export class SidebarPage {
  constructor(page: Page);
  readonly page: Page;
  readonly host: Locator;
  readonly toggle: Locator;
  readonly panel: Locator;
  readonly sameStoryItems: Locator;
  count(): Promise<number>;
  title(title: string): Locator;
  expand(): Promise<void>;
}
