import type { RandomSource } from '../random/random-source.js';
import { toRandomSource } from '../random/xoshiro128.js';
import type { Alternative } from '../rates/interval.js';
import { logBinomialCoefficient } from '../special/log-gamma.js';

/** A two-sample statistic; `mean-difference` (default) is `mean(first) − mean(second)`. */
export type TwoSampleStatistic = 'mean-difference' | ((first: Float64Array, second: Float64Array) => number);

/** Options of `permutationTest`. */
export interface PermutationTestOptions {
  statistic?: TwoSampleStatistic;
  /** `greater`: the statistic is larger than under exchangeability. Default `two-sided`. */
  alternative?: Alternative;
  /**
   * Monte Carlo permutations, default 9999. When the number of distinct splits
   * `C(n1 + n2, n1)` is at most this, every split is enumerated instead (an exact test).
   */
  resamples?: number;
  /** Seed or generator for the Monte Carlo permutations, default seed 0. */
  random?: number | RandomSource;
}

/** Result of `permutationTest`. */
export interface PermutationTestResult {
  statistic: number;
  pValue: number;
  /** True when every split was enumerated. */
  exact: boolean;
  /** Number of splits evaluated. */
  resamples: number;
}

/**
 * Two-sample permutation test of exchangeability, with SciPy's conventions
 * (`scipy.stats.permutation_test(..., permutation_type='independent')`): exact enumeration when
 * feasible (p = count / total), otherwise Monte Carlo with the `(b + 1)/(m + 1)` correction of
 * Phipson & Smyth (2010) so the p-value is never 0; ties within 100 ulps of the observed value
 * count as at least as extreme; two-sided is twice the smaller one-sided p-value, capped at 1.
 */
export function permutationTest(
  first: ArrayLike<number>,
  second: ArrayLike<number>,
  options: PermutationTestOptions = {},
): PermutationTestResult {
  const n1 = first.length;
  const n2 = second.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('permutationTest: both samples must be non-empty');
  const alternative = options.alternative ?? 'two-sided';
  const resamples = options.resamples ?? 9999;
  const pooled = new Float64Array(n1 + n2);
  for (let index = 0; index < n1; index++) pooled[index] = first[index]!;
  for (let index = 0; index < n2; index++) pooled[n1 + index] = second[index]!;
  const statisticOption = options.statistic ?? 'mean-difference';
  const x = pooled.subarray(0, n1);
  const y = pooled.subarray(n1);
  let total = 0;
  for (const value of pooled) total += value;
  const left = new Float64Array(n1);
  const right = new Float64Array(n2);
  const evaluate: (firstSum: number) => number =
    statisticOption === 'mean-difference'
      ? (firstSum) => firstSum / n1 - (total - firstSum) / n2
      : () => statisticOption(left, right);
  const observed =
    statisticOption === 'mean-difference'
      ? mean(x) - mean(y)
      : statisticOption(Float64Array.from(x), Float64Array.from(y));
  const tolerance = Math.abs(observed * 100 * Number.EPSILON);
  let atMost = 0;
  let atLeast = 0;
  const count = (value: number) => {
    if (value <= observed + tolerance) atMost++;
    if (value >= observed - tolerance) atLeast++;
  };
  const splits = Math.exp(logBinomialCoefficient(n1 + n2, n1));
  let exact: boolean;
  let evaluated: number;
  if (Math.round(splits) <= resamples) {
    exact = true;
    evaluated = 0;
    const chosen = new Int32Array(n1);
    const enumerate = (start: number, depth: number, sum: number): void => {
      if (depth === n1) {
        if (statisticOption !== 'mean-difference') fillSplit(pooled, chosen, left, right);
        count(evaluate(sum));
        evaluated++;
        return;
      }
      for (let index = start; index <= n1 + n2 - (n1 - depth); index++) {
        chosen[depth] = index;
        enumerate(index + 1, depth + 1, sum + pooled[index]!);
      }
    };
    enumerate(0, 0, 0);
  } else {
    exact = false;
    evaluated = resamples;
    const random = toRandomSource(options.random);
    const order = Int32Array.from({ length: n1 + n2 }, (_, index) => index);
    for (let resample = 0; resample < resamples; resample++) {
      // Partial Fisher-Yates: the first n1 positions are a uniform random subset.
      let sum = 0;
      for (let index = 0; index < n1; index++) {
        const swap = index + random.nextInteger(n1 + n2 - index);
        const held = order[index]!;
        order[index] = order[swap]!;
        order[swap] = held;
        sum += pooled[order[index]!]!;
      }
      if (statisticOption !== 'mean-difference') fillSplit(pooled, order.subarray(0, n1), left, right);
      count(evaluate(sum));
    }
  }
  const adjustment = exact ? 0 : 1;
  const lessP = (atMost + adjustment) / (evaluated + adjustment);
  const greaterP = (atLeast + adjustment) / (evaluated + adjustment);
  const pValue =
    alternative === 'less' ? lessP : alternative === 'greater' ? greaterP : Math.min(lessP, greaterP) * 2;
  return { statistic: observed, pValue: Math.min(1, Math.max(0, pValue)), exact, resamples: evaluated };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Splits `pooled` into the chosen positions (`left`) and the rest (`right`), in index order. */
function fillSplit(pooled: Float64Array, chosen: Int32Array, left: Float64Array, right: Float64Array): void {
  const taken = new Uint8Array(pooled.length);
  for (let index = 0; index < chosen.length; index++) {
    left[index] = pooled[chosen[index]!]!;
    taken[chosen[index]!] = 1;
  }
  let position = 0;
  for (let index = 0; index < pooled.length; index++) if (!taken[index]) right[position++] = pooled[index]!;
}
