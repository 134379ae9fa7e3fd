import type { Usage } from '@judgekit/core';
import {
  type BatchCollection,
  BatchError,
  type BatchStatus,
  createJudgeModel,
  type JudgeModel,
  type JudgeModelOptions,
} from '@judgekit/providers';
import { writeBatchRun } from './batch-run-file.js';
import type { BatchJudge, BatchRecord, BatchRun } from './batch-run-schema.js';

type Environment = Readonly<Record<string, string | undefined>>;

/** The judge model a batch was submitted with, recreated in this process (keys from `env`). */
export function batchJudgeModel(
  judge: BatchJudge,
  env: Environment,
): JudgeModel & { batch: NonNullable<JudgeModel['batch']> } {
  const model = createJudgeModel(judge.name, { ...(judge.options as JudgeModelOptions), env });
  if (!model.batch)
    throw new BatchError({ provider: model.provider, reason: `${judge.name} has no batch API` });
  return model as JudgeModel & { batch: NonNullable<JudgeModel['batch']> };
}

/** A batch of the run as `batch status` shows it. */
export interface BatchStatusRow {
  id: string;
  round: number;
  judge: string;
  provider: string;
  /** The provider's batch id (`null`: never confirmed, or nothing had to be sent). */
  batchId: string | null;
  phase: BatchRecord['phase'];
  /** The provider's phase for a submitted batch (`in_progress`, `ended`, `failed`, `expired`, `canceled`). */
  providerPhase: BatchStatus['phase'] | null;
  requests: number;
  counts: BatchStatus['counts'] | null;
  submittedAt: string | null;
  collectedAt: string | null;
  costUSD: number | null;
  error: string | null;
}

/** Asks the provider where a batch is (submitted batches only); the other phases answer from the state file. */
export async function batchStatusRow(record: BatchRecord, env: Environment): Promise<BatchStatusRow> {
  const row: BatchStatusRow = {
    id: record.id,
    round: record.round,
    judge: record.judge.name,
    provider: record.provider,
    batchId: record.state?.batchId ?? null,
    phase: record.phase,
    providerPhase: null,
    requests: record.requests,
    counts: null,
    submittedAt: record.state?.submittedAt ?? null,
    collectedAt: record.collected?.at ?? null,
    costUSD: record.collected?.usage.costUSD ?? null,
    error: record.error,
  };
  if (record.phase === 'collected' && record.collected) {
    const { succeeded, failed } = record.collected;
    row.counts = { total: succeeded + failed, succeeded, failed, processing: 0 };
  }
  if (record.phase === 'submitted' && record.state) {
    const status = await batchJudgeModel(record.judge, env).batch.status(record.state);
    row.providerPhase = status.phase;
    row.counts = status.counts;
  }
  return row;
}

/**
 * Collects every submitted batch the provider has finished: results into the response cache,
 * failures by cache key into `run.failures`, the record marked `collected` (and `batches.json`
 * written) one batch at a time. Returns the batches still running and those collected now.
 */
export async function pollBatches(options: {
  runDir: string;
  run: BatchRun;
  env: Environment;
}): Promise<{ running: BatchStatusRow[]; collected: BatchStatusRow[] }> {
  const { runDir, run, env } = options;
  const running: BatchStatusRow[] = [];
  const collected: BatchStatusRow[] = [];
  for (const record of run.batches) {
    if (record.phase !== 'submitted' || !record.state) continue;
    const model = batchJudgeModel(record.judge, env);
    const collection = await collectOrFail(model, record);
    if (!collection.done) {
      running.push(await batchStatusRow(record, env));
      continue;
    }
    let succeeded = 0;
    let failed = 0;
    for (const result of collection.results) {
      if (result.ok) {
        succeeded++;
        delete run.failures[result.customId];
        continue;
      }
      failed++;
      const attempts = (run.failures[result.customId]?.attempts ?? 0) + 1;
      run.failures[result.customId] = { reason: result.error?.message ?? 'no result', attempts };
    }
    record.phase = 'collected';
    record.collected = {
      at: new Date().toISOString(),
      succeeded,
      failed,
      usage: collection.usage,
      notes: collection.notes,
    };
    await writeBatchRun(runDir, run);
    collected.push(await batchStatusRow(record, env));
  }
  return { running, collected };
}

/** The batch's collection; a batch that failed as a whole counts every request not yet cached as failed. */
async function collectOrFail(
  model: JudgeModel & { batch: NonNullable<JudgeModel['batch']> },
  record: BatchRecord,
): Promise<BatchCollection> {
  const state = record.state!;
  try {
    return await model.batch.collect(state);
  } catch (error) {
    if (!BatchError.isInstance(error)) throw error;
    record.error = error.message;
    const usage: Usage = { inputTokens: 0, outputTokens: 0, calls: 0, cacheHits: 0, costUSD: 0 };
    return {
      done: true,
      usage,
      notes: [error.message],
      results: state.items.map((item) =>
        item.cached
          ? { customId: item.customId, ok: true, cached: true }
          : {
              customId: item.customId,
              ok: false,
              cached: false,
              error: { name: error.name, message: error.reason, retryable: true },
            },
      ),
    };
  }
}
