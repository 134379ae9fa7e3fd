export {
  type AutoevalsScore,
  type AutoevalsScorerArgs,
  type AutoevalsScorerOptions,
  toAutoevalsScorer,
} from './autoevals/to-autoevals-scorer.js';
export {
  BUILTIN_GRADER_IDS,
  BUILTIN_GRADER_PLUGINS,
  type BuiltinGraderId,
} from './grader/builtin-graders.js';
export { coerceTranscript } from './grader/coerce-transcript.js';
export {
  type CreateGraderOptions,
  createGrader,
  type GradeCallOptions,
  type Grader,
  type GraderReference,
  graderFromPrepared,
} from './grader/create-grader.js';
export { type CreateGraderRegistryOptions, createGraderRegistry } from './grader/create-grader-registry.js';
export { type GraderInput, gradeWithAll, resolveGraders } from './grader/resolve-graders.js';
export {
  type LangSmithEvaluationResult,
  type LangSmithEvaluatorArgs,
  type LangSmithEvaluatorOptions,
  toLangSmithEvaluator,
} from './langsmith/to-langsmith-evaluator.js';
export {
  createPromptfooAssertion,
  DEFAULT_HARNESS_GRADERS,
  type PromptfooAssertionOptions,
  promptfooGradingResult,
} from './promptfoo/create-promptfoo-assertion.js';
export type {
  PromptfooAssertionContext,
  PromptfooGradingResult,
} from './promptfoo/promptfoo-grading-result.js';
export {
  createGradeService,
  type GradeService,
  type GradeServiceOptions,
  type ServiceLogEntry,
} from './service/create-grade-service.js';
export {
  type GradeRequest,
  GradeRequestSchema,
  type GradeResponse,
  GradeResponseSchema,
  GradersResponseSchema,
  ServiceErrorSchema,
  type ServiceGrader,
} from './service/grade-request-schema.js';
export { openAPIDocument } from './service/openapi-document.js';
export { redactPaths } from './service/redact-paths.js';
export { ServiceRequestError } from './service/service-request-error.js';
export { describeVerdict, evidenceLines, verdictStatus } from './verdict/describe-verdict.js';
export { type DimensionOutcome, dimensionOutcomes, verdictPresence } from './verdict/dimension-outcome.js';
export { type GradeOutcome, gradeOutcome } from './verdict/grade-outcome.js';
