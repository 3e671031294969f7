/**
 * Which tab the side panel describes: the active tab of its window, followed as the reader switches
 * tabs, navigates, or moves to another window. The browser APIs are passed in (tests give fakes).
 */

type Listener<T extends (...args: never[]) => void> = {
  addListener: (callback: T) => void;
  removeListener: (callback: T) => void;
};
type TabInfo = { id?: number };

export type TabsApi = {
  query: (query: { active: true; windowId?: number; lastFocusedWindow?: boolean }) => Promise<TabInfo[]>;
  /** The tab this page runs in; undefined in a real side panel. */
  getCurrent: () => Promise<TabInfo | undefined>;
  onActivated: Listener<(info: { tabId: number; windowId: number }) => void>;
  onUpdated: Listener<(tabId: number, change: { status?: string }) => void>;
};

export type WindowsApi = {
  getCurrent: () => Promise<{ id?: number }>;
  onFocusChanged: Listener<(windowId: number) => void>;
  WINDOW_ID_NONE?: number;
};

/** Told the tab to show: a new tab, or the same tab after it finished loading a page (null: none). */
export type OnTab = (tabId: number | null) => void;

/**
 * Calls `onTab` with the active tab now and whenever it changes or finishes loading a page; returns a
 * function that stops following. In a real side panel the panel's own window is followed. Opened as an
 * ordinary tab (`sidepanel.html`, as the tests do) it follows the last focused window and never
 * describes itself: when it is the active tab, the tab it showed before stays.
 */
export function followActiveTab({ tabs, windows }: { tabs: TabsApi; windows: WindowsApi }, onTab: OnTab): () => void {
  let isStopped = false;
  let current: number | null | undefined;
  let self: number | undefined;
  let windowId: number | undefined;
  // Whether this page is a tab (and which), or a real panel in a window: known before any event is handled.
  const ready = (async () => {
    self = (await tabs.getCurrent().catch(() => undefined))?.id;
    if (self === undefined) windowId = (await windows.getCurrent().catch(() => undefined))?.id;
  })();

  const show = (tabId: number | null, isReload = false) => {
    if (isStopped || (tabId === current && !isReload)) return;
    current = tabId;
    onTab(tabId);
  };

  const resolve = async () => {
    await ready;
    const query = windowId === undefined ? { active: true as const, lastFocusedWindow: true } : { active: true as const, windowId };
    const found = (await tabs.query(query).catch(() => [])).find((tab) => tab.id !== undefined && tab.id !== self);
    if (found?.id !== undefined) show(found.id);
    else if (current === undefined) show(null);
  };

  const onActivated = ({ tabId, windowId: from }: { tabId: number; windowId: number }) =>
    void ready.then(() => {
      if (tabId === self || (windowId !== undefined && from !== windowId)) return;
      show(tabId);
    });
  const onUpdated = (tabId: number, change: { status?: string }) => {
    if (tabId === current && change.status === 'complete') show(tabId, true);
  };
  const onFocusChanged = (focused: number) => {
    if (focused !== (windows.WINDOW_ID_NONE ?? -1)) void resolve();
  };

  tabs.onActivated.addListener(onActivated);
  tabs.onUpdated.addListener(onUpdated);
  windows.onFocusChanged.addListener(onFocusChanged);
  void resolve();

  return () => {
    isStopped = true;
    tabs.onActivated.removeListener(onActivated);
    tabs.onUpdated.removeListener(onUpdated);
    windows.onFocusChanged.removeListener(onFocusChanged);
  };
}
