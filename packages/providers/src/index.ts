export {
  BATCH_STATE_FORMAT,
  type BatchCollection,
  type BatchEngine,
  type BatchItem,
  type BatchItemResult,
  type BatchPhase,
  type BatchState,
  BatchStateSchema,
  type BatchStatus,
} from './batch/batch-engine.js';
export {
  type CollectingJudgeModel,
  type CollectingJudgeModelOptions,
  createCollectingJudgeModel,
} from './batch/collecting-judge-model.js';
export { CACHE_KEY_VERSION, cacheKey } from './cache/cache-key.js';
export { defaultCacheDir } from './cache/default-cache-dir.js';
export {
  createResponseStore,
  type ResponseStore,
  STORED_RESPONSE_FORMAT,
  type StoredResponse,
  StoredResponseSchema,
} from './cache/response-store.js';
export { type CallCost, callCost, type TokenCounts } from './cost/call-cost.js';
export { type ModelPrice, ModelPriceSchema, type PriceTable, PriceTableSchema } from './cost/price-table.js';
export { PROVIDER_ENVIRONMENT, type ProviderEnvironment } from './credentials/provider-environment.js';
export { BatchError } from './errors/batch-error.js';
export { BatchPendingError } from './errors/batch-pending-error.js';
export { JudgeCallError, type JudgeCallFailure } from './errors/judge-call-error.js';
export { JudgeOutputError } from './errors/judge-output-error.js';
export { MissingAPIKeyError } from './errors/missing-api-key-error.js';
export { ModelRefError } from './errors/model-ref-error.js';
export { ReplayMissError } from './errors/replay-miss-error.js';
export { createJudgeModel, type JudgeModelOptions } from './judge/create-judge-model.js';
export type { JudgeModel, JudgeRequest, JudgeResponse, JudgeTotals } from './judge/judge-model.js';
export {
  type JudgeSettings,
  JudgeSettingsSchema,
  type ReasoningEffort,
  ReasoningEffortSchema,
  type StructuredOutputMode,
  StructuredOutputModeSchema,
} from './judge/judge-settings.js';
export { createRateLimiter, type RateLimiter, type RateLimits } from './limits/rate-limiter.js';
export { type LimiterScope, sharedRateLimiter } from './limits/shared-rate-limiter.js';
export { type JSONPath, jsonValueOffset } from './logprobs/json-value-offset.js';
export { type LabelProbability, type LabelQuery, labelProbabilities } from './logprobs/label-probability.js';
export type { TokenLogprob } from './logprobs/token-logprob.js';
export {
  formatModelRef,
  type ModelRef,
  PROVIDERS,
  type ProviderId,
  parseModelRef,
} from './model-ref/model-ref.js';
export { createNodeHTTPFetch } from './protocols/node-http-fetch.js';
export { preloadSDKs } from './protocols/sdk-modules.js';
export { answerFromSchema } from './testing/answer-from-schema.js';
export { cutConnection, hang, httpError, invalidJSON, reply, replyText } from './testing/script-steps.js';
export { startTestServer } from './testing/start-test-server.js';
export type {
  ModelCall,
  ModelCallHandler,
  RecordedRequest,
  ScriptStep,
  TestServer,
  TestServerOptions,
} from './testing/test-server-types.js';
