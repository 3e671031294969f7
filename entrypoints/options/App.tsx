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
import { t } from '@/utils/i18n';
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
import { feedErrorText } from './feed-errors';

export type AppProps = {
  /** `location.search`: `?welcome=1` on first run. */
  search: string;
};

// Functions, not strings: the UI language is read when the page renders.
const SOURCES: Record<(typeof SOURCE_IDS)[number], () => { name: string; detail: string }> = {
  'google-news': () => ({ name: 'Google News', detail: t('sourceGoogleNewsDetail') }),
  gdelt: () => ({ name: 'GDELT', detail: t('sourceGdeltDetail') }),
  'bing-news': () => ({ name: 'Bing News', detail: t('sourceBingNewsDetail') }),
  wikipedia: () => ({ name: 'Wikipedia', detail: t('sourceWikipediaDetail') }),
  feeds: () => ({ name: t('sourceFeedsName'), detail: t('sourceFeedsDetail') }),
  history: () => ({ name: t('sourceHistoryName'), detail: t('sourceHistoryDetail') }),
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
    if (!site) return t('optionsSiteError');
    if (!settings[key].includes(site)) save({ [key]: [...settings[key], site] });
    return null;
  };
  const removeSite = (key: 'excludedSites' | 'sidebarHiddenSites') => (site: string) => save({ [key]: settings[key].filter((s) => s !== site) });

  const addFeed = async (raw: string): Promise<string | null> => {
    if (!raw) return t('optionsFeedEmpty');
    const isAllowed = await requestFeedAccess(raw);
    if (!isAllowed) return t('optionsFeedPermission');
    try {
      const check = await sendMessage('validateFeed', { url: raw });
      const current = await getSettings();
      if (!current.feeds.includes(check.url)) setSettings(await updateSettings({ feeds: [...current.feeds, check.url] }));
      return null;
    } catch (error) {
      return feedErrorText(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <main class="bs-options">
      {isWelcome ? <WelcomeIntro /> : <h1>{t('optionsTitle')}</h1>}
      <StorageWarning />

      <section class="bs-options__section" aria-labelledby="bs-sources">
        <h2 id="bs-sources">{t('optionsSources')}</h2>
        <SourceSwitches
          sources={SOURCE_IDS.map((id) => ({ id, ...SOURCES[id](), isOn: settings.providers[id], status: statuses[id] ?? null }))}
          onToggle={(id, isOn) => save({ providers: { ...settings.providers, [id]: isOn } })}
        />
      </section>

      <section class="bs-options__section" aria-labelledby="bs-sidebar">
        <h2 id="bs-sidebar">{t('optionsSidebar')}</h2>
        <SidebarModeField value={settings.sidebarMode} onChange={(sidebarMode) => save({ sidebarMode })} />
        <h3 class="bs-options__name">{t('optionsSidebarHiddenSites')}</h3>
        <SiteList
          label={t('optionsSidebarHiddenSites')}
          addLabel={t('optionsSidebarHideAdd')}
          sites={settings.sidebarHiddenSites}
          emptyText={t('optionsSidebarHiddenNone')}
          onAdd={addSite('sidebarHiddenSites')}
          onRemove={removeSite('sidebarHiddenSites')}
        />
        <p class="bs-options__detail">{t('optionsShortcut')}</p>
      </section>

      <section class="bs-options__section" aria-labelledby="bs-region">
        <h2 id="bs-region">{t('optionsRegionLanguage')}</h2>
        <SelectField id="bs-region-select" label={t('optionsRegion')} value={settings.region ?? ''} options={regionOptions()} onChange={(v) => save({ region: v || null })} />
        <SelectField
          id="bs-language-select"
          label={t('optionsLanguage')}
          value={settings.language ?? ''}
          options={languageOptions()}
          onChange={(v) => save({ language: v || null })}
          hint={t('optionsLanguageHint')}
        />
      </section>

      <section class="bs-options__section" aria-labelledby="bs-feeds">
        <h2 id="bs-feeds">{t('optionsFeeds')}</h2>
        <FeedList
          feeds={settings.feeds.map((url) => ({ url, status: feedStatuses[url] ?? null }))}
          onAdd={addFeed}
          onRemove={(url) => save({ feeds: settings.feeds.filter((f) => f !== url) })}
        />
      </section>

      <section class="bs-options__section" aria-labelledby="bs-history">
        <h2 id="bs-history">{t('optionsHistory')}</h2>
        <SelectField
          id="bs-retention-select"
          label={t('optionsRetention')}
          value={settings.retentionDays === null ? '' : String(settings.retentionDays)}
          options={retentionOptions()}
          onChange={(v) => save({ retentionDays: v ? Number(v) : null })}
          hint={t('optionsRetentionHint')}
        />
        <h3 class="bs-options__name">{t('optionsExcludedSites')}</h3>
        <SiteList
          label={t('optionsExcludedSites')}
          addLabel={t('optionsExcludeAdd')}
          sites={settings.excludedSites}
          emptyText={t('optionsExcludedNone')}
          onAdd={addSite('excludedSites')}
          onRemove={removeSite('excludedSites')}
        />
      </section>

      <section class="bs-options__section" aria-labelledby="bs-privacy">
        <h2 id="bs-privacy">{t('optionsPrivacy')}</h2>
        <PrivacyNote />
      </section>
    </main>
  );
}
