// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAfterPaint } from '@/entrypoints/popup/lazy';

// The frames are driven by hand: a callback list stands in for the browser's next animation frame.
let frames: FrameRequestCallback[] = [];
beforeEach(() => {
  frames = [];
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames[id - 1] = () => {};
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function nextFrame() {
  const due = frames;
  frames = [];
  act(() => due.forEach((callback) => callback(0)));
}

function Probe({ ready }: { ready: boolean }) {
  return <p>{useAfterPaint(ready) ? 'after paint' : 'before'}</p>;
}

describe('useAfterPaint (the popup starts its hidden tabs once This page is on screen)', () => {
  it('stays false while not ready, however many frames pass', () => {
    const { container } = render(<Probe ready={false} />);
    nextFrame();
    act(() => void vi.runAllTimers());
    expect(container.textContent).toBe('before');
  });

  it('turns true only in a task after the frame that follows readiness', () => {
    const { container, rerender } = render(<Probe ready={false} />);
    rerender(<Probe ready />);
    act(() => void vi.runAllTimers()); // no frame yet: still before
    expect(container.textContent).toBe('before');
    nextFrame(); // the frame is painted; the task queued in it runs after
    expect(container.textContent).toBe('before');
    act(() => void vi.runAllTimers());
    expect(container.textContent).toBe('after paint');
  });

  it('stays true when readiness goes away again (what was started stays started)', () => {
    const { container, rerender } = render(<Probe ready />);
    nextFrame();
    act(() => void vi.runAllTimers());
    rerender(<Probe ready={false} />);
    expect(container.textContent).toBe('after paint');
  });

  it('cancels its frame when unmounted before it', () => {
    const { unmount } = render(<Probe ready />);
    unmount();
    nextFrame();
    expect(vi.getTimerCount()).toBe(0); // no task queued: nothing set on an unmounted component
  });
});
