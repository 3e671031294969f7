/**
 * The benchmark suite's one table (`npm run bench`): every figure beside its baseline measured in
 * the same run and its goal, and `bench-results.json`. Pure formatting, unit-tested in
 * tests/unit/bench/table.test.ts.
 */

/** One measured figure. `ours`/`baseline` are numbers in `unit`, or text when the figure is not a number. */
export interface BenchRow {
  /** Which benchmark it comes from: extract, related, context, browser, bundle, history. */
  group: string;
  figure: string;
  ours: number | string | null;
  baseline: number | string | null;
  /** 'ms', 'KB', 'MB', '×', '' (a ratio or score). */
  unit: string;
  /** The goal in words, e.g. "≤ 150 ms median"; '—' when the figure is only reported. */
  goal: string;
  /** Whether the goal is met; null when there is no goal or the figure could not be measured. */
  met: boolean | null;
  /** A short remark (what the baseline is, spread, why a figure is missing). */
  note?: string;
}

export interface BenchResults {
  /** ISO time of the run. */
  date: string;
  machine: string;
  /** The command line options the suite ran with. */
  options: Record<string, unknown>;
  rows: BenchRow[];
}

/** Median of a list (0 for an empty list). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Nearest-rank quantile, q in [0, 1] (0 for an empty list). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** A number with a precision that suits its size: 0.42, 4.2, 42, 4200. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A cell: number with unit, text as is, '—' for nothing. */
export function formatValue(value: number | string | null, unit: string): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  const n = formatNumber(value);
  if (!unit) return n;
  return unit === '×' ? `${n}×` : `${n} ${unit}`;
}

export const metLabel = (met: boolean | null): string => (met === null ? '—' : met ? 'yes' : 'NO');

const HEADERS = ['figure', 'ours', 'baseline (same run)', 'goal', 'met?'] as const;

/** The table as aligned plain text, one line per row, notes indented below their row. */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [r.figure, formatValue(r.ours, r.unit), formatValue(r.baseline, r.unit), r.goal, metLabel(r.met)]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join(' | ').trimEnd();
  const out = [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('-|-')];
  rows.forEach((r, i) => {
    out.push(line(cells[i]!));
    if (r.note) out.push(`    ${r.note}`);
  });
  return out.join('\n');
}

/** The table as Markdown (for the README). */
export function formatMarkdown(rows: readonly BenchRow[]): string {
  const esc = (v: string) => v.replace(/\|/g, '\\|');
  const out = [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => '---').join('|')}|`];
  for (const r of rows)
    out.push(`| ${[r.figure, formatValue(r.ours, r.unit), formatValue(r.baseline, r.unit), r.goal, metLabel(r.met)].map(esc).join(' | ')} |`);
  return out.join('\n');
}

/** Counts for the summary line. */
export function summarise(rows: readonly BenchRow[]): { met: number; missed: number; reported: number } {
  return {
    met: rows.filter((r) => r.met === true).length,
    missed: rows.filter((r) => r.met === false).length,
    reported: rows.filter((r) => r.met === null).length,
  };
}

/** The JSON written to bench-results.json (numbers kept at full precision). */
export function toResultsJson(results: BenchResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/** A row for a figure that could not be measured: the reason goes in the note, `met` stays null. */
export function failedRow(group: string, figure: string, goal: string, error: unknown): BenchRow {
  const message = error instanceof Error ? error.message : String(error);
  return { group, figure, ours: null, baseline: null, unit: '', goal, met: null, note: `not measured: ${message.split('\n')[0]!.slice(0, 200)}` };
}
