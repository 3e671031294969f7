// Runs once before the e2e files: chooses the fixture server's port and builds the extension with
// every provider pointed at it, into .output/e2e/chrome-mv3. Each test file then starts its own
// fixture server on that port (files run one at a time).
import type { TestProject } from 'vitest/node';
import { buildForFixtures } from './build.mjs';
import { findFreePort } from './server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Port of the fixture server the e2e build's providers call. */
    e2ePort: number;
    /** The e2e build, absolute. */
    e2eExtensionDir: string;
  }
}

/** Where the e2e build goes; BACKSTORY_E2E_OUT_DIR lets parallel runs (several checkouts or people) keep apart. */
export const E2E_OUT_DIR = process.env.BACKSTORY_E2E_OUT_DIR || '.output/e2e';

export default async function setup(project: TestProject): Promise<void> {
  const port = Number(process.env.BACKSTORY_E2E_PORT) || (await findFreePort());
  const dir = await buildForFixtures({ origin: `http://127.0.0.1:${port}`, outDir: E2E_OUT_DIR });
  project.provide('e2ePort', port);
  project.provide('e2eExtensionDir', dir);
}
