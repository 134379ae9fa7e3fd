export { ConfigError } from './errors/config-error.js';
export { formatIssuePath, issueToReport, toErrorInfo } from './errors/error-info.js';
export { InvalidTranscriptError } from './errors/invalid-transcript-error.js';
export { hasErrorName, JudgekitError, type JudgekitErrorOptions } from './errors/judgekit-error.js';
export { PluginLoadError } from './errors/plugin-load-error.js';
export { RunDirError } from './errors/run-dir-error.js';
export { UnknownGraderError } from './errors/unknown-grader-error.js';
export { jsonSchemas } from './json-schemas.js';
export { checkGraderPlugin } from './plugin/check-plugin.js';
export {
  type AnyGraderPlugin,
  type Corpus,
  type CorpusGrader,
  type CorpusRecord,
  defineGrader,
  type GradeContext,
  type GraderCreateContext,
  type GraderDocs,
  type GraderKind,
  type GraderPlugin,
  type TranscriptGrader,
} from './plugin/grader-plugin.js';
export { loadGraderPlugins } from './plugin/load-plugin.js';
export { createRegistry, type GraderRegistry } from './plugin/registry.js';
export {
  type GraderSpec,
  isSupportedGraderSpec,
  SUPPORTED_GRADER_SPECS,
  unsupportedSpecReason,
} from './plugin/spec-version.js';
export { DEFAULT_CONCURRENCY } from './runner/default-concurrency.js';
export { type GradeOptions, grade, gradeMany } from './runner/grade.js';
export { graderRef } from './runner/grade-unit.js';
export { createIdMap, createIdSet, type IdMap, type IdSet } from './runner/id-set.js';
export { mapConcurrent } from './runner/map-concurrent.js';
export {
  type GraderSetup,
  type PreparedGrader,
  pluginOfSetup,
  prepareGraders,
} from './runner/prepare-graders.js';
export {
  parseVerdictLines,
  readFindings,
  readManifest,
  readVerdicts,
  verdictKey,
} from './runner/read-run.js';
export { RUN_FILES } from './runner/run-files.js';
export {
  type RunCounts,
  type RunGradingOptions,
  type RunSummary,
  runGrading,
  type TranscriptSourceItem,
} from './runner/run-grading.js';
export { resolveRunInputs, type TranscriptFileReader } from './runner/run-inputs.js';
export { writeFileAtomic } from './runner/run-store.js';
export { applyStreamingV8Flags, STREAMING_V8_FLAGS } from './runner/streaming-v8-flags.js';
export { MAX_CONCURRENCY, wholeNumberOption } from './runner/whole-number-option.js';
export {
  BUILTIN_DIMENSIONS,
  type BuiltinDimension,
  type Dimension,
  DimensionSchema,
} from './schemas/dimension.js';
export { type ErrorInfo, ErrorInfoSchema } from './schemas/error-info.js';
export { type Evidence, EvidenceSchema, type Span, SpanSchema } from './schemas/evidence.js';
export {
  type ConditionEstimate,
  ConditionEstimateSchema,
  type Finding,
  type FindingDraft,
  FindingDraftSchema,
  FindingSchema,
  type Interval,
  IntervalSchema,
} from './schemas/finding.js';
export {
  type GoldEvidence,
  GoldEvidenceSchema,
  type GoldLabel,
  type GoldLabelBody,
  GoldLabelBodySchema,
  GoldLabelSchema,
} from './schemas/gold-label.js';
export { type GraderRef, GraderRefSchema } from './schemas/grader-ref.js';
export {
  type ManifestGrader,
  type ManifestInput,
  ManifestInputSchema,
  RUN_FORMAT,
  type RunManifest,
  RunManifestSchema,
  type SkippedRecord,
} from './schemas/manifest.js';
export { type Rating, RatingSchema } from './schemas/rating.js';
export {
  type ContentPart,
  ContentPartSchema,
  type Message,
  type MessageInput,
  MessageSchema,
  type ReasoningPart,
  ReasoningPartSchema,
  type Split,
  SplitSchema,
  type TextPart,
  TextPartSchema,
  type ToolCall,
  ToolCallSchema,
  type Transcript,
  type TranscriptInput,
  TranscriptSchema,
  type TranscriptSource,
  TranscriptSourceSchema,
} from './schemas/transcript.js';
export { type Usage, UsageSchema } from './schemas/usage.js';
export { type Verdict, type VerdictDraft, VerdictDraftSchema, VerdictSchema } from './schemas/verdict.js';
export { VIEWS, type View, ViewSchema } from './schemas/view.js';
export {
  type MessageSegment,
  messageSegments,
  messageText,
  toolCallText,
} from './transcript/message-segments.js';
export { findQuote, type QuoteMatch, verifyEvidence } from './transcript/quote-verifier.js';
export { hasReasoning, type ViewedMessage, viewTranscript } from './transcript/view-transcript.js';
