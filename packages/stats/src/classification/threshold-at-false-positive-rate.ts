import type { Interval } from '../rates/interval.js';
import { wilsonInterval } from '../rates/wilson-interval.js';
import { scoreCounts } from './score-counts.js';

/** A monitor's operating point chosen on benign (negative) runs. */
export interface FixedFalsePositiveRatePoint {
  /** Flag when `score ≥ threshold`; +Infinity when no threshold keeps the rate at or under target. */
  threshold: number;
  /** The false-positive rate actually reached on the negatives, ≤ the target. */
  falsePositiveRate: number;
  /** True-positive rate (recall) at that threshold, with a Wilson interval given the threshold. */
  truePositiveRate: number;
  truePositiveRateCi?: Interval;
  negatives: number;
  positives: number;
}

/**
 * The monitor threshold at a fixed false-positive rate on benign runs, as monitoring evaluations
 * report it: the lowest threshold `t` among the observed scores whose share of negatives with
 * `score ≥ t` is at most `targetFalsePositiveRate` (e.g. 0.05), and the true-positive rate there.
 * Ties cannot be split, so the reached rate can be below the target. The TPR interval treats the
 * threshold as fixed (it ignores the noise of estimating it from the negatives).
 * @param targetFalsePositiveRate in [0, 1]
 * @param level confidence level of the TPR interval, default 0.95
 */
export function thresholdAtFalsePositiveRate(
  scores: ArrayLike<number>,
  labels: ArrayLike<boolean>,
  targetFalsePositiveRate: number,
  level = 0.95,
): FixedFalsePositiveRatePoint {
  if (!(targetFalsePositiveRate >= 0 && targetFalsePositiveRate <= 1)) {
    throw new RangeError(`target false-positive rate must be in [0, 1], got ${targetFalsePositiveRate}`);
  }
  const counts = scoreCounts(scores, labels);
  if (counts.negatives === 0) throw new RangeError('thresholdAtFalsePositiveRate: needs negatives');
  let chosen = -1;
  for (let index = 0; index < counts.thresholds.length; index++) {
    if (counts.falsePositives[index]! / counts.negatives <= targetFalsePositiveRate) chosen = index;
    else break;
  }
  const truePositives = chosen < 0 ? 0 : counts.truePositives[chosen]!;
  const falsePositives = chosen < 0 ? 0 : counts.falsePositives[chosen]!;
  return {
    threshold: chosen < 0 ? Number.POSITIVE_INFINITY : counts.thresholds[chosen]!,
    falsePositiveRate: falsePositives / counts.negatives,
    truePositiveRate: counts.positives === 0 ? Number.NaN : truePositives / counts.positives,
    ...(counts.positives > 0
      ? { truePositiveRateCi: wilsonInterval(truePositives, counts.positives, { level }) }
      : {}),
    negatives: counts.negatives,
    positives: counts.positives,
  };
}
