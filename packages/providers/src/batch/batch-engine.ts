import type { ErrorInfo, Usage } from '@judgekit/core';
import { z } from 'zod';
import type { JudgeRequest } from '../judge/judge-model.js';

/** Format tag of persisted batch state. */
export const BATCH_STATE_FORMAT = 'judgekit.batch/v1';

/**
 * Everything needed to check on and collect a submitted batch, as plain JSON: persist it (e.g.
 * in the run directory) right after `submit`, and any later process can `status` / `collect`.
 */
export const BatchStateSchema = z.object({
  format: z.literal(BATCH_STATE_FORMAT),
  /** The judge model (`provider:model`) the batch was submitted for. */
  ref: z.string(),
  /** Provider batch id; `null` when every item was already cached and nothing was sent. */
  batchId: z.string().nullable(),
  /** OpenAI: the uploaded input file. */
  inputFileId: z.string().nullable(),
  submittedAt: z.string(),
  items: z.array(
    z.object({
      customId: z.string(),
      /** Content address of the item's request, the key its response is cached under. */
      key: z.string(),
      /** Already in the cache at submission: not sent. */
      cached: z.boolean(),
    }),
  ),
});

export type BatchState = z.infer<typeof BatchStateSchema>;

/** One question in a batch; `customId` (letters, digits, `_`, `-`, at most 64) matches its result. */
export interface BatchItem<TOutput = unknown> {
  customId: string;
  request: JudgeRequest<TOutput>;
}

/** Where a batch is: still running, or over (and how). */
export type BatchPhase = 'in_progress' | 'ended' | 'failed' | 'expired' | 'canceled';

export interface BatchStatus {
  phase: BatchPhase;
  /** Results can be collected (`ended`, and also `expired`/`canceled`, which may hold some). */
  done: boolean;
  counts: { total: number; succeeded: number; failed: number; processing: number };
}

/** The outcome of one item: its response is in the cache (`ok`), or why not. */
export interface BatchItemResult {
  customId: string;
  ok: boolean;
  /** Was already cached (at submission or by an earlier collect): nothing counted now. */
  cached: boolean;
  error?: ErrorInfo;
}

export interface BatchCollection {
  /** False while the batch is still running: nothing was collected, call again later. */
  done: boolean;
  results: BatchItemResult[];
  /** Tokens and cost of the results collected now, at the batch price. */
  usage: Usage;
  notes: string[];
}

/**
 * Submits many judge calls through a provider's batch API (OpenAI Batch, Anthropic Message
 * Batches). Results are matched by custom id in any order and written to the response cache, so
 * the grader's ordinary `complete` calls afterwards are all cache hits and cost nothing.
 */
export interface BatchEngine {
  /** Sends every item not already cached; returns the state to persist. */
  submit(items: readonly BatchItem[]): Promise<BatchState>;
  status(state: BatchState): Promise<BatchStatus>;
  /** When the batch is done, writes its responses to the cache and reports each item. */
  collect(state: BatchState): Promise<BatchCollection>;
}
