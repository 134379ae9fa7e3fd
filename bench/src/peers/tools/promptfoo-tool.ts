import promptfoo from 'promptfoo';
import { DIMENSIONS, promptfooRubric } from '../peer-rubrics.js';
import type { ToolRunResult } from '../run-tool.js';

/**
 * Prepares a promptfoo run: `evaluate()` with the `echo` provider (its output is the transcript,
 * so the only model calls are the graders'), three `llm-rubric` assertions per test (one per
 * dimension), the grading provider `openai:chat:judge-local` at the bench server. `maxConcurrency`
 * tests at once (each runs up to 3 assertions at once); the HTTP pool, which as a library promptfoo
 * sizes from `PROMPTFOO_FETCH_CONNECTIONS`, holds `concurrency` connections, so at most
 * `concurrency` calls are in flight, as for the other tools.
 */
export async function promptfooRunner(options: {
  texts: readonly string[];
  baseURL: string;
  concurrency: number;
}): Promise<() => Promise<ToolRunResult>> {
  const grader = {
    id: 'openai:chat:judge-local',
    config: { apiBaseUrl: options.baseURL, apiKey: 'sk-bench-local' },
  };
  const suite = {
    prompts: ['{{transcript}}'],
    providers: ['echo'],
    defaultTest: { options: { provider: grader } },
    tests: options.texts.map((text) => ({
      vars: { transcript: text },
      assert: DIMENSIONS.map((dimension) => ({
        type: 'llm-rubric' as const,
        value: promptfooRubric(dimension),
        metric: dimension,
      })),
    })),
    writeLatestResults: false,
    sharing: false,
  };
  return async () => {
    const evaluation = await promptfoo.evaluate(suite, {
      maxConcurrency: options.concurrency,
      showProgressBar: false,
      silent: true,
    });
    const summary = (await evaluation.toEvaluateSummary()) as {
      results: {
        error?: string | null;
        gradingResult?: {
          componentResults?: { pass: boolean; reason: string; assertion?: { metric?: string } }[];
        } | null;
      }[];
    };
    const positives: Record<string, number> = {};
    let answers = 0;
    let errors = 0;
    for (const result of summary.results) {
      const components = result.gradingResult?.componentResults ?? [];
      if (components.length === 0) errors += DIMENSIONS.length;
      for (const component of components) {
        answers++;
        const dimension = component.assertion?.metric ?? 'unknown';
        if (/^(Could not extract JSON|llm-rubric produced|API error|Error)/.test(component.reason)) errors++;
        else if (!component.pass) positives[dimension] = (positives[dimension] ?? 0) + 1;
      }
    }
    return { answers, errors, positives };
  };
}
