import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { parseProviderOrigin, providerHostPermissions } from './utils/context/provider-origin';
import { READER_CSS_FILE, READER_FILE } from './entrypoints/article.content/reader-flag';

// BACKSTORY_PROVIDER_ORIGIN=http://127.0.0.1:PORT points every provider at one local origin
// (e2e tests, demo); see utils/context/provider-origin.ts. BACKSTORY_OUT_DIR keeps such a build
// out of .output/.
const providerOrigin = parseProviderOrigin(process.env.BACKSTORY_PROVIDER_ORIGIN);

// Chrome Web Store 128, extensions page 48, favicon 16, Windows 32; Firefox add-ons 48/96, toolbar 16/32 (and 24 in Chrome).
const ICON_SIZES = [128, 96, 64, 48, 32, 24, 16] as const;
const toolbarIcons = Object.fromEntries([16, 24, 32].map((size) => [size, `icons/${size}.png`]));

/** The detector's built file: the one content script in the manifest. */
const DETECTOR_FILE = 'detector.js';

/** Every page the detector looks at (and the reader may be loaded into): the web, not browser pages or files. */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

/**
 * Page code kept out of the shared file: what is loaded only when asked for (the popup's hidden tabs,
 * the other pages' own code), and every page's entry (its HTML and main module, which renders the page
 * when it runs: in the shared file, the popup's would run in the options page and the side panel too).
 */
const APART_PAGE_CODE = /\/(HistoryPanel|FollowPanel|StorageWarning)\.tsx$|\/entrypoints\/(options|sidepanel)\/|\/entrypoints\/[^/]+\/(main\.tsx|index\.html)$/;

type ChunkMeta = { getModuleInfo: (id: string) => { importers: readonly string[] } | null };

/** Whether a module is imported (statically, at any depth) by the popup's page or main module: its first paint needs it. */
function popupImports(): (id: string, meta: ChunkMeta) => boolean {
  const known = new Map<string, boolean>();
  return (id, meta) => {
    let answer = known.get(id);
    if (answer === undefined) {
      // A walk up the importers (cycles included) to the popup's entry; only whole walks are kept.
      const seen = new Set([id]);
      const queue = [id];
      answer = false;
      for (let next = queue.shift(); next !== undefined && !answer; next = queue.shift()) {
        if (POPUP_ENTRY.test(next) || known.get(next) === true) answer = true;
        for (const importer of meta.getModuleInfo(next)?.importers ?? []) {
          if (seen.has(importer)) continue;
          seen.add(importer);
          queue.push(importer);
        }
      }
      known.set(id, answer);
    }
    return answer;
  };
}
const POPUP_ENTRY = /\/entrypoints\/popup\/(index\.html|main\.tsx)$/;

/**
 * The popup paints only once every file it loads has come, and each file is a round trip through the
 * browser's extension-file loader (10–30 ms on a busy machine): the code the popup's first paint runs
 * goes into one file, loaded beside the popup's small main file, and the popup's styles into the page
 * itself (the extension pages' CSP restricts scripts, not styles). The rest (the hidden tabs, the
 * options page, what only they use) is split as usual: the popup neither loads nor compiles it.
 * Content scripts and the background are single files already.
 * Measured against the default split (tests/bench/browser.ts, popup row): about 30 ms sooner; leaving
 * the rest out of the one file (90 KB → 48 KB): about 9 ms more.
 */
function popupInOneFile(): Plugin {
  return {
    name: 'backstory:popup-in-one-file',
    outputOptions(options) {
      if ((options as { codeSplitting?: boolean }).codeSplitting === false || options.inlineDynamicImports) return;
      // Only what the popup's first paint runs: the options page's own code and what only lazy code
      // uses stay out of the file every popup open loads and compiles.
      const isPopupCode = popupImports();
      return { ...options, manualChunks: (id: string, meta: ChunkMeta) => (APART_PAGE_CODE.test(id) || !isPopupCode(id, meta) ? undefined : 'pages') };
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!ctx.filename.endsWith('/popup/index.html') || !bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (link, file: string) => {
          const asset = bundle[file];
          return asset?.type === 'asset' ? `<style>${String(asset.source)}</style>` : link;
        });
      },
    },
  };
}

/**
 * The detector runs on every page, and nearly all of its code runs there at once. V8's explicit
 * compile hint (the magic comment `//# allFunctionsCalledOnLoad` on the file's first line; Chrome
 * 136+, a plain comment elsewhere) compiles every function with the script, instead of parsing each
 * one again when it is first called. The comment goes in after minification, which drops comments.
 * Measured in Chromium 156 on the non-article fixture pages, A/B with the same build without it
 * (main-thread time of the content script's task, compiling included, from a trace; three runs of
 * 10–20 loads a page): 0.9 ms less a page on average (0.0–1.7 ms on the front, app and section
 * pages; the search page, where the check stops first, from 0.8 ms more to 1.5 ms less). The
 * reader (15 times larger) is left to compile lazily: whether the hint pays there is not measured
 * (its benchmark times its work by marks, which would no longer hold the compiling).
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
function compileDetectorEagerly(): Plugin {
  return {
    name: 'backstory:compile-detector-eagerly',
    apply: 'build',
    // After WXT's own plugins, which make the script's IIFE anonymous by its first characters.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const detector = bundle[DETECTOR_FILE];
      if (detector?.type === 'chunk' && !detector.code.startsWith(COMPILE_HINT)) detector.code = `${COMPILE_HINT}\n${detector.code}`;
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Every file imports what it uses (wxt/browser, #imports): dependencies stay visible.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // Every icon size is rendered from one source image (the stores' and toolbar sizes).
  autoIcons: { baseIconPath: 'public/icon.svg', sizes: [...ICON_SIZES], developmentIndicator: false },
  outDir: process.env.BACKSTORY_OUT_DIR || undefined,
  vite: () => ({
    plugins: [preact(), popupInOneFile(), compileDetectorEagerly()],
    define: {
      __BACKSTORY_PROVIDER_ORIGIN__: JSON.stringify(providerOrigin),
      // BACKSTORY_PERF=1: performance marks for the benchmark suite (utils/perf.ts).
      __BACKSTORY_PERF__: JSON.stringify(process.env.BACKSTORY_PERF === '1'),
    },
  }),
  hooks: {
    // The detector imports the reader (`import()` of its file, in the detector's isolated world),
    // and the reader fetches its stylesheet (its shadow root's): both must be web-accessible, from
    // web pages only, behind Chrome's per-session URL (`use_dynamic_url`; Firefox's URLs hold a
    // per-install id).
    'build:manifestGenerated': (wxt, manifest) => {
      const resources = manifest.web_accessible_resources ?? [];
      const files = [READER_CSS_FILE, READER_FILE].map((file) => file.slice(1));
      if (manifest.manifest_version === 2) {
        const list = resources as string[];
        manifest.web_accessible_resources = [...list, ...files.filter((file) => !list.includes(file))];
        return;
      }
      const entries = resources as { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
      let entry = entries.find((e) => e.resources.some((file) => file.startsWith('content-scripts/')));
      if (!entry) entries.push((entry = { resources: [], matches: WEB_PAGES }));
      for (const file of files) if (!entry.resources.includes(file)) entry.resources.push(file);
      entry.matches = WEB_PAGES;
      if (wxt.config.browser !== 'firefox') entry.use_dynamic_url = true;
      manifest.web_accessible_resources = entries;
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    // Strings live in public/_locales (English default, German); utils/i18n.ts reads them in the UI.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The toolbar button uses the generated icons too (auto-icons fills `icons` only).
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_icon: toolbarIcons },
    // storage: settings (browser.storage.local); alarms: feed polling. IndexedDB needs none.
    // activeTab + scripting: the popup and the keyboard command load the reader into the page they
    // are used on when the detector did not (utils/reader-loader.ts); neither shows a warning.
    // The detector's http(s) matches read pages locally (never sent); the host permissions below are
    // the providers only, so the background may fetch them without CORS.
    // sidePanel (Chrome MV3): the popup's "Open in side panel" shows the same view beside the page
    // (WXT would add it for the sidepanel entrypoint; named here so the reason is written down).
    // Firefox has no such permission: its sidebar_action needs none.
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', ...(browser !== 'firefox' && manifestVersion === 3 ? ['sidePanel'] : [])],
    // The detector (entrypoints/detector) on every web page, once it is idle. The reader is not
    // listed: the detector imports it into pages that may hold an article (see the hook above).
    content_scripts: [{ matches: WEB_PAGES, js: [DETECTOR_FILE], run_at: 'document_idle' }],
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
