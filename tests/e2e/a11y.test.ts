// Accessibility checked with axe-core in real Chromium: popup (This page with results and an explainer,
// History), options, welcome page and the sidebar in its shadow root (collapsed and open), each in the
// light and the dark colour scheme. No serious or critical violation is allowed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SidebarPage } from './pages.mjs';
import { FLOOD, openPopupFor, useExtension, waitForArticles } from './support';

/** axe-core's source, evaluated in the page through the DevTools protocol (extension pages' CSP blocks script tags). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;

type Finding = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * The serious and critical violations axe finds in `page`, limited to `include` (CSS selectors; axe
 * walks into open shadow roots from there), in every colour scheme.
 */
async function audit(page: Page, include?: string): Promise<Record<string, Finding[]>> {
  const found: Record<string, Finding[]> = {};
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    // Skeleton shimmer and transitions settle before colours are measured.
    await page.waitForTimeout(150);
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async (selector) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ passes: unknown[]; violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
      const result = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
      return {
        passed: result.passes.length,
        violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) })),
      };
    }, include ?? null);
    // axe looked at something: rules passed (an empty include would pass everything vacuously).
    expect(violations.passed, `axe checked nothing in ${include ?? 'the page'}`).toBeGreaterThan(5);
    found[colorScheme] = violations.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }
  return found;
}

const NONE = { light: [], dark: [] };

describe('accessibility (axe-core) in Chromium', () => {
  const env = useExtension();

  it('popup "This page" with results and an open explainer, then History', async () => {
    const popup = await openPopupFor(env, FLOOD.path);
    await popup.contextSettled();
    await popup.sameStory.waitFor();
    await popup.names.getByRole('button').first().click();
    await popup.names.getByRole('group', { name: /^About / }).waitFor();
    expect(await audit(popup.page)).toEqual(NONE);

    await waitForArticles(env.browser, (articles) => articles.length > 0);
    await popup.showHistory();
    await popup.historyItems.first().waitFor();
    expect(await audit(popup.page)).toEqual(NONE);
  });

  it('options page and welcome page', async () => {
    await expect.poll(() => env.browser.context.pages().some((p) => p.url().endsWith('/options.html?welcome=1')), { timeout: 15_000 }).toBe(true);
    const welcome = env.browser.context.pages().find((p) => p.url().endsWith('/options.html?welcome=1'))!;
    await welcome.getByRole('heading', { name: 'Welcome to Backstory' }).waitFor();
    expect(await audit(welcome)).toEqual(NONE);

    const options = await env.browser.context.newPage();
    await options.goto(env.browser.extensionUrl('options.html'));
    await options.getByRole('heading', { name: 'Backstory settings' }).waitFor();
    // The error state of the feed form too.
    await options.getByRole('textbox', { name: /Feed address/ }).fill('not a feed');
    await options.getByRole('button', { name: 'Add feed' }).click();
    await options.getByRole('alert').waitFor();
    expect(await audit(options)).toEqual(NONE);
  });

  it('sidebar in its shadow root, collapsed and open', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url(FLOOD.path));
    const sidebar = new SidebarPage(page);
    await sidebar.toggle.waitFor();
    expect(await audit(page, 'backstory-sidebar')).toEqual(NONE);
    await sidebar.expand();
    await sidebar.sameStoryItems.first().waitFor({ timeout: 45_000 });
    expect(await audit(page, 'backstory-sidebar')).toEqual(NONE);
  });
});
