import type { CorpusRecord } from '@judgekit/core';
import type { MissingReason, ReadValue, ValueReader } from '../data/value-reader.js';
import type { ConditionPair } from './condition-pairs.js';

/** The environment name given to transcripts that have none. */
export const NO_ENVIRONMENT = '(no environment)';

/** The metric's values in one environment, by condition. */
export interface EnvironmentSamples {
  environment: string;
  /** Values under the treatment condition (rates as 0/1). */
  treatment: number[];
  control: number[];
  /** Transcripts of either condition left out because the metric had no usable value. */
  missing: Partial<Record<MissingReason, number>>;
}

/** Everything one comparison of two conditions needs. */
export interface PairSamples {
  pair: ConditionPair;
  metric: string;
  type: 'rate' | 'continuous';
  /** Sorted by environment name. */
  environments: EnvironmentSamples[];
}

/** A transcript's condition as text: booleans and numbers are written as such. */
export function conditionKey(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))
    return String(value);
  return undefined;
}

/** The condition of each transcript that passes `where`, when it has one. */
export function recordConditions(
  records: readonly CorpusRecord[],
  by: ValueReader,
  where: ValueReader | undefined,
): Map<CorpusRecord, string> {
  const conditions = new Map<CorpusRecord, string>();
  for (const record of records) {
    if (where) {
      const included = where.read(record);
      if (!included.ok || included.value !== true) continue;
    }
    const read = by.read(record);
    const key = read.ok ? conditionKey(read.value) : undefined;
    if (key !== undefined) conditions.set(record, key);
  }
  return conditions;
}

function isBinary(value: unknown): boolean {
  return typeof value === 'boolean' || value === 0 || value === 1;
}

/**
 * Collects the metric's values of the transcripts in the pair's two conditions, by environment.
 * `auto` makes a rate when every value is a boolean or 0/1. Values that are not booleans or finite
 * numbers (or, for a rate, not 0/1) count as `unusable`.
 */
export function pairSamples(
  conditions: ReadonlyMap<CorpusRecord, string>,
  metric: ValueReader,
  pair: ConditionPair,
  metricType: 'auto' | 'rate' | 'continuous',
): PairSamples {
  const arms: ('treatment' | 'control')[] = [];
  const environmentsOf: string[] = [];
  const reads: ReadValue[] = [];
  for (const [record, condition] of conditions) {
    const arm =
      condition === pair.treatment ? 'treatment' : condition === pair.control ? 'control' : undefined;
    if (!arm) continue;
    arms.push(arm);
    environmentsOf.push(record.environment ?? NO_ENVIRONMENT);
    reads.push(metric.read(record));
  }
  let binary = true;
  let anyPresent = false;
  for (const read of reads) {
    if (!read.ok) continue;
    anyPresent = true;
    if (!isBinary(read.value)) {
      binary = false;
      break;
    }
  }
  const type = metricType === 'auto' ? (anyPresent && binary ? 'rate' : 'continuous') : metricType;
  const byEnvironment = new Map<string, EnvironmentSamples>();
  reads.forEach((read, index) => {
    const environment = environmentsOf[index]!;
    let samples = byEnvironment.get(environment);
    if (!samples) {
      samples = { environment, treatment: [], control: [], missing: {} };
      byEnvironment.set(environment, samples);
    }
    let reason = read.ok ? undefined : read.reason;
    let value: number | undefined;
    if (read.ok) {
      if (typeof read.value === 'boolean') value = read.value ? 1 : 0;
      else if (typeof read.value === 'number' && Number.isFinite(read.value)) value = read.value;
      if (value === undefined || (type === 'rate' && value !== 0 && value !== 1)) reason = 'unusable';
    }
    if (reason !== undefined) samples.missing[reason] = (samples.missing[reason] ?? 0) + 1;
    else samples[arms[index]!].push(value!);
  });
  const environments = [...byEnvironment.values()].sort((left, right) =>
    left.environment.localeCompare(right.environment),
  );
  return { pair, metric: metric.specifier, type, environments };
}
