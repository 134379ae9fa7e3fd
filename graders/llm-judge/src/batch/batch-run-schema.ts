import { UsageSchema } from '@judgekit/core';
import { BatchStateSchema } from '@judgekit/providers';
import { z } from 'zod';

/** Format tag of `batches.json`. */
export const BATCH_RUN_FORMAT = 'judgekit.batch-run/v1';

/** The file in a run directory that holds a batch run's state. */
export const BATCH_RUN_FILE = 'batches.json';

/** A judge model as a batch run recreates it: its name and its options without the environment. */
export const BatchJudgeSchema = z.object({
  /** `provider:model` as configured, e.g. `openai:gpt-4.1-mini`. */
  name: z.string(),
  /** Judge settings, `cacheDir` (resolved), `prices`, `recordDir`: plain JSON, never a key. */
  options: z.record(z.string(), z.unknown()),
});

/**
 * Where a batch is, as this run knows it:
 * - `planned`: written before the provider was asked; nothing proves the provider has it;
 * - `submitted`: the provider accepted it, `state` holds its id;
 * - `collected`: its results are in the response cache (`collected` counts them);
 * - `abandoned`: planned but never confirmed (the submitting process stopped, or the provider refused):
 *   its requests are asked again in a later round.
 */
export const BatchRecordPhaseSchema = z.enum(['planned', 'submitted', 'collected', 'abandoned']);

/** One provider batch of a batch run. */
export const BatchRecordSchema = z.object({
  /** Local id, `r<round>-<n>`. */
  id: z.string(),
  /** The submission round: 1 for `grade --batch`, then one per resubmission by `batch collect`. */
  round: z.number().int().positive(),
  judge: BatchJudgeSchema,
  provider: z.string(),
  model: z.string(),
  phase: BatchRecordPhaseSchema,
  /** Requests planned for this batch. */
  requests: z.number().int().nonnegative(),
  plannedAt: z.string(),
  /** The provider batch (id, input file, items by custom id = cache key), once submitted. */
  state: BatchStateSchema.nullable(),
  collected: z
    .object({
      at: z.string(),
      succeeded: z.number().int().nonnegative(),
      failed: z.number().int().nonnegative(),
      /** Tokens and cost of the results, at the batch price (cost only where a price is configured). */
      usage: UsageSchema,
      notes: z.array(z.string()),
    })
    .nullable(),
  /** Why the batch was abandoned or failed as a whole. */
  error: z.string().nullable(),
});

/** A request a batch answered with an error: the latest reason and how many batches tried it. */
export const BatchFailureSchema = z.object({
  reason: z.string(),
  attempts: z.number().int().positive(),
});

/** `batches.json`: everything a later process needs to check on, collect and finish a batch run. */
export const BatchRunSchema = z.object({
  format: z.literal(BATCH_RUN_FORMAT),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** A request is put in at most this many batches; after that it becomes an `error` verdict. */
  maxAttempts: z.number().int().positive(),
  /** Most requests per provider batch (the providers' limits are 50 000 for OpenAI, 100 000 for Anthropic). */
  maxBatchRequests: z.number().int().positive(),
  /** What the caller stored to rebuild the run (the CLI: inputs, graders, config, flags). */
  run: z.unknown(),
  batches: z.array(BatchRecordSchema),
  /** Requests whose batch item failed, by cache key (= custom id). */
  failures: z.record(z.string(), BatchFailureSchema),
  /** When the run's verdicts were all written. */
  finishedAt: z.string().nullable(),
});

export type BatchJudge = z.infer<typeof BatchJudgeSchema>;
export type BatchRecord = z.infer<typeof BatchRecordSchema>;
export type BatchRun = z.infer<typeof BatchRunSchema>;
