import { scoreCounts } from './score-counts.js';

/** A ROC curve: parallel arrays, starting at (0, 0) with threshold +Infinity. */
export interface RocCurve {
  falsePositiveRates: Float64Array;
  truePositiveRates: Float64Array;
  /** Decreasing; a point means "flag when score ≥ threshold". */
  thresholds: Float64Array;
}

/**
 * ROC curve as scikit-learn's `roc_curve` (≥ 1.3) builds it: one point per distinct score, a first
 * point (0, 0) at threshold +Infinity, and with `dropIntermediate` (default true) the collinear
 * points dropped. Needs both classes.
 */
export function rocCurve(
  scores: ArrayLike<number>,
  labels: ArrayLike<boolean>,
  options: { dropIntermediate?: boolean } = {},
): RocCurve {
  const counts = scoreCounts(scores, labels);
  if (counts.positives === 0 || counts.negatives === 0)
    throw new RangeError('rocCurve: needs positives and negatives');
  let keep = Array.from({ length: counts.thresholds.length }, (_, index) => index);
  if ((options.dropIntermediate ?? true) && keep.length > 2) {
    const { truePositives: tps, falsePositives: fps } = counts;
    keep = keep.filter((index) => {
      if (index === 0 || index === tps.length - 1) return true;
      const secondFps = fps[index + 1]! - 2 * fps[index]! + fps[index - 1]!;
      const secondTps = tps[index + 1]! - 2 * tps[index]! + tps[index - 1]!;
      return secondFps !== 0 || secondTps !== 0;
    });
  }
  const size = keep.length + 1;
  const falsePositiveRates = new Float64Array(size);
  const truePositiveRates = new Float64Array(size);
  const thresholds = new Float64Array(size);
  thresholds[0] = Number.POSITIVE_INFINITY;
  keep.forEach((index, position) => {
    falsePositiveRates[position + 1] = counts.falsePositives[index]! / counts.negatives;
    truePositiveRates[position + 1] = counts.truePositives[index]! / counts.positives;
    thresholds[position + 1] = counts.thresholds[index]!;
  });
  return { falsePositiveRates, truePositiveRates, thresholds };
}

/**
 * Area under the ROC curve (trapezoidal, so ties count one half): the probability that a random
 * positive scores above a random negative, `U / (n₊ n₋)` of the Mann-Whitney test. In [0, 1];
 * scikit-learn's `roc_auc_score`.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<boolean>): number {
  const curve = rocCurve(scores, labels, { dropIntermediate: false });
  let area = 0;
  for (let index = 1; index < curve.thresholds.length; index++) {
    area +=
      ((curve.falsePositiveRates[index]! - curve.falsePositiveRates[index - 1]!) *
        (curve.truePositiveRates[index]! + curve.truePositiveRates[index - 1]!)) /
      2;
  }
  return area;
}
