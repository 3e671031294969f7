// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POLL_DEADLINE_MS, POLL_INTERVAL_MS, useStoryContext, type ContextRequest, type StoryContextState } from '@/components/useStoryContext';
import type { StoryContext } from '@/utils/context/types';
import { sendMessage } from '@/utils/messaging';
import { makeArticle, makeContext } from '../components/fixtures';

vi.mock('@/utils/messaging', (importOriginal) => import('../messaging-mock').then(({ messagingMock }) => messagingMock(importOriginal)));
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

function Probe({
  request,
  ask,
  first,
  refresh,
}: {
  request: ContextRequest | null;
  ask?: (r: ContextRequest) => Promise<StoryContext>;
  first?: StoryContext | Promise<StoryContext>;
  refresh?: boolean;
}) {
  states.push(useStoryContext(request, { ...(ask && { ask }), first, refresh }));
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
  it('asks the background with getContext (article and tab id), then for each next version, until the context is complete', async () => {
    sendMessageMock
      .mockResolvedValueOnce(makeContext({ complete: false, version: 4 }))
      .mockResolvedValueOnce(makeContext({ complete: false, version: 9 }))
      .mockResolvedValue(makeContext({ version: 12 }));
    render(<Probe request={{ article, tabId: 7 }} />);
    expect(last()).toEqual({ status: 'loading' });
    await advance(0);
    expect(last()).toMatchObject({ status: 'ready', isFinal: false });
    expect(sendMessageMock).toHaveBeenCalledWith('getContext', { article, tabId: 7 });
    await advance(POLL_INTERVAL_MS);
    expect(sendMessageMock).toHaveBeenCalledTimes(2);
    expect(sendMessageMock).toHaveBeenLastCalledWith('getContext', { article, tabId: 7, after: 4 });
    await advance(POLL_INTERVAL_MS);
    expect(sendMessageMock).toHaveBeenCalledTimes(3);
    expect(sendMessageMock).toHaveBeenLastCalledWith('getContext', { article, tabId: 7, after: 9 });
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
    expect(sendMessageMock).toHaveBeenLastCalledWith('getContext', { article, after: 1 });
    unmount();
    await advance(POLL_INTERVAL_MS * 10);
    expect(sendMessageMock).toHaveBeenCalledTimes(asked);
  });

  // The background holds an ask with `after` until the next change: the next ask goes at once.
  it('asks again at once after an answer that was held for a change, at most once per interval after quick ones', async () => {
    let release!: (context: StoryContext) => void;
    sendMessageMock
      .mockResolvedValueOnce(makeContext({ complete: false, version: 1 }))
      .mockReturnValueOnce(new Promise((done) => (release = done)))
      .mockResolvedValue(makeContext({ complete: false, version: 3 }));
    render(<Probe request={{ article }} />);
    await advance(POLL_INTERVAL_MS);
    expect(sendMessageMock).toHaveBeenCalledTimes(2);
    await advance(POLL_INTERVAL_MS * 5); // held by the background
    expect(sendMessageMock).toHaveBeenCalledTimes(2);
    release(makeContext({ complete: false, version: 2 }));
    await advance(0);
    expect(last()).toMatchObject({ status: 'ready', context: { version: 3 } });
    expect(sendMessageMock).toHaveBeenCalledTimes(3);
    expect(sendMessageMock).toHaveBeenLastCalledWith('getContext', { article, after: 2 });
    // Answered at once: the next ask waits for the interval.
    await advance(POLL_INTERVAL_MS - 1);
    expect(sendMessageMock).toHaveBeenCalledTimes(3);
    await advance(1);
    expect(sendMessageMock).toHaveBeenCalledTimes(4);
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

  // The popup asks for the context as soon as it has the article, before painting it.
  it('shows a first answer given with the article at once, then polls on from it', async () => {
    const partial = makeContext({ complete: false });
    sendMessageMock.mockResolvedValue(makeContext());
    render(<Probe request={{ article, tabId: 7 }} first={partial} />);
    expect(states).toEqual([{ status: 'ready', context: partial, isFinal: false }]);
    expect(sendMessageMock).not.toHaveBeenCalled();
    await advance(0);
    // The next ask is for what comes after the answer shown.
    expect(sendMessageMock).toHaveBeenCalledExactlyOnceWith('getContext', { article, tabId: 7, after: partial.version });
    expect(last()).toMatchObject({ status: 'ready', isFinal: true, context: { complete: true } });
  });

  it('awaits a first ask still pending instead of asking again; its failure is the error', async () => {
    let answer!: (context: StoryContext) => void;
    render(<Probe request={{ article }} first={new Promise<StoryContext>((done) => (answer = done))} />);
    expect(last()).toEqual({ status: 'loading' });
    await advance(POLL_INTERVAL_MS);
    expect(sendMessageMock).not.toHaveBeenCalled();
    const complete = makeContext();
    answer(complete);
    await advance(0);
    expect(last()).toEqual({ status: 'ready', context: complete, isFinal: true });
    await advance(POLL_INTERVAL_MS * 3);
    expect(sendMessageMock).not.toHaveBeenCalled();
    cleanup();

    render(<Probe request={{ article }} first={Promise.reject(new Error('worker gone'))} />);
    await advance(0);
    expect(last()).toEqual({ status: 'error', message: 'worker gone' });
    expect(sendMessageMock).not.toHaveBeenCalled();
  });

  it('uses a first answer for its own article only: a new article is asked for', async () => {
    const ask = vi.fn(async (request: ContextRequest) => makeContext({ canonicalUrl: request.article.canonicalUrl }));
    const first = makeContext();
    const { rerender } = render(<Probe request={{ article }} ask={ask} first={first} />);
    await advance(0);
    const next = makeArticle({ canonicalUrl: 'https://n.test/next' });
    rerender(<Probe request={{ article: next }} ask={ask} first={first} />);
    await advance(0);
    expect(ask.mock.calls.map(([r]) => r.article.canonicalUrl)).toEqual(['https://n.test/next']);
    expect(last()).toMatchObject({ status: 'ready', context: { canonicalUrl: 'https://n.test/next' } });
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

  describe("refresh: a complete first context that may be out of date (the popup's snapshot)", () => {
    const snapshot = makeContext({ version: 40 });
    const restarted = (version: number) => makeContext({ version, complete: false, related: { sameStory: [], background: [] } });

    it('stays on screen, not final, while the background works, and gives way only to a complete answer', async () => {
      const fresh = makeContext({ version: 3, updatedAt: Date.UTC(2025, 10, 29) });
      sendMessageMock.mockResolvedValueOnce(restarted(1)).mockResolvedValueOnce(restarted(2)).mockResolvedValue(fresh);
      render(<Probe request={{ article }} first={snapshot} refresh />);
      expect(last()).toEqual({ status: 'ready', context: snapshot, isFinal: false });
      await advance(0);
      // The background's own versions are followed from its first answer, not the snapshot's.
      expect(sendMessageMock).toHaveBeenCalledWith('getContext', { article });
      expect(last()).toEqual({ status: 'ready', context: snapshot, isFinal: false });
      await advance(POLL_INTERVAL_MS);
      expect(sendMessageMock).toHaveBeenLastCalledWith('getContext', { article, after: 1 });
      expect(last()).toEqual({ status: 'ready', context: snapshot, isFinal: false });
      await advance(POLL_INTERVAL_MS);
      expect(last()).toEqual({ status: 'ready', context: fresh, isFinal: true });
      // No state in between showed the restarted lookup's empty results.
      expect(states.some((s) => s.status !== 'ready' || s.context.related.sameStory.length === 0)).toBe(false);
    });

    it('stays, final, when no complete answer comes by the deadline or the background fails', async () => {
      sendMessageMock.mockResolvedValue(restarted(1));
      render(<Probe request={{ article }} first={snapshot} refresh />);
      await advance(POLL_DEADLINE_MS + POLL_INTERVAL_MS * 2);
      expect(last()).toEqual({ status: 'ready', context: snapshot, isFinal: true });
      cleanup();

      sendMessageMock.mockReset();
      sendMessageMock.mockResolvedValueOnce(restarted(1)).mockRejectedValue(new Error('worker gone'));
      render(<Probe request={{ article }} first={snapshot} refresh />);
      await advance(POLL_INTERVAL_MS * 3);
      expect(last()).toEqual({ status: 'ready', context: snapshot, isFinal: true });
    });
  });
});
