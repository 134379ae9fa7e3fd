import { scoreCounts } from './score-counts.js';

/** A precision-recall curve in scikit-learn's layout. */
export interface PrecisionRecallCurve {
  /** Increasing thresholds, then a final point (precision 1, recall 0) without a threshold. */
  precisions: Float64Array;
  recalls: Float64Array;
  /** One fewer than precisions/recalls. */
  thresholds: Float64Array;
}

/**
 * Precision-recall curve as scikit-learn's `precision_recall_curve`: one point per distinct score
 * in increasing threshold order, then (recall 0, precision 1). Precision at a threshold with no
 * predicted positives is 0, as there.
 */
export function precisionRecallCurve(
  scores: ArrayLike<number>,
  labels: ArrayLike<boolean>,
): PrecisionRecallCurve {
  const counts = scoreCounts(scores, labels);
  if (counts.positives === 0) throw new RangeError('precisionRecallCurve: needs at least one positive');
  const size = counts.thresholds.length;
  const precisions = new Float64Array(size + 1);
  const recalls = new Float64Array(size + 1);
  const thresholds = new Float64Array(size);
  for (let index = 0; index < size; index++) {
    const from = size - 1 - index;
    const tp = counts.truePositives[from]!;
    const predicted = tp + counts.falsePositives[from]!;
    precisions[index] = predicted === 0 ? 0 : tp / predicted;
    recalls[index] = tp / counts.positives;
    thresholds[index] = counts.thresholds[from]!;
  }
  precisions[size] = 1;
  recalls[size] = 0;
  return { precisions, recalls, thresholds };
}

/**
 * Average precision `Σ_n (R_n − R_{n−1}) P_n` (scikit-learn's `average_precision_score`: a step
 * function, not the trapezoid, which would be optimistic). In [0, 1]; the chance level is the
 * positive rate.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<boolean>): number {
  const curve = precisionRecallCurve(scores, labels);
  let total = 0;
  for (let index = 0; index < curve.thresholds.length; index++) {
    total += (curve.recalls[index]! - curve.recalls[index + 1]!) * curve.precisions[index]!;
  }
  return total;
}
