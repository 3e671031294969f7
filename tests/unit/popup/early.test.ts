import { describe, expect, it, vi } from 'vitest';
import { leaveEarlyRead, startEarlyRead, takeEarlyRead, type EarlyApi } from '@/entrypoints/popup/early';
import { snapshotKey } from '@/utils/context/snapshot-key';

/** The browser's own `chrome`/`browser` object as the early script sees it (no polyfill). */
function fakeApi(stored: Record<string, unknown>, activeTab: number | null = 5) {
  return {
    tabs: { query: vi.fn(async () => (activeTab === null ? [] : [{ id: activeTab }])) },
    storage: { session: { get: vi.fn(async (key: string) => (key in stored ? { [key]: stored[key] } : {})) } },
  } satisfies EarlyApi;
}

describe("the popup's early read (started before its main code loads)", () => {
  it('reads the snapshot of the tab named by ?tab= without looking up the active tab', async () => {
    const api = fakeApi({ [snapshotKey(42)]: 'the snapshot', [snapshotKey(5)]: 'another tab' });
    const read = startEarlyRead('?tab=42', api);
    expect(await read.tabId).toBe(42);
    expect(await read.stored).toBe('the snapshot');
    expect(api.tabs.query).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(read.settled).toEqual({ tabId: 42, stored: 'the snapshot' }));
  });

  it("reads the active tab's snapshot without ?tab=, and nothing when there is no tab or no storage.session", async () => {
    const api = fakeApi({ [snapshotKey(5)]: 'active' });
    expect(await startEarlyRead('', api).stored).toBe('active');
    expect(api.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });

    const none = startEarlyRead('', fakeApi({}, null));
    expect(await none.tabId).toBeNull();
    expect(await none.stored).toBeUndefined();
    // Firefox before 115: no storage.session. Failing APIs: no answer, no rejection.
    expect(await startEarlyRead('?tab=1', { tabs: api.tabs }).stored).toBeUndefined();
    const failing: EarlyApi = { tabs: { query: async () => Promise.reject(new Error('no window')) }, storage: { session: { get: async () => Promise.reject(new Error('gone')) } } };
    const failed = startEarlyRead('', failing);
    expect(await failed.tabId).toBeNull();
    expect(await startEarlyRead('?tab=3', failing).stored).toBeUndefined();
  });

  it('is taken once by the page it was started for', () => {
    const page = {};
    const read = startEarlyRead('?tab=42', fakeApi({}));
    leaveEarlyRead(read, page);
    expect(takeEarlyRead('?tab=7', page)).toBeUndefined();
    leaveEarlyRead(read, page);
    expect(takeEarlyRead('?tab=42', page)).toBe(read);
    expect(takeEarlyRead('?tab=42', page)).toBeUndefined();
    // Anything else under the name (a page script cannot reach the popup, but still): ignored.
    leaveEarlyRead({ search: '?tab=42' } as never, page);
    expect(takeEarlyRead('?tab=42', page)).toBeUndefined();
  });
});
