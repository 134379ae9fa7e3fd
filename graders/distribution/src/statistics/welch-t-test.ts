import { type Alternative, type Interval, studentTCdf } from '@judgekit/stats';
import { sampleSummary } from './sample-summary.js';
import { studentTQuantile } from './student-t-quantile.js';

/** Result of `welchTTest`. */
export interface WelchTTestResult {
  /** `(mean1 − mean2) / √(s1²/n1 + s2²/n2)`. */
  statistic: number;
  /** Welch-Satterthwaite degrees of freedom. */
  degreesOfFreedom: number;
  pValue: number;
  /** `mean1 − mean2`. */
  difference: number;
  /** Two-sided interval of the difference at `level`. */
  ci: Interval;
}

/**
 * Welch's unequal-variance t-test of two independent samples and the matching interval of the
 * difference in means (Welch 1947), as `scipy.stats.ttest_ind(x, y, equal_var=False)` and its
 * `confidence_interval()` for a two-sided alternative. `greater`: the first mean is larger. NaN
 * statistic and p-value when both samples have no variation (as SciPy).
 * @param level confidence level of `ci`, default 0.95
 */
export function welchTTest(
  first: ArrayLike<number>,
  second: ArrayLike<number>,
  options: { alternative?: Alternative; level?: number } = {},
): WelchTTestResult {
  const one = sampleSummary(first);
  const two = sampleSummary(second);
  if (one.n < 2 || two.n < 2) throw new RangeError('welchTTest: each sample needs at least 2 values');
  const level = options.level ?? 0.95;
  const alternative = options.alternative ?? 'two-sided';
  const share1 = one.variance / one.n;
  const share2 = two.variance / two.n;
  const standardError = Math.sqrt(share1 + share2);
  const difference = one.mean - two.mean;
  const degreesOfFreedom = (share1 + share2) ** 2 / (share1 ** 2 / (one.n - 1) + share2 ** 2 / (two.n - 1));
  const statistic = difference / standardError;
  let pValue: number;
  if (Number.isNaN(statistic)) pValue = Number.NaN;
  else if (alternative === 'greater') pValue = studentTCdf(-statistic, degreesOfFreedom);
  else if (alternative === 'less') pValue = studentTCdf(statistic, degreesOfFreedom);
  else pValue = Math.min(1, 2 * studentTCdf(-Math.abs(statistic), degreesOfFreedom));
  const half = standardError === 0 ? 0 : studentTQuantile(0.5 + level / 2, degreesOfFreedom) * standardError;
  return {
    statistic,
    degreesOfFreedom,
    pValue,
    difference,
    ci: { lower: difference - half, upper: difference + half, level, method: 'welch-t' },
  };
}
