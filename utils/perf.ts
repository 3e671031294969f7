/**
 * Performance marks for the benchmark suite (`npm run bench:browser`, tests/bench/browser.ts).
 * Only a build made with `BACKSTORY_PERF=1` records them: a normal build compiles `perfMark` to
 * nothing, so news pages never see Backstory's marks in their performance timeline.
 */
import { afterNextPaint } from './after-paint';

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

/** Marks `name` once what was just rendered is on screen ({@link afterNextPaint}: call it right after the DOM changed). */
export function perfMarkAfterPaint(name: string): void {
  if (PERF_MARKS) afterNextPaint(() => perfMark(name));
}

/**
 * Times the first paint of the text of the element `find` returns (the Element Timing API: an
 * `element` performance entry named `backstory:<name>` with its render time), and marks `name` after
 * the next paint as well ({@link perfMarkAfterPaint}: where the API is missing, or the element sits in
 * a shadow root). Call it right after the element was rendered (a layout effect), before it is
 * painted. `find` runs in benchmark builds only: a normal build looks nothing up.
 */
export function perfTimePaint(name: string, find: () => Element | null | undefined): void {
  if (!PERF_MARKS) return;
  find()?.setAttribute('elementtiming', `backstory:${name}`);
  perfMarkAfterPaint(name);
}
