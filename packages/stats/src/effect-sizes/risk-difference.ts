import { assertCounts, assertLevel } from '../rates/interval.js';
import { newcombeInterval, type Proportion } from '../rates/newcombe-interval.js';
import type { EffectSize } from './effect-size.js';

/**
 * Risk difference `p1 − p2` with Newcombe's hybrid score interval (method 10), which keeps its
 * coverage when a rate is near 0 — the usual situation for covert actions.
 * @param level confidence level, default 0.95
 */
export function riskDifference(first: Proportion, second: Proportion, level = 0.95): EffectSize {
  assertLevel(level);
  assertCounts(first.successes, first.trials);
  assertCounts(second.successes, second.trials);
  return {
    measure: 'risk_difference',
    value: first.successes / first.trials - second.successes / second.trials,
    ci: newcombeInterval(first, second, { level }),
  };
}
