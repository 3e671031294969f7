import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium with the production build (.output/chrome-mv3).
// `npm run test:e2e` builds first. One browser at a time: files run in sequence.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    // Deadlines for a stuck browser, not performance thresholds.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
