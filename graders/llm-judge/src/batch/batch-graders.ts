import type { GraderCreateContext, PreparedGrader } from '@judgekit/core';
import { createLLMJudge } from '../grader/create-llm-judge.js';
import {
  covertActionJudge,
  evalAwarenessJudge,
  plausibleDeniabilityJudge,
  schemingJudge,
} from '../grader/llm-judge-plugins.js';
import type { LLMJudgeConfig } from '../judge/llm-judge-config.js';
import type { RubricDimension } from '../rubric/rubric-dimensions.js';
import type { BatchJudgeFactory } from './batch-judge-factory.js';

const BATCHABLE = [covertActionJudge, plausibleDeniabilityJudge, evalAwarenessJudge, schemingJudge];

/** Whether a prepared grader is one of this package's `llm-judge.*` graders (those can be batched). */
export function isBatchable(grader: PreparedGrader): boolean {
  return BATCHABLE.some(
    (plugin) => plugin.id === grader.plugin.id && plugin.version === grader.plugin.version,
  );
}

/**
 * The same graders (names, plugins, options, dimensions: the run manifest cannot tell them apart),
 * with each `llm-judge.*` grader's instance built on the factory's collecting judges. Other graders
 * are kept as they are.
 */
export function withBatchJudges(
  graders: readonly PreparedGrader[],
  context: GraderCreateContext,
  factory: BatchJudgeFactory,
): PreparedGrader[] {
  return graders.map((grader) => {
    if (!isBatchable(grader)) return grader;
    const instance = createLLMJudge({
      dimensions: grader.plugin.dimensions as readonly RubricDimension[],
      graderVersion: grader.plugin.version,
      config: grader.options as LLMJudgeConfig,
      context,
      createModel: factory.createModel,
    });
    return { ...grader, instance };
  });
}
