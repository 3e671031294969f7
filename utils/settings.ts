/**
 * The reader's settings, in `browser.storage.local` under `local:settings` (not IndexedDB:
 * the options page and popup read them directly, and `storage.onChanged` tells the background).
 * Versioned: to change the shape, bump `version` and add a migration; old values are converted.
 */
import { storage } from 'wxt/utils/storage';
import type { ProviderState } from './context/types';
import { isRecord } from './is-record';

/** Sources that can be switched off: the HTTP providers, Wikipedia explainers, the reader's feeds and history. */
export const SOURCE_IDS = ['google-news', 'gdelt', 'bing-news', 'wikipedia', 'feeds', 'history'] as const;
/** One switchable source. */
export type SourceId = (typeof SOURCE_IDS)[number];

/** User settings. */
export interface Settings {
  /** Which sources are on; all on by default. A source missing here counts as on. */
  providers: Record<SourceId, boolean>;
  /** ISO 3166-1 alpha-2 region for providers that take one ("GB"); null = from the article's language tag, else the browser's. */
  region: string | null;
  /** Language for queries and Wikipedia ("de"); null = the article's own. */
  language: string | null;
  /** When true, no visit is recorded and nothing about the article is stored. */
  historyPaused: boolean;
  /** Host names where Backstory records and stores nothing ("example.com" also covers "news.example.com"). */
  excludedSites: string[];
  /** The reader's own feed URLs (RSS, Atom, JSON Feed), polled on an alarm. */
  feeds: string[];
  /** v2: the sidebar on article pages: `collapsed` (the tab with the count), `open` (starts expanded) or `off`. */
  sidebarMode: SidebarMode;
  /** v2: host names where the sidebar is not shown ("Hide on this site"); subdomains included. */
  sidebarHiddenSites: string[];
  /** v2: days of reading history kept; older visits are deleted on the maintenance alarm. null = forever. */
  retentionDays: number | null;
}

/** Where the sidebar stands on article pages. */
export const SIDEBAR_MODES = ['collapsed', 'open', 'off'] as const;
/** One sidebar mode. */
export type SidebarMode = (typeof SIDEBAR_MODES)[number];
/** Longest retention the options page offers (10 years); larger stored values are capped. */
export const MAX_RETENTION_DAYS = 3_650;

/** Defaults: everything on, automatic region and language, history recorded, nothing excluded, no feeds. */
export const DEFAULT_SETTINGS: Settings = {
  providers: { 'google-news': true, gdelt: true, 'bing-news': true, wikipedia: true, feeds: true, history: true },
  region: null,
  language: null,
  historyPaused: false,
  excludedSites: [],
  feeds: [],
  sidebarMode: 'collapsed',
  sidebarHiddenSites: [],
  retentionDays: null,
};

/** Settings as stored by version 1 (before the sidebar and retention settings). */
export type SettingsV1 = Omit<Settings, 'sidebarMode' | 'sidebarHiddenSites' | 'retentionDays'>;

/**
 * A storage item defined on first use. WXT reads an item from storage as soon as it is defined
 * (and runs its migrations then): the content script imports this module on every page the
 * reader opens, and on pages that are not articles it never needs the settings.
 */
function definedOnUse<T extends object>(define: () => T): T {
  let item: T | undefined;
  return new Proxy({} as T, {
    get(_target, key) {
      item ??= define();
      const value: unknown = Reflect.get(item, key, item);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(item) : value;
    },
  });
}

/** The stored item. Use {@link getSettings}/{@link updateSettings}, which fill in missing fields. */
export const settingsItem = definedOnUse(() => storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    // v2 added the sidebar mode, per-site hiding and history retention: fill in the defaults.
    2: (old: SettingsV1): Settings => ({
      ...old,
      sidebarMode: DEFAULT_SETTINGS.sidebarMode,
      sidebarHiddenSites: [],
      retentionDays: DEFAULT_SETTINGS.retentionDays,
    }),
  },
}));

const hostList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map(normaliseSite).filter(Boolean) : [];

/** "https://www.Example.com/path" or "www.example.com" → "example.com"; '' when not a host name. */
export function normaliseSite(raw: string): string {
  let host = raw.trim().toLowerCase();
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) host = new URL(host).hostname;
  } catch {
    return '';
  }
  host = host.replace(/\/.*$/, '').replace(/^www\d?\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) ? host : '';
}

/**
 * A complete, well-typed settings object from whatever is stored (a partial object written by
 * an older options page, wrong types after a bad import): unknown fields dropped, missing or
 * wrong ones defaulted.
 */
export function normaliseSettings(value: unknown): Settings {
  const raw = isRecord(value) ? value : {};
  const providers = { ...DEFAULT_SETTINGS.providers };
  if (isRecord(raw.providers)) {
    for (const id of SOURCE_IDS) if (typeof raw.providers[id] === 'boolean') providers[id] = raw.providers[id];
  }
  const region = typeof raw.region === 'string' && /^[A-Za-z]{2}$/.test(raw.region) ? raw.region.toUpperCase() : null;
  const language = typeof raw.language === 'string' && /^[A-Za-z]{2,3}$/.test(raw.language) ? raw.language.toLowerCase() : null;
  return {
    providers,
    region,
    language,
    historyPaused: raw.historyPaused === true,
    excludedSites: [...new Set(hostList(raw.excludedSites))],
    feeds: Array.isArray(raw.feeds)
      ? [...new Set(raw.feeds.filter((f): f is string => typeof f === 'string' && /^https?:\/\//i.test(f.trim())).map((f) => f.trim()))]
      : [],
    sidebarMode: SIDEBAR_MODES.includes(raw.sidebarMode as SidebarMode) ? (raw.sidebarMode as SidebarMode) : DEFAULT_SETTINGS.sidebarMode,
    sidebarHiddenSites: [...new Set(hostList(raw.sidebarHiddenSites))],
    retentionDays:
      typeof raw.retentionDays === 'number' && Number.isInteger(raw.retentionDays) && raw.retentionDays >= 1
        ? Math.min(raw.retentionDays, MAX_RETENTION_DAYS)
        : null,
  };
}

/** The current settings, complete. */
export async function getSettings(): Promise<Settings> {
  return normaliseSettings(await settingsItem.getValue());
}

let settingsWrites: Promise<unknown> = Promise.resolve();

/**
 * Changes some settings and returns the result. Calls from one page run one after another, so
 * two quick changes (a switch, then a select) never overwrite each other.
 */
export function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const write = async () => {
    const next = normaliseSettings({ ...(await getSettings()), ...change });
    await settingsItem.setValue(next);
    return next;
  };
  const done = settingsWrites.then(write, write);
  settingsWrites = done.catch(() => {});
  return done;
}

/** Calls `callback` with the complete new and old settings whenever they change; returns the unwatch function. */
export function watchSettings(callback: (next: Settings, previous: Settings | null) => void): () => void {
  return settingsItem.watch((next, previous) => callback(normaliseSettings(next), previous === null ? null : normaliseSettings(previous)));
}

/** Whether `url`'s host is one of `excludedSites` or a subdomain of one. */
export function isExcludedSite(url: string, excludedSites: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '');
  } catch {
    return false;
  }
  return excludedSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** Whether anything about `url` may be stored: history not paused and the site not excluded. */
export function mayStore(url: string, settings: Pick<Settings, 'historyPaused' | 'excludedSites'>): boolean {
  return !settings.historyPaused && !isExcludedSite(url, settings.excludedSites);
}

/**
 * The region to ask providers for: the setting, else the article's language tag ("en-GB" → GB),
 * else the browser's ("de-AT" → AT), else US.
 */
export function resolveRegion(settings: Pick<Settings, 'region'>, articleLang: string | null, browserLang: string | undefined): string {
  if (settings.region) return settings.region;
  for (const tag of [articleLang, browserLang]) {
    const region = /^[A-Za-z]{2,3}[-_]([A-Za-z]{2})\b/.exec(tag ?? '')?.[1];
    if (region) return region.toUpperCase();
  }
  return 'US';
}

/** Whether the sidebar appears on `url`: not when it is off, nor on a site where the reader hid it. */
export function isSidebarShown(url: string, settings: Pick<Settings, 'sidebarMode' | 'sidebarHiddenSites'>): boolean {
  return settings.sidebarMode !== 'off' && !isExcludedSite(url, settings.sidebarHiddenSites);
}

// ---------------------------------------------------------------- source status (for the options page)

/** A source's latest final answer, as the options page shows it ("GDELT: rate-limited, 14:02"). */
export interface SourceStatus {
  state: Exclude<ProviderState, 'pending' | 'off'>;
  /** Epoch ms of the answer. */
  at: number;
  /** Short detail, e.g. "HTTP 500". */
  message?: string;
}

/** A feed's latest poll or check. */
export interface FeedStatus {
  state: 'ok' | 'error' | 'offline' | 'rate-limited';
  /** Items it held. */
  items: number;
  /** Epoch ms. */
  at: number;
  message?: string;
}

/** Latest status per source id, written by the background from the context service's answers. */
export const providerStatusItem = definedOnUse(() => storage.defineItem<Record<string, SourceStatus>>('local:providerStatus', { fallback: {} }));
/** Latest status per feed URL, written by the background after each poll and check. */
export const feedStatusItem = definedOnUse(() => storage.defineItem<Record<string, FeedStatus>>('local:feedStatus', { fallback: {} }));

// Writes are read-modify-write: chain them so that answers arriving together are all kept.
let statusWrites: Promise<unknown> = Promise.resolve();
const queueStatusWrite = (write: () => Promise<void>): Promise<void> => {
  const next = statusWrites.then(write, write);
  statusWrites = next.catch(() => {});
  return next;
};

/** Keeps a source's latest final status (pending and off are not answers and are ignored). */
export function recordProviderStatus(status: { id: string; state: ProviderState; message?: string }, at: number): Promise<void> {
  const { id, state, message } = status;
  if (state === 'pending' || state === 'off') return Promise.resolve();
  return queueStatusWrite(async () => {
    const all = { ...(await providerStatusItem.getValue()) };
    all[id] = message ? { state, at, message: message.slice(0, 200) } : { state, at };
    await providerStatusItem.setValue(all);
  });
}

/** Keeps each feed's latest status, and forgets feeds that are no longer in `feeds` when given. */
export function recordFeedStatus(
  results: readonly { feedUrl: string; state: FeedStatus['state']; items: number; message?: string }[],
  at: number,
  feeds?: readonly string[],
): Promise<void> {
  return queueStatusWrite(async () => {
    const all = { ...(await feedStatusItem.getValue()) };
    for (const r of results) all[r.feedUrl] = { state: r.state, items: r.items, at, ...(r.message ? { message: r.message.slice(0, 200) } : {}) };
    if (feeds) for (const url of Object.keys(all)) if (!feeds.includes(url)) delete all[url];
    await feedStatusItem.setValue(all);
  });
}
