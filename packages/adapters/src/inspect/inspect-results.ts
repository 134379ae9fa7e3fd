import type { InspectScore } from './inspect-score-from-verdicts.js';

/** A sample's score under one scorer, keyed by sample id and epoch. */
export interface SampleScoreRecord {
  sampleId: string | number;
  epoch: number;
  score: InspectScore;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Inspect's `stderr` metric: sample standard deviation (ddof 1) over √n; 0 below two values. */
function standardError(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  const variance = values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance / values.length);
}

function reduceValues(values: readonly (number | null)[]): number {
  const decided = values.filter((value): value is number => value !== null && Number.isFinite(value));
  return decided.length > 0 ? mean(decided) : Number.NaN;
}

/** Values of one key (`undefined` for a scalar score) across records. */
function keyValues(records: readonly SampleScoreRecord[], key: string | undefined): (number | null)[] {
  return records.map((record) =>
    key === undefined
      ? (record.score.value as number)
      : ((record.score.value as Record<string, number | null>)[key] ?? null),
  );
}

function sampleKey(id: string | number): string {
  return `${typeof id}:${id}`;
}

/** Per-sample scores reduced over epochs by the mean (NaN and null skipped), as Inspect's `mean` reducer. */
export function reduceEpochs(
  records: readonly SampleScoreRecord[],
): { sampleId: string | number; value: InspectScore['value'] }[] {
  const bySample = new Map<string, SampleScoreRecord[]>();
  for (const record of records) {
    const key = sampleKey(record.sampleId);
    bySample.set(key, [...(bySample.get(key) ?? []), record]);
  }
  return [...bySample.values()].map((group) => {
    const first = group[0]!.score.value;
    const value =
      typeof first === 'number'
        ? reduceValues(keyValues(group, undefined))
        : Object.fromEntries(
            Object.keys(first).map((key) => {
              const reduced = reduceValues(keyValues(group, key));
              return [key, Number.isNaN(reduced) ? null : reduced];
            }),
          );
    return { sampleId: group[0]!.sampleId, value };
  });
}

/** `EvalSampleReductions` of one scorer (inspect_ai/log/_log.py), for `reductions.json`. */
export function sampleReductions(
  scorer: string,
  records: readonly SampleScoreRecord[],
): Record<string, unknown> {
  return {
    scorer,
    reducer: 'mean',
    samples: reduceEpochs(records).map((sample) => ({ value: sample.value, sample_id: sample.sampleId })),
  };
}

function metricsOf(values: readonly (number | null)[]): {
  metrics: Record<string, unknown>;
  scored: number;
  unscored: number;
} {
  const scored = values.filter((value): value is number => value !== null && Number.isFinite(value));
  return {
    metrics: {
      mean: { name: 'mean', value: scored.length > 0 ? mean(scored) : Number.NaN, params: {} },
      stderr: { name: 'stderr', value: standardError(scored), params: {} },
    },
    scored: scored.length,
    unscored: values.length - scored.length,
  };
}

/**
 * `EvalScore` entries (inspect_ai/log/_log.py) of one scorer for `results.scores`: `mean` (the
 * share of samples flagged) and `stderr` over the epoch-reduced sample values; one entry per
 * dimension, named by the dimension, for a scorer with dict values (as Inspect does for dict
 * scores).
 */
export function evalScores(
  scorer: string,
  records: readonly SampleScoreRecord[],
  metadata: Record<string, unknown>,
): Record<string, unknown>[] {
  const reduced = reduceEpochs(records);
  const first = reduced[0]?.value;
  const keys = first === undefined || typeof first === 'number' ? [undefined] : Object.keys(first);
  return keys.map((key) => {
    const values = reduced.map((sample) =>
      key === undefined
        ? (sample.value as number)
        : ((sample.value as Record<string, number | null>)[key] ?? null),
    );
    const { metrics, scored, unscored } = metricsOf(values);
    return {
      name: key ?? scorer,
      scorer,
      reducer: 'mean',
      scored_samples: scored,
      unscored_samples: unscored,
      params: {},
      metrics,
      metadata,
    };
  });
}
