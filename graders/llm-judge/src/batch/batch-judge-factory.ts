import {
  type BatchItem,
  type CollectingJudgeModel,
  createCollectingJudgeModel,
  type JudgeModelOptions,
} from '@judgekit/providers';
import type { JudgeModelFactory } from '../judge/create-judges.js';
import type { BatchJudge } from './batch-run-schema.js';

/** The requests one judge model (name and options) set aside in a pass. */
export interface CollectedGroup {
  judge: BatchJudge;
  model: CollectingJudgeModel;
  items: BatchItem[];
}

/** A judge factory for a batch pass: one collecting judge per distinct judge model, shared by every grader. */
export interface BatchJudgeFactory {
  createModel: JudgeModelFactory;
  /** The requests each judge model set aside so far. */
  groups(): CollectedGroup[];
}

/**
 * Creates the collecting judges of one pass. Judges with the same name and options (two graders
 * on one model) are one judge, so their requests go into one batch.
 * @param failures reasons by cache key of requests a batch already failed, shown on their errors
 */
export function createBatchJudgeFactory(failures: ReadonlyMap<string, string>): BatchJudgeFactory {
  const judges = new Map<string, { judge: BatchJudge; model: CollectingJudgeModel }>();
  return {
    createModel(name, options) {
      const judge = batchJudgeOf(name, options);
      const identity = stableJSON(judge);
      const known = judges.get(identity);
      if (known) return known.model;
      const model = createCollectingJudgeModel(name, { ...options, failures });
      const resolved: BatchJudge = { name, options: { ...judge.options, cacheDir: model.cacheDir } };
      judges.set(identity, { judge: resolved, model });
      return model;
    },
    groups() {
      return [...judges.values()].map(({ judge, model }) => ({ judge, model, items: model.collected() }));
    },
  };
}

/** The persisted form of a judge model: its options without the environment (keys live there). */
function batchJudgeOf(name: string, options: JudgeModelOptions): BatchJudge {
  const { env: _env, apiKey: _apiKey, limiter: _limiter, ...rest } = options;
  return { name, options: JSON.parse(JSON.stringify(rest)) as Record<string, unknown> };
}

/** JSON with sorted keys, so equal options give equal text. */
function stableJSON(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
