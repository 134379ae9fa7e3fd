import { ConfigError, type ErrorInfo, toErrorInfo, type Usage } from '@judgekit/core';
import type { ResponseStore } from '../cache/response-store.js';
import { callCost } from '../cost/call-cost.js';
import type { PriceTable } from '../cost/price-table.js';
import { BatchError } from '../errors/batch-error.js';
import { buildBody } from '../judge/build-body.js';
import type { JudgeRequest } from '../judge/judge-model.js';
import type { ResponseExchange } from '../judge/response-exchange.js';
import { addUsage, spentUsage } from '../judge/usage-accounting.js';
import type { ModelRef } from '../model-ref/model-ref.js';
import type { WireBody, WireProtocol } from '../protocols/wire-protocol.js';
import {
  BATCH_STATE_FORMAT,
  type BatchCollection,
  type BatchEngine,
  type BatchState,
  BatchStateSchema,
} from './batch-engine.js';
import type { BatchTransport } from './batch-transport.js';

const CUSTOM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Builds a batch engine over one provider's batch transport, sharing the judge's cache. */
export function createBatchEngine(options: {
  ref: ModelRef;
  refName: string;
  protocol: WireProtocol;
  exchange: ResponseExchange;
  cache: ResponseStore | undefined;
  transport: BatchTransport;
  prices: PriceTable | undefined;
}): BatchEngine {
  const { ref, refName, protocol, exchange, transport } = options;
  const cache = options.cache;
  const fail = (reason: string, batchId?: string) =>
    new BatchError({ provider: ref.provider, reason, ...(batchId ? { batchId } : {}) });
  return {
    async submit(items) {
      if (!cache)
        throw new ConfigError({
          path: 'cacheDir',
          reason: 'batch results are delivered through the response cache; do not disable it',
        });
      checkCustomIds(
        items.map((item) => item.customId),
        fail,
      );
      const stateItems: BatchState['items'] = [];
      const lines: { customId: string; body: WireBody }[] = [];
      const sentKeys = new Set<string>();
      for (const item of items) {
        const body = await buildBody(protocol, ref.provider, item.request as JudgeRequest<unknown>);
        const key = exchange.keyOf(body, item.request.sample ?? 0);
        const cached = (await cache.get(key)) !== undefined;
        stateItems.push({ customId: item.customId, key, cached });
        if (!cached && !sentKeys.has(key)) {
          sentKeys.add(key);
          lines.push({ customId: item.customId, body });
        }
      }
      const submittedAt = new Date().toISOString();
      const base = { format: BATCH_STATE_FORMAT, ref: refName, submittedAt, items: stateItems } as const;
      if (lines.length === 0) return { ...base, batchId: null, inputFileId: null };
      const created = await transport.create(lines);
      return { ...base, batchId: created.batchId, inputFileId: created.inputFileId };
    },

    async status(state) {
      const checked = BatchStateSchema.parse(state);
      if (checked.batchId === null) {
        const total = checked.items.length;
        return { phase: 'ended', done: true, counts: { total, succeeded: total, failed: 0, processing: 0 } };
      }
      return transport.status(checked.batchId);
    },

    async collect(state) {
      const checked = BatchStateSchema.parse(state);
      if (checked.ref !== refName) throw fail(`this state belongs to ${checked.ref}, not ${refName}`);
      const collection: BatchCollection = { done: true, results: [], usage: emptyUsage(), notes: [] };
      const outcomes = new Map<string, Outcome>();
      if (checked.batchId !== null) {
        const status = await transport.status(checked.batchId);
        if (!status.done && status.phase !== 'failed') return { ...collection, done: false };
        await storeResults(checked, checked.batchId, outcomes, collection);
      }
      for (const item of checked.items) {
        const outcome: Outcome | undefined = item.cached
          ? { ok: true, fresh: false }
          : outcomes.get(item.key);
        if (outcome?.ok) {
          collection.results.push({ customId: item.customId, ok: true, cached: !outcome.fresh });
          continue;
        }
        const error = outcome?.error ?? {
          name: 'BatchError',
          message: 'the batch returned no result for this item',
          retryable: true,
        };
        collection.results.push({ customId: item.customId, ok: false, cached: false, error });
      }
      return collection;
    },
  };

  /** Writes each result to the cache under the key of its custom id; records each key's outcome. */
  async function storeResults(
    state: BatchState,
    batchId: string,
    outcomes: Map<string, Outcome>,
    collection: BatchCollection,
  ): Promise<void> {
    const keyOf = new Map(state.items.map((item) => [item.customId, item.key]));
    for await (const line of transport.results(batchId)) {
      const key = keyOf.get(line.customId);
      if (key === undefined) {
        collection.notes.push(`ignored a result for unknown custom id ${line.customId}`);
        continue;
      }
      if ('error' in line) {
        outcomes.set(key, { ok: false, error: { name: 'BatchError', message: line.error, retryable: true } });
        continue;
      }
      if (await cache?.get(key)) {
        outcomes.set(key, { ok: true, fresh: false });
        continue;
      }
      try {
        const answer = await exchange.storeResponse(key, line.response, true);
        const cost = callCost({
          provider: ref.provider,
          model: ref.model,
          tokens: answer.tokens,
          prices: options.prices,
          batch: true,
        });
        if ('note' in cost && !collection.notes.includes(cost.note)) collection.notes.push(cost.note);
        collection.usage = addUsage(collection.usage, spentUsage(answer, false, cost));
        outcomes.set(key, { ok: true, fresh: true });
      } catch (error) {
        outcomes.set(key, { ok: false, error: toErrorInfo(error) });
      }
    }
  }
}

/** What became of one request key: stored now (`fresh`), stored earlier, or failed. */
type Outcome = { ok: true; fresh: boolean; error?: undefined } | { ok: false; error: ErrorInfo };

function emptyUsage(): Usage {
  return { inputTokens: 0, outputTokens: 0, calls: 0, cacheHits: 0, costUSD: 0 };
}

function checkCustomIds(ids: readonly string[], fail: (reason: string) => BatchError): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (!CUSTOM_ID.test(id)) throw fail(`custom id "${id}" must be 1-64 letters, digits, "_" or "-"`);
    if (seen.has(id)) throw fail(`custom id "${id}" appears twice`);
    seen.add(id);
  }
}
