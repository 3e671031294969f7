// Runs once before the Firefox e2e file: chooses the fixture server's port and builds the Firefox
// extension (MV2, Firefox's default) with every provider pointed at it, into <E2E_OUT_DIR>/firefox-mv2.
import type { TestProject } from 'vitest/node';
import { buildForFixtures } from './build.mjs';
import { E2E_OUT_DIR } from './global-setup';
import { findFreePort } from './server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Firefox e2e build, absolute. */
    firefoxExtensionDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const port = Number(process.env.BACKSTORY_E2E_PORT) || (await findFreePort());
  const dir = await buildForFixtures({ origin: `http://127.0.0.1:${port}`, outDir: E2E_OUT_DIR, browser: 'firefox' });
  project.provide('e2ePort', port);
  project.provide('firefoxExtensionDir', dir);
}
