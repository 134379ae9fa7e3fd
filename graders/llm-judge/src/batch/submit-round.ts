import type { BatchItem } from '@judgekit/providers';
import type { CollectedGroup } from './batch-judge-factory.js';
import { writeBatchRun } from './batch-run-file.js';
import type { BatchRecord, BatchRun } from './batch-run-schema.js';

/** Estimated bytes per batch, kept well under the providers' limits (OpenAI 200 MB per file, Anthropic 256 MB). */
const MAX_BATCH_BYTES = 150_000_000;

/** Allowance per request for what the estimate does not count: the answer schema, parameters, framing. */
const REQUEST_OVERHEAD_BYTES = 8_192;

/** One batch of a round as reported: its local id, judge, provider id and size. */
export interface SubmittedBatch {
  id: string;
  judge: string;
  batchId: string | null;
  requests: number;
}

/**
 * Submits the requests the collecting pass set aside as the next round: one or more provider batches
 * per judge model. Every batch is written to `batches.json` as `planned` before the provider is
 * asked and as `submitted` (with its id) as soon as the provider accepts it. Requests that already
 * failed `maxAttempts` times are left out. A submission the provider refuses is marked `abandoned`
 * and the error is thrown; its requests are asked again by the next `batch collect`.
 */
export async function submitRound(options: {
  runDir: string;
  run: BatchRun;
  groups: readonly CollectedGroup[];
}): Promise<{ round: number; requests: number; batches: SubmittedBatch[] }> {
  const { runDir, run } = options;
  const round = Math.max(0, ...run.batches.map((record) => record.round)) + 1;
  const plannedAt = new Date().toISOString();
  const planned: { record: BatchRecord; group: CollectedGroup; items: BatchItem[] }[] = [];
  for (const group of options.groups) {
    const items = group.items.filter(
      (item) => (run.failures[item.customId]?.attempts ?? 0) < run.maxAttempts,
    );
    for (const chunk of chunkItems(items, run.maxBatchRequests)) {
      const record: BatchRecord = {
        id: `r${round}-${planned.length + 1}`,
        round,
        judge: group.judge,
        provider: group.model.provider,
        model: group.model.model,
        phase: 'planned',
        requests: chunk.length,
        plannedAt,
        state: null,
        collected: null,
        error: null,
      };
      planned.push({ record, group, items: chunk });
    }
  }
  if (planned.length === 0) return { round: round - 1, requests: 0, batches: [] };
  run.batches.push(...planned.map((entry) => entry.record));
  await writeBatchRun(runDir, run);
  for (const { record, group, items } of planned) {
    try {
      const state = await group.model.batch.submit(items);
      const keys = state.items.map((item) => item.key);
      if (keys.some((key, index) => key !== items[index]?.customId)) {
        throw new Error('the batch engine addressed a request under another cache key than the judge');
      }
      record.state = state;
      record.phase = 'submitted';
    } catch (error) {
      record.phase = 'abandoned';
      record.error = error instanceof Error ? error.message : String(error);
      await writeBatchRun(runDir, run);
      throw error;
    }
    await writeBatchRun(runDir, run);
  }
  return {
    round,
    requests: planned.reduce((sum, entry) => sum + entry.items.length, 0),
    batches: planned.map(({ record }) => ({
      id: record.id,
      judge: record.judge.name,
      batchId: record.state?.batchId ?? null,
      requests: record.requests,
    })),
  };
}

/** Splits requests into batches of at most `maxRequests` and about {@link MAX_BATCH_BYTES}. */
function chunkItems(items: readonly BatchItem[], maxRequests: number): BatchItem[][] {
  const chunks: BatchItem[][] = [];
  let current: BatchItem[] = [];
  let bytes = 0;
  for (const item of items) {
    const size =
      Buffer.byteLength(item.request.system) +
      Buffer.byteLength(item.request.prompt) +
      REQUEST_OVERHEAD_BYTES;
    if (current.length > 0 && (current.length >= maxRequests || bytes + size > MAX_BATCH_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
