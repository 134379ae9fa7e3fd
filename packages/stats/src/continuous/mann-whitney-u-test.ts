import type { Alternative } from '../rates/interval.js';
import { normalSurvival } from '../special/normal-distribution.js';
import { averageRanks } from './average-ranks.js';

/** Options of `mannWhitneyUTest`. */
export interface MannWhitneyUOptions {
  /** `greater`: the first sample is stochastically greater. Default `two-sided`. */
  alternative?: Alternative;
  /**
   * `exact` uses the exact null distribution of U (no tie correction); `asymptotic` the normal
   * approximation with tie correction; `auto` (default) is exact when a sample has at most 8 values
   * and there are no ties, as in SciPy.
   */
  method?: 'auto' | 'exact' | 'asymptotic';
  /** Continuity correction of 1/2 for the asymptotic method, default true. */
  continuityCorrection?: boolean;
}

/** Result of `mannWhitneyUTest`. */
export interface MannWhitneyUResult {
  /** U of the first sample: the number of pairs (x, y) with x > y, plus half the ties. */
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
}

const EXACT_LIMIT = 4_000_000;

/**
 * Mann-Whitney U (Wilcoxon rank-sum) test of two independent samples, matching
 * `scipy.stats.mannwhitneyu(x, y, use_continuity, alternative, method)`. The exact distribution
 * counts the arrangements of ranks (the Gaussian binomial coefficient of Mann & Whitney 1947;
 * the same numbers as SciPy's Löffler recursion).
 */
export function mannWhitneyUTest(
  first: ArrayLike<number>,
  second: ArrayLike<number>,
  options: MannWhitneyUOptions = {},
): MannWhitneyUResult {
  const n1 = first.length;
  const n2 = second.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('mannWhitneyUTest: both samples must be non-empty');
  const alternative = options.alternative ?? 'two-sided';
  const combined = new Float64Array(n1 + n2);
  for (let index = 0; index < n1; index++) combined[index] = first[index]!;
  for (let index = 0; index < n2; index++) combined[n1 + index] = second[index]!;
  const { ranks, tieCounts } = averageRanks(combined);
  let rankSum = 0;
  for (let index = 0; index < n1; index++) rankSum += ranks[index]!;
  const u1 = rankSum - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const [u, factor] =
    alternative === 'greater' ? [u1, 1] : alternative === 'less' ? [u2, 1] : [Math.max(u1, u2), 2];
  let method = options.method ?? 'auto';
  if (method === 'auto') {
    const hasTies = tieCounts.some((count) => count > 1);
    method = n1 > 8 && n2 > 8 ? 'asymptotic' : hasTies ? 'asymptotic' : 'exact';
  }
  let pValue: number;
  if (method === 'exact') {
    if (n1 * n2 > EXACT_LIMIT)
      throw new RangeError('mannWhitneyUTest: samples too large for the exact method');
    pValue = exactUpperTail(Math.trunc(u), n1, n2);
  } else {
    const mean = (n1 * n2) / 2;
    const n = n1 + n2;
    let tieTerm = 0;
    for (const count of tieCounts) tieTerm += count ** 3 - count;
    const deviation = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
    const numerator = u - mean - ((options.continuityCorrection ?? true) ? 0.5 : 0);
    pValue = deviation === 0 ? 1 : normalSurvival(numerator / deviation);
  }
  return { statistic: u1, pValue: Math.min(1, Math.max(0, pValue * factor)), method };
}

/** Number of rank arrangements giving each value of U: coefficients of the Gaussian binomial. */
export function mannWhitneyUCounts(n1: number, n2: number): Float64Array {
  const small = Math.min(n1, n2);
  const large = Math.max(n1, n2);
  const degree = small * large;
  const counts = new Float64Array(degree + 1);
  counts[0] = 1;
  let currentDegree = 0;
  for (let step = 1; step <= small; step++) {
    // Multiply by (1 − q^(large + step)), then divide by (1 − q^step).
    const shift = large + step;
    const nextDegree = currentDegree + large;
    for (let index = Math.min(degree, currentDegree + shift); index >= shift; index--) {
      counts[index] = counts[index]! - counts[index - shift]!;
    }
    for (let index = step; index <= nextDegree; index++)
      counts[index] = counts[index]! + counts[index - step]!;
    const stale = Math.min(degree, currentDegree + shift);
    for (let index = nextDegree + 1; index <= stale; index++) counts[index] = 0;
    currentDegree = nextDegree;
  }
  return counts;
}

/** `P(U ≥ u)` under the null, summing the smaller tail of the symmetric distribution. */
function exactUpperTail(u: number, n1: number, n2: number): number {
  const counts = mannWhitneyUCounts(n1, n2);
  let total = 0;
  for (const count of counts) total += count;
  const maximum = n1 * n2;
  if (u <= 0) return 1;
  if (u > maximum) return 0;
  let tail = 0;
  if (2 * u >= maximum) {
    for (let value = 0; value <= maximum - u; value++) tail += counts[value]!;
    return tail / total;
  }
  for (let value = 0; value < u; value++) tail += counts[value]!;
  return 1 - tail / total;
}
