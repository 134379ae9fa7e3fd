import { clusterBootstrap, indexBootstrap, wilsonInterval } from '@judgekit/stats';
import type {
  Estimate,
  MonitorThreshold,
  ScoreCalibration,
  TargetThreshold,
  ThresholdRow,
} from './calibration-report-schema.js';
import { type IntervalSettings, toEstimate } from './estimate.js';
import {
  averagePrecision,
  brierScore,
  expectedCalibrationError,
  rocAUC,
  type ScoredItem,
  type SweepRow,
  scoreBins,
  thresholdSweep,
} from './score-metrics.js';

/** A scored item and the cluster (environment) it belongs to, if known. */
export interface ClusteredScoredItem extends ScoredItem {
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

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

function toThresholdRow(row: SweepRow): ThresholdRow {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn } = row;
  return {
    ...row,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    fpr: ratio(fp, fp + tn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}

/** The lowest threshold whose precision meets `target` (most recall), or the highest with recall ≥ `target`. */
function targetThreshold(
  rows: readonly ThresholdRow[],
  metric: 'precision' | 'recall',
  target: number,
): TargetThreshold {
  let chosen: ThresholdRow | undefined;
  if (metric === 'precision') {
    for (const row of rows) if ((row.precision ?? -1) >= target) chosen = row;
  } else {
    chosen = rows.find((row) => (row.recall ?? -1) >= target);
  }
  return { metric, target, threshold: chosen?.threshold ?? null, row: chosen ?? null };
}

function groupIndices(clusters: readonly (string | undefined)[]): string[] | undefined {
  if (clusters.some((cluster) => cluster === undefined)) return undefined;
  return new Set(clusters).size >= 2 ? (clusters as string[]) : undefined;
}

/** A rate with a Wilson interval, or a cluster bootstrap when the items come from ≥ 2 clusters. */
function rateEstimate(
  flags: readonly { hit: boolean; cluster?: string }[],
  settings: IntervalSettings,
  seedOffset: number,
): Estimate {
  if (flags.length === 0) return { value: null, ci: null };
  const hits = flags.filter((flag) => flag.hit).length;
  const value = hits / flags.length;
  const clusters = groupIndices(flags.map((flag) => flag.cluster));
  if (!clusters) return toEstimate(value, wilsonInterval(hits, flags.length, { level: settings.level }));
  const sums = new Map<string, [number, number]>();
  flags.forEach((flag, index) => {
    const sum = sums.get(clusters[index]!) ?? [0, 0];
    sum[0] += flag.hit ? 1 : 0;
    sum[1] += 1;
    sums.set(clusters[index]!, sum);
  });
  const result = clusterBootstrap({
    clusters: [...sums.values()],
    statistic: (totals) => totals[0]! / totals[1]!,
    resamples: settings.resamples,
    level: settings.level,
    random: settings.seed + seedOffset,
  });
  return toEstimate(value, result.ci);
}

function monitorThreshold(
  items: readonly ClusteredScoredItem[],
  rows: readonly ThresholdRow[],
  options: ScoreCalibrationOptions,
): MonitorThreshold {
  let chosen: ThresholdRow | undefined;
  for (const row of rows) if (row.fpr !== null && row.fpr <= options.targetFPR) chosen = row;
  const threshold = chosen?.threshold ?? null;
  const flagged = (item: ClusteredScoredItem) => threshold !== null && item.score >= threshold;
  const benign = items.filter((item) => !item.positive);
  const positives = items.filter((item) => item.positive);
  return {
    targetFPR: options.targetFPR,
    threshold,
    fpr: rateEstimate(
      benign.map((item) => ({ hit: flagged(item), cluster: item.cluster })),
      options,
      101,
    ),
    tpr: rateEstimate(
      positives.map((item) => ({ hit: flagged(item), cluster: item.cluster })),
      options,
      102,
    ),
    benign: benign.length,
    positives: positives.length,
  };
}

function bootstrapStatistic(
  items: readonly ClusteredScoredItem[],
  statistic: (items: readonly ScoredItem[]) => number,
  settings: IntervalSettings,
  seedOffset: number,
): Estimate {
  const value = statistic(items);
  if (!Number.isFinite(value) || items.length < 2) return toEstimate(value, null);
  const clusters = groupIndices(items.map((item) => item.cluster));
  const result = indexBootstrap({
    size: items.length,
    statistic: (indices) => statistic(Array.from(indices, (index) => items[index]!)),
    resamples: settings.resamples,
    level: settings.level,
    random: settings.seed + seedOffset,
    ...(clusters ? { clusters } : {}),
  });
  return toEstimate(value, result.ci);
}

/**
 * What a grader's scores are worth against gold: ROC-AUC and PR-AUC with bootstrap CIs
 * (clustered when every item has a cluster and there are ≥ 2), the threshold sweep with targets,
 * the monitor threshold at a fixed FPR on benign items with its TPR, Brier score, ECE and the
 * reliability table.
 */
export function scoreCalibration(
  items: readonly ClusteredScoredItem[],
  options: ScoreCalibrationOptions,
): ScoreCalibration {
  const rows = thresholdSweep(items).map(toThresholdRow);
  const positives = items.filter((item) => item.positive).length;
  const targets: TargetThreshold[] = [];
  if (options.targetPrecision !== undefined)
    targets.push(targetThreshold(rows, 'precision', options.targetPrecision));
  if (options.targetRecall !== undefined) targets.push(targetThreshold(rows, 'recall', options.targetRecall));
  const ece = expectedCalibrationError(items, options.reliabilityBins);
  return {
    n: items.length,
    positives,
    negatives: items.length - positives,
    rocAUC: bootstrapStatistic(items, rocAUC, options, 201),
    prAUC: bootstrapStatistic(items, averagePrecision, options, 202),
    brier: bootstrapStatistic(items, brierScore, options, 203),
    ece: Number.isFinite(ece) ? ece : null,
    reliability: scoreBins(items, options.reliabilityBins).map((bin) => ({
      lower: bin.lower,
      upper: bin.upper,
      n: bin.n,
      meanScore: bin.n === 0 ? null : bin.scoreSum / bin.n,
      observedRate: bin.n === 0 ? null : bin.positives / bin.n,
      ci:
        bin.n === 0 ? null : toEstimate(0, wilsonInterval(bin.positives, bin.n, { level: options.level })).ci,
    })),
    roc: rows.flatMap((row) =>
      row.fpr === null || row.recall === null
        ? []
        : [{ threshold: row.threshold, x: row.fpr, y: row.recall }],
    ),
    pr: rows.flatMap((row) =>
      row.recall === null || row.precision === null
        ? []
        : [{ threshold: row.threshold, x: row.recall, y: row.precision }],
    ),
    sweep: rows,
    targets,
    monitor: monitorThreshold(items, rows, options),
  };
}
