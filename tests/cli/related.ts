/**
 * CLI: `npm run -s related -- ARTICLE.html [--url URL] [--feed FILE_OR_URL]... [--google-news FILE]
 * [--gdelt FILE] [--bing FILE] [--json] [--now ISO]` prints related coverage of a saved article,
 * ranked on recorded provider responses and feeds (grouped, with scores and reasons; `--json`:
 * `{ sameStory, background }`). Exit code 1 when the article cannot be read, 2 for bad arguments.
 * Logic: ./run-related.ts.
 */
import { runRelated } from './run-related';

process.exitCode = await runRelated(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
