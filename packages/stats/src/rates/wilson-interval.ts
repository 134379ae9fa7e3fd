import { normalQuantile } from '../special/normal-distribution.js';
import { assertCounts, assertLevel, type Interval } from './interval.js';

/** Options of `wilsonInterval`. */
export interface WilsonIntervalOptions {
  /** Confidence level, default 0.95. */
  level?: number;
  /** Apply the continuity correction (Newcombe 1998, method 4), default false. */
  continuityCorrection?: boolean;
}

/**
 * Wilson score interval for a binomial proportion `successes / trials` (Wilson 1927), the default
 * interval for rates: good coverage even for rare events, never outside [0, 1]. Matches SciPy's
 * `binomtest(k, n).proportion_ci(method='wilson' | 'wilsoncc')`, including its choice of 0 and 1 as
 * the bounds at `k = 0` and `k = n`.
 * @param successes integer in [0, trials]
 * @param trials integer > 0
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  options: WilsonIntervalOptions = {},
): Interval {
  const level = options.level ?? 0.95;
  assertLevel(level);
  assertCounts(successes, trials);
  const correction = options.continuityCorrection ?? false;
  const z = normalQuantile(0.5 + 0.5 * level);
  const n = trials;
  const p = successes / n;
  const q = 1 - p;
  const denominator = 2 * (n + z * z);
  const center = (2 * n * p + z * z) / denominator;
  let lower: number;
  let upper: number;
  if (correction) {
    lower =
      successes === 0
        ? 0
        : center - (1 + z * Math.sqrt(z * z - 2 - 1 / n + 4 * p * (n * q + 1))) / denominator;
    upper =
      successes === n
        ? 1
        : center + (1 + z * Math.sqrt(z * z + 2 - 1 / n + 4 * p * (n * q - 1))) / denominator;
  } else {
    const delta = (z / denominator) * Math.sqrt(4 * n * p * q + z * z);
    lower = successes === 0 ? 0 : center - delta;
    upper = successes === n ? 1 : center + delta;
  }
  return {
    lower: Math.max(0, lower),
    upper: Math.min(1, upper),
    level,
    method: correction ? 'wilson-continuity-corrected' : 'wilson',
  };
}
