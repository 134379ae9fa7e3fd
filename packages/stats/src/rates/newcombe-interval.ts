import { assertCounts, assertLevel, type Interval } from './interval.js';
import { wilsonInterval } from './wilson-interval.js';

/** A binomial sample: `successes` out of `trials`. */
export interface Proportion {
  successes: number;
  trials: number;
}

/** Options of `newcombeInterval`. */
export interface NewcombeIntervalOptions {
  /** Confidence level, default 0.95. */
  level?: number;
  /** Build from continuity-corrected Wilson intervals (Newcombe's method 11), default false (method 10). */
  continuityCorrection?: boolean;
}

/**
 * Newcombe's hybrid score interval for the difference of two independent proportions `p1 − p2`
 * (Newcombe 1998, "Interval estimation for the difference between independent proportions",
 * Statistics in Medicine 17:873–890, method 10; method 11 with continuity correction). Combines the
 * two Wilson intervals `[l1, u1]`, `[l2, u2]`:
 * `lower = d − √((p1 − l1)² + (u2 − p2)²)`, `upper = d + √((u1 − p1)² + (p2 − l2)²)`.
 * Keeps good coverage for rare events where the Wald interval fails; the interval lies in [−1, 1].
 */
export function newcombeInterval(
  first: Proportion,
  second: Proportion,
  options: NewcombeIntervalOptions = {},
): Interval {
  const level = options.level ?? 0.95;
  assertLevel(level);
  assertCounts(first.successes, first.trials);
  assertCounts(second.successes, second.trials);
  const wilsonOptions = { level, continuityCorrection: options.continuityCorrection ?? false };
  const p1 = first.successes / first.trials;
  const p2 = second.successes / second.trials;
  const one = wilsonInterval(first.successes, first.trials, wilsonOptions);
  const two = wilsonInterval(second.successes, second.trials, wilsonOptions);
  const difference = p1 - p2;
  return {
    lower: difference - Math.hypot(p1 - one.lower, two.upper - p2),
    upper: difference + Math.hypot(one.upper - p1, p2 - two.lower),
    level,
    method: wilsonOptions.continuityCorrection
      ? 'newcombe-hybrid-score-continuity-corrected'
      : 'newcombe-hybrid-score',
  };
}
