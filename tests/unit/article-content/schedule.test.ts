import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleScheduler, IDLE_TIMEOUT_MS } from '@/entrypoints/article.content/schedule';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const timers = (withIdle: boolean) => {
  const idle = vi.fn((callback: () => void, _options: { timeout: number }) => setTimeout(callback, 50));
  return {
    idle,
    timers: {
      setTimeout: (handler: () => void, ms: number) => setTimeout(handler, ms),
      requestIdleCallback: withIdle ? idle : undefined,
    },
  };
};

describe('createIdleScheduler', () => {
  it('runs the task after the delay, at an idle moment', () => {
    const task = vi.fn();
    const { timers: t, idle } = timers(true);
    createIdleScheduler(task, t)(100);
    vi.advanceTimersByTime(100);
    expect(idle).toHaveBeenCalledWith(expect.any(Function), { timeout: IDLE_TIMEOUT_MS });
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(task).toHaveBeenCalledOnce();
  });

  it('runs right after the delay where there is no requestIdleCallback', () => {
    const task = vi.fn();
    createIdleScheduler(task, timers(false).timers)(0);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledOnce();
  });

  it('runs only the latest of overlapping schedules', () => {
    const task = vi.fn();
    const schedule = createIdleScheduler(task, timers(true).timers);
    schedule(1000);
    vi.advanceTimersByTime(500);
    schedule(1000);
    vi.advanceTimersByTime(5000);
    expect(task).toHaveBeenCalledOnce();
  });
});
