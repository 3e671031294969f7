/**
 * Performance marks for the benchmark suite (`npm run bench:browser`, tests/bench/browser.ts).
 * Only a build made with `BACKSTORY_PERF=1` records them: a normal build compiles `perfMark` to
 * nothing, so news pages never see Backstory's marks in their performance timeline.
 */
declare const __BACKSTORY_PERF__: boolean | undefined;

/** Whether this build records performance marks. */
export const PERF_MARKS: boolean = typeof __BACKSTORY_PERF__ === 'boolean' && __BACKSTORY_PERF__;

/** Records `backstory:<name>` in the current document's (or worker's) performance timeline. */
export function perfMark(name: string): void {
  if (PERF_MARKS) performance.mark(`backstory:${name}`);
}

/** Runs `work` between the marks `<name>:start` and `<name>:end` (the end is marked when it fails too). */
export async function withPerfMarks<T>(name: string, work: () => Promise<T>): Promise<T> {
  perfMark(`${name}:start`);
  try {
    return await work();
  } finally {
    perfMark(`${name}:end`);
  }
}
