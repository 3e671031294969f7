// The history search index's read planning (utils/history-index.ts): the articles of a result page
// are read with one ranged read per span of visit times, so a page of 100 results costs a few reads.
import { describe, expect, it } from 'vitest';
import { changedPosting, visitSpans } from '@/utils/history-index';

const times = (...t: number[]) => Float64Array.from(t).sort();

describe('visitSpans', () => {
  it('reads a run of consecutive articles as one span', () => {
    expect(visitSpans(times(1, 2, 3, 4, 5, 6), [6, 5, 4])).toEqual([{ from: 4, to: 6 }]);
  });

  it('keeps a few other articles inside a span, and starts another span past the limit', () => {
    const all = times(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    // 10 and 7: two others between (9, 8), within a limit of 2.
    expect(visitSpans(all, [10, 7], 2)).toEqual([{ from: 7, to: 10 }]);
    // 10 and 6: three others between, over the limit.
    expect(visitSpans(all, [10, 6], 2)).toEqual([{ from: 10, to: 10 }, { from: 6, to: 6 }]);
  });

  it('covers every wanted time and reads at most the allowed others per gap (a scattered result page)', () => {
    let seed = 3;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const all = Float64Array.from({ length: 5_000 }, (_, i) => 1_000 + i * 60_000 + (i % 5 === 0 ? 0 : 1)).sort();
    const wanted = [...all].filter(() => random() < 0.05).reverse().slice(0, 100);
    const spans = visitSpans(all, wanted, 16);
    for (const t of wanted) expect(spans.some((s) => s.from <= t && t <= s.to)).toBe(true);
    const read = spans.reduce((n, s) => n + [...all].filter((t) => s.from <= t && t <= s.to).length, 0);
    expect(read - wanted.length).toBeLessThanOrEqual(16 * (wanted.length - 1));
    expect(spans.length).toBeLessThan(wanted.length); // fewer reads than one per article
  });

  it('gives no span for no article', () => {
    expect(visitSpans(times(1, 2), [])).toEqual([]);
  });
});

describe('changedPosting', () => {
  const changes = (...pairs: [number, boolean][]) => new Map(pairs);

  it('appends new articles (the usual case: they have the highest numbers)', () => {
    expect([...changedPosting(Uint32Array.of(1, 4, 9), changes([12, true], [10, true]))]).toEqual([1, 4, 9, 10, 12]);
    expect([...changedPosting([], changes([3, true]))]).toEqual([3]);
  });

  it('inserts, removes and ignores a doc already there, keeping the order (an import or a deletion)', () => {
    expect([...changedPosting([1, 4, 9], changes([5, true], [4, false], [9, true], [0, true], [20, true]))]).toEqual([0, 1, 5, 9, 20]);
    expect([...changedPosting(Uint32Array.of(2, 3), changes([2, false], [3, false]))]).toEqual([]);
  });

  it('reads a plain array (a saved database) and writes a Uint32Array', () => {
    expect(changedPosting([7], changes([8, true]))).toBeInstanceOf(Uint32Array);
  });
});
