import { ConfigError } from '@judgekit/core';
import { defaultCacheDir } from '../cache/default-cache-dir.js';
import { BatchPendingError } from '../errors/batch-pending-error.js';
import { ReplayMissError } from '../errors/replay-miss-error.js';
import { createJudgeModel, type JudgeModelOptions } from '../judge/create-judge-model.js';
import type { JudgeModel, JudgeRequest, JudgeResponse } from '../judge/judge-model.js';
import { parseModelRef } from '../model-ref/model-ref.js';
import type { BatchEngine, BatchItem } from './batch-engine.js';

/** Options of a collecting judge: the model's own, plus what a batch already said about some requests. */
export interface CollectingJudgeModelOptions extends JudgeModelOptions {
  /**
   * Requests (by cache key) whose batch item failed, with the reason: asking one again still
   * throws `BatchPendingError`, now carrying the reason.
   */
  failures?: ReadonlyMap<string, string>;
}

/**
 * A judge model that never sends a first call: it answers from the response cache exactly as the
 * model would, and sets every other request aside for a batch (`collected()`), throwing
 * `BatchPendingError`.
 */
export interface CollectingJudgeModel extends JudgeModel {
  /** The model's batch engine (OpenAI Batch API, Anthropic Message Batches). */
  readonly batch: BatchEngine;
  /** The response cache both the probe and the model read (absolute or as given). */
  readonly cacheDir: string;
  /** Requests asked that were not in the cache, once per content address; custom id = the cache key. */
  collected(): BatchItem[];
}

/**
 * Creates a collecting judge for `name` (`openai:…`, `openai-responses:…`, `anthropic:…`). Each
 * request is first looked up — with the model's own body and content address — by a `replay:`
 * twin of the model reading the response cache; only a cached first answer reaches the model, which
 * then answers from the cache like a resumed synchronous run (a repair retry, where repair is on,
 * is the one follow-up call it may still send). Throws `ConfigError` for a model without a batch
 * API or without a cache.
 */
export function createCollectingJudgeModel(
  name: string,
  options: CollectingJudgeModelOptions = {},
): CollectingJudgeModel {
  const ref = parseModelRef(name);
  if (ref.replay) {
    throw new ConfigError({
      path: 'judge',
      reason: `${name} answers from a recording: there is nothing to batch`,
    });
  }
  if (options.cacheDir === false) {
    throw new ConfigError({
      path: 'cacheDir',
      reason: 'batch results are delivered through the response cache; do not disable it',
    });
  }
  const { failures, ...modelOptions } = options;
  const cacheDir = options.cacheDir ?? defaultCacheDir(options.env ?? process.env);
  const model = createJudgeModel(name, { ...modelOptions, cacheDir });
  const engine = model.batch;
  if (!engine) {
    throw new ConfigError({
      path: 'judge',
      reason: `${model.ref} has no batch API (batches exist for openai:, openai-responses: and anthropic: judges); grade without batching`,
    });
  }
  const {
    recordDir: _record,
    replayDir: _replay,
    limiter: _limiter,
    apiKey: _key,
    ...probeOptions
  } = modelOptions;
  const probe = createJudgeModel(`replay:${name}`, { ...probeOptions, replayDir: cacheDir, repair: false });
  // items by key, with the position of the first call that asked for each: cache lookups finish in
  // any order, and the batch should list requests in the order they were asked, run after run
  const pending = new Map<string, { item: BatchItem; asked: number }>();
  let calls = 0;

  return {
    ref: model.ref,
    provider: model.provider,
    model: model.model,
    supportsLogprobs: model.supportsLogprobs,
    batch: engine,
    cacheDir,
    collected: () => [...pending.values()].sort((a, b) => a.asked - b.asked).map((entry) => entry.item),
    totals: () => model.totals(),
    async complete<TOutput>(request: JudgeRequest<TOutput>): Promise<JudgeResponse<TOutput>> {
      const asked = calls++;
      try {
        await probe.complete(request);
      } catch (error) {
        if (ReplayMissError.isInstance(error)) {
          const { signal: _signal, ...batchable } = request;
          const known = pending.get(error.key);
          if (!known) pending.set(error.key, { item: { customId: error.key, request: batchable }, asked });
          else if (asked < known.asked) known.asked = asked;
          throw new BatchPendingError({ ref: model.ref, key: error.key, reason: failures?.get(error.key) });
        }
        // the first answer is cached (an invalid one included): the model reports it as it would
      }
      return model.complete(request);
    },
  };
}
