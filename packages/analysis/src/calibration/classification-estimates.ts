import type { Interval } from '@judgekit/core';
import {
  accuracyOf,
  type ConfusionCells,
  clusterBootstrap,
  cohensKappaOf,
  countBootstrap,
  f1Of,
  matthewsCorrelationOf,
  precisionOf,
  recallOf,
  specificityOf,
  wilsonInterval,
} from '@judgekit/stats';
import type { ClassificationMetrics, ConfusionMatrix, Estimate } from './calibration-report-schema.js';
import { type IntervalSettings, toEstimate } from './estimate.js';

/** A confusion matrix as the cells `[tp, fp, fn, tn]` that the stats functions take. */
export function confusionCounts(matrix: ConfusionMatrix): number[] {
  return [matrix.truePositives, matrix.falsePositives, matrix.falseNegatives, matrix.trueNegatives];
}

/** Cells `[tp, fp, fn, tn]` as a confusion matrix. */
export function toConfusionMatrix(cells: ConfusionCells): ConfusionMatrix {
  return {
    truePositives: cells[0]!,
    falsePositives: cells[1]!,
    falseNegatives: cells[2]!,
    trueNegatives: cells[3]!,
  };
}

type MetricName = keyof ClassificationMetrics;

/**
 * The union of a cluster-bootstrap interval and a Wilson interval for a proportion. Each guards
 * against the other's failure: the bootstrap collapses to a point when every cluster sits at a
 * bound (no false positive anywhere gives precision [1, 1]); Wilson ignores that transcripts of one
 * environment are not independent. The union is conservative.
 */
export function unionInterval(bootstrap: Interval, wilson: Interval): Interval {
  if (!Number.isFinite(bootstrap.lower) || !Number.isFinite(bootstrap.upper)) return wilson;
  return {
    lower: Math.min(bootstrap.lower, wilson.lower),
    upper: Math.max(bootstrap.upper, wilson.upper),
    level: wilson.level,
    method: 'cluster-bootstrap-percentile+wilson',
  };
}

/** Each reported metric: its stats function, and for proportions the (successes, trials) of a Wilson interval. */
const METRICS: readonly {
  name: MetricName;
  statistic: (cells: ConfusionCells) => number;
  proportion?: (cells: ConfusionCells) => [number, number];
}[] = [
  {
    name: 'accuracy',
    statistic: accuracyOf,
    proportion: (c) => [c[0]! + c[3]!, c[0]! + c[1]! + c[2]! + c[3]!],
  },
  { name: 'precision', statistic: precisionOf, proportion: (c) => [c[0]!, c[0]! + c[1]!] },
  { name: 'recall', statistic: recallOf, proportion: (c) => [c[0]!, c[0]! + c[2]!] },
  { name: 'specificity', statistic: specificityOf, proportion: (c) => [c[3]!, c[3]! + c[1]!] },
  { name: 'f1', statistic: f1Of },
  { name: 'mcc', statistic: matthewsCorrelationOf },
  { name: 'cohenKappa', statistic: cohensKappaOf },
];

/** Options of `classificationEstimates`. */
export interface ClassificationEstimatesOptions extends IntervalSettings {
  /**
   * Confusion cells per cluster (environment). With two clusters or more, F1, MCC and kappa get a
   * percentile cluster bootstrap that resamples whole clusters (transcripts of one environment are
   * not independent), and the proportions the union of that and a Wilson interval (see
   * `unionInterval`); otherwise proportions get Wilson intervals and F1, MCC and kappa an i.i.d.
   * multinomial percentile bootstrap.
   */
  clusters?: readonly ConfusionCells[];
}

/**
 * Accuracy, precision, recall, specificity, F1, MCC and Cohen's kappa of one confusion matrix
 * (the `@judgekit/stats` formulas), each with its confidence interval.
 */
export function classificationEstimates(
  cells: ConfusionCells,
  options: ClassificationEstimatesOptions,
): ClassificationMetrics {
  const clusters = options.clusters && options.clusters.length >= 2 ? options.clusters : undefined;
  const total = cells[0]! + cells[1]! + cells[2]! + cells[3]!;
  const estimates = METRICS.map(({ name, statistic, proportion }, index): [MetricName, Estimate] => {
    const value = total === 0 ? Number.NaN : statistic(cells);
    if (!Number.isFinite(value)) return [name, toEstimate(value, null)];
    const bootstrap = {
      statistic,
      resamples: options.resamples,
      level: options.level,
      method: 'percentile' as const,
      random: options.seed + index,
    };
    if (clusters) {
      const { ci } = clusterBootstrap({ ...bootstrap, clusters });
      if (!proportion) return [name, toEstimate(value, { ...ci, method: 'cluster-bootstrap-percentile' })];
      const [successes, trials] = proportion(cells);
      return [
        name,
        toEstimate(value, unionInterval(ci, wilsonInterval(successes, trials, { level: options.level }))),
      ];
    }
    if (proportion) {
      const [successes, trials] = proportion(cells);
      return [name, toEstimate(value, wilsonInterval(successes, trials, { level: options.level }))];
    }
    return [name, toEstimate(value, countBootstrap({ ...bootstrap, counts: cells }).ci)];
  });
  return Object.fromEntries(estimates) as ClassificationMetrics;
}
