/**
 * `text` lower-cased for matching against lower-case ASCII patterns: the result matches such a
 * pattern exactly where `text` matches it with the `i` flag (without `u`, `i` folds no character
 * outside ASCII onto an ASCII letter). It spares the `i` flag's cost: a new page's first
 * case-insensitive pattern costs it a tenth of a millisecond or more to set up (measured in
 * Chromium), which the content script's quick check would pay on every page.
 */
export function lowerAscii(text: string): string {
  // `toLowerCase` maps only two characters outside ASCII onto ASCII letters: U+0130 (to "i" and a
  // combining dot) and U+212A KELVIN SIGN (to "k"). A pattern with a replacer, which lower-cases A–Z
  // alone, costs a new page more, so it serves only text holding one of them.
  if (!text.includes('\u0130') && !text.includes('\u212A')) return text.toLowerCase();
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
