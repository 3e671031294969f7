import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  getSettings,
  isExcludedSite,
  isSidebarShown,
  mayStore,
  normaliseSettings,
  normaliseSite,
  resolveRegion,
  settingsItem,
  updateSettings,
} from '@/utils/settings';

describe('settings storage', () => {
  it('starts with every source on, automatic region and language, history recorded, nothing excluded', async () => {
    expect(await getSettings()).toEqual({
      providers: { 'google-news': true, gdelt: true, 'bing-news': true, wikipedia: true, feeds: true, history: true },
      region: null,
      language: null,
      historyPaused: false,
      excludedSites: [],
      feeds: [],
      sidebarMode: 'collapsed',
      sidebarHiddenSites: [],
      retentionDays: null,
    });
  });

  it('migrates a version 1 value: keeps its choices and fills in the sidebar and retention defaults', async () => {
    const v1 = {
      providers: { 'google-news': true, gdelt: false, 'bing-news': true, wikipedia: true, feeds: true, history: true },
      region: 'GB',
      language: null,
      historyPaused: true,
      excludedSites: ['example.com'],
      feeds: ['https://feeds.example.org/rss'],
    };
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    await settingsItem.migrate();
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: 2 });
    expect(stored.settings).toEqual({ ...v1, sidebarMode: 'collapsed', sidebarHiddenSites: [], retentionDays: null });
    expect(await getSettings()).toMatchObject({ historyPaused: true, region: 'GB', sidebarMode: 'collapsed', retentionDays: null });
  });

  it('stores changes under local:settings and reads them back', async () => {
    await updateSettings({ historyPaused: true, excludedSites: ['https://www.Example.com/news'] });
    expect(await getSettings()).toMatchObject({ historyPaused: true, excludedSites: ['example.com'] });
    const stored = await fakeBrowser.storage.local.get('settings');
    expect(stored.settings).toMatchObject({ historyPaused: true, excludedSites: ['example.com'] });
  });

  it('fills in fields missing from an older or partial stored value', async () => {
    await fakeBrowser.storage.local.set({ settings: { historyPaused: true, providers: { gdelt: false } } });
    expect(await getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      historyPaused: true,
      providers: { ...DEFAULT_SETTINGS.providers, gdelt: false },
    });
  });
});

describe('normaliseSettings', () => {
  it('drops unknown fields and defaults wrong types', () => {
    expect(
      normaliseSettings({
        providers: { gdelt: 'no', 'bing-news': false, evil: true },
        region: 'gbr',
        language: 'DE',
        historyPaused: 'yes',
        excludedSites: ['example.com', 'example.com', 42, 'not a host!', 'https://news.example.org/x'],
        feeds: ['https://feeds.example.org/rss', 'javascript:alert(1)', 'ftp://x', 7],
        extra: 1,
      }),
    ).toEqual({
      providers: { ...DEFAULT_SETTINGS.providers, 'bing-news': false },
      region: null,
      language: 'de',
      historyPaused: false,
      excludedSites: ['example.com', 'news.example.org'],
      feeds: ['https://feeds.example.org/rss'],
      sidebarMode: 'collapsed',
      sidebarHiddenSites: [],
      retentionDays: null,
    });
    expect(normaliseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normaliseSettings({ sidebarMode: 'sideways', retentionDays: 0 })).toMatchObject({ sidebarMode: 'collapsed', retentionDays: null });
    expect(normaliseSettings({ retentionDays: 2.5 }).retentionDays).toBeNull();
    expect(normaliseSettings({ retentionDays: 1e9 }).retentionDays).toBe(3_650);
    expect(normaliseSettings({ sidebarMode: 'off', retentionDays: 30, sidebarHiddenSites: ['https://www.Example.com/x', 3] })).toMatchObject({
      sidebarMode: 'off',
      retentionDays: 30,
      sidebarHiddenSites: ['example.com'],
    });
    expect(normaliseSettings({ region: 'ie' }).region).toBe('IE');
  });

  it('normalises site entries to bare host names', () => {
    expect(normaliseSite('https://www.Guardian.co.uk/world')).toBe('guardian.co.uk');
    expect(normaliseSite('www2.example.com')).toBe('example.com');
    expect(normaliseSite('example.com/path')).toBe('example.com');
    expect(normaliseSite('http://')).toBe('');
    expect(normaliseSite('a b')).toBe('');
  });
});

describe('excluded sites', () => {
  it('matches the site and its subdomains, not look-alikes', () => {
    const sites = ['example.com'];
    expect(isExcludedSite('https://example.com/a', sites)).toBe(true);
    expect(isExcludedSite('https://www.example.com/a', sites)).toBe(true);
    expect(isExcludedSite('https://news.example.com/a', sites)).toBe(true);
    expect(isExcludedSite('https://notexample.com/a', sites)).toBe(false);
    expect(isExcludedSite('https://example.com.evil.org/a', sites)).toBe(false);
    expect(isExcludedSite('not a url', sites)).toBe(false);
  });

  it('allows storing only while history runs and the site is not excluded', () => {
    expect(mayStore('https://example.com/a', DEFAULT_SETTINGS)).toBe(true);
    expect(mayStore('https://example.com/a', { historyPaused: true, excludedSites: [] })).toBe(false);
    expect(mayStore('https://example.com/a', { historyPaused: false, excludedSites: ['example.com'] })).toBe(false);
  });
});

describe('isSidebarShown', () => {
  it('hides the sidebar when it is off or the site (or a parent site) is hidden', () => {
    expect(isSidebarShown('https://news.example.com/a', { sidebarMode: 'collapsed', sidebarHiddenSites: [] })).toBe(true);
    expect(isSidebarShown('https://news.example.com/a', { sidebarMode: 'open', sidebarHiddenSites: ['other.org'] })).toBe(true);
    expect(isSidebarShown('https://news.example.com/a', { sidebarMode: 'off', sidebarHiddenSites: [] })).toBe(false);
    expect(isSidebarShown('https://news.example.com/a', { sidebarMode: 'collapsed', sidebarHiddenSites: ['example.com'] })).toBe(false);
  });
});

describe('resolveRegion', () => {
  it("uses the setting, else the article's language tag, else the browser's, else US", () => {
    expect(resolveRegion({ region: 'IE' }, 'en-GB', 'de-AT')).toBe('IE');
    expect(resolveRegion({ region: null }, 'en-GB', 'de-AT')).toBe('GB');
    expect(resolveRegion({ region: null }, 'de', 'de-AT')).toBe('AT');
    expect(resolveRegion({ region: null }, 'es_cl', undefined)).toBe('CL');
    expect(resolveRegion({ region: null }, null, 'fr')).toBe('US');
    expect(resolveRegion({ region: null }, 'zh-Hant-TW', undefined)).toBe('US');
  });
});

describe('updateSettings', () => {
  it('keeps both of two changes made at once', async () => {
    await Promise.all([updateSettings({ sidebarMode: 'open' }), updateSettings({ region: 'GB' }), updateSettings({ retentionDays: 30 })]);
    expect(await getSettings()).toMatchObject({ sidebarMode: 'open', region: 'GB', retentionDays: 30 });
  });
});
