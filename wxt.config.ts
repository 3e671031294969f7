import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { parseProviderOrigin, providerHostPermissions } from './utils/context/provider-origin';

// BACKSTORY_PROVIDER_ORIGIN=http://127.0.0.1:PORT points every provider at one local origin
// (e2e tests, demo); see utils/context/provider-origin.ts. BACKSTORY_OUT_DIR keeps such a build
// out of .output/.
const providerOrigin = parseProviderOrigin(process.env.BACKSTORY_PROVIDER_ORIGIN);

// Chrome Web Store 128, extensions page 48, favicon 16, Windows 32; Firefox add-ons 48/96, toolbar 16/32 (and 24 in Chrome).
const ICON_SIZES = [128, 96, 64, 48, 32, 24, 16] as const;
const toolbarIcons = Object.fromEntries([16, 24, 32].map((size) => [size, `icons/${size}.png`]));

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Every file imports what it uses (wxt/browser, #imports): dependencies stay visible.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // Every icon size is rendered from one source image (the stores' and toolbar sizes).
  autoIcons: { baseIconPath: 'public/icon.svg', sizes: [...ICON_SIZES], developmentIndicator: false },
  outDir: process.env.BACKSTORY_OUT_DIR || undefined,
  vite: () => ({
    plugins: [preact()],
    define: {
      __BACKSTORY_PROVIDER_ORIGIN__: JSON.stringify(providerOrigin),
      // BACKSTORY_PERF=1: performance marks for the benchmark suite (utils/perf.ts).
      __BACKSTORY_PERF__: JSON.stringify(process.env.BACKSTORY_PERF === '1'),
    },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    // Strings live in public/_locales (English default, German); utils/i18n.ts reads them in the UI.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The toolbar button uses the generated icons too (auto-icons fills `icons` only).
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_icon: toolbarIcons },
    // storage: settings (browser.storage.local); alarms: feed polling. IndexedDB needs none.
    // The content script's http(s) matches read pages locally (never sent); the host permissions
    // below are the providers only, so the background may fetch them without CORS.
    // sidePanel (Chrome MV3): the popup's "Open in side panel" shows the same view beside the page
    // (WXT would add it for the sidepanel entrypoint; named here so the reason is written down).
    // Firefox has no such permission: its sidebar_action needs none.
    permissions: ['storage', 'alarms', ...(browser !== 'firefox' && manifestVersion === 3 ? ['sidePanel'] : [])],
    host_permissions: providerHostPermissions(providerOrigin, browser),
    // Feeds the reader adds live on any host: asked for per origin when a feed is added (options page).
    // MV2 (Firefox's default) has no optional_host_permissions: there origins go in optional_permissions.
    // notifications: asked for only when the reader switches on "Notify me of new coverage" (followed stories).
    ...(manifestVersion === 2
      ? { optional_permissions: ['notifications', 'http://*/*', 'https://*/*'] }
      : { optional_permissions: ['notifications'], optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    incognito: browser === 'firefox' ? 'spanning' : 'split',
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '142.0',
              // Firefox's data-collection consent: Backstory collects nothing (PRIVACY.md).
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
  }),
});
