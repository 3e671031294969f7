// `npm run demo`: serves the fictional news site on 127.0.0.1 together with recorded provider
// responses (tests/fixtures/site/providers/), builds the extension with every provider pointed at
// that server (into .output/demo/extension, so nothing leaves the machine), and opens Chromium with
// Backstory loaded on a demo article: related coverage, explainers and the timeline all show.
//  - With a display: a visible browser (front page in another tab) until you close it or press Ctrl-C.
//  - Without one: headless; expands the sidebar, saves two screenshots under .output/demo/ and exits.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromePath, launchWithExtension, missingChromeMessage } from '../e2e/browser.mjs';
import { PopupPage, SidebarPage } from '../e2e/pages.mjs';
import { buildForFixtures } from '../e2e/build.mjs';
import { findFreePort, startFixtureServer } from '../e2e/server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT_DIR = join(ROOT, '.output/demo');
const ARTICLE = {
  path: '/news/harwick-flood-barrier-vote.html',
  title: 'Harwick council approves £48m flood barrier after late-night vote',
};
const OTHER_ARTICLE = '/news/northline-rail-strike.html';

if (!existsSync(chromePath())) {
  console.error(missingChromeMessage());
  process.exit(1);
}

const port = await findFreePort();
console.log('Building Backstory with its providers pointed at the local demo server…');
let extensionDir;
try {
  extensionDir = await buildForFixtures({ origin: `http://127.0.0.1:${port}`, outDir: '.output/demo/extension' });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const server = await startFixtureServer({ port });
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

try {
  if (hasDisplay) await runVisible();
  else await runHeadless();
} catch (error) {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  await server.close();
  process.exit(1);
}

async function runHeadless() {
  const browser = await launchWithExtension({ extensionDir });
  try {
    // A second article first, so the popup's History has more than one entry.
    const other = await browser.context.newPage();
    await other.goto(server.url(OTHER_ARTICLE));

    const page = await browser.context.newPage();
    await page.goto(server.url(ARTICLE.path));
    const sidebar = new SidebarPage(page);
    // The tab shows the number of same-story items once the providers have answered.
    await sidebar.toggle.filter({ hasText: /·/ }).waitFor({ timeout: 30_000 });
    await sidebar.expand();
    await sidebar.title(ARTICLE.title).waitFor({ state: 'visible' });
    await mkdir(OUT_DIR, { recursive: true });
    const pageShot = join(OUT_DIR, 'page-with-sidebar.png');
    await page.screenshot({ path: pageShot });

    const tabId = await browser.tabIdFor(page);

    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
    await popup.articleHeading(ARTICLE.title).waitFor();
    await popup.contextSettled();
    await popup.scrollTo(popup.names);
    const popupShot = join(OUT_DIR, 'popup.png');
    await popup.screenshot({ path: popupShot });

    console.log('No display found, so the demo ran headless and saved:');
    console.log(`  ${relative(process.cwd(), pageShot) || pageShot}`);
    console.log(`  ${relative(process.cwd(), popupShot) || popupShot}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function runVisible() {
  const browser = await launchWithExtension({ headless: false, viewport: null, extensionDir });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await browser.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  browser.context.on('close', stop);

  const front = browser.context.pages()[0] ?? (await browser.context.newPage());
  await front.goto(server.url('/'));
  const article = await browser.context.newPage();
  await article.goto(server.url(ARTICLE.path));
  await article.bringToFront();

  console.log(`Backstory demo: ${server.url(ARTICLE.path)}`);
  console.log(`Front page (not an article): ${server.url('/')}`);
  console.log('Click "Backstory" on the page, or the toolbar icon. Close the browser or press Ctrl-C to stop.');
}
