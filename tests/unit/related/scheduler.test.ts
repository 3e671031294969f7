import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gdeltProvider } from '@/utils/providers/gdelt';
import { googleNewsProvider } from '@/utils/providers/google-news';
import { bingNewsProvider } from '@/utils/providers/bing-news';
import type { NewsProvider } from '@/utils/providers/types';
import { MAX_BODY_BYTES, Scheduler, parseRetryAfter, runProviders, type ProviderJob, type ProviderResult } from '@/utils/related/scheduler';
import { fixture } from '../providers/fixtures';

const T0 = Date.parse('2025-03-14T12:00:00Z');

const job = (provider: NewsProvider, n = 1): ProviderJob => ({
  provider,
  requests: Array.from({ length: n }, (_, i) => ({ url: `${provider.origin}/q${i}` })),
});

const bodies: Record<string, string> = {
  'news.google.com': fixture('google-news', 'search.xml'),
  'api.gdeltproject.org': fixture('gdelt', 'artlist.json'),
  'www.bing.com': fixture('bing-news', 'search.xml'),
};

type Handler = (url: URL, init: RequestInit) => Promise<Response> | Response;

/** A fetch that answers through `handler` and records calls; like the real one, it rejects when its signal aborts. */
function makeFetch(handler: Handler = (url) => new Response(bodies[url.hostname] ?? '')) {
  const calls: { url: URL; init: RequestInit; at: number }[] = [];
  const fetch = vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    calls.push({ url, init, at: Date.now() });
    return new Promise<Response>((resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal!.reason), { once: true });
      Promise.resolve(handler(url, init)).then(resolve, reject);
    });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const never = () => new Promise<Response>(() => {});

function setup(handler?: Handler) {
  const net = makeFetch(handler);
  const scheduler = new Scheduler({ fetch: net.fetch, now: Date.now });
  return { ...net, scheduler };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('runProviders', () => {
  it('asks providers in parallel and delivers each answer as it comes, then all in job order', async () => {
    const gate: Record<string, (r: Response) => void> = {};
    const { scheduler, calls } = setup((url) => new Promise((resolve) => (gate[url.hostname] = resolve)));
    const seen: string[] = [];
    const all = runProviders(scheduler, [job(googleNewsProvider), job(gdeltProvider), job(bingNewsProvider)], {
      onResult: (r) => seen.push(`${r.id}:${r.state}`),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.url.hostname)).toEqual(['news.google.com', 'api.gdeltproject.org', 'www.bing.com']);

    gate['www.bing.com']!(new Response(bodies['www.bing.com']));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['bing-news:ok']);
    gate['news.google.com']!(new Response(bodies['news.google.com']));
    gate['api.gdeltproject.org']!(new Response(bodies['api.gdeltproject.org']));
    const results = await all;
    expect(seen).toEqual(['bing-news:ok', 'google-news:ok', 'gdelt:ok']);
    expect(results.map((r) => [r.id, r.state])).toEqual([
      ['google-news', 'ok'],
      ['gdelt', 'ok'],
      ['bing-news', 'ok'],
    ]);
    expect(results[1]!.stories.length).toBe(3);
  });

  it('keeps the other providers when one fails with HTTP 500, and says which failed', async () => {
    const { scheduler } = setup((url) =>
      url.hostname === 'api.gdeltproject.org' ? new Response('<html><body>Internal error</body></html>', { status: 500 }) : new Response(bodies[url.hostname]),
    );
    const results = await runProviders(scheduler, [job(googleNewsProvider), job(gdeltProvider)]);
    expect(results[0]).toMatchObject({ id: 'google-news', state: 'ok' });
    expect(results[0]!.stories.length).toBeGreaterThan(0);
    expect(results[1]).toEqual({ id: 'gdelt', name: 'GDELT', state: 'error', stories: [], message: 'HTTP 500' });
  });

  it('reports a body not in the provider format (HTML error page, malformed JSON) as an error with the reason', async () => {
    const { scheduler } = setup((url) =>
      url.hostname === 'api.gdeltproject.org' ? new Response(fixture('gdelt', 'malformed.json')) : new Response(fixture('google-news', 'consent.html')),
    );
    const [google, gdelt] = await runProviders(scheduler, [job(googleNewsProvider), job(gdeltProvider)]);
    expect(google).toMatchObject({ state: 'error', message: expect.stringMatching(/^Google News: got an HTML page/) });
    expect(gdelt).toMatchObject({ state: 'error', message: expect.stringMatching(/^GDELT: malformed JSON/) });
  });

  it("reports GDELT's {} as empty", async () => {
    const { scheduler } = setup(() => new Response(fixture('gdelt', 'empty.json')));
    expect(await runProviders(scheduler, [job(gdeltProvider)])).toEqual([{ id: 'gdelt', name: 'GDELT', state: 'empty', stories: [] }]);
  });

  it('times out a provider that hangs, after 4 s by default, without holding back the others', async () => {
    const { scheduler } = setup((url) => (url.hostname === 'www.bing.com' ? never() : new Response(bodies[url.hostname])));
    const seen: ProviderResult[] = [];
    const all = runProviders(scheduler, [job(googleNewsProvider), job(bingNewsProvider)], { onResult: (r) => seen.push(r) });
    await vi.advanceTimersByTimeAsync(3_999);
    expect(seen.map((r) => r.id)).toEqual(['google-news']);
    await vi.advanceTimersByTimeAsync(1);
    const [, bing] = await all;
    expect(bing).toEqual({ id: 'bing-news', name: 'Bing News', state: 'offline', stories: [], message: 'timed out after 4 s' });
  });

  it('times out even when the fetch ignores its abort signal', async () => {
    const fetch = vi.fn(never) as unknown as typeof globalThis.fetch;
    const scheduler = new Scheduler({ fetch, now: Date.now });
    const all = runProviders(scheduler, [job(bingNewsProvider)], { timeoutMs: 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await all).toMatchObject([{ state: 'offline', message: 'timed out after 1 s' }]);
  });

  it('times out a body that never finishes arriving', async () => {
    const { scheduler } = setup(() => new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('<rss>')) })));
    const all = runProviders(scheduler, [job(bingNewsProvider)]);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(await all).toMatchObject([{ state: 'offline', message: 'timed out after 4 s' }]);
  });

  it('reports a network failure as offline', async () => {
    const { scheduler } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await runProviders(scheduler, [job(bingNewsProvider)])).toEqual([
      { id: 'bing-news', name: 'Bing News', state: 'offline', stories: [], message: 'network error: Failed to fetch' },
    ]);
  });

  it('stops at 2 MB: a 10 MB body is an error, read no further', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let pulled = 0;
    const { scheduler } = setup(
      () =>
        new Response(
          new ReadableStream({
            pull(c) {
              pulled++;
              if (pulled > 10) c.close();
              else c.enqueue(chunk);
            },
          }),
        ),
    );
    const [result] = await runProviders(scheduler, [job(bingNewsProvider)]);
    expect(result).toMatchObject({ state: 'error', message: 'response larger than 2 MB' });
    expect(pulled).toBeLessThanOrEqual(4);
  });

  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    const { scheduler } = setup(() => new Response('x'.repeat(10 * 1024 * 1024), { headers: { 'content-length': String(10 * 1024 * 1024) } }));
    expect(await runProviders(scheduler, [job(gdeltProvider)])).toMatchObject([{ state: 'error', message: 'response larger than 2 MB' }]);
    expect(MAX_BODY_BYTES).toBe(2 * 1024 * 1024);
  });

  it('aborts requests and waits when the caller aborts, with no answer delivered afterwards', async () => {
    const { scheduler, calls } = setup(() => never());
    const controller = new AbortController();
    const onResult = vi.fn();
    const all = runProviders(scheduler, [job(googleNewsProvider), job(gdeltProvider, 2)], { signal: controller.signal, onResult });
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toHaveLength(2);
    controller.abort();
    const results = await all;
    expect(results.map((r) => [r.id, r.state, r.message])).toEqual([
      ['google-news', 'offline', 'cancelled'],
      ['gdelt', 'offline', 'cancelled'],
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(2); // GDELT's second request was never made
    expect(onResult).not.toHaveBeenCalled();
    expect(calls.every((c) => c.init.signal?.aborted)).toBe(true);
  });

  it("asks a provider's requests one after another, reporting pending until the last", async () => {
    const { scheduler } = setup((url) => new Response(url.pathname === '/q0' ? fixture('gdelt', 'artlist.json') : fixture('gdelt', 'empty.json')));
    const seen: ProviderResult[] = [];
    const all = runProviders(scheduler, [job(gdeltProvider, 2)], { onResult: (r) => seen.push(r) });
    await vi.advanceTimersByTimeAsync(5_000);
    const [result] = await all;
    expect(seen.map((r) => r.state)).toEqual(['pending', 'ok']);
    expect(seen[0]!.stories).toHaveLength(3);
    expect(result).toMatchObject({ state: 'ok' });
    expect(result!.stories).toHaveLength(3);
  });

  it('sends no cookies and no referrer, and passes the headers the provider asks for', async () => {
    const { scheduler, calls } = setup(() => new Response('{}'));
    await runProviders(scheduler, [{ provider: gdeltProvider, requests: [{ url: 'https://api.gdeltproject.org/x', headers: { 'Api-User-Agent': 'Backstory/1' } }] }]);
    expect(calls[0]!.init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer', headers: { 'Api-User-Agent': 'Backstory/1' } });
  });
});

describe('rate limits', () => {
  it('keeps GDELT to one request per 5 s across lookups (tabs) sharing the scheduler', async () => {
    const { scheduler, calls } = setup();
    const tabA = runProviders(scheduler, [job(gdeltProvider)]);
    const tabB = runProviders(scheduler, [job(gdeltProvider)]);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBe(5_000);
    await Promise.all([tabA, tabB]);
  });

  // A reader who closes an article's tab while its GDELT request still waits for its turn: the
  // next article's request takes that turn instead of queueing behind a request never sent.
  it('gives the turn of a request cancelled while waiting to the next request', async () => {
    const { scheduler, calls } = setup();
    const first = runProviders(scheduler, [job(gdeltProvider)]);
    const closed = new AbortController();
    const cancelled = runProviders(scheduler, [job(gdeltProvider)], { signal: closed.signal });
    await vi.advanceTimersByTimeAsync(1_000);
    closed.abort(new DOMException('tab closed', 'AbortError'));
    await vi.advanceTimersByTimeAsync(0);
    const next = runProviders(scheduler, [job(gdeltProvider)]);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    // Still one request per 5 s: the cancelled one's turn, not an earlier one.
    expect(calls[1]!.at - calls[0]!.at).toBe(5_000);
    await expect(cancelled).resolves.toMatchObject([{ state: 'offline', message: 'cancelled' }]);
    await Promise.all([first, next]);
  });

  it('keeps the turns reserved after a cancelled one', async () => {
    const { scheduler, calls } = setup();
    const closed = new AbortController();
    const runs = [runProviders(scheduler, [job(gdeltProvider)])];
    const cancelled = runProviders(scheduler, [job(gdeltProvider)], { signal: closed.signal });
    runs.push(runProviders(scheduler, [job(gdeltProvider)]));
    await vi.advanceTimersByTimeAsync(1_000);
    closed.abort(new DOMException('tab closed', 'AbortError'));
    await vi.advanceTimersByTimeAsync(0);
    runs.push(runProviders(scheduler, [job(gdeltProvider)]));
    await vi.advanceTimersByTimeAsync(20_000);
    await cancelled;
    await Promise.all(runs);
    // The third asker had the turn at 10 s; the fourth queues after it (a turn in the middle is not reused).
    expect(calls.map((c) => c.at - T0)).toEqual([0, 10_000, 15_000]);
  });

  it('does not delay providers with their own, shorter interval', async () => {
    const { scheduler, calls } = setup();
    const all = runProviders(scheduler, [job(gdeltProvider, 2), job(bingNewsProvider, 2)]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls.map((c) => c.url.hostname).sort()).toEqual(['api.gdeltproject.org', 'www.bing.com', 'www.bing.com']);
    await vi.advanceTimersByTimeAsync(4_000);
    await all;
    expect(calls).toHaveLength(4);
  });

  it('backs off on HTTP 429 with a plain-text body for the Retry-After seconds, then retries', async () => {
    let n = 0;
    const { scheduler, calls } = setup(() =>
      n++ === 0 ? new Response(fixture('gdelt', 'rate-limit.txt'), { status: 429, headers: { 'retry-after': '7' } }) : new Response(bodies['api.gdeltproject.org']),
    );
    const all = runProviders(scheduler, [job(gdeltProvider)]);
    await vi.advanceTimersByTimeAsync(6_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect((await all)[0]).toMatchObject({ state: 'ok' });
  });

  it('honours a Retry-After date', async () => {
    let n = 0;
    const retryAt = new Date(T0 + 9_000).toUTCString();
    const { scheduler, calls } = setup(() =>
      n++ === 0 ? new Response('Too Many Requests', { status: 429, headers: { 'retry-after': retryAt } }) : new Response(bodies['www.bing.com']),
    );
    const all = runProviders(scheduler, [job(bingNewsProvider)]);
    await vi.advanceTimersByTimeAsync(8_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await all)[0]).toMatchObject({ state: 'ok' });
  });

  it('gives up after two retries and reports rate-limited with the retry time', async () => {
    const { scheduler, calls } = setup(() => new Response(fixture('gdelt', 'rate-limit.txt'), { status: 429, headers: { 'retry-after': '5' } }));
    const all = runProviders(scheduler, [job(gdeltProvider)]);
    await vi.advanceTimersByTimeAsync(20_000);
    const [result] = await all;
    expect(calls).toHaveLength(3);
    expect(result).toEqual({
      id: 'gdelt',
      name: 'GDELT',
      state: 'rate-limited',
      stories: [],
      message: 'HTTP 429, retry in 5 s',
      retryAt: calls[2]!.at + 5_000,
    });
  });

  it('does not wait out a long Retry-After: reports rate-limited at once, and sends nothing more until then', async () => {
    const { scheduler, calls } = setup((url) =>
      calls.length === 1 ? new Response('slow down', { status: 429, headers: { 'retry-after': '120' } }) : new Response(bodies[url.hostname]),
    );
    const [result] = await runProviders(scheduler, [job(gdeltProvider)]);
    expect(result).toMatchObject({ state: 'rate-limited', retryAt: T0 + 120_000, message: 'HTTP 429, retry in 120 s' });
    expect(calls).toHaveLength(1);
    // Another tab a minute later: still blocked, told when, nothing sent.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await runProviders(scheduler, [job(gdeltProvider)])).toMatchObject([{ state: 'rate-limited', retryAt: T0 + 120_000, message: 'busy, next turn in 60 s' }]);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await runProviders(scheduler, [job(gdeltProvider)])).toMatchObject([{ state: 'ok' }]);
    expect(calls).toHaveLength(2);
  });

  it('queues at most 20 s behind other tabs, then reports rate-limited instead of waiting', async () => {
    const { scheduler, calls } = setup();
    const tabs = Array.from({ length: 6 }, () => runProviders(scheduler, [job(gdeltProvider)]));
    await vi.advanceTimersByTimeAsync(20_000);
    const results = await Promise.all(tabs);
    expect(results.map(([r]) => r!.state)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'rate-limited']);
    expect(results[5]![0]).toMatchObject({ retryAt: T0 + 25_000, message: 'busy, next turn in 25 s' });
    expect(calls).toHaveLength(5);
  });

  it('backs off exponentially from the provider interval when 429 has no Retry-After', async () => {
    const { scheduler, calls } = setup(() => new Response('', { status: 429 }));
    const all = runProviders(scheduler, [job(bingNewsProvider)]);
    await vi.advanceTimersByTimeAsync(60_000);
    await all;
    expect(calls.map((c) => c.at - T0)).toEqual([0, 1_000, 3_000]);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, caps absurd values, and ignores junk', () => {
    expect(parseRetryAfter('5', T0)).toBe(5_000);
    expect(parseRetryAfter(' 0 ', T0)).toBe(0);
    expect(parseRetryAfter(new Date(T0 + 30_000).toUTCString(), T0)).toBe(30_000);
    expect(parseRetryAfter(new Date(T0 - 30_000).toUTCString(), T0)).toBe(0);
    expect(parseRetryAfter('99999999', T0)).toBe(3_600_000);
    expect(parseRetryAfter('soon', T0)).toBeNull();
    expect(parseRetryAfter('-5', T0)).toBeNull();
    expect(parseRetryAfter(null, T0)).toBeNull();
  });
});
