import type Anthropic from '@anthropic-ai/sdk';
import { ConfigError, formatIssuePath } from '@judgekit/core';
import type OpenAI from 'openai';
import { createAnthropicBatchTransport } from '../batch/anthropic-batch-transport.js';
import type { BatchTransport } from '../batch/batch-transport.js';
import { createBatchEngine } from '../batch/create-batch-engine.js';
import { createOpenAIBatchTransport } from '../batch/openai-batch-transport.js';
import { defaultCacheDir } from '../cache/default-cache-dir.js';
import { createResponseStore } from '../cache/response-store.js';
import { type PriceTable, PriceTableSchema } from '../cost/price-table.js';
import { resolveEndpoint } from '../credentials/resolve-endpoint.js';
import { createRateLimiter, type RateLimiter } from '../limits/rate-limiter.js';
import { formatModelRef, type ModelRef, parseModelRef } from '../model-ref/model-ref.js';
import { createAnthropicMessagesProtocol } from '../protocols/anthropic-messages-protocol.js';
import { createOpenAIChatProtocol } from '../protocols/openai-chat-protocol.js';
import { createOpenAIResponsesProtocol } from '../protocols/openai-responses-protocol.js';
import { createAnthropicClient, createOpenAIClient, lazy } from '../protocols/sdk-clients.js';
import type { CallContext } from '../protocols/to-judge-call-error.js';
import type { CallSettings, WireProtocol } from '../protocols/wire-protocol.js';
import type { JudgeModel } from './judge-model.js';
import { type JudgeSettings, JudgeSettingsSchema, type StructuredOutputMode } from './judge-settings.js';
import { ProviderJudge } from './provider-judge.js';
import { ResponseExchange } from './response-exchange.js';

/** Settings plus what does not belong in a config file: the environment, keys, shared limiters, paths. */
export interface JudgeModelOptions extends JudgeSettings {
  /** Where keys and base URLs are read from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** An API key given in code; prefer the environment. Never written to disk, logs or results. */
  apiKey?: string;
  /** Share one limiter between models on the same account; otherwise each model gets its own. */
  limiter?: RateLimiter;
  /** Response cache directory; default {@link defaultCacheDir}; `false` turns caching off. */
  cacheDir?: string | false;
  /** Also write every response (fresh or cached) here, to replay it later without a key. */
  recordDir?: string;
  /** For `replay:` models: the recording to answer from. */
  replayDir?: string;
  /** US dollars per million tokens by model name; see {@link PriceTableSchema}. */
  prices?: PriceTable;
}

const MODES: Record<ModelRef['provider'], readonly StructuredOutputMode[]> = {
  openai: ['json-schema', 'json-object', 'prompt'],
  compatible: ['json-schema', 'json-object', 'llama-cpp', 'prompt'],
  'openai-responses': ['json-schema'],
  anthropic: ['output-format', 'tool', 'prompt'],
};

/**
 * Creates a judge model from its name (`openai:gpt-4.1-mini`, `anthropic:claude-sonnet-4-5`,
 * `compatible:qwen3:8b`, `replay:openai:gpt-4.1-mini`) and options. Throws `ModelRefError` or
 * `ConfigError` for a name or options that cannot work; a missing key surfaces only when a call
 * actually needs the provider (a run served from cache needs none).
 */
export function createJudgeModel(name: string, options: JudgeModelOptions = {}): JudgeModel {
  const ref = parseModelRef(name);
  const settings = checkSettings(options);
  const prices = options.prices === undefined ? undefined : checkPrices(options.prices);
  const env = options.env ?? process.env;
  const mode = settings.structuredOutput ?? MODES[ref.provider][0]!;
  checkMode(ref, mode, settings);
  const callSettings: CallSettings = {
    temperature:
      settings.temperature === undefined
        ? ref.provider === 'openai-responses'
          ? null
          : 0
        : settings.temperature,
    maxOutputTokens: settings.maxOutputTokens ?? 1024,
    topLogprobs: settings.topLogprobs ?? 5,
    structuredOutput: mode,
    thinkingBudgetTokens: settings.thinkingBudgetTokens,
    reasoningEffort: settings.reasoningEffort,
  };
  const endpoint = ref.replay
    ? undefined
    : resolveEndpoint(ref, { env, apiKey: options.apiKey, baseURL: settings.baseURL });
  const context: CallContext = { provider: ref.provider, model: ref.model, secret: undefined };
  const transport = { timeoutMs: settings.timeoutMs ?? 60_000, maxRetries: settings.maxRetries ?? 4 };
  const replayed = () => {
    throw new ConfigError({ path: 'replayDir', reason: 'a replayed model never calls its provider' });
  };
  const openai = lazy(() => {
    if (!endpoint) return replayed();
    const client = createOpenAIClient(endpoint, transport);
    context.secret = client.apiKey ?? undefined;
    return client;
  });
  const anthropic = lazy(() => {
    if (!endpoint) return replayed();
    const client = createAnthropicClient(endpoint, transport);
    context.secret = client.apiKey ?? undefined;
    return client;
  });
  const protocol = createProtocol(ref, callSettings, context, openai, anthropic);
  const stores = {
    cache:
      ref.replay || options.cacheDir === false
        ? undefined
        : createResponseStore(options.cacheDir ?? defaultCacheDir(env)),
    record: options.recordDir ? createResponseStore(options.recordDir) : undefined,
    replay: ref.replay ? createResponseStore(requireReplayDir(ref, options.replayDir)) : undefined,
  };
  const limiter =
    options.limiter ??
    createRateLimiter({
      concurrency: settings.concurrency ?? 8,
      ...(settings.requestsPerMinute ? { requestsPerMinute: settings.requestsPerMinute } : {}),
      ...(settings.tokensPerMinute ? { tokensPerMinute: settings.tokensPerMinute } : {}),
    });
  const exchange = new ResponseExchange(ref, protocol, stores, limiter);
  const repair =
    settings.repair ??
    (ref.provider === 'compatible' || !['json-schema', 'output-format', 'tool'].includes(mode));
  const judge = new ProviderJudge(ref, protocol, exchange, { prices, repair });
  const batchTransport = ref.replay ? undefined : createBatchTransport(ref, context, openai, anthropic);
  if (batchTransport) {
    judge.batch = createBatchEngine({
      ref,
      refName: formatModelRef(ref),
      protocol,
      exchange,
      cache: stores.cache,
      transport: batchTransport,
      prices,
    });
  }
  return judge;
}

function createProtocol(
  ref: ModelRef,
  settings: CallSettings,
  context: CallContext,
  openai: () => OpenAI,
  anthropic: () => Anthropic,
): WireProtocol {
  const common = { model: ref.model, settings, context };
  switch (ref.provider) {
    case 'anthropic':
      return createAnthropicMessagesProtocol({ ...common, client: anthropic });
    case 'openai-responses':
      return createOpenAIResponsesProtocol({ ...common, client: openai });
    case 'openai':
      return createOpenAIChatProtocol({ ...common, client: openai, maxTokensField: 'max_completion_tokens' });
    case 'compatible':
      return createOpenAIChatProtocol({ ...common, client: openai, maxTokensField: 'max_tokens' });
  }
}

function createBatchTransport(
  ref: ModelRef,
  context: CallContext,
  openai: () => OpenAI,
  anthropic: () => Anthropic,
): BatchTransport | undefined {
  switch (ref.provider) {
    case 'anthropic':
      return createAnthropicBatchTransport({ client: anthropic, context });
    case 'openai':
      return createOpenAIBatchTransport({ client: openai, context, endpoint: '/v1/chat/completions' });
    case 'openai-responses':
      return createOpenAIBatchTransport({ client: openai, context, endpoint: '/v1/responses' });
    case 'compatible':
      return undefined;
  }
}

function checkSettings(options: JudgeModelOptions): JudgeSettings {
  const {
    env: _env,
    apiKey: _apiKey,
    limiter: _limiter,
    cacheDir: _cache,
    recordDir: _record,
    replayDir: _replay,
    prices: _prices,
    ...settings
  } = options;
  const result = JudgeSettingsSchema.strict().safeParse(settings);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ConfigError({ path: formatIssuePath(issue.path), reason: issue.message });
}

function checkPrices(prices: PriceTable): PriceTable {
  const result = PriceTableSchema.safeParse(prices);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ConfigError({ path: `prices.${formatIssuePath(issue.path)}`, reason: issue.message });
}

function checkMode(ref: ModelRef, mode: StructuredOutputMode, settings: JudgeSettings): void {
  const allowed = MODES[ref.provider];
  if (!allowed.includes(mode)) {
    throw new ConfigError({
      path: 'structuredOutput',
      reason: `"${mode}" is not available for ${ref.provider}; use one of ${allowed.join(', ')}`,
    });
  }
  if (mode === 'tool' && settings.thinkingBudgetTokens !== undefined) {
    throw new ConfigError({
      path: 'structuredOutput',
      reason: 'forced tool use is not allowed with extended thinking; use "output-format"',
    });
  }
  if (settings.thinkingBudgetTokens !== undefined && ref.provider !== 'anthropic') {
    throw new ConfigError({
      path: 'thinkingBudgetTokens',
      reason: 'extended thinking is an Anthropic setting',
    });
  }
}

function requireReplayDir(ref: ModelRef, dir: string | undefined): string {
  if (dir) return dir;
  throw new ConfigError({
    path: 'replayDir',
    reason: `${formatModelRef(ref)} replays recorded responses: give the recording directory (replayDir)`,
  });
}
