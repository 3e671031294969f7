// The scheduler under a provider that keeps answering HTTP 429 with GDELT's plain-text body and no
// Retry-After (what GDELT does when a reader's lookups come faster than one per 5 s, #7 fault matrix).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gdeltProvider } from '@/utils/providers/gdelt';
import { Scheduler, runProviders, type ProviderJob } from '@/utils/related/scheduler';
import { fixture } from '../providers/fixtures';

const T0 = Date.parse('2025-03-14T12:00:00Z');

/** Near and wide queries, as the context service sends them. */
const twoRequests: ProviderJob = { provider: gdeltProvider, requests: [{ url: 'https://api.gdeltproject.org/near' }, { url: 'https://api.gdeltproject.org/wide' }] };

function alwaysRateLimited() {
  const calls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    calls.push(String(input));
    return new Response(fixture('gdelt', 'rate-limit.txt'), { status: 429, headers: { 'content-type': 'text/plain' } });
  });
  return { scheduler: new Scheduler({ fetch: fetch as unknown as typeof globalThis.fetch, now: Date.now }), calls };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('runProviders with a provider that keeps answering 429', () => {
  it('says "rate-limited" while it retries, not "pending"', async () => {
    const { scheduler } = alwaysRateLimited();
    const seen: { state: string; at: number }[] = [];
    const done = runProviders(scheduler, [twoRequests], { onResult: (r) => seen.push({ state: r.state, at: Date.now() - T0 }) });
    await vi.advanceTimersByTimeAsync(0);
    // The first 429 arrived: the reader is told at once, before the 5 s back-off.
    expect(seen).toEqual([{ state: 'rate-limited', at: 0 }]);
    await vi.runAllTimersAsync();
    await done;
    expect(seen.every((s) => s.state === 'rate-limited')).toBe(true);
  });

  it('gives up on the job after the retries of its first request: the second request is never sent', async () => {
    const { scheduler, calls } = alwaysRateLimited();
    const done = runProviders(scheduler, [twoRequests]);
    await vi.runAllTimersAsync();
    const [result] = await done;
    expect(result).toMatchObject({ id: 'gdelt', state: 'rate-limited', message: 'HTTP 429, retry in 20 s' });
    // Three tries of the near query (0 s, 5 s, 15 s), none of the wide one.
    expect(calls).toEqual(['https://api.gdeltproject.org/near', 'https://api.gdeltproject.org/near', 'https://api.gdeltproject.org/near']);
    expect(Date.now() - T0).toBe(15_000);
  });
});
