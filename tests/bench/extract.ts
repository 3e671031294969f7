/**
 * Extraction benchmark: our extractArticle against raw Readability, same DOM, same pages, one run.
 *
 *   npm run bench:extract -- DIR [--out FILE] [--only ID] [--repeat N] [--profile]
 *
 * DIR holds html/<id>.html or html/<id>.html.gz and ground-truth.json ({ id: { articleBody, url? } }).
 * Prints F1, precision, recall, median and p95 ms per page for both, and the time ratio ours/raw.
 * --repeat N runs every page N times per side and keeps each page's fastest time (the machine's
 * other load only ever adds time). --profile also times the stages the content script runs on
 * every article page: metadata, detection (`classifyPage`), Readability, and `readPage` whole.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { classifyPage } from '../../utils/article/detect';
import { extractArticle, readPage } from '../../utils/article/extract';
import { readMetadata } from '../../utils/article/metadata';
import { pageCounts, score, type PageCounts } from './metric';

interface Truth {
  articleBody: string;
  url?: string;
}

interface Options {
  dir: string;
  out?: string;
  only?: string;
  repeat: number;
  profile: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Partial<Options> = { repeat: 1, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') options.out = argv[++i];
    else if (arg === '--only') options.only = argv[++i];
    else if (arg === '--repeat') options.repeat = Math.max(1, Number(argv[++i]) || 1);
    else if (arg === '--profile') options.profile = true;
    else if (!arg.startsWith('--') && !options.dir) options.dir = arg;
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!options.dir) throw new Error('usage: npm run bench:extract -- DIR [--out FILE] [--only ID] [--repeat N] [--profile]');
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

/** Stage timings for --profile: each page's fastest of `repeat` runs, per stage. */
const stages: Record<string, number[]> = {
  'readMetadata': [],
  'isProbablyReaderable': [],
  'classifyPage (given metadata)': [],
  'Readability clone+parse (keepClasses)': [],
  'extractArticle': [],
  'readPage (detect + extract)': [],
};

function timeStage(name: string, repeat: number, html: string, run: (doc: Document) => unknown): void {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const doc = documentOf(html);
    const start = performance.now();
    try {
      run(doc);
    } catch {
      // failures are reported by the main loop
    }
    best = Math.min(best, performance.now() - start);
  }
  stages[name]!.push(best);
}

function profilePage(html: string, url: string, repeat: number): void {
  timeStage('readMetadata', repeat, html, (doc) => readMetadata(doc, url));
  timeStage('isProbablyReaderable', repeat, html, (doc) => isProbablyReaderable(doc));
  const meta = readMetadata(documentOf(html), url);
  timeStage('classifyPage (given metadata)', repeat, html, (doc) => classifyPage(doc, url, meta));
  timeStage('Readability clone+parse (keepClasses)', repeat, html, (doc) =>
    new Readability(doc.cloneNode(true) as Document, { keepClasses: true }).parse(),
  );
  timeStage('extractArticle', repeat, html, (doc) => extractArticle(doc, url));
  timeStage('readPage (detect + extract)', repeat, html, (doc) => readPage(doc, url));
}

function printProfile(rawTotal: number): void {
  console.log(`\n${'stage'.padEnd(40)}${'median ms'.padEnd(11)}${'total ms'.padEnd(10)}total / raw Readability total`);
  for (const [name, ms] of Object.entries(stages)) {
    const total = ms.reduce((a, b) => a + b, 0);
    console.log(`${name.padEnd(40)}${quantile(ms, 0.5).toFixed(2).padEnd(11)}${total.toFixed(0).padEnd(10)}${(total / rawTotal).toFixed(2)}`);
  }
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
      let text = '';
      let best = Infinity;
      for (let run = 0; run < options.repeat; run++) {
        const doc = documentOf(page.html);
        const start = performance.now();
        try {
          text = s.run(doc, page.url);
        } catch (error) {
          if (run === 0) {
            s.failures++;
            console.error(`${s.name} failed on ${page.id}: ${(error as Error).message}`);
          }
        }
        best = Math.min(best, performance.now() - start);
      }
      s.ms.push(best);
      s.counts.push(pageCounts(page.truth, text));
      s.predictions[page.id] = { articleBody: text };
    }
    if (options.profile) profilePage(page.html, page.url, options.repeat);
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
  if (options.profile) printProfile(total(raw));
  if (options.out) {
    await writeFile(options.out, JSON.stringify(ours.predictions, null, 1));
    console.log(`predictions written to ${options.out}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
