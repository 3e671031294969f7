// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { sendMessage, sendTabMessage } from '@/utils/messaging';

vi.mock('@/utils/messaging', (importOriginal) => import('../messaging-mock').then(({ messagingMock }) => messagingMock(importOriginal)));
afterEach(cleanup);

describe('popup Settings button', () => {
  it('opens the options page', async () => {
    vi.mocked(sendMessage).mockResolvedValue([] as never);
    vi.mocked(sendTabMessage).mockResolvedValue(null);
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockImplementation((async () => {}) as never);
    render(<App search="?tab=3" />);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(open).toHaveBeenCalledOnce();
  });
});
