/** Cumulative counts at each distinct score, from the highest score down. */
export interface ScoreCounts {
  /** Distinct scores in descending order; predicting positive means `score ≥ threshold`. */
  thresholds: Float64Array;
  truePositives: Float64Array;
  falsePositives: Float64Array;
  positives: number;
  negatives: number;
}

/**
 * Counts of true and false positives when flagging every item with `score ≥ t`, for each distinct
 * score `t` (scikit-learn's `_binary_clf_curve`). Scores must be finite; labels are booleans.
 */
export function scoreCounts(scores: ArrayLike<number>, labels: ArrayLike<boolean>): ScoreCounts {
  const count = scores.length;
  if (labels.length !== count) throw new RangeError(`${count} scores but ${labels.length} labels`);
  if (count === 0) throw new RangeError('no scores');
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = 0; index < count; index++) {
    if (!Number.isFinite(scores[index]!))
      throw new RangeError(`score ${index} is not finite: ${scores[index]}`);
  }
  order.sort((left, right) => scores[right]! - scores[left]!);
  const thresholds: number[] = [];
  const truePositives: number[] = [];
  const falsePositives: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let position = 0; position < count; position++) {
    const index = order[position]!;
    if (labels[index]) tp++;
    else fp++;
    const next = order[position + 1];
    if (next === undefined || scores[next]! !== scores[index]!) {
      thresholds.push(scores[index]!);
      truePositives.push(tp);
      falsePositives.push(fp);
    }
  }
  return {
    thresholds: Float64Array.from(thresholds),
    truePositives: Float64Array.from(truePositives),
    falsePositives: Float64Array.from(falsePositives),
    positives: tp,
    negatives: fp,
  };
}
