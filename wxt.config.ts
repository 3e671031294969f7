import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Every file imports what it uses (wxt/browser, #imports): dependencies stay visible.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'The context of the news article you are reading — privately, on your device, with no account.',
    // No API permissions yet: IndexedDB needs none, and the popup only needs the active tab's id.
    // The content script's http(s) matches are the only host access (read pages locally, never sent).
    permissions: [],
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
