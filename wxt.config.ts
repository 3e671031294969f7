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
    // storage: settings; tabs: the popup asks which tab is active and reads its URL.
    permissions: ['storage', 'tabs'],
    incognito: browser === 'firefox' ? 'spanning' : 'split',
    browser_specific_settings:
      browser === 'firefox'
        ? { gecko: { id: 'backstory@backstory.invalid', strict_min_version: '115.0' } }
        : undefined,
  }),
});
