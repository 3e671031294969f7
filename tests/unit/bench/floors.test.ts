/**
 * The non-article benchmark's floors (tests/bench/floors.ts) run in Chromium as content scripts,
 * where an error goes unseen and a floor that throws would measure next to nothing. Each must run to
 * its end on the fixture pages the benchmark loads. The crude detector must decide like a detector
 * (it rules out the front and search pages by their address and takes some articles), and be as
 * inexact as its label says: it misses articles that the quick check keeps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { quickCheck } from '@/utils/article/quick-check';
import { FLOOR_SCRIPTS } from '../../bench/floors';

const PAGES = join(__dirname, '../../fixtures/pages');

/** A fixture page loaded at its real address (expected.json's `url`). */
function load(name: string) {
  const { url } = JSON.parse(readFileSync(join(PAGES, name, 'expected.json'), 'utf8')) as { url: string };
  const window = new Window({ url, settings: { disableCSSFileLoading: true, disableJavaScriptFileLoading: true, disableJavaScriptEvaluation: true } });
  window.document.write(readFileSync(join(PAGES, name, 'source.html'), 'utf8'));
  return window;
}

/** Runs `script` as the page's content script would, with its globals; returns the value of its last expression statement when asked. */
function run(window: Window, script: string, value = false): unknown {
  const body = value ? `return ${script.trim().replace(/;$/, '')};` : script;
  return new Function('document', 'performance', 'URL', body)(window.document, window.performance, URL);
}

const NON_ARTICLE = ['front-page', 'search-results', 'section-page', 'app-page'];
const crude = FLOOR_SCRIPTS.find((floor) => floor.label.startsWith('a crude detector'))!;

describe('the non-article benchmark floors', () => {
  it.each(NON_ARTICLE)('all run to their end on the fixture page "%s"', (name) => {
    const window = load(name);
    for (const floor of FLOOR_SCRIPTS) expect(() => run(window, floor.script), floor.label).not.toThrow();
    window.close();
  });

  it('has a crude detector that rules out the front and search pages, takes some articles and misses others the quick check keeps', () => {
    expect(crude).toBeDefined();
    for (const name of ['front-page', 'search-results']) expect(run(load(name), crude.script, true), name).toBe(false);
    const articles = readdirSync(PAGES).filter((name) => !NON_ARTICLE.includes(name));
    const taken = articles.filter((name) => run(load(name), crude.script, true) === true);
    const kept = articles.filter((name) => {
      const window = load(name);
      return quickCheck(window.document as unknown as Document, window.document.URL);
    });
    expect(kept).toEqual(articles);
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.length).toBeLessThan(kept.length);
  });
});
