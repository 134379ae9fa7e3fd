import { fileURLToPath } from 'node:url';
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
    // a temporary directory per run, removed at the end (tests and their child processes write there)
    globalSetup: [fileURLToPath(new URL('./vitest.global-setup.ts', import.meta.url))],
    // tests never touch the internet: a file that attempted a connection beyond loopback fails
    setupFiles: [fileURLToPath(new URL('./vitest.offline-check.ts', import.meta.url))],
    // CI runs on 2 cores with several packages' suites at once: timeouts are hang guards, not
    // speed checks (speed is measured by the benchmarks in bench/).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A few tests assert lower bounds on real waits (retry-after, rate limits) against servers in
    // the same process; on a loaded 2-core CI machine a stalled event loop can reorder them. In CI a
    // failed test runs once more (vitest marks it as retried); a test that fails twice fails CI.
    retry: process.env.CI ? 1 : 0,
  },
});
