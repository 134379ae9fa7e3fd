import type { CorpusRecord, Verdict } from '@judgekit/core';

let counter = 0;

/** `trials` records of one environment and condition, the first `events` with `field` true. */
export function rateRecords(
  environment: string,
  condition: string,
  events: number,
  trials: number,
  field = 'covertAction',
): CorpusRecord[] {
  return Array.from({ length: trials }, (_, index) => ({
    id: `r${counter++}`,
    environment,
    condition,
    metadata: { [field]: index < events },
  }));
}

/** One record per value, of one environment and condition, with `metadata[field]` set to it. */
export function scoreRecords(
  environment: string,
  condition: string,
  values: readonly number[],
  field = 'taskScore',
): CorpusRecord[] {
  return values.map((value) => ({
    id: `s${counter++}`,
    environment,
    condition,
    metadata: { [field]: value },
  }));
}

/** A verdict of `grader` on a record, as a run stores it. */
export function verdictOf(
  record: CorpusRecord,
  grader: string,
  label: boolean | null,
  options: { dimension?: string; score?: number; error?: boolean } = {},
): Verdict {
  return {
    transcriptId: record.id,
    grader: { name: grader, id: grader, version: '1.0.0' },
    dimension: options.dimension ?? 'covert_action',
    label,
    ...(options.score === undefined ? {} : { score: options.score }),
    evidence: [],
    timing: { startedAt: '2026-11-26T00:00:00.000Z', durationMs: 1 },
    ...(options.error ? { error: { name: 'Error', message: 'judge timed out' } } : {}),
  };
}

/** Evenly spread values in [low, high]: a deterministic stand-in for a sample. */
export function spread(count: number, low: number, high: number): number[] {
  return Array.from({ length: count }, (_, index) => low + ((high - low) * (index + 0.5)) / count);
}
