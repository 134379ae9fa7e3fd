import type { ConditionEstimate, Interval } from '@judgekit/core';

/** What the power note of a finding is computed from. */
export type PowerInput =
  | { kind: 'rate'; baseline: number; n1: number; n2: number }
  | { kind: 'continuous'; standardDeviation: number; n1: number; n2: number };

/** One comparison's statistics before the multiple-comparison correction and the flag. */
export interface ComparisonAnalysis {
  environment: string;
  estimates: ConditionEstimate[];
  effect: { measure: string; value: number | null; ci?: Interval };
  test: { name: string; statistic: number | null };
  pValue: number | null;
  notes: string[];
  power?: PowerInput;
}

/** Settings the analyses read (a subset of `ComparisonConfig`). */
export interface AnalysisSettings {
  alternative: 'two-sided' | 'greater' | 'less';
  level: number;
  rateTest: 'auto' | 'n-1-chi-square' | 'exact';
  continuousTest: 'welch-t' | 'mann-whitney' | 'permutation';
  resamples: number;
  seed: number;
}

/** A finite number, or null (undefined results such as 0/0 are NaN in `@judgekit/stats`). */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** An interval when both bounds are numbers, else undefined. */
export function finiteInterval(interval: Interval | undefined): Interval | undefined {
  return interval && Number.isFinite(interval.lower) && Number.isFinite(interval.upper)
    ? interval
    : undefined;
}
