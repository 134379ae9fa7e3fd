// Runs `promptfoo eval` on a promptfooconfig.yaml through promptfoo's own node API, offline, and
// prints the results as JSON. Usage: node run-promptfoo-eval.mjs <dir with promptfooconfig.yaml>
// (promptfoo's CLI needs its better-sqlite3 native module, which pnpm does not build here; the node
// API with writeLatestResults: false runs the same evaluator without a database.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// Tests never touch the internet. promptfoo 0.120.27 posts a "telemetry disabled" event to
// https://r.promptfoo.app/ even with PROMPTFOO_DISABLE_TELEMETRY=1 (telemetry.record →
// recordTelemetryDisabled → sendEvent → fetchWithProxy, through the global fetch; no setting stops
// it): every fetch to a host other than loopback is refused here before it leaves the process. Any
// other connection is caught by the suite's offline guard (vitest.offline-guard.mjs, inherited
// through NODE_OPTIONS), which fails the test file.
const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);
const refused = [];
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  if (LOOPBACK.has(url.hostname)) return realFetch(input, init);
  refused.push(url.host);
  return Promise.reject(new TypeError(`offline test: refused a request to ${url.host}`));
};
const { default: promptfoo } = await import('promptfoo');

const dir = process.argv[2];
process.chdir(dir);
const config = parse(readFileSync(join(dir, 'promptfooconfig.yaml'), 'utf8'));
const result = await promptfoo.evaluate(
  { ...config, writeLatestResults: false },
  { maxConcurrency: 1, cache: false },
);
const summary = await result.toEvaluateSummary();
const text = JSON.stringify({
  refused,
  stats: summary.stats,
  results: summary.results.map((item) => ({
    description: item.testCase?.description,
    success: item.success,
    score: item.score,
    error: item.error,
    namedScores: item.namedScores,
    gradingResult: item.gradingResult,
  })),
});
// promptfoo keeps timers and clients alive; exit once the answer is written.
process.stdout.write(`${text}\n`, () => process.exit(0));
