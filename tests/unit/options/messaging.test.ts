import { describe, expect, it, vi } from 'vitest';
import { createMessageListener, parseEnvelope, type Reply } from '@/utils/messaging';

const rejection = (raw: unknown): string => {
  const parsed = parseEnvelope(raw);
  if (parsed.ok) throw new Error('expected a rejection');
  return parsed.error;
};

describe('toggleSidebar and validateFeed messages', () => {
  it('accepts toggleSidebar with no data and rejects other data', () => {
    expect(parseEnvelope({ type: 'toggleSidebar' })).toEqual({ ok: true, envelope: { type: 'toggleSidebar', data: {} } });
    expect(rejection({ type: 'toggleSidebar', data: [1] })).toBe('invalid toggleSidebar: toggleSidebar takes no data');
  });

  it('accepts validateFeed with a url string only, dropping other fields', () => {
    expect(parseEnvelope({ type: 'validateFeed', data: { url: 'https://a.example/rss', extra: 1 } })).toEqual({
      ok: true,
      envelope: { type: 'validateFeed', data: { url: 'https://a.example/rss' } },
    });
    expect(rejection({ type: 'validateFeed', data: {} })).toBe('invalid validateFeed: url must be a string');
    expect(rejection({ type: 'validateFeed', data: { url: 'x'.repeat(9_000) } })).toMatch(/longer than/);
  });

  it('answers a handler error as an error the options page can show', async () => {
    const listener = createMessageListener({
      validateFeed: vi.fn(async () => {
        throw new Error('Not a feed: this is a web page');
      }),
    });
    const reply = await new Promise<Reply<unknown>>((resolve) => listener({ type: 'validateFeed', data: { url: 'https://a.example/' } }, {}, resolve));
    expect(reply).toEqual({ ok: false, error: 'Not a feed: this is a web page' });
  });
});
