import type { Interval } from '@judgekit/stats';
import { studentTQuantile } from './student-t-quantile.js';

/** Result of `clusterJackknifeInterval`. */
export interface ClusterJackknifeResult {
  /** The statistic on all clusters. */
  estimate: number;
  /** Jackknife standard error, `√((G − 1)/G · Σ (θ₋g − θ̄₋)²)`. */
  standardError: number;
  /** `estimate ± t_{G−1} · standardError`; undefined when a leave-one-out value is undefined. */
  ci: Interval | undefined;
}

/**
 * Delete-one-cluster jackknife interval for a statistic of summed per-cluster sufficient
 * statistics (the same input as `clusterBootstrap` of `@judgekit/stats`): the jackknife standard
 * error (Efron & Stein 1981) with a Student t quantile on G − 1 degrees of freedom, the
 * small-number-of-clusters correction of Cameron, Gelbach & Miller (2008). With 10 environments it
 * covered 94–96% of null datasets where the BCa cluster bootstrap covered 89–92% (README).
 * @param level confidence level, default 0.95
 */
export function clusterJackknifeInterval(options: {
  clusters: readonly ArrayLike<number>[];
  statistic: (totals: Float64Array) => number;
  level?: number;
}): ClusterJackknifeResult {
  const { clusters, statistic } = options;
  const level = options.level ?? 0.95;
  const count = clusters.length;
  if (count < 2) throw new RangeError('clusterJackknifeInterval: need at least 2 clusters');
  const dimension = clusters[0]!.length;
  const totals = new Float64Array(dimension);
  for (const cluster of clusters) {
    if (cluster.length !== dimension)
      throw new RangeError('clusterJackknifeInterval: clusters differ in length');
    for (let index = 0; index < dimension; index++) totals[index]! += cluster[index]!;
  }
  const estimate = statistic(Float64Array.from(totals));
  const leftOut = new Float64Array(dimension);
  const values = clusters.map((cluster) => {
    for (let index = 0; index < dimension; index++) leftOut[index] = totals[index]! - cluster[index]!;
    return statistic(leftOut);
  });
  const mean = values.reduce((sum, value) => sum + value, 0) / count;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  const standardError = Math.sqrt(((count - 1) / count) * squares);
  if (!Number.isFinite(standardError) || !Number.isFinite(estimate)) {
    return { estimate, standardError: Number.NaN, ci: undefined };
  }
  const half = standardError === 0 ? 0 : studentTQuantile(0.5 + level / 2, count - 1) * standardError;
  return {
    estimate,
    standardError,
    ci: { lower: estimate - half, upper: estimate + half, level, method: 'cluster-jackknife-t' },
  };
}
