import { assertLevel, type Interval } from '../rates/interval.js';
import { normalCdf, normalQuantile } from '../special/normal-distribution.js';
import { sortedQuantile } from './quantile.js';

/** Which bootstrap interval: plain percentile, or bias-corrected and accelerated (Efron 1987). */
export type BootstrapMethod = 'percentile' | 'bca';

/** Inputs of `bootstrapInterval`. */
export interface BootstrapIntervalOptions {
  /** The statistic on each bootstrap resample. */
  replicates: ArrayLike<number>;
  /** The statistic on the original data (needed by BCa). */
  estimate: number;
  /** Leave-one-out (or leave-one-cluster-out) values of the statistic; BCa needs these or `acceleration`. */
  jackknife?: ArrayLike<number>;
  /** BCa acceleration, when already known (overrides `jackknife`). */
  acceleration?: number;
  /** Confidence level, default 0.95. */
  level?: number;
  /** Default `bca`. */
  method?: BootstrapMethod;
}

/** An interval with the quantities behind it. */
export interface BootstrapIntervalResult {
  ci: Interval;
  /** Standard deviation of the replicates (ddof = 1). */
  standardError: number;
  /** BCa bias correction `ẑ0` (NaN for percentile). */
  biasCorrection: number;
  /** BCa acceleration `â` (NaN for percentile). */
  acceleration: number;
}

/**
 * A bootstrap confidence interval from replicates, exactly as `scipy.stats.bootstrap` computes it
 * from its bootstrap distribution: type-7 quantiles at `α/2, 1 − α/2` (percentile) or at the BCa
 * levels `Φ(ẑ0 + (ẑ0 + z)/(1 − â(ẑ0 + z)))`, with `ẑ0 = Φ⁻¹(share of replicates below the
 * estimate, ties counted half)` and `â = Σ U³ / (6 (Σ U²)^{3/2})` over jackknife deviations
 * `U_i = (n − 1)(θ̄ − θ_(i))` (Efron & Tibshirani 1993, §14.3).
 */
export function bootstrapInterval(options: BootstrapIntervalOptions): BootstrapIntervalResult {
  const level = options.level ?? 0.95;
  assertLevel(level);
  const method = options.method ?? 'bca';
  const sorted = Float64Array.from(options.replicates).sort();
  const count = sorted.length;
  if (count < 2) throw new RangeError('bootstrapInterval: need at least 2 replicates');
  let mean = 0;
  for (const value of sorted) mean += value;
  mean /= count;
  let squares = 0;
  for (const value of sorted) squares += (value - mean) ** 2;
  const standardError = Math.sqrt(squares / (count - 1));
  const alpha = (1 - level) / 2;
  if (method === 'percentile') {
    return {
      ci: {
        lower: sortedQuantile(sorted, alpha),
        upper: sortedQuantile(sorted, 1 - alpha),
        level,
        method: 'bootstrap-percentile',
      },
      standardError,
      biasCorrection: Number.NaN,
      acceleration: Number.NaN,
    };
  }
  const jackknife = options.jackknife;
  if (options.acceleration === undefined && (!jackknife || jackknife.length < 2)) {
    throw new RangeError('bootstrapInterval: BCa needs jackknife values or an acceleration');
  }
  let below = 0;
  let belowOrEqual = 0;
  for (const value of sorted) {
    if (value < options.estimate) below++;
    if (value <= options.estimate) belowOrEqual++;
  }
  const biasCorrection = normalQuantile((below + belowOrEqual) / (2 * count));
  const acceleration = options.acceleration ?? jackknifeAcceleration(jackknife!);
  const zLow = normalQuantile(alpha);
  const adjusted = (z: number): number => {
    const shifted = biasCorrection + z;
    return normalCdf(biasCorrection + shifted / (1 - acceleration * shifted));
  };
  return {
    ci: {
      lower: sortedQuantile(sorted, adjusted(zLow)),
      upper: sortedQuantile(sorted, adjusted(-zLow)),
      level,
      method: 'bootstrap-bca',
    },
    standardError,
    biasCorrection,
    acceleration,
  };
}

/**
 * BCa acceleration from jackknife values (SciPy's formula); `weights` repeats value i `weights[i]`
 * times without materializing the copies (for count data). 0 when the values are all equal.
 */
export function jackknifeAcceleration(jackknife: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const weightOf = (index: number): number => (weights ? weights[index]! : 1);
  let count = 0;
  let mean = 0;
  for (let index = 0; index < jackknife.length; index++) {
    count += weightOf(index);
    mean += weightOf(index) * jackknife[index]!;
  }
  mean /= count;
  let cubes = 0;
  let squares = 0;
  for (let index = 0; index < jackknife.length; index++) {
    const deviation = (count - 1) * (mean - jackknife[index]!);
    cubes += weightOf(index) * deviation ** 3;
    squares += weightOf(index) * deviation ** 2;
  }
  if (squares === 0) return 0;
  return ((1 / 6) * (cubes / count ** 3)) / (squares / count ** 2) ** 1.5;
}
