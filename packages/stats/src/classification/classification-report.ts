import { clusterBootstrap } from '../bootstrap/cluster-bootstrap.js';
import { countBootstrap } from '../bootstrap/count-bootstrap.js';
import type { RandomSource } from '../random/random-source.js';
import type { Interval } from '../rates/interval.js';
import { wilsonInterval } from '../rates/wilson-interval.js';
import { type ConfusionCells, cohensKappaOf, f1Of, matthewsCorrelationOf } from './binary-metrics.js';
import {
  type BinaryLabel,
  type ConfusionMatrix,
  confusionCells,
  confusionMatrix,
} from './confusion-matrix.js';

/** A metric's value with its interval (absent when the metric is undefined). */
export interface MetricEstimate {
  value: number;
  ci?: Interval;
}

/** Everything `classificationReport` computes. */
export interface ClassificationReport {
  matrix: ConfusionMatrix;
  /** Items with both a prediction and a gold label. */
  answered: number;
  accuracy: MetricEstimate;
  precision: MetricEstimate;
  recall: MetricEstimate;
  specificity: MetricEstimate;
  f1: MetricEstimate;
  matthewsCorrelation: MetricEstimate;
  cohensKappa: MetricEstimate;
}

/** Options of `classificationReport`. */
export interface ClassificationReportOptions {
  predicted: readonly BinaryLabel[];
  gold: readonly BinaryLabel[];
  /**
   * Cluster of each item (e.g. environment). When given, F1, MCC and kappa intervals come from a
   * cluster bootstrap over these; otherwise from an i.i.d. (multinomial) bootstrap.
   */
  clusters?: ArrayLike<string | number>;
  /** Confidence level, default 0.95. */
  level?: number;
  /** Bootstrap resamples for F1 / MCC / kappa, default 2000. */
  resamples?: number;
  /** Seed (default 0) or generator. */
  random?: number | RandomSource;
}

/**
 * Calibration of a binary grader against gold labels: the confusion matrix (abstentions apart),
 * accuracy, precision, recall and specificity with Wilson intervals, and F1, MCC and Cohen's kappa
 * with percentile bootstrap intervals (cluster bootstrap when clusters are given). Percentile
 * rather than BCa because these statistics are bounded and often at their bounds on small gold
 * sets, where the BCa jackknife degenerates.
 */
export function classificationReport(options: ClassificationReportOptions): ClassificationReport {
  const level = options.level ?? 0.95;
  const matrix = confusionMatrix(options.predicted, options.gold);
  const cells = confusionCells(matrix);
  const [tp, fp, fn, tn] = cells;
  const answered = tp + fp + fn + tn;
  const proportion = (successes: number, trials: number): MetricEstimate =>
    trials === 0
      ? { value: Number.NaN }
      : { value: successes / trials, ci: wilsonInterval(successes, trials, { level }) };
  const bootstrapOptions = {
    level,
    method: 'percentile' as const,
    resamples: options.resamples ?? 2000,
    random: options.random,
  };
  const resampled = (statistic: (cells: ConfusionCells) => number): MetricEstimate => {
    const value = answered === 0 ? Number.NaN : statistic(cells);
    if (Number.isNaN(value)) return { value };
    if (options.clusters) {
      const perCluster = clusterCells(options.predicted, options.gold, options.clusters);
      if (perCluster.length < 2) return { value };
      const result = clusterBootstrap({ ...bootstrapOptions, clusters: perCluster, statistic });
      return { value, ci: { ...result.ci, method: 'cluster-bootstrap-percentile' } };
    }
    const result = countBootstrap({ ...bootstrapOptions, counts: cells, statistic });
    return { value, ci: result.ci };
  };
  return {
    matrix,
    answered,
    accuracy: proportion(tp + tn, answered),
    precision: proportion(tp, tp + fp),
    recall: proportion(tp, tp + fn),
    specificity: proportion(tn, tn + fp),
    f1: resampled(f1Of),
    matthewsCorrelation: resampled(matthewsCorrelationOf),
    cohensKappa: resampled(cohensKappaOf),
  };
}

function clusterCells(
  predicted: readonly BinaryLabel[],
  gold: readonly BinaryLabel[],
  clusters: ArrayLike<string | number>,
): number[][] {
  if (clusters.length !== gold.length)
    throw new RangeError('classificationReport: one cluster per item expected');
  const byCluster = new Map<string | number, number[]>();
  for (let index = 0; index < gold.length; index++) {
    const truth = gold[index];
    const prediction = predicted[index];
    if (truth === null || truth === undefined || prediction === null || prediction === undefined) continue;
    const key = clusters[index]!;
    let cells = byCluster.get(key);
    if (!cells) {
      cells = [0, 0, 0, 0];
      byCluster.set(key, cells);
    }
    const cell = truth ? (prediction ? 0 : 2) : prediction ? 1 : 3;
    cells[cell]! += 1;
  }
  return [...byCluster.values()];
}
