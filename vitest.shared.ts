import { defineConfig } from 'vitest/config';

/**
 * Shared vitest settings: tests import workspace packages from `src/` through the
 * `@judgekit/source` export condition, so no build is needed to run them.
 */
const conditions = ['@judgekit/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@judgekit/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
