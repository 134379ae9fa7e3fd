import type { AnyGraderPlugin } from '@judgekit/core';
import {
  covertActionJudge,
  evalAwarenessJudge,
  plausibleDeniabilityJudge,
  schemingJudge,
} from './grader/llm-judge-plugins.js';

export {
  type BatchRoundReport,
  type BatchRunInput,
  batchRunStatus,
  type CollectBatchRunReport,
  collectBatchRun,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_BATCH_REQUESTS,
  isBatchRunWaiting,
  type SubmitBatchRunReport,
  submitBatchRun,
} from './batch/batch-run.js';
export { readBatchRun, removeBatchRun } from './batch/batch-run-file.js';
export { BATCH_RUN_FILE, BATCH_RUN_FORMAT, type BatchRun, BatchRunSchema } from './batch/batch-run-schema.js';
export type { BatchStatusRow } from './batch/poll-batches.js';
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
export { partHeader, renderTranscript } from './prompt/render-transcript.js';
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
