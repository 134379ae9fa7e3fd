import type { Interval } from '../rates/interval.js';

/** What every bootstrap returns. */
export interface BootstrapResult {
  /** The statistic on the original data. */
  estimate: number;
  ci: Interval;
  /** Standard deviation of the replicates. */
  standardError: number;
  /** The statistic on each resample, in resample order (NaN where undefined, e.g. 0/0). */
  replicates: Float64Array;
  /** Replicates that were NaN and left out of the interval. */
  undefinedReplicates: number;
}

/** Shared options of the bootstraps. */
export interface BootstrapOptions {
  /** Number of resamples, default 9999 (SciPy's default). */
  resamples?: number;
  /** Confidence level, default 0.95. */
  level?: number;
  /** `bca` (default) or `percentile`. */
  method?: 'percentile' | 'bca';
  /** Seed (default 0) or a generator. */
  random?: number | import('../random/random-source.js').RandomSource;
}
