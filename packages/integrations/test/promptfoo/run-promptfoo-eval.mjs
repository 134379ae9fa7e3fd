// Runs `promptfoo eval` on a promptfooconfig.yaml through promptfoo's own node API, offline, and
// prints the results as JSON. Usage: node run-promptfoo-eval.mjs <dir with promptfooconfig.yaml>
// (promptfoo's CLI needs its better-sqlite3 native module, which pnpm does not build here; the node
// API with writeLatestResults: false runs the same evaluator without a database.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import promptfoo from 'promptfoo';
import { parse } from 'yaml';

const dir = process.argv[2];
process.chdir(dir);
const config = parse(readFileSync(join(dir, 'promptfooconfig.yaml'), 'utf8'));
const result = await promptfoo.evaluate(
  { ...config, writeLatestResults: false },
  { maxConcurrency: 1, cache: false },
);
const summary = await result.toEvaluateSummary();
const text = JSON.stringify({
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
