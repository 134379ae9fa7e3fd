import { assertCounts, assertLevel } from '../rates/interval.js';
import type { Proportion } from '../rates/newcombe-interval.js';
import { normalQuantile } from '../special/normal-distribution.js';
import type { EffectSize, ZeroCellCorrection } from './effect-size.js';

/**
 * Risk ratio `p1 / p2` with the Katz log interval `exp(ln RR ± z √(1/a − 1/n1 + 1/c − 1/n2))`
 * (Katz et al. 1978), matching `scipy.stats.contingency.relative_risk(...).confidence_interval()`
 * when both groups have events. When a group has no events, the default
 * `haldane-anscombe` correction adds 0.5 to the events and to the non-events of both groups
 * (so `n + 1` trials) before computing estimate and interval, giving finite values; `none` keeps
 * SciPy's 0 / Infinity / NaN.
 * @param options.level confidence level, default 0.95
 */
export function riskRatio(
  first: Proportion,
  second: Proportion,
  options: { level?: number; zeroCorrection?: ZeroCellCorrection } = {},
): EffectSize {
  const level = options.level ?? 0.95;
  assertLevel(level);
  assertCounts(first.successes, first.trials);
  assertCounts(second.successes, second.trials);
  let a = first.successes;
  let n1 = first.trials;
  let c = second.successes;
  let n2 = second.trials;
  const hasZero = a === 0 || c === 0;
  const correct = hasZero && (options.zeroCorrection ?? 'haldane-anscombe') === 'haldane-anscombe';
  if (correct) {
    a += 0.5;
    c += 0.5;
    n1 += 1;
    n2 += 1;
  }
  const z = normalQuantile(0.5 + level / 2);
  const method = 'katz-log';
  if (!correct && a === 0 && c === 0) {
    return {
      measure: 'risk_ratio',
      value: Number.NaN,
      ci: { lower: Number.NaN, upper: Number.NaN, level, method },
    };
  }
  if (!correct && a === 0) {
    return { measure: 'risk_ratio', value: 0, ci: { lower: 0, upper: Number.NaN, level, method } };
  }
  if (!correct && c === 0) {
    return {
      measure: 'risk_ratio',
      value: Number.POSITIVE_INFINITY,
      ci: { lower: Number.NaN, upper: Number.POSITIVE_INFINITY, level, method },
    };
  }
  const value = a / n1 / (c / n2);
  const halfWidth = z * Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  return {
    measure: 'risk_ratio',
    value,
    ci: { lower: value * Math.exp(-halfWidth), upper: value * Math.exp(halfWidth), level, method },
    ...(correct ? { correction: 'haldane-anscombe' } : {}),
  };
}
