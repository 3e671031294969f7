/**
 * Related coverage from the command line, on recorded provider responses (never the network).
 *
 *   npx tsx tests/cli/related.ts ARTICLE.json [--feed FILE]... [--google-news FILE] [--gdelt FILE] [--bing FILE] [--json] [--now ISO]
 *
 * ARTICLE.json: { title, canonicalUrl, lang, publishedAt, analysis: Analysis } (as in
 * tests/fixtures/related/<story>/article.json). Once extraction and analysis land, `loadArticle`
 * will also accept an ARTICLE.html; nothing else changes.
 * Prints the query each provider would be sent, then same-story and background lists with
 * scores and reasons; `--json` prints `{ sameStory, background }` only.
 */
import { readFileSync } from 'node:fs';
import type { Analysis } from '../../utils/analysis/types';
import { PROVIDERS, getProvider } from '../../utils/providers/index';
import { parseFeed, searchFeedItems } from '../../utils/related/feed-parse';
import { buildQuery } from '../../utils/related/query';
import { rankRelated, type RankArticle } from '../../utils/related/rank';
import type { RankedStory, RelatedStory } from '../../utils/related/types';

/** The article and its analysis, whatever the input file is. */
interface ArticleInput extends RankArticle {
  lang: string | null;
  analysis: Analysis;
}

/** Input step: an article+analysis JSON today; an ARTICLE.html (extract + analyse) later. */
function loadArticle(path: string): ArticleInput {
  if (/\.html?$/i.test(path)) {
    throw new Error('ARTICLE.html input needs utils/article/extract and utils/analysis (not landed yet); pass an article JSON');
  }
  const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<ArticleInput>;
  if (typeof data.title !== 'string' || !data.analysis || !Array.isArray(data.analysis.entities)) {
    throw new Error(`${path}: expected { title, canonicalUrl, publishedAt, lang, analysis: { entities, keyTerms, … } }`);
  }
  return {
    title: data.title,
    canonicalUrl: data.canonicalUrl ?? '',
    publishedAt: data.publishedAt ?? null,
    lang: data.lang ?? null,
    analysis: { lang: data.analysis.lang ?? data.lang ?? 'en', entities: data.analysis.entities, keyTerms: data.analysis.keyTerms ?? [], summary: data.analysis.summary ?? [] },
  };
}

interface Args {
  article: string;
  feeds: string[];
  providers: { id: string; file: string }[];
  json: boolean;
  now: number | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { article: '', feeds: [], providers: [], json: false, now: null };
  const flagToId: Record<string, string> = { '--google-news': 'google-news', '--gdelt': 'gdelt', '--bing': 'bing-news' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${a} needs a file`);
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--feed') args.feeds.push(value());
    else if (a === '--now') args.now = Date.parse(value());
    else if (flagToId[a]) args.providers.push({ id: flagToId[a]!, file: value() });
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.article = a;
  }
  if (!args.article) throw new Error('usage: related.ts ARTICLE.json [--feed FILE]... [--google-news FILE] [--gdelt FILE] [--bing FILE] [--json] [--now ISO]');
  return args;
}

function printList(name: string, items: RankedStory[]) {
  console.log(`\n${name} (${items.length})`);
  items.forEach((s, i) => {
    const date = s.publishedAt ? s.publishedAt.slice(0, 16).replace('T', ' ') : 'undated';
    console.log(`${String(i + 1).padStart(3)}. ${s.score.toFixed(3)}  ${s.title}`);
    console.log(`       ${s.source} · ${date} · ${s.reasons.join('; ')}${s.alsoIn.length ? ` · also in ${s.alsoIn.map((a) => a.source).join(', ')}` : ''}`);
    console.log(`       ${s.url}`);
  });
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const article = loadArticle(args.article);
  const query = buildQuery(article.analysis, article, { region: 'US', window: 'near' });
  const candidates: RelatedStory[] = [];
  for (const { id, file } of args.providers) candidates.push(...getProvider(id)!.parseResponse(readFileSync(file, 'utf8')));
  for (const file of args.feeds) {
    const feed = parseFeed(readFileSync(file, 'utf8'), `file://${file}`);
    candidates.push(...searchFeedItems(feed.items, query));
  }
  const now = args.now ?? (article.publishedAt ? Date.parse(article.publishedAt) + 7 * 86_400_000 : Date.now());
  const result = rankRelated(article, candidates, { now });
  if (args.json) {
    const pick = (s: RankedStory) => ({ title: s.title, url: s.url, source: s.source, publishedAt: s.publishedAt, score: s.score, reasons: s.reasons, alsoIn: s.alsoIn });
    console.log(JSON.stringify({ sameStory: result.sameStory.map(pick), background: result.background.map(pick) }, null, 2));
    return;
  }
  console.log(`Article: ${article.title}`);
  for (const p of PROVIDERS) console.log(`  ${p.id.padEnd(12)} ${p.buildRequest(query)?.url ?? '(no usable query)'}`);
  console.log(`Candidates: ${candidates.length}`);
  printList('Same story', result.sameStory);
  printList('Background', result.background);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
