import { describe, expect, it, vi } from 'vitest';
import { checkFeed, parseFeedUrl } from '@/utils/context/feed-check';
import { Scheduler } from '@/utils/related/scheduler';
import { fixture } from '../providers/fixtures';

/** A scheduler whose fetch answers from `route` and records what was asked. */
function schedulerFor(route: (url: URL) => Response | Promise<Response>) {
  const requested: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    requested.push(String(input));
    return route(new URL(String(input)));
  }) as unknown as typeof globalThis.fetch;
  return { requested, scheduler: new Scheduler({ fetch, now: Date.now }) };
}

describe('checkFeed', () => {
  it.each([
    ['RSS 2.0', 'rss2.xml', 'rss'],
    ['Atom 1.0', 'atom.xml', 'atom'],
    ['JSON Feed', 'jsonfeed.json', 'json-feed'],
  ] as const)('accepts a valid %s feed with its title and item count', async (_name, file, format) => {
    const { scheduler, requested } = schedulerFor(() => new Response(fixture('feeds', file)));
    const result = await checkFeed('  https://news.example/feed  ', { scheduler });
    expect(result).toMatchObject({ url: 'https://news.example/feed', format });
    expect(result.title.length).toBeGreaterThan(0);
    expect(result.items).toBeGreaterThan(0);
    expect(requested).toEqual(['https://news.example/feed']);
  });

  it('rejects a web page that is not a feed, saying so', async () => {
    const { scheduler } = schedulerFor(() => new Response(fixture('feeds', 'not-a-feed.html')));
    await expect(checkFeed('https://news.example/', { scheduler })).rejects.toThrow(/^Not a feed: this is a web page, not a feed/);
  });

  it('rejects malformed XML: cut short, or not XML at all', async () => {
    const { scheduler } = schedulerFor((url) =>
      url.pathname === '/cut'
        ? new Response('<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>Half')
        : new Response('just some text, no markup'),
    );
    await expect(checkFeed('https://news.example/cut', { scheduler })).rejects.toThrow(/^Not a feed: it has no items/);
    await expect(checkFeed('https://other.example/text', { scheduler })).rejects.toThrow(/^Not a feed: not XML/);
  });

  it('rejects an address that answers 404', async () => {
    const { scheduler } = schedulerFor(() => new Response('Not found', { status: 404 }));
    await expect(checkFeed('https://news.example/missing', { scheduler })).rejects.toThrow(
      'news.example answered HTTP 404: there is no feed at this address.',
    );
  });

  it('rejects a host that cannot be reached', async () => {
    const { scheduler } = schedulerFor(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(checkFeed('https://down.example/rss', { scheduler })).rejects.toThrow(/^Could not reach down\.example/);
  });

  it('rejects addresses that are not http(s) without fetching anything', async () => {
    const { scheduler, requested } = schedulerFor(() => new Response(fixture('feeds', 'rss2.xml')));
    await expect(checkFeed('javascript:alert(1)', { scheduler })).rejects.toThrow('Only http:// and https:// feed addresses can be added.');
    await expect(checkFeed('feeds example org', { scheduler })).rejects.toThrow(/not a web address/);
    expect(requested).toEqual([]);
    expect(parseFeedUrl('HTTPS://Feeds.Example.org/rss')).toBe('https://feeds.example.org/rss');
  });
});
