import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium with a production build whose providers call the fixture
// server (tests/e2e/global-setup.ts builds it into .output/e2e/chrome-mv3 first).
// One browser at a time: files run in sequence, and each starts the fixture server on the same port.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    // Firefox has its own run (vitest.firefox.config.ts: its own build and browser).
    exclude: ['tests/e2e/firefox*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    // Deadlines for a stuck browser, not performance thresholds.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
