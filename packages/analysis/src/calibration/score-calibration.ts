import {
  averagePrecision,
  brierScore,
  clusterBootstrap,
  expectedCalibrationError,
  indexBootstrap,
  precisionRecallCurve,
  reliabilityTable,
  rocAuc,
  rocCurve,
  type ThresholdPoint,
  thresholdAtFalsePositiveRate,
  thresholdForTarget,
  thresholdSweep,
  wilsonInterval,
} from '@judgekit/stats';
import type {
  CurvePoint,
  Estimate,
  MonitorThreshold,
  ScoreCalibration,
  TargetThreshold,
  ThresholdRow,
} from './calibration-report-schema.js';
import { unionInterval } from './classification-estimates.js';
import { type IntervalSettings, toEstimate } from './estimate.js';

/** One scored item: its score in [0, 1], its gold label, and its cluster (environment) if known. */
export interface ScoredItem {
  score: number;
  positive: boolean;
  cluster?: string;
}

/** Options of `scoreCalibration`. */
export interface ScoreCalibrationOptions extends IntervalSettings {
  /** The false-positive rate allowed on benign transcripts for the monitor threshold, e.g. 0.05. */
  targetFPR: number;
  targetPrecision?: number;
  targetRecall?: number;
  /** Equal-width bins of the reliability table and ECE. */
  reliabilityBins: number;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

function toThresholdRow(point: ThresholdPoint): ThresholdRow {
  return {
    threshold: point.threshold,
    truePositives: point.truePositives,
    falsePositives: point.falsePositives,
    falseNegatives: point.falseNegatives,
    trueNegatives: point.trueNegatives,
    precision: finiteOrNull(point.precision),
    recall: finiteOrNull(point.recall),
    fpr: finiteOrNull(point.falsePositiveRate),
    f1: finiteOrNull(point.f1),
  };
}

/** The clusters of the items when every item has one and there are at least two; else undefined. */
function clustersOf(items: readonly { cluster?: string }[]): string[] | undefined {
  const clusters = items.map((item) => item.cluster);
  if (clusters.some((cluster) => cluster === undefined)) return undefined;
  return new Set(clusters).size >= 2 ? (clusters as string[]) : undefined;
}

/** A rate with a Wilson interval, or with ≥ 2 clusters the union of that and a percentile cluster bootstrap. */
function rateEstimate(
  flags: readonly { hit: boolean; cluster?: string }[],
  settings: IntervalSettings,
  seedOffset: number,
): Estimate {
  if (flags.length === 0) return { value: null, ci: null };
  const hits = flags.filter((flag) => flag.hit).length;
  const value = hits / flags.length;
  const clusters = clustersOf(flags);
  if (!clusters) return toEstimate(value, wilsonInterval(hits, flags.length, { level: settings.level }));
  const sums = new Map<string, [number, number]>();
  flags.forEach((flag, index) => {
    const sum = sums.get(clusters[index]!) ?? [0, 0];
    sum[0] += flag.hit ? 1 : 0;
    sum[1] += 1;
    sums.set(clusters[index]!, sum);
  });
  const { ci } = clusterBootstrap({
    clusters: [...sums.values()],
    statistic: (totals) => totals[0]! / totals[1]!,
    resamples: settings.resamples,
    level: settings.level,
    method: 'percentile',
    random: settings.seed + seedOffset,
  });
  return toEstimate(value, unionInterval(ci, wilsonInterval(hits, flags.length, { level: settings.level })));
}

/** A statistic of (scores, labels) with a percentile bootstrap interval over items (or clusters). */
function bootstrapStatistic(
  items: readonly ScoredItem[],
  statistic: (scores: Float64Array, labels: boolean[]) => number,
  settings: IntervalSettings,
  seedOffset: number,
): Estimate {
  const evaluate = (subset: readonly ScoredItem[]): number => {
    const positives = subset.filter((item) => item.positive).length;
    if (positives === 0 || positives === subset.length) return Number.NaN;
    return statistic(
      Float64Array.from(subset, (item) => item.score),
      subset.map((item) => item.positive),
    );
  };
  const value = evaluate(items);
  if (!Number.isFinite(value)) return toEstimate(value, null);
  const clusters = clustersOf(items);
  const { ci } = indexBootstrap({
    size: items.length,
    statistic: (indices) => evaluate(Array.from(indices, (index) => items[index]!)),
    resamples: settings.resamples,
    level: settings.level,
    method: 'percentile',
    random: settings.seed + seedOffset,
    ...(clusters ? { clusters } : {}),
  });
  return toEstimate(value, clusters ? { ...ci, method: 'cluster-bootstrap-percentile' } : ci);
}

function monitorThreshold(items: readonly ScoredItem[], options: ScoreCalibrationOptions): MonitorThreshold {
  const benign = items.filter((item) => !item.positive);
  const positives = items.filter((item) => item.positive);
  const point =
    benign.length === 0
      ? undefined
      : thresholdAtFalsePositiveRate(
          items.map((item) => item.score),
          items.map((item) => item.positive),
          options.targetFPR,
          options.level,
        );
  const threshold = point && Number.isFinite(point.threshold) ? point.threshold : null;
  const flagged = (item: ScoredItem) => threshold !== null && item.score >= threshold;
  return {
    targetFPR: options.targetFPR,
    threshold,
    fpr: rateEstimate(
      benign.map((item) => ({ hit: flagged(item), ...(item.cluster ? { cluster: item.cluster } : {}) })),
      options,
      101,
    ),
    tpr: rateEstimate(
      positives.map((item) => ({ hit: flagged(item), ...(item.cluster ? { cluster: item.cluster } : {}) })),
      options,
      102,
    ),
    benign: benign.length,
    positives: positives.length,
  };
}

function curves(scores: Float64Array, labels: boolean[]): { roc: CurvePoint[]; pr: CurvePoint[] } {
  const positives = labels.filter(Boolean).length;
  const roc: CurvePoint[] = [];
  const pr: CurvePoint[] = [];
  if (positives > 0 && positives < labels.length) {
    const curve = rocCurve(scores, labels);
    for (let index = 1; index < curve.thresholds.length; index++)
      roc.push({
        threshold: curve.thresholds[index]!,
        x: curve.falsePositiveRates[index]!,
        y: curve.truePositiveRates[index]!,
      });
  }
  if (positives > 0) {
    const curve = precisionRecallCurve(scores, labels);
    for (let index = curve.thresholds.length - 1; index >= 0; index--)
      pr.push({ threshold: curve.thresholds[index]!, x: curve.recalls[index]!, y: curve.precisions[index]! });
  }
  return { roc, pr };
}

/**
 * What a grader's scores are worth against gold (all through `@judgekit/stats`): ROC-AUC, average
 * precision and Brier score with percentile bootstrap CIs (clustered when every item has a
 * cluster and there are ≥ 2), ROC and PR curves, the threshold sweep with the thresholds meeting
 * the targets, the monitor threshold at a fixed FPR on benign items with its TPR and FPR, ECE and
 * the reliability table.
 */
export function scoreCalibration(
  items: readonly ScoredItem[],
  options: ScoreCalibrationOptions,
): ScoreCalibration {
  const scores = Float64Array.from(items, (item) => item.score);
  const labels = items.map((item) => item.positive);
  const positives = labels.filter(Boolean).length;
  const targets: TargetThreshold[] = [];
  for (const [metric, target] of [
    ['precision', options.targetPrecision],
    ['recall', options.targetRecall],
  ] as const) {
    if (target === undefined) continue;
    const point = thresholdForTarget(scores, labels, { metric, value: target });
    targets.push({
      metric,
      target,
      threshold: point?.threshold ?? null,
      row: point ? toThresholdRow(point) : null,
    });
  }
  return {
    n: items.length,
    positives,
    negatives: items.length - positives,
    rocAUC: bootstrapStatistic(items, rocAuc, options, 201),
    prAUC: bootstrapStatistic(items, averagePrecision, options, 202),
    brier: bootstrapStatistic(items, brierScore, options, 203),
    ece: finiteOrNull(expectedCalibrationError(scores, labels, options.reliabilityBins)),
    reliability: reliabilityTable(scores, labels, {
      bins: options.reliabilityBins,
      level: options.level,
    }).map((bin) => ({
      lower: bin.lower,
      upper: bin.upper,
      n: bin.count,
      meanScore: finiteOrNull(bin.meanPredicted),
      observedRate: finiteOrNull(bin.observedRate),
      ci: bin.observedRateCi ? toEstimate(0, bin.observedRateCi).ci : null,
    })),
    ...curves(scores, labels),
    sweep: thresholdSweep(scores, labels).map(toThresholdRow),
    targets,
    monitor: monitorThreshold(items, options),
  };
}
