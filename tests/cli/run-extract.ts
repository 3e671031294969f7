/**
 * The logic behind `npm run -s extract -- [--url URL] [--context] FILE...`: read saved pages
 * (`.html` or gzipped `.html.gz`), run the same `readPage` as the content script under
 * linkedom, and print one JSON line per file. With `--context`, each line also carries the
 * local article analysis (`analyseArticle`: entities, key terms, summary), computed offline.
 * Kept apart from the entry file so tests can call it with fake output streams.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { readPage } from '@/utils/article/extract';
import { analyseArticle } from '@/utils/analysis/analyse';
import type { EntityType } from '@/utils/analysis/types';

/** Where {@link runExtract} writes; `process.stdout`/`stderr` in the CLI, arrays in tests. */
export interface ExtractIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** One output line for a file that could be read. */
export interface ExtractLine {
  file: string;
  isArticle: boolean;
  reason: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  text: string | null;
  wordCount: number;
}

/** What `--context` adds to a line: the local analysis, without the name variants. */
export interface ExtractContext {
  /** Most salient first. */
  entities: Array<{ name: string; type: EntityType; mentions: number }>;
  keyTerms: string[];
  /** Up to three sentences, in article order. */
  summary: string[];
}

/** One output line for a file that could not be read or parsed. */
export interface ExtractError {
  file: string;
  error: string;
}

export const USAGE = 'usage: npm run -s extract -- [--url URL] [--context] FILE.html|FILE.html.gz ...';

interface Options {
  url: string | null;
  hasContext: boolean;
  files: string[];
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { url: null, hasContext: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') {
      const value = argv[++i];
      if (!value) return '--url needs a value';
      options.url = value;
    } else if (arg.startsWith('--url=')) {
      options.url = arg.slice('--url='.length);
    } else if (arg === '--context') {
      options.hasContext = true;
    } else if (arg === '--') {
      options.files.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('--')) {
      return `unknown option ${arg}`;
    } else {
      options.files.push(arg);
    }
  }
  if (options.url !== null) {
    try {
      new URL(options.url);
    } catch {
      return `--url is not an absolute URL: ${options.url}`;
    }
  }
  return options.files.length ? options : 'no input files';
}

/**
 * The page URL for a saved file when `--url` is not given: its `file://` URL. Relative
 * links and canonical links resolve against it; absolute canonical links win anyway.
 */
export function defaultPageUrl(file: string): string {
  return pathToFileURL(resolve(file)).href;
}

/** Reads `.html` as UTF-8 and `.gz` / `.html.gz` gunzipped. */
async function readHtml(file: string): Promise<string> {
  const bytes = await readFile(file);
  const isGzip = file.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b);
  return (isGzip ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Extracts one file; throws when it cannot be read, decompressed or parsed. */
export async function extractFile(file: string, url: string | null): Promise<ExtractLine> {
  const html = await readHtml(file);
  if (!/<[a-z!]/i.test(html)) throw new Error('not an HTML document');
  const { document } = parseHTML(html);
  if (!document.documentElement) throw new Error('not an HTML document');
  const page = readPage(document as unknown as Document, url ?? defaultPageUrl(file));
  const article = page.article;
  return {
    file,
    isArticle: page.isArticle,
    reason: page.reason,
    title: article?.title ?? null,
    byline: article?.byline ?? null,
    siteName: article?.siteName ?? null,
    publishedAt: article?.publishedAt ?? null,
    lang: article?.lang ?? null,
    canonicalUrl: article?.canonicalUrl ?? null,
    text: article?.text ?? null,
    wordCount: article?.wordCount ?? 0,
  };
}

/**
 * The `--context` fields for an extracted line. Non-articles (and articles without text) get
 * empty lists rather than missing keys, so every line has the same shape for `jq` and friends.
 */
export function contextOf(line: Pick<ExtractLine, 'isArticle' | 'title' | 'text' | 'lang'>): ExtractContext {
  if (!line.isArticle || !line.text) return { entities: [], keyTerms: [], summary: [] };
  const analysis = analyseArticle({ title: line.title ?? '', text: line.text, lang: line.lang });
  return {
    entities: analysis.entities.map(({ name, type, mentions }) => ({ name, type, mentions })),
    keyTerms: analysis.keyTerms,
    summary: analysis.summary,
  };
}

/**
 * Runs the CLI: one JSON line per input on `io.out`, errors as `{ file, error }` lines
 * (the run continues). Returns the exit code: 0 when every input was read, 1 when any
 * failed, 2 for bad arguments.
 */
export async function runExtract(argv: string[], io: ExtractIo): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    io.err(`${options}\n${USAGE}`);
    return 2;
  }
  let failed = 0;
  for (const file of options.files) {
    try {
      const line = await extractFile(file, options.url);
      io.out(JSON.stringify(options.hasContext ? { ...line, ...contextOf(line) } : line));
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      io.out(JSON.stringify({ file, error: message } satisfies ExtractError));
    }
  }
  if (failed) io.err(`${failed} of ${options.files.length} input(s) failed`);
  return failed ? 1 : 0;
}
