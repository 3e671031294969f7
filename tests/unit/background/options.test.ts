import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import type { MessageSender, Reply } from '@/utils/messaging';
import { feedStatusItem } from '@/utils/settings';
import { fixtureBody } from '../context/fixtures';

type CommandListener = (command: string) => Promise<void> | void;

async function deliver(message: unknown): Promise<Reply<unknown> | undefined> {
  let sendResponse!: (reply: Reply<unknown>) => void;
  const answered = new Promise<Reply<unknown>>((resolve) => (sendResponse = resolve));
  const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id } as MessageSender, sendResponse);
  return results.includes(true) ? answered : undefined;
}

describe('background wiring for the options page, first run and the keyboard command', () => {
  let onCommand: CommandListener | undefined;

  beforeEach(() => {
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Backstory', version: '0.1.0' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) =>
        new URL(String(input)).pathname === '/rss' ? new Response(fixtureBody('providers/feeds/rss2.xml')) : new Response('<!doctype html><html><body>Home</body></html>'),
      ),
    );
    onCommand = undefined;
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
      onCommand = listener as CommandListener;
    });
    background.main();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('opens the welcome page on install only', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(create).toHaveBeenCalledExactlyOnceWith({ url: expect.stringMatching(/\/options\.html\?welcome=1$/) });
  });

  it('validateFeed answers a feed’s item count and records it; a web page is refused with a reason', async () => {
    const ok = await deliver({ type: 'validateFeed', data: { url: 'https://feeds.example.org/rss' } });
    expect(ok).toMatchObject({ ok: true, data: { url: 'https://feeds.example.org/rss', format: 'rss' } });
    const items = (ok as { data: { items: number } }).data.items;
    expect(items).toBeGreaterThan(0);
    expect((await feedStatusItem.getValue())['https://feeds.example.org/rss']).toMatchObject({ state: 'ok', items });

    const refused = await deliver({ type: 'validateFeed', data: { url: 'https://www.example.org/' } });
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^Not a feed: this is a web page/) });
  });

  it('relays the toggle-sidebar command to the active tab’s content script', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: 12 }]) as never);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => ({ ok: true, data: { shown: true } })) as never);
    expect(onCommand).toBeDefined();
    await onCommand!('something-else');
    expect(send).not.toHaveBeenCalled();
    await onCommand!('toggle-sidebar');
    expect(send).toHaveBeenCalledExactlyOnceWith(12, { type: 'toggleSidebar', data: {} });
  });
});
