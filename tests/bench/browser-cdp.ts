/**
 * Small DevTools-protocol helpers for the browser benchmarks: page main-thread metrics and the
 * service worker's heap (the worker has no `performance.memory`; it is reached through a page's
 * CDP session with Target.attachToTarget and Target.sendMessageToTarget).
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** Script time the renderer spent for `page` so far (ms), DevTools' `ScriptDuration`: script run in every world, not the compiling of a script before it runs. */
export async function scriptDurationMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN) * 1000;
}

/** Sends one protocol command to another target through `cdp` (non-flattened session) and waits for its answer. */
async function sendToTarget(cdp: CDPSession, sessionId: string, id: number, method: string, params: object = {}): Promise<Record<string, unknown>> {
  const answer = new Promise<Record<string, unknown>>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${method}: no answer from the worker`)), 30_000);
    const listener = (event: { sessionId?: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
      if (message.id !== id) return;
      clearTimeout(timer);
      cdp.off('Target.receivedMessageFromTarget', listener);
      if (message.error) fail(new Error(`${method}: ${message.error.message}`));
      else ok(message.result ?? {});
    };
    cdp.on('Target.receivedMessageFromTarget', listener);
  });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
  return answer;
}

/**
 * The extension service worker's JS heap after a full garbage collection, in bytes
 * (`Runtime.getHeapUsage` on the worker target). `helper` is any page of the context.
 */
export async function serviceWorkerHeap(context: BrowserContext, helper: Page, extensionId: string): Promise<{ used: number; total: number }> {
  const cdp = await context.newCDPSession(helper);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (!worker) throw new Error('no running service worker');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    await sendToTarget(cdp, sessionId, 1, 'HeapProfiler.collectGarbage');
    const usage = await sendToTarget(cdp, sessionId, 2, 'Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    return { used: Number(usage.usedSize), total: Number(usage.totalSize) };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** One event of a Chromium trace (Trace Event Format), the fields read here. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string } };
}

/**
 * Starts a trace of `cdp`'s renderer (task and script events only). `stop()` ends it and returns
 * the main-thread time (ms) of the tasks that ran an extension's script: every task holding a script
 * evaluation or a function call whose script is a `chrome-extension://` file, counted once. Unlike
 * `ScriptDuration` (which leaves out the compiling of a script before it runs), this counts the
 * whole task: creating the script's world, compiling, running, and the idle callbacks it asked for.
 */
export async function traceExtensionTasks(cdp: CDPSession): Promise<{ stop: () => Promise<number> }> {
  const events: TraceEvent[] = [];
  const collect = (event: { value: object[] }) => events.push(...(event.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  return {
    stop: async () => {
      const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);
      return extensionTaskMs(events);
    },
  };
}

/** See {@link traceExtensionTasks}: main-thread time of the renderer tasks that ran an extension's script. */
export function extensionTaskMs(events: readonly TraceEvent[]): number {
  const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread));
  const onMain = events.filter((e) => mainThreads.has(thread(e)) && e.ph === 'X' && e.dur !== undefined);
  const tasks = onMain.filter((e) => e.name.endsWith('RunTask'));
  const extensionCalls = onMain.filter(
    (e) => (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && e.args?.data?.url?.startsWith('chrome-extension://'),
  );
  const counted = new Set<TraceEvent>();
  for (const call of extensionCalls) {
    const task = tasks.find((t) => thread(t) === thread(call) && t.ts <= call.ts && call.ts <= t.ts + t.dur!);
    if (task) counted.add(task);
  }
  let ms = 0;
  for (const task of counted) ms += task.dur! / 1000;
  return ms;
}
