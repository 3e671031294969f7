import { describe, expect, it, vi } from 'vitest';
import { followActiveTab, type TabsApi, type WindowsApi } from '@/entrypoints/sidepanel/follow-tab';

/** An event the test fires by hand. */
function event<T extends (...args: never[]) => void>() {
  const listeners = new Set<T>();
  return {
    addListener: (callback: T) => void listeners.add(callback),
    removeListener: (callback: T) => void listeners.delete(callback),
    fire: (...args: Parameters<T>) => listeners.forEach((callback) => callback(...args)),
    get size() {
      return listeners.size;
    },
  };
}

/**
 * A browser with two windows (1 and 2). `self` is the tab the page runs in: undefined for a real side
 * panel (which lives in window 1), a tab id when `sidepanel.html` is opened as a tab (as the e2e tests do).
 */
function fakeBrowser({ self, active = { 1: 10, 2: 20 } as Record<number, number>, lastFocused = 1 }: { self?: number; active?: Record<number, number>; lastFocused?: number } = {}) {
  const state = { active: { ...active }, lastFocused };
  const onActivated = event<(info: { tabId: number; windowId: number }) => void>();
  const onUpdated = event<(tabId: number, change: { status?: string }) => void>();
  const onFocusChanged = event<(windowId: number) => void>();
  const tabs: TabsApi = {
    query: vi.fn(async (q: { windowId?: number; lastFocusedWindow?: boolean }) => {
      const id = state.active[q.windowId ?? state.lastFocused];
      return id === undefined ? [] : [{ id }];
    }),
    getCurrent: async () => (self === undefined ? undefined : { id: self }),
    onActivated,
    onUpdated,
  };
  const windows: WindowsApi = { getCurrent: async () => ({ id: 1 }), onFocusChanged, WINDOW_ID_NONE: -1 };
  const activate = (windowId: number, tabId: number) => {
    state.active[windowId] = tabId;
    onActivated.fire({ tabId, windowId });
  };
  return { apis: { tabs, windows }, state, activate, onUpdated, onFocusChanged, onActivated };
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('followActiveTab', () => {
  it("a real side panel shows its window's active tab, then each tab the reader switches to there", async () => {
    const b = fakeBrowser();
    const seen: (number | null)[] = [];
    followActiveTab(b.apis, (id) => seen.push(id));
    await settle();
    expect(seen).toEqual([10]);
    b.activate(1, 11);
    await settle();
    // Another window's switch is that window's business (its own panel follows it).
    b.activate(2, 21);
    await settle();
    expect(seen).toEqual([10, 11]);
    expect(b.apis.tabs.query).toHaveBeenCalledWith({ active: true, windowId: 1 });
  });

  it('shows the same tab again when it finishes loading a page, not on other updates or for other tabs', async () => {
    const b = fakeBrowser();
    const seen: (number | null)[] = [];
    followActiveTab(b.apis, (id) => seen.push(id));
    await settle();
    b.onUpdated.fire(10, { status: 'loading' });
    b.onUpdated.fire(12, { status: 'complete' });
    b.onUpdated.fire(10, { status: 'complete' });
    expect(seen).toEqual([10, 10]);
  });

  it('opened as a tab, follows the last focused window and never shows itself', async () => {
    const b = fakeBrowser({ self: 99, active: { 1: 99, 2: 20 }, lastFocused: 1 });
    const seen: (number | null)[] = [];
    followActiveTab(b.apis, (id) => seen.push(id));
    await settle();
    // It is the active tab itself: nothing to describe yet.
    expect(seen).toEqual([null]);
    b.activate(1, 10);
    await settle();
    b.activate(1, 99);
    await settle();
    expect(seen).toEqual([null, 10]);
    // The reader moves to window 2: its active tab is shown.
    b.state.lastFocused = 2;
    b.onFocusChanged.fire(2);
    await settle();
    // Focus leaving the browser changes nothing.
    b.onFocusChanged.fire(-1);
    await settle();
    expect(seen).toEqual([null, 10, 20]);
  });

  it('stops: no more calls, listeners removed', async () => {
    const b = fakeBrowser();
    const seen: (number | null)[] = [];
    const stop = followActiveTab(b.apis, (id) => seen.push(id));
    await settle();
    stop();
    b.activate(1, 11);
    b.onUpdated.fire(10, { status: 'complete' });
    await settle();
    expect(seen).toEqual([10]);
    expect([b.onActivated.size, b.onUpdated.size, b.onFocusChanged.size]).toEqual([0, 0, 0]);
  });

  it('tells null when the window has no active tab it can see', async () => {
    const b = fakeBrowser({ active: {} });
    const seen: (number | null)[] = [];
    followActiveTab(b.apis, (id) => seen.push(id));
    await settle();
    expect(seen).toEqual([null]);
  });
});
