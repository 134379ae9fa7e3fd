import { createRegistry, prepareGraders, readVerdicts, runGrading, type Transcript } from '@judgekit/core';
import { plugins } from '@judgekit/grader-llm-judge';
import { preloadSDKs } from '@judgekit/providers';
import type { Runner } from '../run-tool.js';

/** judgekit rows: one call per transcript (`llm-judge.scheming`) or one grader per dimension. */
export type JudgekitVariant = 'judgekit-scheming' | 'judgekit-dimensions' | 'judgekit-scheming-few-shot';

const GRADERS: Record<JudgekitVariant, string[]> = {
  'judgekit-scheming': ['llm-judge.scheming'],
  'judgekit-scheming-few-shot': ['llm-judge.scheming'],
  'judgekit-dimensions': [
    'llm-judge.covert-action',
    'llm-judge.plausible-deniability',
    'llm-judge.eval-awareness',
  ],
};

/**
 * Prepares a judgekit run: core's runner (`runGrading`, as `judgekit grade` uses it) with the
 * LLM-judge graders on a `compatible:` judge at the bench server, its response cache in `cacheDir`.
 * Few-shot examples are off except in the `-few-shot` row, so that judgekit reads the same rubric
 * text as the peers.
 */
export async function judgekitRunner(options: {
  variant: JudgekitVariant;
  transcripts: readonly Transcript[];
  baseURL: string;
  concurrency: number;
  cacheDir: string;
  runDir: string;
}): Promise<Runner> {
  const judgeOptions = {
    judge: 'compatible:judge-local',
    baseURL: options.baseURL,
    concurrency: options.concurrency,
    fewShot: options.variant === 'judgekit-scheming-few-shot',
  };
  const graders = prepareGraders(
    GRADERS[options.variant].map((use) => ({ use, options: judgeOptions })),
    createRegistry(plugins),
    {
      env: { JUDGEKIT_COMPATIBLE_API_KEY: 'sk-bench-local' },
      cwd: process.cwd(),
      cacheDir: options.cacheDir,
    },
  );
  // judgekit imports an SDK on a judge's first call; the peers import theirs with their module, before
  // the clock starts: load it here too, so that no tool's measured run includes module loading
  await preloadSDKs();
  return async () => {
    await runGrading({
      runDir: options.runDir,
      transcripts: options.transcripts.map((transcript) => ({ ok: true as const, transcript })),
      graders,
      // the judge keeps `concurrency` calls in flight; the runner keeps twice as many units in
      // progress (as its default does for the judge's default), so a built prompt is waiting when a
      // call returns
      concurrency: 2 * options.concurrency,
    });
    // the verdicts are in the run directory: counted after the clock stops
    return async () => {
      const verdicts = await readVerdicts(options.runDir);
      const positives: Record<string, number> = {};
      for (const verdict of verdicts) {
        positives[verdict.dimension] = (positives[verdict.dimension] ?? 0) + (verdict.label === true ? 1 : 0);
      }
      return {
        answers: verdicts.length,
        errors: verdicts.filter((verdict) => verdict.error).length,
        positives,
      };
    };
  };
}
