/**
 * lowerAscii stands in for the `i` flag on the URL and JSON-LD type patterns (run on every page by
 * the quick check): matching its result against a lower-case pattern must match exactly what the
 * case-insensitive pattern matched.
 */
import { describe, expect, it } from 'vitest';
import { lowerAscii } from '@/utils/article/ascii';

describe('lowerAscii', () => {
  it('lower-cases A–Z', () => {
    expect(lowerAscii('/News/EN-GB/Index.HTML')).toBe('/news/en-gb/index.html');
  });

  it('folds onto a–z exactly the characters a case-insensitive pattern folds (every code point, in text with and without U+0130)', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      // Lone surrogates as single code units (URLs can hold them once decoded), other code points whole.
      const char = code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : String.fromCodePoint(code);
      for (const before of ['A', '\u0130']) {
        const lowered = lowerAscii(before + char).slice(before.length);
        if (/[a-z]/.test(lowered) !== /[a-z]/i.test(char)) differ.push(`U+${code.toString(16).toUpperCase()} after ${before}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('leaves U+0130 and U+212A alone wherever they stand (toLowerCase maps them onto ASCII letters)', () => {
    expect(lowerAscii('/News/\u0130stanbul')).toBe('/news/\u0130stanbul');
    expect(lowerAscii('/\u212A\u212A/')).toBe('/\u212A\u212A/');
  });
});
