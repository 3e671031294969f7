// The non-article figure's measure (tests/bench/browser-cdp.ts extensionTaskMs): the main-thread
// time of the renderer tasks that ran an extension's script, read from a Chromium trace. The events
// below have the shapes and names Chromium 156 writes for a page load with the detector (categories
// toplevel and devtools.timeline; timestamps and durations in microseconds), cut down to the ones
// that matter: the page's own script, the content script's evaluation with its compiling, an idle
// callback it asked for, and work on other threads.
import { describe, expect, it } from 'vitest';
import { extensionTaskMs } from '../../bench/browser-cdp';

const RENDERER = 4711;
const MAIN = 1;
const COMPOSITOR = 2;
const EXTENSION = 'chrome-extension://kclhmmjgdeofflfnlilhigbefpdljbpn/detector.js';

const thread = (tid: number, name: string) => ({ name: 'thread_name', ph: 'M', pid: RENDERER, tid, ts: 0, args: { name } });
const task = (ts: number, dur: number, tid = MAIN) => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', pid: RENDERER, tid, ts, dur, args: {} });
const call = (name: string, ts: number, dur: number, url: string, tid = MAIN) => ({ name, ph: 'X', pid: RENDERER, tid, ts, dur, args: { data: { url } } });

describe('extensionTaskMs', () => {
  it('counts each task that ran the extension script once, compiling included, and nothing of the page or other threads', () => {
    const events = [
      thread(MAIN, 'CrRendererMain'),
      thread(COMPOSITOR, 'Compositor'),
      // The page's own script: not counted.
      task(1_000, 2_000),
      call('EvaluateScript', 1_010, 1_900, 'http://127.0.0.1:4000/app.js'),
      // The content script at document_idle: its task holds the compiling (v8.compile, before the
      // run) and the evaluation; 4.2 ms in all.
      task(10_000, 4_200),
      { name: 'v8.compile', ph: 'X', pid: RENDERER, tid: MAIN, ts: 10_020, dur: 700, args: { data: { url: EXTENSION } } },
      call('EvaluateScript', 10_010, 4_150, EXTENSION),
      call('FunctionCall', 10_900, 300, EXTENSION),
      // An idle callback it asked for: a task of its own, 0.5 ms.
      task(20_000, 500),
      call('FunctionCall', 20_010, 480, EXTENSION),
      // The same script named on another thread (no such work is on the main thread's clock).
      task(10_000, 9_000, COMPOSITOR),
      call('FunctionCall', 10_100, 8_000, EXTENSION, COMPOSITOR),
      // An instant event naming the script: not a call.
      { name: 'EvaluateScript', ph: 'I', pid: RENDERER, tid: MAIN, ts: 30_000, args: { data: { url: EXTENSION } } },
    ];
    expect(extensionTaskMs(events)).toBeCloseTo(4.7, 6);
  });

  it('is zero for a load whose extension script never ran, and for a trace without the renderer main thread', () => {
    const pageOnly = [thread(MAIN, 'CrRendererMain'), task(1_000, 2_000), call('EvaluateScript', 1_010, 1_900, 'http://127.0.0.1:4000/app.js')];
    expect(extensionTaskMs(pageOnly)).toBe(0);
    const noMainThread = [task(10_000, 4_200), call('EvaluateScript', 10_010, 4_150, EXTENSION)];
    expect(extensionTaskMs(noMainThread)).toBe(0);
  });
});
