import type { AnyGraderPlugin } from '@judgekit/core';
import { plugins as distributionPlugins } from '@judgekit/grader-distribution';
import { plugins as llmJudgePlugins } from '@judgekit/grader-llm-judge';
import { plugins as rulePlugins } from '@judgekit/grader-rules';

/** The graders that ship with judgekit. */
export const BUILTIN_GRADER_PLUGINS: readonly AnyGraderPlugin[] = [
  ...rulePlugins,
  ...llmJudgePlugins,
  ...distributionPlugins,
];
