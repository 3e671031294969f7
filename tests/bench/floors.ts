/**
 * The floors of the non-article benchmark (browser.ts): what the least a detector must do costs,
 * measured beside the empty content script and Backstory's detector, on the same pages in the same
 * run. Each runs at once when injected (at document idle), as the detector's first check does:
 * touch the page's DOM once (its first element from this script's world); add up the text of the
 * page's paragraphs; and a crude detector ({@link CRUDE_DETECTOR}). And what the measured build's
 * own performance marks cost, which a normal build does not pay; and what Backstory's own detector
 * costs before it does anything ({@link compiledOnlyFloor}).
 */

/**
 * A detector that reads og:type, the URL, whether a JSON-LD block names an article and up to 1,200
 * characters of paragraph text: the cost of one that reads the page. Unlike the quick check it may
 * rule out an article the classifier would take (it counts no whitespace, no CJK, no exact page type,
 * no search box).
 */
export const CRUDE_DETECTOR = {
  label: 'a crude detector (og:type, URL, JSON-LD naming an article, 1,200 characters of paragraphs; inexact)',
  script: [
    '(function () {',
    "  var og = document.querySelector('meta[property=\"og:type\"]');",
    "  var type = og ? (og.getAttribute('content') || '').toLowerCase() : '';",
    "  var path = new URL(document.URL).pathname.toLowerCase();",
    '  if (/^\\/$|\\/(search|tags?|section|category)(\\/|$)/.test(path)) return false;',
    "  var ld = document.querySelector('script[type=\"application/ld+json\"]');",
    '  var declared = ld ? /"(News)?Article"/.test(ld.textContent) : false;',
    "  if (type && type !== 'article' && !declared) return false;",
    "  var n = 0, ps = document.querySelectorAll('p');",
    '  for (var i = 0; i < ps.length && n < 1200; i++) n += ps[i].textContent.length;',
    '  return n >= 1200;',
    '})();',
    '',
  ].join('\n'),
};

/** The floors, in the order the benchmark prints them. */
export const FLOOR_SCRIPTS: readonly { label: string; script: string }[] = [
  { label: 'a script that only touches document.body', script: 'document.body;\n' },
  {
    // What the measured build's detector adds for the bench itself: its two marks (utils/perf.ts).
    label: 'a script that only sets two performance marks (as the measured detector does)',
    script: "performance.mark('backstory:a'); performance.mark('backstory:b');\n",
  },
  {
    label: "a script that only reads the paragraphs' text",
    script: "(function () { var n = 0; document.querySelectorAll('p, pre').forEach(function (p) { n += p.textContent.length; }); return n; })();\n",
  },
  CRUDE_DETECTOR,
];

/** The label of {@link compiledOnlyFloor}'s floor in the benchmark's note. */
export const COMPILED_ONLY_LABEL = "Backstory's detector compiled, nothing of it run (its built file and compile hint, one touch of document.body)";

/**
 * The floor of Backstory's own detector: its built file (`source`) compiled as it is, with one touch
 * of `document.body` as every detector makes, and none of its code run. Chromium keeps no code cache
 * for content scripts, so a new renderer compiles the detector every time; this is what that costs
 * with the file's size and V8 compile hint (the hint must stay the file's first line, so the code
 * goes below it, inside a function that is never called). The detector's own checks cost the rest.
 */
export function compiledOnlyFloor(source: string): { label: string; script: string } {
  const newline = source.indexOf('\n');
  const firstLine = newline < 0 ? source : source.slice(0, newline);
  const hint = firstLine.startsWith('//# ') ? `${firstLine}\n` : '';
  const code = hint ? source.slice(newline + 1) : source;
  return {
    label: COMPILED_ONLY_LABEL,
    script: `${hint}document.body;\n(function compiledOnly() {\n${code}\n});\n`,
  };
}
