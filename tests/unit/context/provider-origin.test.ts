import { describe, expect, it } from 'vitest';
import {
  REAL_PROVIDER_HOST_PATTERNS,
  buildTimeProviderOrigin,
  parseProviderOrigin,
  providerHostPermissions,
} from '@/utils/context/provider-origin';

describe('provider origin override', () => {
  it('accepts an http origin with a port and normalises it', () => {
    expect(parseProviderOrigin('http://127.0.0.1:4321')).toBe('http://127.0.0.1:4321');
    expect(parseProviderOrigin('http://127.0.0.1:4321/')).toBe('http://127.0.0.1:4321');
    expect(parseProviderOrigin(undefined)).toBeNull();
    expect(parseProviderOrigin('  ')).toBeNull();
  });

  it.each(['127.0.0.1:4321', 'ftp://127.0.0.1', 'http://127.0.0.1:4321/api', 'http://a@127.0.0.1', 'http://x/?q=1'])(
    'fails the build for %s instead of shipping a broken origin',
    (raw) => {
      expect(() => parseProviderOrigin(raw)).toThrow(/BACKSTORY_PROVIDER_ORIGIN/);
    },
  );

  it('grants only the real provider hosts without an override', () => {
    expect(providerHostPermissions(null, 'chrome')).toEqual([
      'https://news.google.com/*',
      'https://api.gdeltproject.org/*',
      'https://www.bing.com/*',
      'https://*.wikipedia.org/*',
    ]);
    expect(providerHostPermissions(null, 'firefox')).toEqual([...REAL_PROVIDER_HOST_PATTERNS]);
  });

  it('grants only the override origin with one, without the port on Firefox', () => {
    expect(providerHostPermissions('http://127.0.0.1:1234', 'chrome')).toEqual(['http://127.0.0.1:1234/*']);
    expect(providerHostPermissions('http://127.0.0.1:1234', 'firefox')).toEqual(['http://127.0.0.1/*']);
  });

  it('uses the real hosts when the build defined no origin (unit tests)', () => {
    expect(buildTimeProviderOrigin()).toBeNull();
  });
});
