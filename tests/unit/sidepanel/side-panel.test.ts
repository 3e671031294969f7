import { describe, expect, it, vi } from 'vitest';
import { keepPopupOnActionClick, sidePanelOpener } from '@/utils/side-panel';

describe('sidePanelOpener', () => {
  it("Chrome: opens the panel for the given window; refuses without one", async () => {
    const open = vi.fn(async () => {});
    const opener = sidePanelOpener({ sidePanel: { open } })!;
    await opener(4);
    expect(open).toHaveBeenCalledWith({ windowId: 4 });
    await expect(opener(null)).rejects.toThrow(/no window/);
  });

  it("Firefox: opens the sidebar (sidebar_action), which needs no window", async () => {
    const open = vi.fn(async () => {});
    await sidePanelOpener({ sidebarAction: { open } })!(null);
    expect(open).toHaveBeenCalledOnce();
  });

  it('is null where the browser has neither (the popup then shows no button)', () => {
    expect(sidePanelOpener({})).toBeNull();
    expect(sidePanelOpener({ sidePanel: {} })).toBeNull();
  });
});

describe('keepPopupOnActionClick', () => {
  it('Chrome: the toolbar button keeps opening the popup; elsewhere nothing to do', async () => {
    const setPanelBehavior = vi.fn(async () => {});
    await keepPopupOnActionClick({ sidePanel: { setPanelBehavior } });
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: false });
    await expect(keepPopupOnActionClick({})).resolves.toBeUndefined();
  });
});
