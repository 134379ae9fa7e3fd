import { clusterBootstrap, countBootstrap, wilsonInterval } from '@judgekit/stats';
import type { ClassificationMetrics, ConfusionMatrix } from './calibration-report-schema.js';
import {
  CLASSIFICATION_METRICS,
  CONFUSION_METRICS,
  type ConfusionCounts,
  PROPORTION_METRICS,
} from './confusion-metrics.js';
import { type IntervalSettings, toEstimate } from './estimate.js';

/** A confusion matrix as the count vector `[tp, fp, fn, tn]` the metric functions take. */
export function confusionCounts(matrix: ConfusionMatrix): number[] {
  return [matrix.truePositives, matrix.falsePositives, matrix.falseNegatives, matrix.trueNegatives];
}

/** A count vector `[tp, fp, fn, tn]` as a confusion matrix. */
export function toConfusionMatrix(counts: ConfusionCounts): ConfusionMatrix {
  return {
    truePositives: counts[0]!,
    falsePositives: counts[1]!,
    falseNegatives: counts[2]!,
    trueNegatives: counts[3]!,
  };
}

/** Options of `classificationEstimates`. */
export interface ClassificationEstimatesOptions extends IntervalSettings {
  /**
   * Confusion counts per cluster (environment). With two clusters or more, every interval is a
   * cluster bootstrap (BCa) that resamples whole clusters; otherwise proportions get Wilson
   * intervals and F1, MCC and kappa an i.i.d. multinomial bootstrap (BCa).
   */
  clusters?: readonly ConfusionCounts[];
}

/**
 * Accuracy, precision, recall, specificity, F1, MCC and Cohen's kappa of one confusion matrix,
 * each with its confidence interval (see `ClassificationEstimatesOptions.clusters` for which).
 */
export function classificationEstimates(
  counts: ConfusionCounts,
  options: ClassificationEstimatesOptions,
): ClassificationMetrics {
  const clusters = options.clusters && options.clusters.length >= 2 ? options.clusters : undefined;
  const total = counts[0]! + counts[1]! + counts[2]! + counts[3]!;
  const entries = CLASSIFICATION_METRICS.map((name, index) => {
    const statistic = CONFUSION_METRICS[name];
    const value = statistic(counts);
    if (!Number.isFinite(value)) return [name, toEstimate(value, null)] as const;
    const bootstrapOptions = {
      statistic,
      resamples: options.resamples,
      level: options.level,
      random: options.seed + index,
    };
    if (clusters)
      return [name, toEstimate(value, clusterBootstrap({ ...bootstrapOptions, clusters }).ci)] as const;
    const proportion = PROPORTION_METRICS[name];
    if (proportion) {
      const [successes, trials] = proportion(counts);
      return [name, toEstimate(value, wilsonInterval(successes, trials, { level: options.level }))] as const;
    }
    if (total === 0) return [name, toEstimate(value, null)] as const;
    return [name, toEstimate(value, countBootstrap({ ...bootstrapOptions, counts }).ci)] as const;
  });
  return Object.fromEntries(entries) as ClassificationMetrics;
}
