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
import { compiledOnlyFloor, CRUDE_DETECTOR, FLOOR_SCRIPTS } from '../../bench/floors';

const PAGES = join(__dirname, '../../fixtures/pages');

/** `read(window)` on the fixture page `name` loaded at its real address (expected.json's `url`). */
function onPage<T>(name: string, read: (window: Window) => T): T {
  const { url } = JSON.parse(readFileSync(join(PAGES, name, 'expected.json'), 'utf8')) as { url: string };
  const window = new Window({ url, settings: { disableCSSFileLoading: true, disableJavaScriptFileLoading: true, disableJavaScriptEvaluation: true } });
  try {
    window.document.write(readFileSync(join(PAGES, name, 'source.html'), 'utf8'));
    return read(window);
  } finally {
    void window.happyDOM.close();
  }
}

/** Runs `script` as the page's content script would, with its globals; returns the value of its last expression statement when asked. */
function run(window: Window, script: string, value = false): unknown {
  const body = value ? `return ${script.trim().replace(/;$/, '')};` : script;
  return new Function('document', 'performance', 'URL', body)(window.document, window.performance, URL);
}

const NON_ARTICLE = ['front-page', 'search-results', 'section-page', 'app-page'];

describe('the non-article benchmark floors', () => {
  it.each(NON_ARTICLE)('all run to their end on the fixture page "%s"', (name) => {
    onPage(name, (window) => {
      for (const floor of FLOOR_SCRIPTS) expect(() => run(window, floor.script), floor.label).not.toThrow();
    });
  });

  it('has a crude detector that rules out the front and search pages, takes some articles and misses others the quick check keeps', () => {
    expect(FLOOR_SCRIPTS).toContain(CRUDE_DETECTOR);
    const crude = (window: Window) => run(window, CRUDE_DETECTOR.script, true);
    for (const name of ['front-page', 'search-results']) expect(onPage(name, crude), name).toBe(false);
    const articles = readdirSync(PAGES).filter((name) => !NON_ARTICLE.includes(name));
    // Each article page read once by both: [taken by the crude detector, kept by the quick check].
    const decisions = articles.map((name) =>
      onPage(name, (window) => [crude(window) === true, quickCheck(window.document as unknown as Document, window.document.URL)] as const),
    );
    const taken = decisions.filter(([crudeTakes]) => crudeTakes);
    const kept = decisions.filter(([, quickKeeps]) => quickKeeps);
    expect(kept.length).toBe(articles.length);
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.length).toBeLessThan(kept.length);
  });
});

describe("the floor of Backstory's detector compiled but not run", () => {
  // A stand-in for the built detector: V8's compile hint on the first line, then an IIFE that does work.
  const built = '//# allFunctionsCalledOnLoad\n(function(){globalThis.__detectorRan = (globalThis.__detectorRan ?? 0) + 1;})();\n';

  it('keeps the compile hint as the first line and all of the code below it', () => {
    const { script } = compiledOnlyFloor(built);
    expect(script.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(script).toContain(built.slice(built.indexOf('\n') + 1).trim());
  });

  it('touches document.body and runs none of the code', () => {
    const { script } = compiledOnlyFloor(built);
    const touched: string[] = [];
    const document = new Proxy({}, { get: (_, key) => touched.push(String(key)) });
    delete (globalThis as { __detectorRan?: number }).__detectorRan;
    new Function('document', script)(document);
    expect(touched).toEqual(['body']);
    expect((globalThis as { __detectorRan?: number }).__detectorRan).toBeUndefined();
    // The same code as it is does run: the floor is what kept it from running.
    new Function(built)();
    expect((globalThis as { __detectorRan?: number }).__detectorRan).toBe(1);
  });

  it('takes a file without a hint whole', () => {
    const { script } = compiledOnlyFloor('(function(){})();');
    expect(script.startsWith('document.body;\n')).toBe(true);
    expect(script).toContain('(function(){})();');
  });
});
