import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVIDERS, getExplainerProvider, getProvider } from '../../../utils/providers/index';

const providerDir = join(import.meta.dirname, '../../../utils/providers');
const fixtureDir = join(import.meta.dirname, '../../fixtures/providers');
const providerFiles = readdirSync(providerDir)
  .filter((f) => f.endsWith('.ts') && f !== 'types.ts' && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

describe('provider registry', () => {
  it('has at least the three HTTP providers', () => {
    expect(providerFiles.sort()).toEqual(expect.arrayContaining(['bing-news', 'gdelt', 'google-news']));
  });

  it.each(providerFiles)('registers %s under its file name, with a fixture folder and a header comment', async (file) => {
    const provider = getProvider(file) ?? getExplainerProvider(file);
    expect(provider, `${file}.ts is not in PROVIDERS`).toBeDefined();
    expect(existsSync(join(fixtureDir, file)), `tests/fixtures/providers/${file}/ missing`).toBe(true);
    expect(readdirSync(join(fixtureDir, file)).length).toBeGreaterThan(1);
    const source = (await import('node:fs')).readFileSync(join(providerDir, `${file}.ts`), 'utf8');
    expect(source).toMatch(/Test queries:/);
    expect(source).toMatch(/Limits?:/);
  });

  it('has unique kebab-case ids, names and an https origin for each provider', () => {
    const ids = PROVIDERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PROVIDERS) {
      expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.origin).toMatch(/^https:\/\/[^/]+$/);
      expect(p.minIntervalMs).toBeGreaterThanOrEqual(0);
      expect(providerFiles).toContain(p.id);
    }
  });
});
