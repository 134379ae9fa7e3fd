import type { BootstrapResult } from '../bootstrap/bootstrap-result.js';
import { indexBootstrap } from '../bootstrap/index-bootstrap.js';
import type { RandomSource } from '../random/random-source.js';
import type { RatingMatrix } from './rating-matrix.js';

/** Options of `agreementInterval`. */
export interface AgreementIntervalOptions {
  matrix: RatingMatrix;
  /** Any coefficient of a matrix, e.g. `fleissKappa` or `m => krippendorffAlpha(m, 'interval')`. */
  coefficient: (matrix: RatingMatrix) => number;
  /** Confidence level, default 0.95. */
  level?: number;
  /** Resamples, default 2000. */
  resamples?: number;
  /** Seed (default 0) or generator. */
  random?: number | RandomSource;
  /** `percentile` (default: coefficients are bounded and often near 1) or `bca`. */
  method?: 'percentile' | 'bca';
  /** Cluster of each item (e.g. environment) to resample clusters of items instead of items. */
  clusters?: ArrayLike<string | number>;
}

/**
 * Bootstrap interval for an agreement coefficient, resampling items (rows) with replacement and
 * keeping each item's ratings together — the raters are treated as fixed. Resamples where the
 * coefficient is undefined are counted in `undefinedReplicates`.
 */
export function agreementInterval(options: AgreementIntervalOptions): BootstrapResult {
  const { matrix, coefficient } = options;
  return indexBootstrap({
    size: matrix.length,
    statistic: (indices) => coefficient(Array.from(indices, (index) => matrix[index]!)),
    resamples: options.resamples ?? 2000,
    level: options.level,
    method: options.method ?? 'percentile',
    random: options.random,
    clusters: options.clusters,
  });
}
