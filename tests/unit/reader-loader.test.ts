import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createReaderLoader, type ReaderScripting } from '@/utils/reader-loader';
import type { MessageSender } from '@/utils/messaging';

/** A fake page per tab: `running` says whether the reader runs in it; `denied` tabs refuse scripts (browser pages). */
function fakeScripting({ running = new Set<number>(), denied = new Set<number>() } = {}) {
  const scripting = {
    isRunning: vi.fn(async (tabId: number) => {
      if (denied.has(tabId)) throw new Error('Cannot access contents of the page');
      return running.has(tabId);
    }),
    inject: vi.fn(async (tabId: number) => {
      await Promise.resolve();
      running.add(tabId);
    }),
  } satisfies ReaderScripting;
  return { scripting, running };
}

const popup: MessageSender = { url: browser.runtime.getURL('/popup.html') };

describe('createReaderLoader', () => {
  it('loads the reader into a page without it', async () => {
    const { scripting, running } = fakeScripting();
    await expect(createReaderLoader(scripting).load(3)).resolves.toEqual({ running: true });
    expect(scripting.inject).toHaveBeenCalledWith(3);
    expect(running.has(3)).toBe(true);
  });

  it('leaves a page alone where the reader runs already (a second copy would replace the first)', async () => {
    const { scripting } = fakeScripting({ running: new Set([3]) });
    await expect(createReaderLoader(scripting).load(3)).resolves.toEqual({ running: true });
    expect(scripting.inject).not.toHaveBeenCalled();
  });

  it('loads once when the popup and the keyboard command ask at the same moment', async () => {
    const { scripting } = fakeScripting();
    const loader = createReaderLoader(scripting);
    await Promise.all([loader.load(3), loader.load(3), loader.load(4)]);
    expect(scripting.inject.mock.calls).toEqual([[3], [4]]);
  });

  it('answers running: false where scripts may not run (browser pages, no permission)', async () => {
    const { scripting } = fakeScripting({ denied: new Set([9]) });
    await expect(createReaderLoader(scripting).load(9)).resolves.toEqual({ running: false });
  });

  it('is asked by extension pages only (in a tab too), never by a page', async () => {
    const { scripting } = fakeScripting();
    const { handlers } = createReaderLoader(scripting);
    await expect(handlers.loadReader({ tabId: 5 }, popup)).resolves.toEqual({ running: true });
    // The popup opened in a tab (as the e2e tests open it) has a tab of its own: still an extension page.
    const popupInTab: MessageSender = { ...popup, tab: { id: 2 } as MessageSender['tab'] };
    await expect(handlers.loadReader({ tabId: 7 }, popupInTab)).resolves.toEqual({ running: true });
    const contentScript: MessageSender = { url: 'https://news.example/story', tab: { id: 1 } as MessageSender['tab'] };
    expect(() => handlers.loadReader({ tabId: 6 }, contentScript)).toThrow('loadReader is for extension pages');
    // A page whose address merely contains the extension's: not one of its pages.
    const lookalike: MessageSender = { url: `https://evil.example/?next=${browser.runtime.getURL('/popup.html')}`, tab: { id: 1 } as MessageSender['tab'] };
    expect(() => handlers.loadReader({ tabId: 6 }, lookalike)).toThrow('loadReader is for extension pages');
    expect(() => handlers.loadReader({ tabId: 6 }, {})).toThrow('loadReader is for extension pages');
    expect(scripting.inject.mock.calls).toEqual([[5], [7]]);
  });
});
