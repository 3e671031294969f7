// The benchmark suite's table, JSON and the parsers that read the Node benchmarks' output
// (tests/bench/table.ts, tests/bench/node-benches.ts). Formatting only: no timing here.
import { describe, expect, it } from 'vitest';
import { parseContext, parseExtract, parseRelatedJson, parseRelatedText, relatedRows } from '../../bench/node-benches';
import { failedRow, formatMarkdown, formatTable, formatValue, median, quantile, summarise, toResultsJson, type BenchRow } from '../../bench/table';

const rows: BenchRow[] = [
  { group: 'browser', figure: 'popup open → results painted', ours: 92.4, baseline: null, unit: 'ms', goal: '≤ 150 ms median', met: true, note: 'p95 140 ms' },
  { group: 'history', figure: 'history 10k: search p95', ours: 61.25, baseline: 812, unit: 'ms', goal: '≤ 50 ms', met: false },
  { group: 'bundle', figure: 'bundle background, gzip', ours: 69.43, baseline: null, unit: 'KB', goal: 'reported', met: null },
  { group: 'context', figure: 'entities English: P / R', ours: '0.99 / 0.99', baseline: '0.69 / 0.85', unit: '', goal: '—', met: null },
];

describe('bench table', () => {
  it('prints one aligned line per figure with ours, baseline, goal and met, notes below their row', () => {
    const lines = formatTable(rows).split('\n');
    expect(lines[0]).toMatch(/^figure\s+\| ours\s+\| baseline \(same run\) \| goal\s+\| met\?$/);
    expect(lines[2]).toContain('| 92.4 ms ');
    expect(lines[2]).toMatch(/\| yes$/);
    expect(lines[3]).toBe('    p95 140 ms');
    expect(lines[4]).toContain('| 61.3 ms ');
    expect(lines[4]).toContain('| 812 ms ');
    expect(lines[4]).toMatch(/\| NO$/);
    expect(lines[5]).toMatch(/\| — +\| reported +\| —$/);
    expect(lines[6]).toContain('0.99 / 0.99');
    // Every row's separators line up with the header's.
    const bars = (l: string) => [...l].flatMap((c, i) => (c === '|' ? [i] : []));
    for (const i of [2, 4, 5, 6]) expect(bars(lines[i]!)).toEqual(bars(lines[0]!));
  });

  it('formats values by size and unit, and nothing as a dash', () => {
    expect(formatValue(0.4567, '')).toBe('0.46');
    expect(formatValue(12.345, 'ms')).toBe('12.3 ms');
    expect(formatValue(1234.5, 'ms')).toBe('1235 ms');
    expect(formatValue(1.4, '×')).toBe('1.40×');
    expect(formatValue(null, 'ms')).toBe('—');
    expect(formatValue(8, '')).toBe('8');
  });

  it('writes Markdown for the README with pipes in text escaped', () => {
    const md = formatMarkdown([{ ...rows[0]!, figure: 'a | b' }]).split('\n');
    expect(md[0]).toBe('| figure | ours | baseline (same run) | goal | met? |');
    expect(md[2]).toBe('| a \\| b | 92.4 ms | — | ≤ 150 ms median | yes |');
  });

  it('writes JSON that reads back to the same rows, numbers at full precision', () => {
    const json = toResultsJson({ date: '2026-11-28T20:00:00.000Z', machine: '2 × test CPU', options: { runs: 7 }, rows });
    const back = JSON.parse(json) as { rows: BenchRow[]; machine: string };
    expect(back.rows).toEqual(rows);
    expect(back.rows[1]!.ours).toBe(61.25);
    expect(back.machine).toBe('2 × test CPU');
  });

  it('counts met, missed and reported-only figures', () => {
    expect(summarise(rows)).toEqual({ met: 1, missed: 1, reported: 2 });
  });

  it('keeps a figure that failed as a row with the reason, not a silent gap', () => {
    const row = failedRow('browser', 'popup', '≤ 150 ms', new Error('no running service worker\nstack…'));
    expect(row).toMatchObject({ ours: null, met: null, note: 'not measured: no running service worker' });
  });

  it('takes nearest-rank medians and percentiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBe(0);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(hundred, 0.95)).toBe(95);
    expect(quantile(hundred, 0.5)).toBe(50);
  });
});

describe('Node benchmark output parsers', () => {
  it('reads bench:extract: F1 and the time ratio', () => {
    const out = [
      'Extraction benchmark: 91 pages from dev (linkedom DOM)',
      '',
      'extractor                   F1      P       R       median ms  p95 ms   failures',
      'Backstory extractArticle    0.979   0.973   0.985   25.4       80.1     0',
      'raw Readability 0.6.0       0.941   0.903   0.982   18.7       60.2     0',
      '',
      'time ratio ours/raw: median 1.36×, total 1.02×',
    ].join('\n');
    const [f1, time] = parseExtract(out);
    expect(f1).toMatchObject({ ours: 0.979, baseline: 0.941, met: true, figure: 'extraction F1 (dev set, 91 pages)' });
    expect(time).toMatchObject({ ours: 25.4, baseline: 18.7, met: true });
  });

  it('reads bench:related text output, the last summary lines', () => {
    const out = [
      '                      precision@5  same recall  unrelated in top 10  self shown  ms / 1,000 (median of 41, fastest)',
      'backstory rank              1.000        0.898                    0           0     19.10   10.02',
      'tf-idf cosine               0.825        0.756                    5           5     13.00    9.00',
      '(later runs print median, p95 and fastest)',
      'backstory rank              1.000        0.898                    0           0     19.10   31.50   10.02',
    ].join('\n');
    const figures = parseRelatedText(out);
    expect(figures.ours).toEqual({ p5: 1, recall: 0.898, unrelated10: 0, ms: 19.1, fastestMs: 10.02 });
    expect(figures.baseline.unrelated10).toBe(5);
    const ranking = relatedRows(figures).find((r) => r.figure.startsWith('ranking'))!;
    expect(ranking).toMatchObject({ ours: 19.1, baseline: 13, met: true });
    expect(relatedRows(figures).find((r) => r.figure === 'same-story recall')!.met).toBe(false);
  });

  it('reads a bench:related JSON answer under the usual names', () => {
    const figures = parseRelatedJson({
      ours: { precisionAt5: 0.95, recall: 0.91, unrelated10: 0, timing: { median: 18, min: 9 } },
      baseline: { p5: 0.8, recall: 0.7, unrelated10: 4, timing: { median: 12, min: 8 } },
    });
    expect(figures.ours).toEqual({ p5: 0.95, recall: 0.91, unrelated10: 0, ms: 18, fastestMs: 9 });
    expect(figures.baseline.ms).toBe(12);
  });

  it('reads bench:context: "any" rows for English and de/fr/es, and the analysis time', () => {
    const out = [
      'en all              any           |  0.99  0.99  (168 pred, 170 gold) |  0.69  0.85  (232 runs)',
      'de/fr/es all        any           |  0.99  0.92  (229 pred, 250 gold) |  0.40  0.78  (515 runs)',
      'Analysis time per article: median 19.2 ms, max 58.8 ms (median of 15 runs each, after one warm-up)',
    ].join('\n');
    const parsed = parseContext(out);
    expect(parsed.map((r) => [r.ours, r.baseline])).toEqual([
      ['0.99 / 0.99', '0.69 / 0.85'],
      ['0.99 / 0.92', '0.40 / 0.78'],
      [19.2, null],
    ]);
  });

  it('says so when a benchmark printed nothing it can read', () => {
    expect(() => parseRelatedText('GOALS NOT MET')).toThrow(/no "backstory rank" line/);
    expect(() => parseExtract('')).toThrow(/no "Backstory extractArticle" row/);
  });
});
