import type { Alternative } from './interval.js';
import { assertCounts } from './interval.js';
import type { Proportion } from './newcombe-interval.js';
import { normalPValue } from './p-value.js';

/** Result of a test: the statistic and its p-value. */
export interface TestResult {
  statistic: number;
  pValue: number;
}

/**
 * Two-proportion z-test with the pooled variance,
 * `z = (p1 − p2) / √(p̄(1 − p̄)(1/n1 + 1/n2))`, the test behind the classic chi-square on a
 * 2×2 table (`z² = χ²` without Yates). `greater` tests `p1 > p2`. When both samples are all
 * successes or all failures the statistic is 0 and the p-value 1. Matches statsmodels'
 * `proportions_ztest(count, nobs)` with its default pooled variance.
 */
export function twoProportionZTest(
  first: Proportion,
  second: Proportion,
  alternative: Alternative = 'two-sided',
): TestResult {
  assertCounts(first.successes, first.trials);
  assertCounts(second.successes, second.trials);
  const p1 = first.successes / first.trials;
  const p2 = second.successes / second.trials;
  const pooled = (first.successes + second.successes) / (first.trials + second.trials);
  const variance = pooled * (1 - pooled) * (1 / first.trials + 1 / second.trials);
  if (variance === 0) return { statistic: 0, pValue: 1 };
  const statistic = (p1 - p2) / Math.sqrt(variance);
  return { statistic, pValue: normalPValue(statistic, alternative) };
}
