import { describe, expect, it } from 'vitest';
import {
  formatMoment,
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
