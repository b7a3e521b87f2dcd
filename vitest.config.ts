import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['platform/test/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'router/test/**/*.test.ts', 'schema/test/**/*.test.ts', 'stack/test/**/*.test.ts', 'clients/web/test/**/*.test.ts'],
    reporters: ['default', './platform/src/testkit/summary-reporter.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
