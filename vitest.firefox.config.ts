import { defineConfig } from 'vitest/config';

// End-to-end tests in real Firefox ESR over WebDriver BiDi, with the Firefox production build whose
// providers call the fixture server (tests/e2e/firefox-global-setup.ts builds it first).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/firefox*.test.ts'],
    globalSetup: ['tests/e2e/firefox-global-setup.ts'],
    fileParallelism: false,
    // Deadlines for a stuck browser, not performance thresholds.
    testTimeout: 90_000,
    // A launch on a heavily loaded 2-core machine took up to a minute; it has its own deadlines (firefox-browser.mjs).
    hookTimeout: 180_000,
  },
});
