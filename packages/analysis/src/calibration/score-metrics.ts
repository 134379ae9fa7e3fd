/**
 * Discrimination and calibration of scores against binary gold: ROC and PR curves, ROC-AUC,
 * average precision, threshold sweep, Brier score, ECE and reliability bins.
 *
 * INTERIM: `@judgekit/stats` has no ROC/PR, threshold or calibration-error functions yet; these
 * follow scikit-learn's definitions (`roc_curve`, `roc_auc_score`, `average_precision_score`,
 * `brier_score_loss`) and are checked against its values in `test/score-metrics.test.ts`. Replace
 * with the stats functions when they land.
 */

/** One scored item: its score in [0, 1] and whether gold says the behaviour is present. */
export interface ScoredItem {
  score: number;
  positive: boolean;
}

/** Confusion counts when flagging `score ≥ threshold`. */
export interface SweepRow {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
}

/**
 * Confusion counts at every distinct score, highest threshold first (flag `score ≥ threshold`):
 * the points of the ROC and PR curves.
 */
export function thresholdSweep(items: readonly ScoredItem[]): SweepRow[] {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const positives = sorted.filter((item) => item.positive).length;
  const negatives = sorted.length - positives;
  const rows: SweepRow[] = [];
  let truePositives = 0;
  let falsePositives = 0;
  for (let index = 0; index < sorted.length; index++) {
    const item = sorted[index]!;
    if (item.positive) truePositives++;
    else falsePositives++;
    if (index + 1 < sorted.length && sorted[index + 1]!.score === item.score) continue;
    rows.push({
      threshold: item.score,
      truePositives,
      falsePositives,
      falseNegatives: positives - truePositives,
      trueNegatives: negatives - falsePositives,
    });
  }
  return rows;
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative, ties counting one half (Mann-Whitney form). `NaN` without both classes.
 */
export function rocAUC(items: readonly ScoredItem[]): number {
  let area = 0;
  let previousTPR = 0;
  let previousFPR = 0;
  const rows = thresholdSweep(items);
  const last = rows.at(-1);
  if (!last) return Number.NaN;
  const positives = last.truePositives + last.falseNegatives;
  const negatives = last.falsePositives + last.trueNegatives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  for (const row of rows) {
    const tpr = row.truePositives / positives;
    const fpr = row.falsePositives / negatives;
    area += ((fpr - previousFPR) * (tpr + previousTPR)) / 2;
    previousTPR = tpr;
    previousFPR = fpr;
  }
  return area;
}

/**
 * Average precision, `Σ (Rₖ − Rₖ₋₁) Pₖ` over thresholds from the highest (scikit-learn's
 * `average_precision_score`, no interpolation). `NaN` without positives.
 */
export function averagePrecision(items: readonly ScoredItem[]): number {
  const rows = thresholdSweep(items);
  const last = rows.at(-1);
  if (!last) return Number.NaN;
  const positives = last.truePositives + last.falseNegatives;
  if (positives === 0) return Number.NaN;
  let previousRecall = 0;
  let sum = 0;
  for (const row of rows) {
    const recall = row.truePositives / positives;
    sum += (recall - previousRecall) * (row.truePositives / (row.truePositives + row.falsePositives));
    previousRecall = recall;
  }
  return sum;
}

/** Brier score: mean squared difference between score and outcome, in [0, 1]. */
export function brierScore(items: readonly ScoredItem[]): number {
  if (items.length === 0) return Number.NaN;
  let sum = 0;
  for (const item of items) sum += (item.score - (item.positive ? 1 : 0)) ** 2;
  return sum / items.length;
}

/** One equal-width bin of scores. */
export interface ScoreBin {
  lower: number;
  upper: number;
  n: number;
  positives: number;
  scoreSum: number;
}

/**
 * Equal-width bins over [0, 1], right-closed — `(lower, upper]`, the first also holding 0 — with
 * inner edges `k · (1 / bins)`, exactly as scikit-learn's `calibration_curve(strategy='uniform')`
 * assigns scores (so a score of 0.3 falls in the bin (0.2, 0.3]).
 */
export function scoreBins(items: readonly ScoredItem[], bins: number): ScoreBin[] {
  const step = 1 / bins;
  const edges = Array.from({ length: bins - 1 }, (_, index) => (index + 1) * step);
  const result: ScoreBin[] = Array.from({ length: bins }, (_, index) => ({
    lower: index / bins,
    upper: (index + 1) / bins,
    n: 0,
    positives: 0,
    scoreSum: 0,
  }));
  for (const item of items) {
    let index = 0;
    while (index < edges.length && edges[index]! < item.score) index++;
    const bin = result[index]!;
    bin.n++;
    bin.scoreSum += item.score;
    if (item.positive) bin.positives++;
  }
  return result;
}

/**
 * Expected calibration error over equal-width bins: `Σ (n_b / N) |mean score_b − positive rate_b|`
 * (Naeini et al. 2015). `NaN` without items.
 */
export function expectedCalibrationError(items: readonly ScoredItem[], bins: number): number {
  if (items.length === 0) return Number.NaN;
  let sum = 0;
  for (const bin of scoreBins(items, bins)) {
    if (bin.n === 0) continue;
    sum += (bin.n / items.length) * Math.abs(bin.scoreSum / bin.n - bin.positives / bin.n);
  }
  return sum;
}
