// Builds the Chrome extension with every provider pointed at a fixture server
// (BACKSTORY_PROVIDER_ORIGIN, see utils/context/provider-origin.ts) into its own output folder,
// so the production build in .output/chrome-mv3 is never replaced by a test build.
// Shared by the e2e global setup and `npm run demo`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

/**
 * Runs `wxt build` for Chrome with the given provider origin; resolves to the extension folder.
 * @param {{ origin: string, outDir: string }} options `outDir` relative to the project root, e.g. `.output/e2e`.
 */
export async function buildForFixtures({ origin, outDir }) {
  const wxt = join(ROOT, 'node_modules/.bin/wxt');
  if (!existsSync(wxt)) throw new Error('wxt is not installed: run npm ci first');
  const output = [];
  const code = await new Promise((ok, fail) => {
    const child = spawn(wxt, ['build', '-b', 'chrome'], {
      cwd: ROOT,
      env: { ...process.env, BACKSTORY_PROVIDER_ORIGIN: origin, BACKSTORY_OUT_DIR: outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.once('error', fail);
    child.once('close', ok);
  });
  const dir = join(ROOT, outDir, 'chrome-mv3');
  if (code !== 0 || !existsSync(join(dir, 'manifest.json')))
    throw new Error(`wxt build for ${origin} failed (exit ${code}):\n${Buffer.concat(output).toString('utf8').slice(-4000)}`);
  return dir;
}
