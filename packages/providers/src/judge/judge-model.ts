import type { Usage } from '@judgekit/core';
import type { z } from 'zod';
import type { BatchEngine } from '../batch/batch-engine.js';
import type { LabelProbability, LabelQuery } from '../logprobs/label-probability.js';
import type { ProviderId } from '../model-ref/model-ref.js';

/**
 * One question to a judge. The prompt is laid out for prompt caching: `system` is the static
 * prefix (rubric, instructions, few-shot examples) and must be byte-identical across calls;
 * `prompt` is the per-call part (the fenced transcript).
 */
export interface JudgeRequest<TOutput> {
  /** Static prefix, sent first (Anthropic: a system block with `cache_control`). */
  system: string;
  /** The per-call content. */
  prompt: string;
  /** The answer's schema; its JSON Schema is sent to the provider and every answer is parsed with it. */
  schema: z.ZodType<TOutput>;
  /** Name sent with the schema where the provider takes one; default `judge_output`. */
  schemaName?: string;
  /**
   * Fields of the answer whose label-token probability to report (OpenAI and compatible chat
   * with logprobs). Ignored by providers without logprobs: `labelProbabilities` is then empty.
   */
  labels?: readonly LabelQuery[];
  /**
   * Sample index for voting over `samples: n` (0-based, default 0). Part of the cache key, so n
   * samples are n distinct calls, each cached.
   */
  sample?: number;
  /** Overrides the model's sampling temperature for this call; `null` omits it. */
  temperature?: number | null;
  /** Overrides the model's output token limit for this call. */
  maxOutputTokens?: number;
  signal?: AbortSignal;
}

/** A judge's validated answer with everything a grader records about it. */
export interface JudgeResponse<TOutput> {
  /** The answer, parsed with the request's schema. */
  output: TOutput;
  /** The answer text as the model wrote it (of the repair call, when one was made). */
  raw: string;
  /** The model name as configured, e.g. `openai:gpt-4.1-mini`. */
  ref: string;
  provider: ProviderId;
  /** The model id the provider says answered (e.g. a dated snapshot); for provenance. */
  model: string;
  /**
   * What this call spent now: tokens, `calls` made to the provider, `cacheHits`, and `costUSD`
   * from the price table (0 when served from cache; absent when the price is unknown).
   */
  usage: Usage;
  /** Tokens of the answer as the provider reported them, whether fresh or from cache. */
  answerUsage: Usage;
  /** Every provider call of this answer was served from the response cache (or a recording). */
  cached: boolean;
  /** The first answer failed validation and the repair retry produced this one. */
  repaired: boolean;
  /** One entry per requested label whose token probabilities the provider returned. */
  labelProbabilities: LabelProbability[];
  /** Provider stop reason (`stop`, `end_turn`, `tool_use`, `length`, ...). */
  finishReason: string | undefined;
  /** Things the caller should show (an unknown price, an ignored option); never printed here. */
  notes: string[];
  /** Content address of the (final) call in the response cache. */
  cacheKey: string;
}

/** Running totals of one judge model instance. */
export interface JudgeTotals {
  /** Calls made to the provider (repairs included; cache hits not). */
  calls: number;
  cacheHits: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** Sum of priced calls; calls without a price are counted in `unpricedCalls`. */
  costUSD: number;
  unpricedCalls: number;
}

/** A judge model: one provider, one model, one set of settings. */
export interface JudgeModel {
  /** The model name as configured (`provider:model`, with `replay:` when replaying). */
  readonly ref: string;
  readonly provider: ProviderId;
  readonly model: string;
  /** Whether `labels` can yield token probabilities (otherwise vote over samples). */
  readonly supportsLogprobs: boolean;
  /** The provider's batch engine, where it has one (OpenAI Batch API, Anthropic Message Batches). */
  readonly batch: BatchEngine | undefined;
  /** Asks one question; throws `JudgeCallError`, `JudgeOutputError` or `ReplayMissError`. */
  complete<TOutput>(request: JudgeRequest<TOutput>): Promise<JudgeResponse<TOutput>>;
  /** Running totals since this instance was created. */
  totals(): JudgeTotals;
}
