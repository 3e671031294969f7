// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { sendMessage, sendTabMessage } from '@/utils/messaging';
import { makeArticle, makeContext } from '../components/fixtures';

vi.mock('@/utils/messaging', (importOriginal) => import('../messaging-mock').then(({ messagingMock }) => messagingMock(importOriginal)));

const sendMessageMock = vi.mocked(sendMessage);
const sendTabMessageMock = vi.mocked(sendTabMessage);

const bridge = makeArticle();
const strike = makeArticle({ title: 'Rail staff to strike for three days', canonicalUrl: 'https://n.test/strike', url: 'https://n.test/strike' });

beforeEach(() => {
  // getContext answers a context; the lists (history, followed stories) are empty.
  sendMessageMock.mockImplementation((async (type: string) => (type === 'getContext' ? makeContext() : [])) as typeof sendMessage);
  // Tab 1 shows the bridge article, tab 2 the strike, tab 3 a page that is not an article.
  sendTabMessageMock.mockImplementation((async (tabId: number) => ({ 1: bridge, 2: strike })[tabId] ?? null) as typeof sendTabMessage);
  // Followed stories (another part of the popup) ask whether notifications are allowed.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => false) as never);
});
afterEach(cleanup);

/** A side panel's `followTab` the test drives: `show(id)` is the active tab changing (or loading a page). */
function follower() {
  let onTab: ((id: number | null) => void) | undefined;
  const stop = vi.fn();
  const followTab = (callback: (id: number | null) => void) => {
    onTab = callback;
    return stop;
  };
  return { followTab, stop, show: (id: number | null) => act(() => onTab?.(id)) };
}

describe('side panel (the popup App following the active tab)', () => {
  it("shows the active tab's article and switches when another tab becomes active", async () => {
    const f = follower();
    render(<App search="" followTab={f.followTab} />);
    await f.show(1);
    expect(await screen.findByRole('heading', { name: bridge.title })).toBeTruthy();
    await f.show(2);
    expect(await screen.findByRole('heading', { name: strike.title })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: bridge.title })).toBeNull();
    await f.show(3);
    expect(await screen.findByText('Not an article')).toBeTruthy();
    expect(sendTabMessageMock.mock.calls.map(([tabId]) => tabId)).toEqual([1, 2, 3]);
  });

  it('reads the tab again when it loaded another page, and the history again for the latest visit', async () => {
    const f = follower();
    const historyAsks = () => sendMessageMock.mock.calls.filter(([type]) => type === 'getHistory').length;
    render(<App search="" followTab={f.followTab} />);
    await f.show(1);
    await screen.findByRole('heading', { name: bridge.title });
    // The history is asked once the page is on screen (the hidden tab starts after that paint).
    await waitFor(() => expect(historyAsks()).toBe(1));
    sendTabMessageMock.mockResolvedValue(strike);
    await f.show(1);
    expect(await screen.findByRole('heading', { name: strike.title })).toBeTruthy();
    await waitFor(() => expect(historyAsks()).toBe(2));
  });

  it('asks again when a page that just loaded has no content script yet', async () => {
    let calls = 0;
    sendTabMessageMock.mockImplementation((async () => {
      if (++calls === 1) throw new Error('Receiving end does not exist.');
      return bridge;
    }) as typeof sendTabMessage);
    const f = follower();
    render(<App search="" followTab={f.followTab} />);
    await f.show(1);
    expect(await screen.findByRole('heading', { name: bridge.title }, { timeout: 3_000 })).toBeTruthy();
  });

  it('has no "Open in a tab" or "Open in side panel" of its own, and stops following when closed', async () => {
    const f = follower();
    const { unmount } = render(<App search="" followTab={f.followTab} />);
    await f.show(1);
    await screen.findByRole('heading', { name: bridge.title });
    expect(screen.queryByRole('link', { name: 'Open in a tab' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open in side panel' })).toBeNull();
    unmount();
    // Preact runs an unmounted component's effect cleanups a moment later.
    await vi.waitFor(() => expect(f.stop).toHaveBeenCalledOnce());
  });
});

describe('"Open in side panel" in the popup', () => {
  it("Chrome: opens the side panel for the popup's window from the click", async () => {
    const open = vi.spyOn(fakeBrowser.sidePanel, 'open').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockImplementation((async () => ({ id: 31 }) as Browser.windows.Window) as never);
    render(<App search="?tab=1" />);
    await screen.findByRole('heading', { name: bridge.title });
    const button = screen.getByRole('button', { name: 'Open in side panel' });
    await act(async () => {
      fireEvent.click(button);
    });
    expect(open).toHaveBeenCalledWith({ windowId: 31 });
  });

  it('is absent where the browser has no side panel', async () => {
    const panel = fakeBrowser.sidePanel;
    try {
      (fakeBrowser as { sidePanel?: unknown }).sidePanel = undefined;
      render(<App search="?tab=1" />);
      await screen.findByRole('heading', { name: bridge.title });
      expect(screen.queryByRole('button', { name: 'Open in side panel' })).toBeNull();
      expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();
    } finally {
      (fakeBrowser as { sidePanel?: unknown }).sidePanel = panel;
    }
  });
});
