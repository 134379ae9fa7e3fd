import { z } from 'zod';

/**
 * How the answer's schema reaches the model.
 * - `json-schema`: OpenAI `response_format: json_schema` (strict) — OpenAI, vLLM, Ollama, LiteLLM.
 * - `json-object`: `response_format: json_object`, schema in the prompt (servers with JSON mode only).
 * - `llama-cpp`: the schema in llama.cpp's own top-level `json_schema` field, and in the prompt.
 * - `prompt`: the schema in the prompt only; the answer is validated and repaired once.
 * - `output-format`: Anthropic native structured output (`output_config.format`).
 * - `tool`: Anthropic forced tool use (models without `output_config`; not with extended thinking).
 */
export const StructuredOutputModeSchema = z.enum([
  'json-schema',
  'json-object',
  'llama-cpp',
  'prompt',
  'output-format',
  'tool',
]);

export type StructuredOutputMode = z.infer<typeof StructuredOutputModeSchema>;

/** Reasoning effort for OpenAI reasoning models. */
export const ReasoningEffortSchema = z.enum(['minimal', 'low', 'medium', 'high']);

export type ReasoningEffort = z.infer<typeof ReasoningEffortSchema>;

/**
 * The serializable settings of a judge model, as they appear in config. Everything here that
 * changes what is sent (temperature, token limit, schema mode, ...) is part of the cache key.
 */
export const JudgeSettingsSchema = z.object({
  /** Base URL of the API (OpenAI-style URLs include `/v1`; Anthropic's do not). */
  baseURL: z.string().url().optional(),
  /** Sampling temperature; default 0 (`openai-responses`: omitted); `null` omits it. */
  temperature: z.number().min(0).max(2).nullable().optional(),
  /** Output token limit per call; default 1024. */
  maxOutputTokens: z.number().int().positive().optional(),
  /** Per-attempt timeout in milliseconds handed to the SDK; default 60 000. */
  timeoutMs: z.number().int().positive().optional(),
  /** Retries the SDK makes on 408/409/429/5xx/connection errors/timeouts (honouring `retry-after`); default 4. */
  maxRetries: z.number().int().min(0).max(10).optional(),
  /**
   * Calls in flight at once to this model at this endpoint, over every judge model of the process
   * made with the same limits (several graders on one judge share them); default 8.
   */
  concurrency: z.number().int().positive().optional(),
  requestsPerMinute: z.number().positive().optional(),
  tokensPerMinute: z.number().positive().optional(),
  structuredOutput: StructuredOutputModeSchema.optional(),
  /** One repair retry on an invalid answer; default on where the server does not enforce the schema. */
  repair: z.boolean().optional(),
  /** Alternatives per token when label probabilities are requested (1–20); default 5. */
  topLogprobs: z.number().int().min(1).max(20).optional(),
  /** Anthropic extended thinking budget in tokens (≥ 1024); thinking is off when absent. */
  thinkingBudgetTokens: z.number().int().min(1024).optional(),
  reasoningEffort: ReasoningEffortSchema.optional(),
});

export type JudgeSettings = z.infer<typeof JudgeSettingsSchema>;
