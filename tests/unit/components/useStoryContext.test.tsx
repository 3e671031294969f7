// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POLL_DEADLINE_MS, POLL_INTERVAL_MS, useStoryContext, type ContextRequest, type StoryContextState } from '@/components/useStoryContext';
import type { StoryContext } from '@/utils/context/types';
import { sendMessage } from '@/utils/messaging';
import { makeArticle, makeContext } from '../components/fixtures';

vi.mock('@/utils/messaging', () => ({ sendMessage: vi.fn(), sendTabMessage: vi.fn() }));
const sendMessageMock = vi.mocked(sendMessage);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const article = makeArticle();
let states: StoryContextState[] = [];

function Probe({ request, ask }: { request: ContextRequest | null; ask?: (r: ContextRequest) => Promise<StoryContext> }) {
  states.push(useStoryContext(request, ask ? { ask } : undefined));
  return null;
}

const last = () => states.at(-1)!;
/** Lets pending promises settle, then moves the fake clock. */
const advance = async (ms: number) => {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
};

beforeEach(() => {
  states = [];
});

describe('useStoryContext', () => {
  it('asks the background with getContext (article and tab id) and polls until the context is complete', async () => {
    const partial = makeContext({ complete: false });
    sendMessageMock.mockResolvedValueOnce(partial).mockResolvedValueOnce(partial).mockResolvedValue(makeContext());
    render(<Probe request={{ article, tabId: 7 }} />);
    expect(last()).toEqual({ status: 'loading' });
    await advance(0);
    expect(last()).toMatchObject({ status: 'ready', isFinal: false });
    expect(sendMessageMock).toHaveBeenCalledWith('getContext', { article, tabId: 7 });
    await advance(POLL_INTERVAL_MS);
    expect(sendMessageMock).toHaveBeenCalledTimes(2);
    await advance(POLL_INTERVAL_MS);
    expect(sendMessageMock).toHaveBeenCalledTimes(3);
    expect(last()).toMatchObject({ status: 'ready', isFinal: true, context: { complete: true } });
    await advance(POLL_INTERVAL_MS * 10);
    expect(sendMessageMock).toHaveBeenCalledTimes(3);
  });

  it('stops polling on unmount', async () => {
    sendMessageMock.mockResolvedValue(makeContext({ complete: false }));
    const { unmount } = render(<Probe request={{ article }} />);
    await advance(POLL_INTERVAL_MS * 3);
    const asked = sendMessageMock.mock.calls.length;
    expect(asked).toBeGreaterThanOrEqual(3);
    expect(sendMessageMock).toHaveBeenLastCalledWith('getContext', { article });
    unmount();
    await advance(POLL_INTERVAL_MS * 10);
    expect(sendMessageMock).toHaveBeenCalledTimes(asked);
  });

  it('gives up after the deadline and keeps what arrived', async () => {
    sendMessageMock.mockResolvedValue(makeContext({ complete: false }));
    render(<Probe request={{ article }} />);
    await advance(POLL_DEADLINE_MS + POLL_INTERVAL_MS * 2);
    const asked = sendMessageMock.mock.calls.length;
    expect(last()).toMatchObject({ status: 'ready', isFinal: true });
    await advance(POLL_INTERVAL_MS * 10);
    expect(sendMessageMock).toHaveBeenCalledTimes(asked);
  });

  it('a failed first ask is an error; a failed later ask keeps the context and stops', async () => {
    sendMessageMock.mockRejectedValueOnce(new Error('no answer to getContext'));
    render(<Probe request={{ article }} />);
    await advance(0);
    expect(last()).toEqual({ status: 'error', message: 'no answer to getContext' });
    cleanup();

    const partial = makeContext({ complete: false });
    sendMessageMock.mockReset().mockResolvedValueOnce(partial).mockRejectedValueOnce(new Error('worker gone'));
    render(<Probe request={{ article }} />);
    await advance(POLL_INTERVAL_MS * 5);
    expect(sendMessageMock).toHaveBeenCalledTimes(2);
    expect(last()).toEqual({ status: 'ready', context: partial, isFinal: true });
  });

  it('asks nothing without an article, and starts over for a new article', async () => {
    const ask = vi.fn(async (request: ContextRequest) => makeContext({ canonicalUrl: request.article.canonicalUrl }));
    const { rerender } = render(<Probe request={null} ask={ask} />);
    await advance(POLL_INTERVAL_MS);
    expect(last()).toEqual({ status: 'idle' });
    expect(ask).not.toHaveBeenCalled();
    rerender(<Probe request={{ article }} ask={ask} />);
    await advance(0);
    const next = makeArticle({ canonicalUrl: 'https://n.test/next' });
    rerender(<Probe request={{ article: next }} ask={ask} />);
    await advance(0);
    expect(ask.mock.calls.map(([r]) => r.article.canonicalUrl)).toEqual([article.canonicalUrl, 'https://n.test/next']);
    expect(last()).toMatchObject({ status: 'ready', context: { canonicalUrl: 'https://n.test/next' } });
  });
});
