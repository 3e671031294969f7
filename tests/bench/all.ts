/**
 * The whole benchmark suite (issue "Performance"): one table, every figure beside its baseline
 * measured in the same run and its goal, and `bench-results.json` in the project root.
 *
 *   npm run bench [-- --data DIR] [--runs N] [--sizes 1000,10000,50000] [--queries N] [--skip-history]
 *                   [--only bundle,non-article,articles,sidebar,popup,history,related,context,extract] [--no-build] [--fill-budget S]
 *
 * Runs bench:extract on DIR (only with --data; its pages are also served to Chromium), bench:related,
 * bench:context (each as its own process), then the browser benchmarks (tests/bench/browser.ts).
 * Wall-clock figures depend on the machine: the JSON records which one.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseBrowserArgs, runBrowserBench } from './browser';
import { runContext, runExtract, runRelated } from './node-benches';
import { formatTable, summarise, toResultsJson, type BenchRow } from './table';

const ROOT = join(import.meta.dirname, '../..');
const NODE_PARTS = ['related', 'context', 'extract'];

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${availableParallelism()} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, load average ${loadavg()[0]!.toFixed(1)} at start, Node ${process.version}`;
}

async function main() {
  const argv = process.argv.slice(2);
  const options = parseBrowserArgs(argv);
  const log = (line: string) => console.error(`[bench] ${line}`);
  const wanted = (part: string) => !options.only || options.only.includes(part);
  const started = Date.now();
  const host = machine();
  const rows: BenchRow[] = [];
  const step = async (name: string, fn: () => Promise<BenchRow[]>) => {
    if (!wanted(name)) return;
    const t = Date.now();
    rows.push(...(await fn()));
    log(`${name}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
  };

  if (options.data) await step('extract', () => runExtract(options.data!));
  await step('related', runRelated);
  await step('context', runContext);
  const browserParts = options.only?.filter((p) => !NODE_PARTS.includes(p));
  if (!options.only || browserParts!.length) rows.push(...(await runBrowserBench({ ...options, only: browserParts, log })));

  const counts = summarise(rows);
  console.log(`\nBackstory benchmark suite — ${host}\n`);
  console.log(formatTable(rows));
  console.log(`\n${counts.met} goals met, ${counts.missed} missed, ${counts.reported} reported only; ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const file = join(ROOT, 'bench-results.json');
  await writeFile(file, toResultsJson({ date: new Date(started).toISOString(), machine: host, options: { ...options }, rows }));
  console.log(`written: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
