import { init, LLMClassifierFromTemplate } from 'autoevals';
import OpenAI from 'openai';
import { autoevalsTemplate, DIMENSIONS } from '../peer-rubrics.js';
import type { ToolRunResult } from '../run-tool.js';

type AutoevalsClient = NonNullable<NonNullable<Parameters<typeof init>[0]>['client']>;

/**
 * Prepares an autoevals run: one `LLMClassifierFromTemplate` per dimension (choices Y/N, with
 * autoevals' default chain-of-thought), its OpenAI client pointed at the bench server with
 * `init({ client })`, and `concurrency` classifications in flight.
 */
export async function autoevalsRunner(options: {
  texts: readonly string[];
  baseURL: string;
  concurrency: number;
}): Promise<() => Promise<ToolRunResult>> {
  // the same openai 6.49.0 autoevals resolves; its types come through autoevals' CommonJS entry
  const client = new OpenAI({ apiKey: 'sk-bench-local', baseURL: options.baseURL });
  init({ client: client as unknown as AutoevalsClient });
  const classifiers = DIMENSIONS.map((dimension) => ({
    dimension,
    classify: LLMClassifierFromTemplate<{ output: string }>({
      name: dimension,
      promptTemplate: autoevalsTemplate(dimension),
      choiceScores: { Y: 1, N: 0 },
      model: 'judge-local',
    }),
  }));
  const tasks = options.texts.flatMap((text) => classifiers.map((classifier) => ({ text, classifier })));
  return async () => {
    const positives: Record<string, number> = {};
    let errors = 0;
    let next = 0;
    const worker = async () => {
      while (next < tasks.length) {
        const { text, classifier } = tasks[next++]!;
        try {
          const score = await classifier.classify({ output: text });
          if (score.score === 1) positives[classifier.dimension] = (positives[classifier.dimension] ?? 0) + 1;
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    return { answers: tasks.length, errors, positives };
  };
}
