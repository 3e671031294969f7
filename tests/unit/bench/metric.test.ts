import { describe, expect, it } from 'vitest';
import { pageCounts, score, shingles, tokenize } from '../../bench/metric';

describe('tokenize', () => {
  it('splits on anything that is not a Unicode letter, digit or underscore, keeping case', () => {
    expect(tokenize('Héllo, wörld! snake_case 42x — Привет 東京')).toEqual([
      'Héllo', 'wörld', 'snake_case', '42x', 'Привет', '東京',
    ]);
  });
  it('gives no tokens for punctuation only', () => {
    expect(tokenize(' —,.!  ')).toEqual([]);
  });
});

describe('shingles', () => {
  it('counts overlapping 4-grams as a multiset', () => {
    const s = shingles('a b c d a b c d');
    expect([...s.values()].reduce((x, y) => x + y)).toBe(5);
    expect(s.get(['a', 'b', 'c', 'd'].join('\u0000'))).toBe(2);
  });
  it('gives one shingle of all tokens for a text of one to three tokens', () => {
    expect([...shingles('one two three').entries()]).toEqual([[['one', 'two', 'three'].join('\u0000'), 1]]);
    expect(shingles('single').size).toBe(1);
  });
  it('gives none for an empty text', () => {
    expect(shingles('').size).toBe(0);
  });
});

describe('pageCounts', () => {
  it('normalises tp, fp and fn to sum to one', () => {
    // truth has 3 shingles (a b c d, b c d e, c d e f); prediction has 2, one shared.
    const c = pageCounts('a b c d e f', 'a b c d x');
    expect(c.tp).toBeCloseTo(1 / 4);
    expect(c.fp).toBeCloseTo(1 / 4);
    expect(c.fn).toBeCloseTo(2 / 4);
  });
  it('is all zero when both texts are empty', () => {
    expect(pageCounts('', '')).toEqual({ tp: 0, fp: 0, fn: 0 });
  });
  it('counts repeated shingles with their multiplicity', () => {
    const c = pageCounts('w x y z', 'w x y z. w x y z.');
    // prediction: "w x y z w x y z" → 5 shingles, one of which ("w x y z") twice; truth has it once.
    expect(c.tp).toBeCloseTo(1 / 5);
    expect(c.fp).toBeCloseTo(4 / 5);
    expect(c.fn).toBe(0);
  });
});

describe('score', () => {
  it('averages precision over non-empty predictions only and recall over non-empty truths', () => {
    const perfect = pageCounts('a b c d e', 'a b c d e');
    const empty = pageCounts('a b c d e', '');
    const s = score([perfect, empty]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo((2 * 1 * 0.5) / 1.5);
  });
  it('is zero, not NaN, with no usable pages', () => {
    expect(score([])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
