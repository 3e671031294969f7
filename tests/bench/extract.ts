/**
 * Extraction benchmark: our extractArticle against raw Readability, same DOM, same pages, one run.
 *
 *   npm run bench:extract -- DIR [--out FILE] [--only ID]
 *
 * DIR holds html/<id>.html or html/<id>.html.gz and ground-truth.json ({ id: { articleBody, url? } }).
 * Prints F1, precision, recall, median and p95 ms per page for both, and the time ratio ours/raw.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../utils/article/extract';
import { pageCounts, score, type PageCounts } from './metric';

interface Truth {
  articleBody: string;
  url?: string;
}

interface Options {
  dir: string;
  out?: string;
  only?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Partial<Options> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') options.out = argv[++i];
    else if (arg === '--only') options.only = argv[++i];
    else if (!arg.startsWith('--') && !options.dir) options.dir = arg;
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!options.dir) throw new Error('usage: npm run bench:extract -- DIR [--out FILE] [--only ID]');
  return options as Options;
}

async function loadPages(dir: string, only?: string) {
  const truth = JSON.parse(await readFile(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const files = await readdir(join(dir, 'html'));
  const pages: { id: string; html: string; url: string; truth: string }[] = [];
  for (const file of files.sort()) {
    const id = file.replace(/\.html(\.gz)?$/, '');
    if (!(id in truth) || (only && id !== only)) continue;
    const raw = await readFile(join(dir, 'html', file));
    const html = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    pages.push({ id, html, url: truth[id]!.url ?? `https://example.invalid/${id}`, truth: truth[id]!.articleBody });
  }
  return pages;
}

const documentOf = (html: string) => parseHTML(html).document as unknown as Document;

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

interface Side {
  name: string;
  run: (doc: Document, url: string) => string;
  counts: PageCounts[];
  ms: number[];
  predictions: Record<string, { articleBody: string }>;
  failures: number;
}

function side(name: string, run: Side['run']): Side {
  return { name, run, counts: [], ms: [], predictions: {}, failures: 0 };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const pages = await loadPages(options.dir, options.only);
  if (pages.length === 0) throw new Error(`no pages with ground truth in ${options.dir}`);

  const ours = side('Backstory extractArticle', (doc, url) => extractArticle(doc, url)?.text ?? '');
  const raw = side('raw Readability 0.6.0', (doc) => {
    const parsed = new Readability(doc.cloneNode(true) as Document).parse();
    return parsed?.textContent ?? '';
  });

  pages.forEach((page, index) => {
    // Interleave, alternating which side goes first, so neither gets a warmer JIT or cache.
    const order = index % 2 === 0 ? [ours, raw] : [raw, ours];
    for (const s of order) {
      const doc = documentOf(page.html);
      let text = '';
      const start = performance.now();
      try {
        text = s.run(doc, page.url);
      } catch (error) {
        s.failures++;
        console.error(`${s.name} failed on ${page.id}: ${(error as Error).message}`);
      }
      s.ms.push(performance.now() - start);
      s.counts.push(pageCounts(page.truth, text));
      s.predictions[page.id] = { articleBody: text };
    }
  });

  const rows = [ours, raw].map((s) => {
    const { precision, recall, f1 } = score(s.counts);
    return { s, f1, precision, recall, median: quantile(s.ms, 0.5), p95: quantile(s.ms, 0.95) };
  });
  const pad = (v: string, n: number) => v.padEnd(n);
  console.log(`\nExtraction benchmark: ${pages.length} pages from ${options.dir} (linkedom DOM)\n`);
  console.log(`${pad('extractor', 28)}${pad('F1', 8)}${pad('P', 8)}${pad('R', 8)}${pad('median ms', 11)}${pad('p95 ms', 9)}failures`);
  for (const r of rows)
    console.log(
      `${pad(r.s.name, 28)}${pad(r.f1.toFixed(3), 8)}${pad(r.precision.toFixed(3), 8)}${pad(r.recall.toFixed(3), 8)}` +
        `${pad(r.median.toFixed(1), 11)}${pad(r.p95.toFixed(1), 9)}${r.s.failures}`,
    );
  const total = (s: Side) => s.ms.reduce((a, b) => a + b, 0);
  console.log(
    `\ntime ratio ours/raw: median ${(rows[0]!.median / rows[1]!.median).toFixed(2)}×, total ${(total(ours) / total(raw)).toFixed(2)}×`,
  );
  if (options.out) {
    await writeFile(options.out, JSON.stringify(ours.predictions, null, 1));
    console.log(`predictions written to ${options.out}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
