import type Anthropic from '@anthropic-ai/sdk';
import { ConfigError } from '@judgekit/core';
import type OpenAI from 'openai';
import { createAnthropicBatchTransport } from '../batch/anthropic-batch-transport.js';
import type { BatchTransport } from '../batch/batch-transport.js';
import { createBatchEngine } from '../batch/create-batch-engine.js';
import { createOpenAIBatchTransport } from '../batch/openai-batch-transport.js';
import { defaultCacheDir } from '../cache/default-cache-dir.js';
import { createResponseStore } from '../cache/response-store.js';
import type { PriceTable } from '../cost/price-table.js';
import { type Endpoint, resolveEndpoint } from '../credentials/resolve-endpoint.js';
import { createRateLimiter, type RateLimiter, type RateLimits } from '../limits/rate-limiter.js';
import { sharedRateLimiter } from '../limits/shared-rate-limiter.js';
import { formatModelRef, type ModelRef, parseModelRef } from '../model-ref/model-ref.js';
import { createAnthropicMessagesProtocol } from '../protocols/anthropic-messages-protocol.js';
import { createOpenAIChatProtocol } from '../protocols/openai-chat-protocol.js';
import { createOpenAIResponsesProtocol } from '../protocols/openai-responses-protocol.js';
import { createAnthropicClient, createOpenAIClient, lazy } from '../protocols/sdk-clients.js';
import type { CallContext } from '../protocols/to-judge-call-error.js';
import type { CallSettings, WireProtocol } from '../protocols/wire-protocol.js';
import type { JudgeModel } from './judge-model.js';
import type { JudgeSettings } from './judge-settings.js';
import { ProviderJudge } from './provider-judge.js';
import { resolveJudgeOptions } from './resolve-judge-options.js';
import { ResponseExchange } from './response-exchange.js';

/** Settings plus what does not belong in a config file: the environment, keys, shared limiters, paths. */
export interface JudgeModelOptions extends JudgeSettings {
  /** Where keys and base URLs are read from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** An API key given in code; prefer the environment. Never written to disk, logs or results. */
  apiKey?: string;
  /**
   * The limiter its calls go through. Default: one per process for each model, endpoint and set of
   * limits ({@link sharedRateLimiter}), so judge models made alike share `concurrency` and rates.
   */
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

/**
 * Creates a judge model from its name (`openai:gpt-4.1-mini`, `anthropic:claude-sonnet-4-5`,
 * `compatible:qwen3:8b`, `replay:openai:gpt-4.1-mini`) and options. Throws `ModelRefError` or
 * `ConfigError` for a name or options that cannot work; a missing key surfaces only when a call
 * actually needs the provider (a run served from cache needs none).
 */
export function createJudgeModel(name: string, options: JudgeModelOptions = {}): JudgeModel {
  const ref = parseModelRef(name);
  const resolved = resolveJudgeOptions(ref, options);
  const env = options.env ?? process.env;
  const endpoint = ref.replay
    ? undefined
    : resolveEndpoint(ref, { env, apiKey: options.apiKey, baseURL: resolved.settings.baseURL });
  const context: CallContext = { provider: ref.provider, model: ref.model, secret: undefined };
  const client = <T extends { apiKey: string | null }>(create: (endpoint: Endpoint) => Promise<T>) =>
    lazy(async () => {
      if (!endpoint)
        throw new ConfigError({ path: 'replayDir', reason: 'a replayed model never calls its provider' });
      const made = await create(endpoint);
      context.secret = made.apiKey ?? undefined;
      return made;
    });
  const openai = client((at) => createOpenAIClient(at, resolved.transport));
  const anthropic = client((at) => createAnthropicClient(at, resolved.transport));
  const protocol = createProtocol(ref, resolved.call, context, openai, anthropic);
  const stores = {
    cache:
      ref.replay || options.cacheDir === false
        ? undefined
        : createResponseStore(options.cacheDir ?? defaultCacheDir(env)),
    record: options.recordDir ? createResponseStore(options.recordDir) : undefined,
    replay: ref.replay && options.replayDir ? createResponseStore(options.replayDir) : undefined,
  };
  const limits = limitsOf(resolved.settings);
  const limiter =
    options.limiter ??
    (endpoint
      ? sharedRateLimiter({ provider: ref.provider, model: ref.model, baseURL: endpoint.baseURL }, limits)
      : createRateLimiter(limits));
  const exchange = new ResponseExchange(ref, protocol, stores, limiter);
  const judge = new ProviderJudge(ref, protocol, exchange, {
    prices: resolved.prices,
    repair: resolved.repair,
  });
  const transport = ref.replay ? undefined : createBatchTransport(ref, context, openai, anthropic);
  if (transport) {
    const refName = formatModelRef(ref);
    const batchOptions = {
      ref,
      refName,
      protocol,
      exchange,
      cache: stores.cache,
      transport,
      prices: resolved.prices,
    };
    judge.batch = createBatchEngine(batchOptions);
  }
  return judge;
}

function limitsOf(settings: JudgeSettings): RateLimits {
  const limits: RateLimits = { concurrency: settings.concurrency ?? 8 };
  if (settings.requestsPerMinute) limits.requestsPerMinute = settings.requestsPerMinute;
  if (settings.tokensPerMinute) limits.tokensPerMinute = settings.tokensPerMinute;
  return limits;
}

function createProtocol(
  ref: ModelRef,
  settings: CallSettings,
  context: CallContext,
  openai: () => Promise<OpenAI>,
  anthropic: () => Promise<Anthropic>,
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
  openai: () => Promise<OpenAI>,
  anthropic: () => Promise<Anthropic>,
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
