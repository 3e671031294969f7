/**
 * CLI: `npm run -s extract -- [--url URL] [--context] FILE...` prints one JSON line per saved page
 * (`.html` or `.html.gz`) with what the extension would extract from it; `--context` adds the
 * local analysis (entities, key terms, summary; empty lists for non-articles), offline.
 * Exit code 1 when any input failed, 2 for bad arguments. Logic: ./run-extract.ts.
 */
import { runExtract } from './run-extract';

process.exitCode = await runExtract(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
