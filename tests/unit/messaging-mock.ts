/**
 * `vi.mock('@/utils/messaging', …)` for extension pages' tests: `sendMessage` and `sendTabMessage` are
 * mocks, and `sendReaderMessage` is the real fallback (load the reader, ask again) over the mocked
 * `sendTabMessage`, so that a test sees every message a page sends to a tab.
 */
import { vi } from 'vitest';

export async function messagingMock(importOriginal: () => Promise<typeof import('@/utils/messaging')>) {
  const { loadReaderThen } = await importOriginal();
  const sendTabMessage = vi.fn();
  return { sendMessage: vi.fn(), sendTabMessage, sendReaderMessage: loadReaderThen(sendTabMessage) };
}
