// The interface in German (Chromium started with --lang=de), and the icons generated from one source image.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser.mjs';
import { PopupPage } from './pages.mjs';
import { startFixtureServer, type FixtureServer } from './server.mjs';
import { FLOOD } from './support';

describe('German interface in Chromium (--lang=de)', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    server = await startFixtureServer({ port: inject('e2ePort') });
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    browser = await launchWithExtension({ extensionDir: inject('e2eExtensionDir'), args: ['--lang=de'] });
  });
  afterEach(async () => {
    await browser?.close();
  });

  it('the popup shows its tabs, sections, counts and states in German', async () => {
    const article = await browser.context.newPage();
    await article.goto(server.url(FLOOD.path));
    const tabId = await browser.tabIdFor(article);
    const popup = await PopupPage.open(await browser.context.newPage(), browser.extensionUrl, tabId);
    const page = popup.page;
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
    await page.getByRole('tab', { name: 'Diese Seite' }).waitFor();
    await page.getByRole('button', { name: 'Einstellungen' }).waitFor();
    await page.getByRole('heading', { name: FLOOD.title }).waitFor();
    await page.locator('.bs-context[aria-busy="false"]').waitFor({ timeout: 45_000 });
    await page.getByRole('region', { name: 'Wer und wo' }).waitFor();
    // "Dieselbe Nachricht · 5 Medien": the section title with the German plural.
    await page.getByRole('region', { name: /^Dieselbe Nachricht · \d+ Medi(um|en)$/ }).waitFor();
    await page.getByText(/^\d+ Min\. Lesezeit$/).waitFor();
    // Dates in German, like the strings (28.11.2025 style, or a German month name).
    const published = await page.locator('.bs-card__meta time').textContent();
    expect(published).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4}$|^\d{1,2}\. [A-Za-zäÄ]+\.? \d{4}$/);
    expect(await page.getByText('Same story').count()).toBe(0);

    await page.getByRole('tab', { name: 'Verlauf' }).click();
    await page.getByRole('searchbox', { name: 'Verlauf durchsuchen' }).waitFor();
    await page.getByRole('button', { name: 'Als JSON exportieren' }).waitFor();
    await page.getByRole('checkbox', { name: 'Aufzeichnung pausieren' }).waitFor();
  });

  it('the options page and the welcome page are in German', async () => {
    await expect.poll(() => browser.context.pages().some((p) => p.url().endsWith('/options.html?welcome=1')), { timeout: 15_000 }).toBe(true);
    const welcome = browser.context.pages().find((p) => p.url().endsWith('/options.html?welcome=1'))!;
    await welcome.getByRole('heading', { name: 'Willkommen bei Backstory' }).waitFor();

    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByRole('heading', { name: 'Backstory-Einstellungen' }).waitFor();
    expect(await options.title()).toBe('Backstory-Einstellungen');
    for (const heading of ['Quellen', 'Seitenleiste', 'Region und Sprache', 'Ihre Feeds', 'Verlauf', 'Was Ihren Browser verlässt'])
      await options.getByRole('heading', { name: heading, exact: true }).waitFor();
    await options.getByRole('radio', { name: /Ein kleiner Reiter/ }).waitFor();
    // A feed the background refuses: its reason in German too.
    await options.getByRole('textbox', { name: /Feed-Adresse/ }).fill(server.url('/'));
    await options.getByRole('button', { name: 'Feed hinzufügen' }).click();
    await expect.poll(() => options.getByRole('alert').textContent(), { timeout: 15_000 }).toBe('Kein Feed: Dies ist eine Webseite, kein Feed');
  });
});

describe('icons', () => {
  it('the built manifest lists every size, rendered from the one source image, for the extension and the toolbar button', async () => {
    const dir = inject('e2eExtensionDir');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      icons: Record<string, string>;
      action: { default_icon: Record<string, string> };
    };
    expect(Object.keys(manifest.icons).map(Number).sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 96, 128]);
    expect(Object.keys(manifest.action.default_icon)).toEqual(['16', '24', '32']);
    for (const [size, path] of [...Object.entries(manifest.icons), ...Object.entries(manifest.action.default_icon)]) {
      expect(existsSync(join(dir, path)), path).toBe(true);
      const { width, height, format } = await sharp(join(dir, path)).metadata();
      expect({ path, width, height, format }).toEqual({ path, width: Number(size), height: Number(size), format: 'png' });
    }
  });
});
