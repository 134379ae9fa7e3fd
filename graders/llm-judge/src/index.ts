import type { AnyGraderPlugin } from '@judgekit/core';
import {
  covertActionJudge,
  evalAwarenessJudge,
  plausibleDeniabilityJudge,
  schemingJudge,
} from './grader/llm-judge-plugins.js';

export {
  covertActionJudge,
  evalAwarenessJudge,
  LLM_JUDGE_VERSION,
  plausibleDeniabilityJudge,
  schemingJudge,
} from './grader/llm-judge-plugins.js';
export {
  type JudgeEntry,
  JudgeEntrySchema,
  type LLMJudgeConfig,
  LLMJudgeConfigSchema,
  LLMJudgeViewSchema,
} from './judge/llm-judge-config.js';
export { buildJudgePrompt, type JudgePrompt } from './prompt/judge-prompt.js';
export { renderTranscript } from './prompt/render-transcript.js';
export { buildSystemPrompt, type SystemPrompt } from './prompt/system-prompt.js';
export {
  type FewShotExample,
  FewShotExampleSchema,
  type FewShotFile,
  FewShotFileSchema,
} from './rubric/few-shot-schema.js';
export { RUBRIC_CATEGORIES, RUBRIC_DIMENSIONS, type RubricDimension } from './rubric/rubric-dimensions.js';
export { fewShotPath, loadRubric, RUBRIC_VERSION, rubricPath } from './rubric/rubric-files.js';
export {
  type DimensionAnswer,
  dimensionAnswerSchema,
  type JudgeAnswer,
  judgeAnswerSchema,
} from './rubric/verdict-output-schema.js';

/** Every LLM-judge grader this package provides. */
export const plugins: readonly AnyGraderPlugin[] = [
  covertActionJudge,
  plausibleDeniabilityJudge,
  evalAwarenessJudge,
  schemingJudge,
];
