import { toRandomSource } from '../random/xoshiro128.js';
import type { BootstrapOptions, BootstrapResult } from './bootstrap-result.js';
import { summarizeReplicates } from './summarize-replicates.js';

/** Options of `clusterBootstrap`. */
export interface ClusterBootstrapOptions extends BootstrapOptions {
  /**
   * One vector of additive sufficient statistics per cluster, all the same length, e.g.
   * `[events in A, n in A, events in B, n in B]` for a risk difference by environment.
   */
  clusters: readonly ArrayLike<number>[];
  /** The statistic as a function of the summed vector (e.g. `t => t[0]/t[1] − t[2]/t[3]`). */
  statistic: (totals: Float64Array) => number;
}

/**
 * Cluster bootstrap (resampling whole clusters with replacement, e.g. environments, whose
 * transcripts are not independent; Davison & Hinkley 1997, §3.8) for any statistic of summed
 * per-cluster sufficient statistics. Each resample costs O(clusters × statistics), independent of
 * the number of observations: aggregate once, then resample the aggregates. BCa uses the
 * leave-one-cluster-out jackknife.
 */
export function clusterBootstrap(options: ClusterBootstrapOptions): BootstrapResult {
  const { clusters, statistic } = options;
  const clusterCount = clusters.length;
  if (clusterCount < 2) throw new RangeError('clusterBootstrap: need at least 2 clusters');
  const dimension = clusters[0]!.length;
  const flat = new Float64Array(clusterCount * dimension);
  const totals = new Float64Array(dimension);
  clusters.forEach((cluster, clusterIndex) => {
    if (cluster.length !== dimension) throw new RangeError('clusterBootstrap: clusters differ in length');
    for (let index = 0; index < dimension; index++) {
      flat[clusterIndex * dimension + index] = cluster[index]!;
      totals[index]! += cluster[index]!;
    }
  });
  const estimate = statistic(Float64Array.from(totals));
  const resamples = options.resamples ?? 9999;
  const random = toRandomSource(options.random);
  const replicates = new Float64Array(resamples);
  const resampled = new Float64Array(dimension);
  for (let resample = 0; resample < resamples; resample++) {
    resampled.fill(0);
    for (let draw = 0; draw < clusterCount; draw++) {
      const offset = random.nextInteger(clusterCount) * dimension;
      for (let index = 0; index < dimension; index++) resampled[index]! += flat[offset + index]!;
    }
    replicates[resample] = statistic(resampled);
  }
  const jackknife = () => {
    const values = new Float64Array(clusterCount);
    const leftOut = new Float64Array(dimension);
    for (let clusterIndex = 0; clusterIndex < clusterCount; clusterIndex++) {
      for (let index = 0; index < dimension; index++) {
        leftOut[index] = totals[index]! - flat[clusterIndex * dimension + index]!;
      }
      values[clusterIndex] = statistic(leftOut);
    }
    return { values };
  };
  return summarizeReplicates(estimate, replicates, jackknife, options);
}
