import { defineConfig } from 'vitest/config';

// Real Chromium, real extension builds: one file at a time (2-core machines), generous timeouts.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
