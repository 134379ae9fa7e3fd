/**
 * Point formulas of the binary classification metrics from confusion counts
 * `[truePositives, falsePositives, falseNegatives, trueNegatives]`.
 *
 * INTERIM: `@judgekit/stats` has no classification metrics yet; these are the textbook formulas,
 * checked in `test/confusion-metrics.test.ts` against scikit-learn values. Replace with the stats
 * functions when they land.
 */
export type ConfusionCounts = ArrayLike<number>;

/** The metrics `calibrate` reports, in report order. */
export const CLASSIFICATION_METRICS = [
  'accuracy',
  'precision',
  'recall',
  'specificity',
  'f1',
  'mcc',
  'cohenKappa',
] as const;

/** A classification metric's name. */
export type ClassificationMetricName = (typeof CLASSIFICATION_METRICS)[number];

const ratio = (numerator: number, denominator: number): number =>
  denominator === 0 ? Number.NaN : numerator / denominator;

/** Each metric as a function of confusion counts; `NaN` where it is undefined (0/0). */
export const CONFUSION_METRICS: Record<ClassificationMetricName, (counts: ConfusionCounts) => number> = {
  accuracy: (c) => ratio(c[0]! + c[3]!, c[0]! + c[1]! + c[2]! + c[3]!),
  precision: (c) => ratio(c[0]!, c[0]! + c[1]!),
  recall: (c) => ratio(c[0]!, c[0]! + c[2]!),
  specificity: (c) => ratio(c[3]!, c[3]! + c[1]!),
  f1: (c) => ratio(2 * c[0]!, 2 * c[0]! + c[1]! + c[2]!),
  mcc: (c) => {
    const [tp, fp, fn, tn] = [c[0]!, c[1]!, c[2]!, c[3]!];
    return ratio(tp * tn - fp * fn, Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)));
  },
  cohenKappa: (c) => {
    const [tp, fp, fn, tn] = [c[0]!, c[1]!, c[2]!, c[3]!];
    const n = tp + fp + fn + tn;
    if (n === 0) return Number.NaN;
    const observed = (tp + tn) / n;
    const expected = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n);
    return ratio(observed - expected, 1 - expected);
  },
};

/** The proportions among the metrics (a Wilson interval applies to them). */
export const PROPORTION_METRICS: Partial<
  Record<ClassificationMetricName, (counts: ConfusionCounts) => [successes: number, trials: number]>
> = {
  accuracy: (c) => [c[0]! + c[3]!, c[0]! + c[1]! + c[2]! + c[3]!],
  precision: (c) => [c[0]!, c[0]! + c[1]!],
  recall: (c) => [c[0]!, c[0]! + c[2]!],
  specificity: (c) => [c[3]!, c[3]! + c[1]!],
};
