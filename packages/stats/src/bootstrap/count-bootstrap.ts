import { sampleMultinomial } from '../random/random-variates.js';
import { toRandomSource } from '../random/xoshiro128.js';
import type { BootstrapOptions, BootstrapResult } from './bootstrap-result.js';
import { summarizeReplicates } from './summarize-replicates.js';

/** Options of `countBootstrap`. */
export interface CountBootstrapOptions extends BootstrapOptions {
  /** Observed count of each category (e.g. the four cells of a confusion matrix). */
  counts: ArrayLike<number>;
  /** The statistic as a function of category counts. */
  statistic: (counts: Float64Array) => number;
}

/**
 * I.i.d. bootstrap for statistics that depend on the data only through category counts (a
 * proportion, a risk difference, F1, MCC or kappa from a confusion matrix). Resampling n
 * observations with replacement gives multinomial counts, so each resample is one multinomial draw
 * (sequential binomials, O(categories · log n)) instead of n index draws — the same distribution,
 * a million observations for the price of four. BCa uses the exact jackknife: leaving out one
 * observation of category c, weighted by its count.
 */
export function countBootstrap(options: CountBootstrapOptions): BootstrapResult {
  const counts = Float64Array.from(options.counts);
  const total = counts.reduce((sum, value) => sum + value, 0);
  if (!(total > 0) || counts.some((value) => !(value >= 0) || !Number.isInteger(value))) {
    throw new RangeError('countBootstrap: counts must be non-negative integers with a positive total');
  }
  const estimate = options.statistic(Float64Array.from(counts));
  const probabilities = Float64Array.from(counts, (value) => value / total);
  const resamples = options.resamples ?? 9999;
  const random = toRandomSource(options.random);
  const replicates = new Float64Array(resamples);
  const resampled = new Float64Array(counts.length);
  for (let resample = 0; resample < resamples; resample++) {
    sampleMultinomial(random, total, probabilities, resampled);
    replicates[resample] = options.statistic(resampled);
  }
  const jackknife = () => {
    const values: number[] = [];
    const weights: number[] = [];
    const leftOut = Float64Array.from(counts);
    for (let category = 0; category < counts.length; category++) {
      if (counts[category] === 0) continue;
      leftOut[category]! -= 1;
      values.push(options.statistic(Float64Array.from(leftOut)));
      weights.push(counts[category]!);
      leftOut[category]! += 1;
    }
    return { values: Float64Array.from(values), weights: Float64Array.from(weights) };
  };
  return summarizeReplicates(estimate, replicates, jackknife, options);
}
