import type { Interval } from '../rates/interval.js';
import { wilsonInterval } from '../rates/wilson-interval.js';

/**
 * Brier score `mean((p − y)²)` of probabilities against binary outcomes (Brier 1950), in [0, 1];
 * lower is better, 0.25 is a constant 0.5 forecast.
 */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<boolean>): number {
  assertProbabilities(probabilities, labels);
  let total = 0;
  for (let index = 0; index < probabilities.length; index++) {
    total += (probabilities[index]! - (labels[index] ? 1 : 0)) ** 2;
  }
  return total / probabilities.length;
}

/** One bin of a reliability table. */
export interface ReliabilityBin {
  /** Bin edges: `[lower, upper)`, the last bin closed at 1. */
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin (NaN when empty). */
  meanPredicted: number;
  /** Share of positives in the bin (NaN when empty), with a Wilson interval. */
  observedRate: number;
  observedRateCi?: Interval;
}

/**
 * Reliability table with `bins` equal-width bins on [0, 1] (default 10): bin `i` holds
 * probabilities in `[i/B, (i+1)/B)`, the last bin also holds 1. Empty bins are kept (count 0).
 */
export function reliabilityTable(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<boolean>,
  options: { bins?: number; level?: number } = {},
): ReliabilityBin[] {
  assertProbabilities(probabilities, labels);
  const bins = options.bins ?? 10;
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const counts = new Array<number>(bins).fill(0);
  const sums = new Array<number>(bins).fill(0);
  const positives = new Array<number>(bins).fill(0);
  for (let index = 0; index < probabilities.length; index++) {
    const p = probabilities[index]!;
    const bin = Math.min(bins - 1, Math.floor(p * bins));
    counts[bin]! += 1;
    sums[bin]! += p;
    if (labels[index]) positives[bin]! += 1;
  }
  return counts.map((count, bin) => ({
    lower: bin / bins,
    upper: (bin + 1) / bins,
    count,
    meanPredicted: count === 0 ? Number.NaN : sums[bin]! / count,
    observedRate: count === 0 ? Number.NaN : positives[bin]! / count,
    ...(count > 0
      ? { observedRateCi: wilsonInterval(positives[bin]!, count, { level: options.level ?? 0.95 }) }
      : {}),
  }));
}

/**
 * Expected calibration error with equal-width bins (Naeini et al. 2015; Guo et al. 2017):
 * `Σ_b (n_b / n) |observed rate_b − mean predicted_b|` over the bins of `reliabilityTable`
 * (default 10). In [0, 1]. Binned ECE depends on the bin count and is biased upward for small n;
 * report the bins with it.
 */
export function expectedCalibrationError(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<boolean>,
  bins = 10,
): number {
  const table = reliabilityTable(probabilities, labels, { bins });
  let total = 0;
  for (const bin of table) {
    if (bin.count > 0) total += bin.count * Math.abs(bin.observedRate - bin.meanPredicted);
  }
  return total / probabilities.length;
}

function assertProbabilities(probabilities: ArrayLike<number>, labels: ArrayLike<boolean>): void {
  if (probabilities.length !== labels.length) {
    throw new RangeError(`${probabilities.length} probabilities but ${labels.length} labels`);
  }
  if (probabilities.length === 0) throw new RangeError('no probabilities');
  for (let index = 0; index < probabilities.length; index++) {
    const p = probabilities[index]!;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`probability ${index} is outside [0, 1]: ${p}`);
  }
}
