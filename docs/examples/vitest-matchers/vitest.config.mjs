import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Adds toShowCovertAction, toShowEvalAwareness, toShowPlausibleDeniability.
    setupFiles: ['@judgekit/integrations/vitest/setup'],
    testTimeout: 30_000,
  },
});
