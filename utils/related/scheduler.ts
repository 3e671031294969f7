/**
 * The scheduler: makes the HTTP requests providers build, and owns everything around them —
 * a timeout per request, abort when the caller gives up (the tab navigated or closed), a
 * minimum interval per provider shared by every lookup in the worker (GDELT: one request per
 * 5 s), back-off and retry on HTTP 429 (Retry-After honoured, capped), a cap on body size,
 * and a status per provider. One failing provider never empties the list: each reports its
 * own status, and results are delivered per provider as each answers.
 *
 * Pure apart from the injected `fetch` and clock; timers are `setTimeout` (fake timers in tests).
 */
import { ProviderFormatError, type NewsProvider, type ProviderRequest } from '../providers/types';
import type { ProviderState } from '../context/types';
import type { RelatedStory } from './types';

/** Default time a request may take, headers and body, ms. */
export const DEFAULT_TIMEOUT_MS = 4_000;
/** Largest response body read, bytes; a bigger one is an error, not a hang or an out-of-memory. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Retries after HTTP 429. */
export const MAX_RETRIES = 2;
/** Longest wait before a retry; a longer Retry-After is reported as rate-limited instead. */
export const MAX_RETRY_DELAY_MS = 15_000;
/** Longest wait for a provider's turn (other tabs ahead in its queue); beyond it the request is not queued. */
export const MAX_QUEUE_MS = 20_000;
/** Longest Retry-After believed at all (a bogus year-long value is cut to this). */
const MAX_BACKOFF_MS = 3_600_000;

/** What the scheduler needs from its environment. */
export interface SchedulerDeps {
  fetch: typeof fetch;
  /** Clock, epoch ms. */
  now: () => number;
}

/** One response, or why there is none. */
export type FetchOutcome =
  | { kind: 'response'; status: number; body: string }
  | { kind: 'rate-limited'; retryAt: number; message: string }
  | { kind: 'offline'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'aborted' };

/** Options for one request. */
export interface FetchOptions {
  /** Aborts the request (and any wait before it) when the caller gives up. */
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
  maxRetries?: number;
  maxRetryDelayMs?: number;
  /** Longest wait for the provider's turn before giving up as rate-limited (default 20 s). */
  maxQueueMs?: number;
  /** Told when a 429 answer will be retried, with the moment of the retry (so the UI can say "rate-limited, retrying"). */
  onRetry?: (retryAt: number) => void;
}

class BodyTooLargeError extends Error {}

/**
 * The moments each provider may next be called. One instance per worker, shared by all
 * lookups, so that two tabs together still keep GDELT to one request per 5 s.
 */
export class RateLimiter {
  private readonly next = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /**
   * Reserves the next slot for `key` and returns how long to wait for it, ms. When the wait
   * would be longer than `maxWaitMs`, reserves nothing and returns `{ busyUntil }` instead.
   */
  reserve(key: string, minIntervalMs: number, maxWaitMs = Number.POSITIVE_INFINITY): number | { busyUntil: number } {
    const now = this.now();
    const at = Math.max(now, this.next.get(key) ?? 0);
    if (at - now > maxWaitMs) return { busyUntil: at };
    this.next.set(key, at + minIntervalMs);
    return at - now;
  }

  /**
   * Gives back the latest slot of `key`, reserved by the caller just before (it ends at `end`, as
   * {@link reservedUntil} said then) and now not to be used: the lookup that waited for it was
   * cancelled (its tab closed). Only while no later slot was reserved: then the next caller gets it.
   */
  release(key: string, end: number, minIntervalMs: number): void {
    if (this.next.get(key) === end) this.next.set(key, end - minIntervalMs);
  }

  /** The end of the latest reserved slot (or block) of `key`, epoch ms; 0 when none. */
  reservedUntil(key: string): number {
    return this.next.get(key) ?? 0;
  }

  /** No request to `key` before `until` (after a 429). */
  blockUntil(key: string, until: number): void {
    this.next.set(key, Math.max(this.next.get(key) ?? 0, until));
  }

  /** Epoch ms before which `key` is blocked, or 0. */
  blockedUntil(key: string): number {
    const at = this.next.get(key) ?? 0;
    return at > this.now() ? at : 0;
  }
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Delay asked for by a Retry-After header (seconds or an HTTP date), ms; null when absent or
 * unreadable. Negative values and dates in the past give 0.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_BACKOFF_MS);
  // An HTTP date names its month ("Wed, 21 Oct 2015 07:28:00 GMT"); "-5" would parse as a year.
  const date = /[a-z]{3}/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (!Number.isFinite(date)) return null;
  return Math.min(Math.max(0, date - now), MAX_BACKOFF_MS);
}

/** A promise that rejects when `signal` aborts (never resolves); handled, so it never goes unhandled. */
function whenAborted(signal: AbortSignal): Promise<never> {
  const promise = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  promise.catch(() => {});
  return promise;
}

/** Reads at most `maxBytes` of a body as UTF-8 text; stops and cancels the stream when `aborted` rejects. */
async function readCapped(response: Response, maxBytes: number, aborted: Promise<never>): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw new BodyTooLargeError();
  }
  if (!response.body) {
    const text = await Promise.race([response.text(), aborted]);
    if (text.length > maxBytes) throw new BodyTooLargeError();
    return text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) throw new BodyTooLargeError();
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } catch (error) {
    void reader.cancel().catch(() => {});
    throw error;
  }
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Makes provider requests with timeouts, a shared rate limit, 429 back-off and a body cap. */
export class Scheduler {
  readonly limiter: RateLimiter;

  constructor(private readonly deps: SchedulerDeps, limiter?: RateLimiter) {
    this.limiter = limiter ?? new RateLimiter(deps.now);
  }

  /**
   * Fetches one request for rate-limit key `key` (a provider id). Never throws: every failure
   * is an outcome. Non-2xx responses other than 429 come back as `response` with their status
   * (Wikipedia's 404 carries a JSON body worth reading); the caller decides.
   */
  async fetch(key: string, request: ProviderRequest, minIntervalMs: number, options: FetchOptions = {}): Promise<FetchOutcome> {
    const { signal, timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = MAX_BODY_BYTES } = options;
    const maxRetries = options.maxRetries ?? MAX_RETRIES;
    const maxRetryDelayMs = options.maxRetryDelayMs ?? MAX_RETRY_DELAY_MS;
    const maxQueueMs = options.maxQueueMs ?? MAX_QUEUE_MS;
    for (let attempt = 0; ; attempt++) {
      // After a 429 the wait is the back-off the provider asked for, already checked against the cap.
      const wait = this.limiter.reserve(key, minIntervalMs, attempt === 0 ? maxQueueMs : Number.POSITIVE_INFINITY);
      if (typeof wait !== 'number') {
        return { kind: 'rate-limited', retryAt: wait.busyUntil, message: `busy, next turn in ${seconds(wait.busyUntil - this.deps.now())}` };
      }
      const end = this.limiter.reservedUntil(key);
      try {
        await sleep(wait, signal);
      } catch {
        // Cancelled while waiting for its turn: the turn goes to the next request.
        if (attempt === 0) this.limiter.release(key, end, minIntervalMs);
        return { kind: 'aborted' };
      }
      const outcome = await this.once(request, { signal, timeoutMs, maxBytes });
      if (outcome.kind !== 'retry') return outcome;
      const now = this.deps.now();
      const delay = outcome.delayMs ?? Math.max(minIntervalMs, 1000) * 2 ** attempt;
      this.limiter.blockUntil(key, now + delay);
      if (attempt >= maxRetries || delay > maxRetryDelayMs) {
        return { kind: 'rate-limited', retryAt: now + delay, message: `HTTP 429, retry in ${seconds(delay)}` };
      }
      options.onRetry?.(now + delay);
      // The next reserve() waits until the block ends.
    }
  }

  private async once(
    request: ProviderRequest,
    { signal, timeoutMs, maxBytes }: { signal?: AbortSignal; timeoutMs: number; maxBytes: number },
  ): Promise<FetchOutcome | { kind: 'retry'; delayMs: number | null }> {
    if (signal?.aborted) return { kind: 'aborted' };
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('timed out', 'TimeoutError'));
    }, timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    // Raced as well as passed: a fetch that ignores its signal still cannot hang the lookup.
    const aborted = whenAborted(controller.signal);
    try {
      const response = await Promise.race([
        this.deps.fetch(request.url, {
          headers: request.headers,
          signal: controller.signal,
          // No cookies and no referrer: a provider learns the query and nothing that identifies the reader.
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
        }),
        aborted,
      ]);
      if (response.status === 429) {
        void response.body?.cancel().catch(() => {});
        return { kind: 'retry', delayMs: parseRetryAfter(response.headers.get('retry-after'), this.deps.now()) };
      }
      const body = await readCapped(response, maxBytes, aborted);
      return { kind: 'response', status: response.status, body };
    } catch (error) {
      if (signal?.aborted) return { kind: 'aborted' };
      if (timedOut) return { kind: 'offline', message: `timed out after ${seconds(timeoutMs)}` };
      if (error instanceof BodyTooLargeError) return { kind: 'error', message: `response larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
      return { kind: 'offline', message: error instanceof Error && error.message ? `network error: ${error.message.slice(0, 100)}` : 'network error' };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** One provider's answer to a lookup (all its requests). */
export interface ProviderResult {
  id: string;
  name: string;
  /** `pending` while some of its requests are still out. */
  state: ProviderState;
  stories: RelatedStory[];
  message?: string;
  retryAt?: number;
}

/** One provider and the requests to make for it (e.g. near and wide windows), in order. */
export interface ProviderJob {
  provider: Pick<NewsProvider, 'id' | 'name' | 'minIntervalMs' | 'parseResponse'>;
  requests: ProviderRequest[];
}

/** Failure states, worst last: a provider's state is its best request's. */
const STATE_ORDER: ProviderState[] = ['ok', 'empty', 'rate-limited', 'error', 'offline'];

function mergeState(a: ProviderState | null, b: ProviderState): ProviderState {
  if (a === null) return b;
  return STATE_ORDER.indexOf(a) <= STATE_ORDER.indexOf(b) ? a : b;
}

/** Maps one outcome to a state and stories, parsing the body with the provider. */
function interpret(job: ProviderJob, outcome: FetchOutcome): Omit<ProviderResult, 'id' | 'name'> {
  switch (outcome.kind) {
    case 'aborted':
      return { state: 'offline', stories: [], message: 'cancelled' };
    case 'rate-limited':
      return { state: 'rate-limited', stories: [], message: outcome.message, retryAt: outcome.retryAt };
    case 'offline':
    case 'error':
      return { state: outcome.kind, stories: [], message: outcome.message };
    case 'response': {
      if (outcome.status < 200 || outcome.status > 299) return { state: 'error', stories: [], message: `HTTP ${outcome.status}` };
      try {
        const stories = job.provider.parseResponse(outcome.body);
        return { state: stories.length ? 'ok' : 'empty', stories };
      } catch (error) {
        const message = error instanceof ProviderFormatError ? error.message : 'unreadable response';
        return { state: 'error', stories: [], message: message.slice(0, 200) };
      }
    }
  }
}

/** Options for {@link runProviders}. */
export interface RunOptions extends FetchOptions {
  /** Called after each request with the provider's result so far (`pending` until its last request). */
  onResult?: (result: ProviderResult) => void;
}

/**
 * Runs every job in parallel (a job's own requests one after the other, so its rate limit
 * holds; a job that ends up rate-limited makes no further requests) and resolves with one result per job, in job order, once all have answered. Results
 * are also delivered through `onResult` as they come. Never rejects. After an abort no more
 * requests are made, `onResult` is not called again, and the remaining jobs come back as
 * `offline` "cancelled".
 */
export async function runProviders(scheduler: Scheduler, jobs: readonly ProviderJob[], options: RunOptions = {}): Promise<ProviderResult[]> {
  const { onResult, ...fetchOptions } = options;
  return Promise.all(
    jobs.map(async (job) => {
      const { id, name } = job.provider;
      let state: ProviderState | null = null;
      const stories: RelatedStory[] = [];
      let message: string | undefined;
      let retryAt: number | undefined;
      for (let i = 0; i < job.requests.length; i++) {
        // While a 429 is being retried the reader sees "rate-limited, retrying", not "searching…".
        const onRetry = (at: number) => {
          if (!options.signal?.aborted) onResult?.({ id, name, state: 'rate-limited', stories: [...stories], message: 'HTTP 429, retrying', retryAt: at });
        };
        const outcome = await scheduler.fetch(id, job.requests[i]!, job.provider.minIntervalMs, { ...fetchOptions, onRetry });
        const part = interpret(job, outcome);
        if (outcome.kind === 'aborted') return { id, name, state: 'offline', stories, message: part.message } satisfies ProviderResult;
        stories.push(...part.stories);
        const merged = mergeState(state, part.state);
        if (merged === part.state && part.message) message = part.message;
        if (part.retryAt) retryAt = part.retryAt;
        state = merged;
        // Rate-limited after its retries: the job's other requests would be too (GDELT: 50 s more of
        // "searching…", past the popup's patience), so the answer is final now.
        const last = i === job.requests.length - 1 || part.state === 'rate-limited';
        const result: ProviderResult = { id, name, state: last ? state : 'pending', stories: [...stories] };
        if (state !== 'ok' && state !== 'empty' && message) result.message = message;
        if (state === 'rate-limited' && retryAt) result.retryAt = retryAt;
        if (!options.signal?.aborted) onResult?.(result);
        if (last) return result;
      }
      const empty: ProviderResult = { id, name, state: 'empty', stories: [] };
      if (!options.signal?.aborted) onResult?.(empty);
      return empty;
    }),
  );
}
