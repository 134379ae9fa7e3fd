import { toRandomSource } from '../random/xoshiro128.js';
import type { BootstrapOptions, BootstrapResult } from './bootstrap-result.js';
import { summarizeReplicates } from './summarize-replicates.js';

/** Options of `indexBootstrap`. */
export interface IndexBootstrapOptions extends BootstrapOptions {
  /** Number of units (items, transcripts) in the data. */
  size: number;
  /** The statistic on a resample, given the indices of the units in it (with repeats). */
  statistic: (indices: Int32Array) => number;
  /**
   * Cluster of each unit (e.g. its environment). When given, whole clusters are resampled and the
   * jackknife leaves out one cluster at a time.
   */
  clusters?: ArrayLike<string | number>;
}

/**
 * General bootstrap over units for any statistic (agreement coefficients over items, F1 over
 * transcripts…), i.i.d. or clustered. Costs one statistic evaluation per resample over n units; use
 * `clusterBootstrap` or `countBootstrap` when the statistic has additive sufficient statistics.
 */
export function indexBootstrap(options: IndexBootstrapOptions): BootstrapResult {
  const { size, statistic } = options;
  if (!(size >= 2) || !Number.isInteger(size))
    throw new RangeError('indexBootstrap: size must be an integer >= 2');
  const groups = groupUnits(size, options.clusters);
  const all = Int32Array.from({ length: size }, (_, index) => index);
  const estimate = statistic(all);
  const resamples = options.resamples ?? 9999;
  const random = toRandomSource(options.random);
  const replicates = new Float64Array(resamples);
  for (let resample = 0; resample < resamples; resample++) {
    const indices: number[] = [];
    for (let draw = 0; draw < groups.length; draw++) {
      for (const unit of groups[random.nextInteger(groups.length)]!) indices.push(unit);
    }
    replicates[resample] = statistic(Int32Array.from(indices));
  }
  const jackknife = () => {
    const values = new Float64Array(groups.length);
    groups.forEach((_, leftOut) => {
      const indices: number[] = [];
      groups.forEach((group, index) => {
        if (index !== leftOut) for (const unit of group) indices.push(unit);
      });
      values[leftOut] = statistic(Int32Array.from(indices));
    });
    return { values };
  };
  return summarizeReplicates(estimate, replicates, jackknife, options);
}

function groupUnits(size: number, clusters: ArrayLike<string | number> | undefined): number[][] {
  if (!clusters) return Array.from({ length: size }, (_, index) => [index]);
  if (clusters.length !== size) throw new RangeError('indexBootstrap: clusters must have one entry per unit');
  const byCluster = new Map<string | number, number[]>();
  for (let index = 0; index < size; index++) {
    const key = clusters[index]!;
    const group = byCluster.get(key);
    if (group) group.push(index);
    else byCluster.set(key, [index]);
  }
  if (byCluster.size < 2) throw new RangeError('indexBootstrap: need at least 2 clusters');
  return [...byCluster.values()];
}
