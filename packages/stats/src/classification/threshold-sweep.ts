import { scoreCounts } from './score-counts.js';

/** Metrics when flagging items with `score ≥ threshold`. */
export interface ThresholdPoint {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** NaN when nothing is flagged. */
  precision: number;
  /** True positive rate. */
  recall: number;
  falsePositiveRate: number;
  /** NaN when undefined. */
  f1: number;
}

/**
 * Every operating point of a scoring grader, one per distinct score from the highest down
 * (flag when `score ≥ threshold`), with the four counts and the usual rates. The input of threshold
 * choice and of the reports' threshold tables.
 */
export function thresholdSweep(scores: ArrayLike<number>, labels: ArrayLike<boolean>): ThresholdPoint[] {
  const counts = scoreCounts(scores, labels);
  return Array.from(counts.thresholds, (threshold, index) => {
    const tp = counts.truePositives[index]!;
    const fp = counts.falsePositives[index]!;
    const fn = counts.positives - tp;
    const tn = counts.negatives - fp;
    return {
      threshold,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      trueNegatives: tn,
      precision: tp + fp === 0 ? Number.NaN : tp / (tp + fp),
      recall: counts.positives === 0 ? Number.NaN : tp / counts.positives,
      falsePositiveRate: counts.negatives === 0 ? Number.NaN : fp / counts.negatives,
      f1: 2 * tp + fp + fn === 0 ? Number.NaN : (2 * tp) / (2 * tp + fp + fn),
    };
  });
}

/**
 * The operating point that meets a target: for `precision`, the lowest threshold (hence highest
 * recall) whose precision is ≥ the target; for `recall`, the highest threshold whose recall is ≥
 * the target. `null` when no threshold meets it.
 * @param target in [0, 1]
 */
export function thresholdForTarget(
  scores: ArrayLike<number>,
  labels: ArrayLike<boolean>,
  target: { metric: 'precision' | 'recall'; value: number },
): ThresholdPoint | null {
  const points = thresholdSweep(scores, labels);
  if (target.metric === 'recall') return points.find((point) => point.recall >= target.value) ?? null;
  let chosen: ThresholdPoint | null = null;
  for (const point of points) if (point.precision >= target.value) chosen = point;
  return chosen;
}
