import { describe, expect, it, vi } from 'vitest';
import { parseTabParam, resolveTabId } from '@/entrypoints/popup/tab-id';

describe('parseTabParam', () => {
  it('reads a whole-number tab id', () => {
    expect(parseTabParam('?tab=42')).toBe(42);
    expect(parseTabParam('?x=1&tab=7')).toBe(7);
  });

  it('returns null when absent or malformed', () => {
    expect(parseTabParam('')).toBeNull();
    expect(parseTabParam('?tab=')).toBeNull();
    expect(parseTabParam('?tab=-3')).toBeNull();
    expect(parseTabParam('?tab=1.5')).toBeNull();
    expect(parseTabParam('?tab=abc')).toBeNull();
    expect(parseTabParam('?tab=99999999999999999999')).toBeNull();
  });
});

describe('resolveTabId', () => {
  it('prefers ?tab= and does not ask for the active tab', async () => {
    const active = vi.fn(async () => 3);
    await expect(resolveTabId('?tab=9', active)).resolves.toBe(9);
    expect(active).not.toHaveBeenCalled();
  });

  it('falls back to the active tab, then to null', async () => {
    await expect(resolveTabId('', async () => 3)).resolves.toBe(3);
    await expect(resolveTabId('', async () => undefined)).resolves.toBeNull();
  });
});
