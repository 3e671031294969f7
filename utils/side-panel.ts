import { browser } from 'wxt/browser';

/**
 * The browser's side panel, where there is one: Chrome's `sidePanel` (MV3, "sidePanel" permission)
 * or Firefox's `sidebarAction` (the manifest's `sidebar_action`). Neither is in the polyfill's types.
 */
type ChromeSidePanel = {
  open: (options: { windowId: number }) => Promise<void>;
  setPanelBehavior: (behavior: { openPanelOnActionClick: boolean }) => Promise<void>;
};
type FirefoxSidebarAction = { open: () => Promise<void> };

type PanelApis = { sidePanel?: Partial<ChromeSidePanel>; sidebarAction?: Partial<FirefoxSidebarAction> };

const apis = (from: unknown = browser): PanelApis => (from ?? {}) as PanelApis;

/**
 * A function that opens the side panel for a window, or null where the browser has none (the popup then
 * shows no button). Call it straight from the click handler: both browsers open a panel only on a user
 * gesture, which an `await` before the call would lose.
 */
export function sidePanelOpener(from?: unknown): ((windowId: number | null) => Promise<void>) | null {
  const { sidePanel, sidebarAction } = apis(from);
  if (typeof sidePanel?.open === 'function') {
    const open = sidePanel.open.bind(sidePanel);
    return async (windowId) => {
      if (windowId === null) throw new Error('no window to open the side panel in');
      await open({ windowId });
    };
  }
  if (typeof sidebarAction?.open === 'function') {
    const open = sidebarAction.open.bind(sidebarAction);
    return () => open();
  }
  return null;
}

/** Chrome: the toolbar button keeps opening the popup (the side panel opens from the popup's button). */
export async function keepPopupOnActionClick(from?: unknown): Promise<void> {
  const { sidePanel } = apis(from);
  if (typeof sidePanel?.setPanelBehavior === 'function') await sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
}
