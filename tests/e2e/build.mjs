// Builds the extension (Chrome, or Firefox for the Firefox e2e run) with every provider pointed at a fixture server
// (BACKSTORY_PROVIDER_ORIGIN, see utils/context/provider-origin.ts) into its own output folder,
// so the production build in .output/chrome-mv3 is never replaced by a test build.
// Shared by the e2e global setup and `npm run demo`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

/**
 * Runs `wxt build` for Chrome (default) or Firefox (MV2) with the given provider origin; resolves to
 * the extension folder (`<outDir>/chrome-mv3` or `<outDir>/firefox-mv2`).
 * @param {{ origin: string, outDir: string, browser?: 'chrome' | 'firefox' }} options `outDir` relative to the project root (e.g. `.output/e2e`) or absolute.
 */
export async function buildForFixtures({ origin, outDir, browser = 'chrome' }) {
  const wxt = join(ROOT, 'node_modules/.bin/wxt');
  if (!existsSync(wxt)) throw new Error('wxt is not installed: run npm ci first');
  const output = [];
  const code = await new Promise((ok, fail) => {
    const child = spawn(wxt, ['build', '-b', browser], {
      cwd: ROOT,
      env: { ...process.env, BACKSTORY_PROVIDER_ORIGIN: origin, BACKSTORY_OUT_DIR: outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.once('error', fail);
    child.once('close', ok);
  });
  const dir = join(resolve(ROOT, outDir), browser === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
  if (code !== 0 || !existsSync(join(dir, 'manifest.json')))
    throw new Error(`wxt build -b ${browser} for ${origin} failed (exit ${code}):\n${Buffer.concat(output).toString('utf8').slice(-4000)}`);
  return dir;
}
