import { mannWhitneyUTest } from '../continuous/mann-whitney-u-test.js';
import type { EffectSize } from './effect-size.js';

/**
 * Cliff's delta, `P(X > Y) − P(X < Y)` over all pairs (Cliff 1993), in [−1, 1]: the effect size
 * that goes with the Mann-Whitney test, computed as `2U/(n1 n2) − 1` from the rank sum in
 * O(n log n). For an interval, bootstrap it with `indexBootstrap` (clustered if needed).
 */
export function cliffsDelta(first: ArrayLike<number>, second: ArrayLike<number>): EffectSize {
  const { statistic } = mannWhitneyUTest(first, second, { method: 'asymptotic' });
  return { measure: 'cliffs_delta', value: (2 * statistic) / (first.length * second.length) - 1 };
}
