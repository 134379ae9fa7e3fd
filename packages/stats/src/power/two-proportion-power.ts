import { normalCdf, normalQuantile } from '../special/normal-distribution.js';

/** A planned comparison of two proportions. */
export interface TwoProportionDesign {
  /** Rate in the first (e.g. treatment) group, in (0, 1). */
  first: number;
  /** Rate in the second (control) group, in (0, 1). */
  second: number;
  /** Significance level, default 0.05. */
  alpha?: number;
  /** Default `two-sided` (α split over both tails). */
  alternative?: 'two-sided' | 'one-sided';
}

/**
 * Power of the pooled two-proportion z-test at sample sizes `n1`, `n2` (normal approximation,
 * Fleiss, Levin & Paik 2003, §4.2, without continuity correction):
 * `Φ((|p1 − p2| − z_α √(p̄q̄(1/n1 + 1/n2))) / √(p1q1/n1 + p2q2/n2))` with `p̄` the
 * size-weighted mean rate. In [α/2, 1).
 */
export function twoProportionPower(design: TwoProportionDesign, n1: number, n2: number): number {
  const { first, second } = validate(design);
  const alpha = design.alpha ?? 0.05;
  const z = normalQuantile(1 - (design.alternative === 'one-sided' ? alpha : alpha / 2));
  const pooled = (n1 * first + n2 * second) / (n1 + n2);
  const nullStandardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const alternative = Math.sqrt((first * (1 - first)) / n1 + (second * (1 - second)) / n2);
  return normalCdf((Math.abs(first - second) - z * nullStandardError) / alternative);
}

/**
 * Sample size per group for the pooled two-proportion z-test to reach `power` (default 0.8), with
 * `ratio = n2 / n1` (default 1): `n1 = (z_α √(p̄q̄(1 + 1/k)) + z_β √(p1q1 + p2q2/k))² / (p1 − p2)²`,
 * rounded up (Fleiss et al. 2003, eq. 4.14 without continuity correction).
 */
export function twoProportionSampleSize(
  design: TwoProportionDesign,
  options: { power?: number; ratio?: number } = {},
): { n1: number; n2: number } {
  const { first, second } = validate(design);
  const alpha = design.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const ratio = options.ratio ?? 1;
  if (first === second) return { n1: Number.POSITIVE_INFINITY, n2: Number.POSITIVE_INFINITY };
  const zAlpha = normalQuantile(1 - (design.alternative === 'one-sided' ? alpha : alpha / 2));
  const zBeta = normalQuantile(power);
  const pooled = (first + ratio * second) / (1 + ratio);
  const numerator =
    zAlpha * Math.sqrt(pooled * (1 - pooled) * (1 + 1 / ratio)) +
    zBeta * Math.sqrt(first * (1 - first) + (second * (1 - second)) / ratio);
  const n1 = Math.ceil(numerator ** 2 / (first - second) ** 2 - 1e-9);
  return { n1, n2: Math.ceil(n1 * ratio - 1e-9) };
}

/** Result of `powerNote`. */
export interface PowerNote {
  power: number;
  /** Per-group sizes that would reach the target power at the observed allocation ratio. */
  required: { n1: number; n2: number };
  adequate: boolean;
  /** A sentence for a `Finding`'s notes when power is short of the target, else null. */
  note: string | null;
}

/**
 * Checks whether a comparison with `n1`, `n2` observations could detect `minimumEffect` (an
 * absolute rate difference above `baseline`) with the target power (default 0.8), and words a
 * note such as "n too small to detect the minimum effect" for reports.
 */
export function powerNote(options: {
  baseline: number;
  minimumEffect: number;
  n1: number;
  n2: number;
  alpha?: number;
  power?: number;
  alternative?: 'two-sided' | 'one-sided';
}): PowerNote {
  const target = options.power ?? 0.8;
  const first = Math.min(1 - 1e-9, Math.max(1e-9, options.baseline + options.minimumEffect));
  const second = Math.min(1 - 1e-9, Math.max(1e-9, options.baseline));
  const design: TwoProportionDesign = {
    first,
    second,
    alpha: options.alpha ?? 0.05,
    alternative: options.alternative ?? 'two-sided',
  };
  const power = twoProportionPower(design, options.n1, options.n2);
  const required = twoProportionSampleSize(design, { power: target, ratio: options.n2 / options.n1 });
  const adequate = power >= target;
  const note = adequate
    ? null
    : `n too small to detect the minimum effect: power ${(100 * power).toFixed(0)}% to detect a difference of ` +
      `${options.minimumEffect} from a baseline of ${options.baseline} with n = ${options.n1} and ${options.n2}; ` +
      `about ${required.n1} and ${required.n2} are needed for ${(100 * target).toFixed(0)}%`;
  return { power, required, adequate, note };
}

function validate(design: TwoProportionDesign): { first: number; second: number } {
  for (const p of [design.first, design.second]) {
    if (!(p > 0 && p < 1)) throw new RangeError(`power: rates must be in (0, 1), got ${p}`);
  }
  return { first: design.first, second: design.second };
}
