import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: files run in parallel forks, but e2e files launch Chromium and a server each.
    pool: 'forks',
    maxWorkers: 2,
  },
});
