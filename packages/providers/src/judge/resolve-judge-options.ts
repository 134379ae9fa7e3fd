import { ConfigError, formatIssuePath } from '@judgekit/core';
import { type PriceTable, PriceTableSchema } from '../cost/price-table.js';
import { formatModelRef, type ModelRef } from '../model-ref/model-ref.js';
import type { TransportSettings } from '../protocols/sdk-clients.js';
import type { CallSettings } from '../protocols/wire-protocol.js';
import type { JudgeModelOptions } from './create-judge-model.js';
import { type JudgeSettings, JudgeSettingsSchema, type StructuredOutputMode } from './judge-settings.js';

/** Structured-output modes each provider has; the first is its default. */
export const STRUCTURED_OUTPUT_MODES: Readonly<
  Record<ModelRef['provider'], readonly StructuredOutputMode[]>
> = {
  openai: ['json-schema', 'json-object', 'prompt'],
  compatible: ['json-schema', 'json-object', 'llama-cpp', 'prompt'],
  'openai-responses': ['json-schema'],
  anthropic: ['output-format', 'tool', 'prompt'],
};

/** Modes in which the provider itself enforces the schema (no repair retry by default). */
const ENFORCED: readonly StructuredOutputMode[] = ['json-schema', 'output-format', 'tool'];

/** A judge model's options, checked, with every default applied. */
export interface ResolvedJudgeOptions {
  settings: JudgeSettings;
  call: CallSettings;
  transport: TransportSettings;
  prices: PriceTable | undefined;
  repair: boolean;
}

/** Checks the options against the model (throws `ConfigError`) and applies the defaults. */
export function resolveJudgeOptions(ref: ModelRef, options: JudgeModelOptions): ResolvedJudgeOptions {
  const settings = checkSettings(options);
  const mode = settings.structuredOutput ?? STRUCTURED_OUTPUT_MODES[ref.provider][0]!;
  checkMode(ref, mode, settings);
  if (ref.replay && !options.replayDir) {
    throw new ConfigError({
      path: 'replayDir',
      reason: `${formatModelRef(ref)} replays recorded responses: give the recording directory (replayDir)`,
    });
  }
  const defaultTemperature = ref.provider === 'openai-responses' ? null : 0;
  return {
    settings,
    call: {
      temperature: settings.temperature === undefined ? defaultTemperature : settings.temperature,
      maxOutputTokens: settings.maxOutputTokens ?? 1024,
      topLogprobs: settings.topLogprobs ?? 5,
      structuredOutput: mode,
      thinkingBudgetTokens: settings.thinkingBudgetTokens,
      reasoningEffort: settings.reasoningEffort,
    },
    transport: { timeoutMs: settings.timeoutMs ?? 60_000, maxRetries: settings.maxRetries ?? 4 },
    prices: options.prices === undefined ? undefined : checkPrices(options.prices),
    repair: settings.repair ?? (ref.provider === 'compatible' || !ENFORCED.includes(mode)),
  };
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
  const allowed = STRUCTURED_OUTPUT_MODES[ref.provider];
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
