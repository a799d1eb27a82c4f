import { defineConfig } from 'vitest/config';

// Kept apart from viz/vite.config.ts: a viewer root there would hide the tests from vitest.
export default defineConfig({
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
