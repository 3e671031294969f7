import { describe, expect, it } from 'vitest';
import {
  capText,
  displayName,
  formatDay,
  formatMoment,
  formatRelative,
  formatPublished,
  formatReadingTime,
  formatVisits,
  hostOf,
  safeHttpUrl,
} from '@/components/format';

describe('formatReadingTime', () => {
  it('says "N min read", at least one minute', () => {
    expect(formatReadingTime(4)).toBe('4 min read');
    expect(formatReadingTime(0)).toBe('1 min read');
  });
});

describe('formatVisits', () => {
  it('counts visits only when there is more than one', () => {
    expect(formatVisits(1)).toBeNull();
    expect(formatVisits(2)).toBe('2 visits');
    expect(formatVisits(17)).toBe('17 visits');
  });
});

describe('formatPublished', () => {
  it('writes the date in the given locale', () => {
    expect(formatPublished('2025-11-28T09:30:00Z', 'en-US')).toBe('Nov 28, 2025');
    expect(formatPublished('2025-11-28T09:30:00Z', 'de-DE')).toBe('28.11.2025');
  });

  it('keeps a bare calendar date on its day west of Greenwich', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(formatPublished('2025-03-01', 'en-US')).toBe('Mar 1, 2025');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('returns null for text that is not a date', () => {
    expect(formatPublished('yesterday', 'en-US')).toBeNull();
  });
});

describe('formatMoment', () => {
  it('writes date and time', () => {
    const at = Date.UTC(2025, 10, 28, 14, 5);
    const expected = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    expect(formatMoment(at, 'en-US')).toBe(expected);
    expect(expected).toMatch(/2025/);
  });
});

describe('hostOf', () => {
  it('drops www. and returns null for non-URLs', () => {
    expect(hostOf('https://www.example.com/a')).toBe('example.com');
    expect(hostOf('not a url')).toBeNull();
  });
});

describe('safeHttpUrl', () => {
  it('keeps http and https links only', () => {
    expect(safeHttpUrl('https://example.com/a')).toBe('https://example.com/a');
    expect(safeHttpUrl('http://example.com/a')).toBe('http://example.com/a');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,hi')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2025-11-28T12:00:00Z');
  it('counts minutes, hours and days back from now, then gives the date', () => {
    expect(formatRelative('2025-11-28T11:59:30Z', now)).toBe('just now');
    expect(formatRelative('2025-11-28T11:35:00Z', now)).toBe('25 min ago');
    expect(formatRelative('2025-11-28T09:00:00Z', now)).toBe('3 h ago');
    expect(formatRelative('2025-11-27T09:00:00Z', now)).toBe('yesterday');
    expect(formatRelative('2025-11-25T12:00:00Z', now)).toBe('3 days ago');
    expect(formatRelative('2025-11-01T12:00:00Z', now, 'en-US')).toBe('Nov 1, 2025');
    expect(formatRelative('2025-11-29T12:00:00Z', now, 'en-US')).toBe('Nov 29, 2025');
    expect(formatRelative('soon', now)).toBeNull();
  });
});

describe('formatDay', () => {
  it('writes a day without the year, as the locale does', () => {
    expect(formatDay(Date.UTC(2025, 5, 3, 12), 'en-GB')).toBe('3 Jun');
    expect(formatDay(Date.UTC(2025, 5, 3, 12), 'en-US')).toBe('Jun 3');
  });
});

describe('capText', () => {
  it('keeps short text and cuts long text to the limit with an ellipsis, never inside a surrogate pair', () => {
    expect(capText('short', 10)).toBe('short');
    expect(capText('A'.repeat(5_000))).toHaveLength(300);
    expect(capText('A'.repeat(5_000)).endsWith('A…')).toBe(true);
    expect(capText('😀'.repeat(10), 6)).toBe('😀😀…');
    expect(capText('a😀😀😀😀', 5)).toBe('a😀…');
  });
});

describe('displayName', () => {
  it('names countries and languages, and returns unknown codes as they are', () => {
    expect(displayName('DE', 'region', 'en')).toBe('Germany');
    expect(displayName('fr', 'language', 'en')).toBe('French');
    expect(displayName('not a code!', 'region', 'en')).toBe('not a code!');
  });
});
