import { inverseRegularizedBeta } from '../special/incomplete-beta.js';
import { assertCounts, assertLevel, type Interval } from './interval.js';

/**
 * Clopper-Pearson "exact" interval for a binomial proportion: the beta quantiles
 * `B(α/2; k, n − k + 1)` and `B(1 − α/2; k + 1, n − k)`. Guaranteed coverage ≥ level, hence
 * conservative; use it where a guarantee matters more than width. Matches SciPy's
 * `binomtest(k, n).proportion_ci(method='exact')`.
 * @param successes integer in [0, trials]
 * @param trials integer > 0
 * @param level confidence level, default 0.95
 */
export function clopperPearsonInterval(successes: number, trials: number, level = 0.95): Interval {
  assertLevel(level);
  assertCounts(successes, trials);
  const alpha = (1 - level) / 2;
  const lower = successes === 0 ? 0 : inverseRegularizedBeta(alpha, successes, trials - successes + 1);
  const upper =
    successes === trials ? 1 : inverseRegularizedBeta(1 - alpha, successes + 1, trials - successes);
  return { lower, upper, level, method: 'clopper-pearson' };
}
