import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FeedList } from '@/components/FeedList';
import { PrivacyNote } from '@/components/PrivacyNote';
import { SelectField } from '@/components/SelectField';
import { SidebarModeField } from '@/components/SidebarModeField';
import { SiteList } from '@/components/SiteList';
import { SourceSwitches } from '@/components/SourceSwitches';
import { StorageWarning } from '@/components/StorageWarning';
import { WelcomeIntro } from '@/components/WelcomeIntro';
import { sendMessage } from '@/utils/messaging';
import {
  SOURCE_IDS,
  feedStatusItem,
  getSettings,
  normaliseSite,
  providerStatusItem,
  updateSettings,
  watchSettings,
  type FeedStatus,
  type Settings,
  type SourceStatus,
} from '@/utils/settings';
import { languageOptions, regionOptions, retentionOptions } from './choices';

export type AppProps = {
  /** `location.search`: `?welcome=1` on first run. */
  search: string;
};

const SOURCES: Record<(typeof SOURCE_IDS)[number], { name: string; detail: string }> = {
  'google-news': { name: 'Google News', detail: 'Same story from other outlets (a short search).' },
  gdelt: { name: 'GDELT', detail: 'Worldwide coverage, with each outlet’s country (a short search).' },
  'bing-news': { name: 'Bing News', detail: 'More outlets (a short search).' },
  wikipedia: { name: 'Wikipedia', detail: 'Who and where: short explainers for the names in the article.' },
  feeds: { name: 'Your feeds', detail: 'Items of the feeds you add below, searched on this device.' },
  history: { name: 'Your history', detail: 'What you already read on the story, on this device.' },
};

/** Asks for access to a feed's origin (from the click, as browsers require); false when refused. */
async function requestFeedAccess(url: string): Promise<boolean> {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return true; // not a URL: the background explains what is wrong
  }
  if (!/^https?:/.test(origin)) return true;
  try {
    return await browser.permissions.request({ origins: [`${origin}/*`] });
  } catch {
    return true; // no optional permission API here (the content script's matches already cover http(s))
  }
}

const siteError = 'That is not a site name. Type a host name such as example.com.';

/** The options page (and the first-run welcome with `?welcome=1`). Owns settings and messaging. */
export function App({ search }: AppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [statuses, setStatuses] = useState<Record<string, SourceStatus>>({});
  const [feedStatuses, setFeedStatuses] = useState<Record<string, FeedStatus>>({});
  const isWelcome = new URLSearchParams(search).get('welcome') === '1';

  useEffect(() => {
    void getSettings().then(setSettings);
    void providerStatusItem.getValue().then(setStatuses);
    void feedStatusItem.getValue().then(setFeedStatuses);
    const unwatch = [
      watchSettings(setSettings),
      providerStatusItem.watch((v) => setStatuses(v ?? {})),
      feedStatusItem.watch((v) => setFeedStatuses(v ?? {})),
    ];
    return () => unwatch.forEach((u) => u());
  }, []);

  if (!settings) return <main class="bs-options" aria-busy="true" />;
  const save = (change: Partial<Settings>) => void updateSettings(change).then(setSettings);

  const addSite = (key: 'excludedSites' | 'sidebarHiddenSites') => (raw: string) => {
    const site = normaliseSite(raw);
    if (!site) return siteError;
    if (!settings[key].includes(site)) save({ [key]: [...settings[key], site] });
    return null;
  };
  const removeSite = (key: 'excludedSites' | 'sidebarHiddenSites') => (site: string) => save({ [key]: settings[key].filter((s) => s !== site) });

  const addFeed = async (raw: string): Promise<string | null> => {
    if (!raw) return 'Paste a feed address first.';
    const isAllowed = await requestFeedAccess(raw);
    if (!isAllowed) return 'Backstory needs your permission to read feeds from this site.';
    try {
      const check = await sendMessage('validateFeed', { url: raw });
      const current = await getSettings();
      if (!current.feeds.includes(check.url)) setSettings(await updateSettings({ feeds: [...current.feeds, check.url] }));
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };

  return (
    <main class="bs-options">
      {isWelcome ? <WelcomeIntro /> : <h1>Backstory settings</h1>}
      <StorageWarning />

      <section class="bs-options__section" aria-labelledby="bs-sources">
        <h2 id="bs-sources">Sources</h2>
        <SourceSwitches
          sources={SOURCE_IDS.map((id) => ({ id, ...SOURCES[id], isOn: settings.providers[id], status: statuses[id] ?? null }))}
          onToggle={(id, isOn) => save({ providers: { ...settings.providers, [id]: isOn } })}
        />
      </section>

      <section class="bs-options__section" aria-labelledby="bs-sidebar">
        <h2 id="bs-sidebar">Sidebar</h2>
        <SidebarModeField value={settings.sidebarMode} onChange={(sidebarMode) => save({ sidebarMode })} />
        <h3 class="bs-options__name">Sites without the sidebar</h3>
        <SiteList
          label="Sites without the sidebar"
          addLabel="Hide the sidebar on a site"
          sites={settings.sidebarHiddenSites}
          emptyText="None. “Hide on this site” in the sidebar adds the site here."
          onAdd={addSite('sidebarHiddenSites')}
          onRemove={removeSite('sidebarHiddenSites')}
        />
        <p class="bs-options__detail">Keyboard: Alt+Shift+B shows or hides the sidebar (change it in your browser’s extension shortcuts).</p>
      </section>

      <section class="bs-options__section" aria-labelledby="bs-region">
        <h2 id="bs-region">Region and language</h2>
        <SelectField id="bs-region-select" label="Region" value={settings.region ?? ''} options={regionOptions()} onChange={(v) => save({ region: v || null })} />
        <SelectField
          id="bs-language-select"
          label="Language"
          value={settings.language ?? ''}
          options={languageOptions()}
          onChange={(v) => save({ language: v || null })}
          hint="The language of searches and Wikipedia explainers."
        />
      </section>

      <section class="bs-options__section" aria-labelledby="bs-feeds">
        <h2 id="bs-feeds">Your feeds</h2>
        <FeedList
          feeds={settings.feeds.map((url) => ({ url, status: feedStatuses[url] ?? null }))}
          onAdd={addFeed}
          onRemove={(url) => save({ feeds: settings.feeds.filter((f) => f !== url) })}
        />
      </section>

      <section class="bs-options__section" aria-labelledby="bs-history">
        <h2 id="bs-history">History</h2>
        <SelectField
          id="bs-retention-select"
          label="Keep reading history"
          value={settings.retentionDays === null ? '' : String(settings.retentionDays)}
          options={retentionOptions()}
          onChange={(v) => save({ retentionDays: v ? Number(v) : null })}
          hint="Older visits are deleted from this device automatically."
        />
        <h3 class="bs-options__name">Excluded sites</h3>
        <SiteList
          label="Excluded sites"
          addLabel="Exclude a site"
          sites={settings.excludedSites}
          emptyText="None. On excluded sites Backstory records and stores nothing."
          onAdd={addSite('excludedSites')}
          onRemove={removeSite('excludedSites')}
        />
      </section>

      <section class="bs-options__section" aria-labelledby="bs-privacy">
        <h2 id="bs-privacy">What leaves your browser</h2>
        <PrivacyNote />
      </section>
    </main>
  );
}
