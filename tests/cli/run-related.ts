/**
 * The logic behind `npm run -s related -- ARTICLE.html [--url URL] [--feed FILE_OR_URL]...
 * [--google-news FILE] [--gdelt FILE] [--bing FILE] [--json] [--now ISO]`: read a saved page
 * with the same `readPage` as the content script (under linkedom), analyse it with
 * `analyseArticle`, parse the recorded provider responses and feeds with the real parsers, and
 * rank with `rankRelated`. Offline except for a `--feed` http(s) URL, fetched with the injected
 * `fetch`. An article+analysis JSON (tests/fixtures/related/<story>/article.json) is accepted
 * in place of the page. Kept apart from the entry file so tests can call it with fake streams.
 *
 * Exit codes: 0 = ranked (even when some provider or feed files were unusable: each is a
 * warning on `err`), 1 = the article could not be read or is not an article, 2 = bad arguments.
 */
import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import { analyseArticle } from '@/utils/analysis/analyse';
import type { Analysis } from '@/utils/analysis/types';
import { readPage } from '@/utils/article/extract';
import { PROVIDERS, getProvider } from '@/utils/providers/index';
import { parseFeed, searchFeedItems } from '@/utils/related/feed-parse';
import { buildQuery } from '@/utils/related/query';
import { rankRelated, type RankArticle } from '@/utils/related/rank';
import type { RankedStory, RelatedStory } from '@/utils/related/types';
import { defaultPageUrl } from './run-extract';

/** Where {@link runRelated} writes, and how it fetches a feed URL; real streams and `fetch` in the CLI. */
export interface RelatedIo {
  out: (line: string) => void;
  err: (line: string) => void;
  fetch?: typeof fetch;
}

/** One item of the `--json` output. */
export interface RelatedJsonItem {
  title: string;
  url: string;
  source: string;
  publishedAt: string | null;
  score: number;
  reasons: string[];
  alsoIn: { source: string; url: string }[];
}

export const USAGE =
  'usage: npm run -s related -- ARTICLE.html|ARTICLE.json [--url URL] [--feed FILE_OR_URL]... [--google-news FILE] [--gdelt FILE] [--bing FILE] [--json] [--now ISO]';

const PROVIDER_FLAGS: Record<string, string> = { '--google-news': 'google-news', '--gdelt': 'gdelt', '--bing': 'bing-news' };

interface Options {
  article: string;
  url: string | null;
  feeds: string[];
  providers: { id: string; file: string }[];
  json: boolean;
  now: number | null;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { article: '', url: null, feeds: [], providers: [], json: false, now: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, null];
    const value = (): string | null => inline ?? argv[++i] ?? null;
    if (flag === '--json') o.json = true;
    else if (flag === '--url' || flag === '--feed' || flag === '--now' || PROVIDER_FLAGS[flag]) {
      const v = value();
      if (!v) return `${flag} needs a value`;
      if (flag === '--url') {
        if (!URL.canParse(v)) return `--url is not an absolute URL: ${v}`;
        o.url = v;
      } else if (flag === '--feed') o.feeds.push(v);
      else if (flag === '--now') {
        o.now = Date.parse(v);
        if (!Number.isFinite(o.now)) return `--now is not a date: ${v}`;
      } else o.providers.push({ id: PROVIDER_FLAGS[flag]!, file: v });
    } else if (flag.startsWith('--')) return `unknown option ${flag}`;
    else if (o.article) return `more than one article given (${o.article}, ${arg})`;
    else o.article = arg;
  }
  return o.article ? o : 'no article given';
}

/** The article to rank against: what ranking and query building need. */
export interface LoadedArticle extends RankArticle {
  lang: string | null;
  analysis: Analysis;
}

/**
 * Reads the article: a saved page (`.html`, extracted and analysed like in the extension) or an
 * article+analysis JSON. Throws with a readable message when the file cannot be read or the
 * page is not an article.
 */
export async function loadArticle(file: string, url: string | null): Promise<LoadedArticle> {
  const body = await readFile(file, 'utf8');
  if (/^\s*\{/.test(body)) return articleFromJson(file, body);
  if (!/<[a-z!]/i.test(body)) throw new Error(`${file}: not an HTML document or article JSON`);
  const { document } = parseHTML(body);
  const page = readPage(document as unknown as Document, url ?? defaultPageUrl(file));
  if (!page.article) throw new Error(`${file}: not an article (${page.reason})`);
  const a = page.article;
  return { title: a.title, canonicalUrl: a.canonicalUrl, publishedAt: a.publishedAt, lang: a.lang, analysis: analyseArticle(a) };
}

function articleFromJson(file: string, body: string): LoadedArticle {
  let data: Partial<LoadedArticle>;
  try {
    data = JSON.parse(body) as Partial<LoadedArticle>;
  } catch (error) {
    throw new Error(`${file}: malformed JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof data.title !== 'string' || !data.analysis || !Array.isArray(data.analysis.entities)) {
    throw new Error(`${file}: expected { title, canonicalUrl, publishedAt, lang, analysis: { entities, keyTerms, … } }`);
  }
  const lang = data.lang ?? null;
  return {
    title: data.title,
    canonicalUrl: data.canonicalUrl ?? '',
    publishedAt: data.publishedAt ?? null,
    lang,
    analysis: { lang: data.analysis.lang ?? lang ?? 'en', entities: data.analysis.entities, keyTerms: data.analysis.keyTerms ?? [], summary: data.analysis.summary ?? [] },
  };
}

const isHttpUrl = (s: string) => /^https?:\/\//i.test(s);

/** A feed's body: fetched when `source` is an http(s) URL, else read from the file. */
async function readFeed(source: string, fetchFn: typeof fetch): Promise<string> {
  if (!isHttpUrl(source)) return readFile(source, 'utf8');
  const response = await fetchFn(source, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

const pick = (s: RankedStory): RelatedJsonItem => ({
  title: s.title,
  url: s.url,
  source: s.source,
  publishedAt: s.publishedAt,
  score: s.score,
  reasons: s.reasons,
  alsoIn: s.alsoIn,
});

function printList(out: (line: string) => void, name: string, items: RankedStory[]) {
  out(`\n${name} (${items.length})`);
  items.forEach((s, i) => {
    const date = s.publishedAt ? s.publishedAt.slice(0, 16).replace('T', ' ') : 'undated';
    const also = s.alsoIn.length ? ` · also in ${s.alsoIn.map((a) => a.source).join(', ')}` : '';
    out(`${String(i + 1).padStart(3)}. ${s.score.toFixed(3)}  ${s.title}`);
    out(`       ${s.source} · ${date} · ${s.reasons.join('; ')}${also}`);
    out(`       ${s.url}`);
  });
}

/** Runs the CLI; returns the exit code (see the file comment). */
export async function runRelated(argv: string[], io: RelatedIo): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    io.err(`${options}\n${USAGE}`);
    return 2;
  }
  let article: LoadedArticle;
  try {
    article = await loadArticle(options.article, options.url);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
  const query = buildQuery(article.analysis, article, { region: 'US', window: 'near' });
  const candidates: RelatedStory[] = [];
  for (const { id, file } of options.providers) {
    try {
      candidates.push(...getProvider(id)!.parseResponse(await readFile(file, 'utf8')));
    } catch (error) {
      io.err(`warning: ${id} ${file} skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const source of options.feeds) {
    try {
      const feedUrl = isHttpUrl(source) ? source : defaultPageUrl(source);
      const feed = parseFeed(await readFeed(source, io.fetch ?? fetch), feedUrl);
      // Feed items are searched without the query's time window: a saved feed is read later than it was polled.
      candidates.push(...searchFeedItems(feed.items, { ...query, publishedAt: null }));
    } catch (error) {
      io.err(`warning: feed ${source} skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const published = article.publishedAt ? Date.parse(article.publishedAt) : NaN;
  const now = options.now ?? (Number.isFinite(published) ? published + 7 * 86_400_000 : Date.now());
  const result = rankRelated(article, candidates, { now });
  if (options.json) {
    io.out(JSON.stringify({ sameStory: result.sameStory.map(pick), background: result.background.map(pick) }, null, 2));
    return 0;
  }
  io.out(`Article: ${article.title}`);
  io.out(`Names: ${article.analysis.entities.slice(0, 6).map((e) => e.name).join(', ') || '(none)'}`);
  io.out(`Key terms: ${article.analysis.keyTerms.slice(0, 6).join(', ') || '(none)'}`);
  for (const p of PROVIDERS) io.out(`  ${p.id.padEnd(12)} ${p.buildRequest(query)?.url ?? '(no usable query)'}`);
  io.out(`Candidates: ${candidates.length}`);
  printList(io.out, 'Same story', result.sameStory);
  printList(io.out, 'Background', result.background);
  return 0;
}
