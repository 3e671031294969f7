/**
 * The Node benchmarks of the suite (bench:extract, bench:related, bench:context), each run as its own
 * process exactly as `npm run bench:*` runs it, its printed figures turned into table rows.
 * A benchmark that offers `--json` is asked for JSON; otherwise its text output is parsed.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { failedRow, type BenchRow } from './table';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Runs a bench script; resolves to its stdout (a non-zero exit is fine: "goals not met" is a result). */
export function runScript(script: string, args: readonly string[], timeoutMs = 300_000): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((ok, fail) => {
    const child = spawn(TSX, [join(ROOT, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.once('error', fail);
    child.once('close', (code) => {
      clearTimeout(timer);
      ok({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code });
    });
  });
}

const num = (s: string | undefined): number => (s === undefined ? Number.NaN : Number(s));

// ---------------------------------------------------------------- extract

/** Rows from `bench:extract` output: F1 and the time ratio ours / raw Readability (linkedom, Node). */
export function parseExtract(stdout: string): BenchRow[] {
  const row = (name: string) => {
    const m = new RegExp(`^${name}\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`, 'm').exec(stdout);
    if (!m) throw new Error(`bench:extract printed no "${name}" row`);
    return { f1: num(m[1]), median: num(m[4]) };
  };
  const ours = row('Backstory extractArticle');
  const raw = row('raw Readability [\\d.]+');
  const ratio = /time ratio ours\/raw: median ([\d.]+)×, total ([\d.]+)×/.exec(stdout);
  const pages = /Extraction benchmark: (\d+) pages/.exec(stdout)?.[1] ?? '?';
  return [
    { group: 'extract', figure: `extraction F1 (dev set, ${pages} pages)`, ours: ours.f1, baseline: raw.f1, unit: '', goal: '> raw Readability', met: ours.f1 > raw.f1, note: 'baseline: raw Readability 0.6.0, same pages, linkedom' },
    {
      group: 'extract',
      figure: 'extraction time per page, Node (median)',
      ours: ours.median,
      baseline: raw.median,
      unit: 'ms',
      goal: '≤ 1.5× raw',
      met: ratio ? num(ratio[1]) <= 1.5 : null,
      note: ratio ? `ratio median ${ratio[1]}×, total ${ratio[2]}× (the browser figure below is the one the goal is about)` : undefined,
    },
  ];
}

// ---------------------------------------------------------------- related

export interface RelatedFigures {
  ours: { p5: number; recall: number; unrelated10: number; ms: number; fastestMs?: number };
  baseline: { p5: number; recall: number; unrelated10: number; ms: number; fastestMs?: number };
}

/**
 * The figures from bench:related's text output (the "backstory rank" and "tf-idf cosine" summary
 * lines: P@5, recall, unrelated, self shown, then ms: median[, p95], fastest).
 */
export function parseRelatedText(stdout: string): RelatedFigures {
  const line = (name: string) => {
    const all = [...stdout.matchAll(new RegExp(`^${name}\\s+([\\d.]+)\\s+([\\d.]+)\\s+(\\d+)\\s+(\\d+)((?:\\s+[\\d.]+){2,3})\\s*$`, 'gm'))];
    const m = all.at(-1);
    if (!m) throw new Error(`bench:related printed no "${name}" line`);
    const ms = m[5]!.trim().split(/\s+/).map(Number);
    return { p5: num(m[1]), recall: num(m[2]), unrelated10: num(m[3]), ms: ms[0]!, fastestMs: ms.at(-1)! };
  };
  return { ours: line('backstory rank'), baseline: line('tf-idf cosine') };
}

/** Best effort on a JSON answer whose shape this suite did not define: looks for the usual names. */
export function parseRelatedJson(value: unknown): RelatedFigures {
  const pick = (o: Record<string, unknown>, ...names: string[]) => {
    for (const n of names) if (typeof o[n] === 'number') return o[n];
    return Number.NaN;
  };
  const side = (o: unknown) => {
    if (typeof o !== 'object' || o === null) throw new Error('bench:related --json: missing side');
    const r = o as Record<string, unknown>;
    const timing = (typeof r.timing === 'object' && r.timing !== null ? r.timing : typeof r.ms === 'object' && r.ms !== null ? r.ms : {}) as Record<string, unknown>;
    return {
      p5: pick(r, 'p5', 'precisionAt5', 'precision5'),
      recall: pick(r, 'recall', 'sameRecall', 'sameStoryRecall'),
      unrelated10: pick(r, 'unrelated10', 'unrelatedTop10', 'unrelated'),
      ms: Number.isNaN(pick(r, 'ms', 'medianMs', 'rankMs', 'rankingMs')) ? pick(timing, 'median', 'medianMs') : pick(r, 'ms', 'medianMs', 'rankMs', 'rankingMs'),
      fastestMs: Number.isNaN(pick(r, 'fastestMs', 'minMs')) ? pick(timing, 'min', 'fastest') : pick(r, 'fastestMs', 'minMs'),
    };
  };
  const v = value as Record<string, unknown>;
  return { ours: side(v.ours ?? v.backstory), baseline: side(v.baseline ?? v.tfidf) };
}

export function relatedRows(f: RelatedFigures): BenchRow[] {
  const fastest = (x: { fastestMs?: number }) => (x.fastestMs !== undefined && Number.isFinite(x.fastestMs) ? `${x.fastestMs.toFixed(1)} ms` : '?');
  return [
    { group: 'related', figure: 'same story precision@5', ours: f.ours.p5, baseline: f.baseline.p5, unit: '', goal: '≥ 0.9', met: f.ours.p5 >= 0.9, note: 'baseline: plain TF-IDF cosine' },
    { group: 'related', figure: 'same-story recall', ours: f.ours.recall, baseline: f.baseline.recall, unit: '', goal: '≥ 0.9', met: f.ours.recall >= 0.9 },
    { group: 'related', figure: 'unrelated items in top 10 (all stories)', ours: f.ours.unrelated10, baseline: f.baseline.unrelated10, unit: '', goal: '0', met: f.ours.unrelated10 === 0 },
    {
      group: 'related',
      figure: 'ranking 1,000 candidates (median)',
      ours: f.ours.ms,
      baseline: f.baseline.ms,
      unit: 'ms',
      goal: '≤ 20 ms',
      met: f.ours.ms <= 20,
      note: `fastest run: ours ${fastest(f.ours)}, TF-IDF ${fastest(f.baseline)}`,
    },
  ];
}

/** Whether bench:related understands `--json` (its source mentions the flag). */
async function relatedHasJson(): Promise<boolean> {
  const source = await readFile(join(ROOT, 'tests/bench/related.ts'), 'utf8');
  return source.includes("'--json'") || source.includes('"--json"');
}

/** The figures of `runRelatedBench()` (tests/bench/related.ts), when that module exports it. */
interface RelatedBenchExport {
  runRelatedBench?: (options?: { log?: (line: string) => void }) => Promise<{
    ours: { p5: number; recall: number; unrelated10: number };
    baseline: { p5: number; recall: number; unrelated10: number };
    rankMs: { median: number; min: number };
    baselineMs: { median: number; min: number };
  }>;
}

export async function runRelated(): Promise<BenchRow[]> {
  try {
    // In-process when the benchmark exports its function; it only prints when run directly.
    const module = (await import('./related')) as RelatedBenchExport;
    if (typeof module.runRelatedBench === 'function') {
      const r = await module.runRelatedBench();
      const side = (m: { p5: number; recall: number; unrelated10: number }, t: { median: number; min: number }) => ({
        p5: m.p5,
        recall: m.recall,
        unrelated10: m.unrelated10,
        ms: t.median,
        fastestMs: t.min,
      });
      return relatedRows({ ours: side(r.ours, r.rankMs), baseline: side(r.baseline, r.baselineMs) });
    }
    if (await relatedHasJson()) {
      const { stdout } = await runScript('tests/bench/related.ts', ['--json']);
      const start = stdout.indexOf('{');
      try {
        return relatedRows(parseRelatedJson(JSON.parse(stdout.slice(start))));
      } catch {
        return relatedRows(parseRelatedText(stdout));
      }
    }
    const { stdout } = await runScript('tests/bench/related.ts', []);
    return relatedRows(parseRelatedText(stdout));
  } catch (error) {
    return [failedRow('related', 'ranking 1,000 candidates (median)', '≤ 20 ms', error)];
  }
}

// ---------------------------------------------------------------- context

/** Rows from bench:context: entity P/R ("any" type) for English and de/fr/es, and analysis time. */
export function parseContext(stdout: string): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const group of ['en all', 'de/fr/es all']) {
    const esc = group.replace(/[/]/g, '\\/');
    const m = new RegExp(`^${esc}\\s+any\\s+\\|\\s+([\\d.]+)\\s+([\\d.]+).*\\|\\s+([\\d.]+)\\s+([\\d.]+)`, 'm').exec(stdout);
    if (!m) throw new Error(`bench:context printed no "${group} any" row`);
    const label = group === 'en all' ? 'English' : 'German, French, Spanish';
    rows.push({
      group: 'context',
      figure: `entities ${label}: precision / recall`,
      ours: `${m[1]} / ${m[2]}`,
      baseline: `${m[3]} / ${m[4]}`,
      unit: '',
      goal: '—',
      met: null,
      note: group === 'en all' ? 'baseline: capitalised-word runs (untyped)' : undefined,
    });
  }
  const time = /Analysis time per article: median ([\d.]+) ms/.exec(stdout);
  if (time) rows.push({ group: 'context', figure: 'article analysis (median per article, Node)', ours: num(time[1]), baseline: null, unit: 'ms', goal: '—', met: null });
  return rows;
}

export async function runContext(): Promise<BenchRow[]> {
  try {
    return parseContext((await runScript('tests/bench/context.ts', [])).stdout);
  } catch (error) {
    return [failedRow('context', 'entities', '—', error)];
  }
}

export async function runExtract(dir: string): Promise<BenchRow[]> {
  try {
    const { stdout, stderr, code } = await runScript('tests/bench/extract.ts', [dir, '--repeat', '3'], 600_000);
    if (code !== 0 && !stdout.includes('Extraction benchmark')) throw new Error(stderr.trim() || `exit ${code}`);
    return parseExtract(stdout);
  } catch (error) {
    return [failedRow('extract', 'extraction F1', '> raw Readability', error)];
  }
}
