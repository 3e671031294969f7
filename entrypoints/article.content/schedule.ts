/** The timers the scheduler uses: the content script passes `ctx`, whose timers stop when the script is invalidated. */
export type SchedulerTimers = {
  setTimeout: (handler: () => void, ms: number) => unknown;
  /** Absent where the browser has none (Safari): the task then runs right after the delay. */
  requestIdleCallback?: (callback: () => void, options: { timeout: number }) => unknown;
};

/** Longest wait for an idle moment before the task runs anyway. */
export const IDLE_TIMEOUT_MS = 2_000;

/**
 * Returns `schedule(delayMs)`: runs `task` after the delay, at the next idle moment.
 * Only the latest schedule runs: a page that navigates twice in a row is read once, at its final URL.
 */
export function createIdleScheduler(task: () => void, timers: SchedulerTimers): (delayMs: number) => void {
  let generation = 0;
  return (delayMs) => {
    const mine = ++generation;
    const runIfLatest = () => {
      if (mine === generation) task();
    };
    timers.setTimeout(() => {
      if (timers.requestIdleCallback) timers.requestIdleCallback(runIfLatest, { timeout: IDLE_TIMEOUT_MS });
      else runIfLatest();
    }, delayMs);
  };
}
