import { normalCdf, normalQuantile, type PowerNote } from '@judgekit/stats';

/**
 * Power to detect a difference in means of `minimumEffect` with `n1`, `n2` observations and a
 * common standard deviation, by the normal approximation of the two-sample test
 * (`Φ(|δ| / (σ √(1/n1 + 1/n2)) − z_α)`), and the per-group sizes that reach the target power at the
 * same allocation ratio. Returns the same shape as `powerNote` of `@judgekit/stats` (rates).
 */
export function meanDifferencePowerNote(options: {
  standardDeviation: number;
  minimumEffect: number;
  n1: number;
  n2: number;
  alpha?: number;
  power?: number;
  alternative?: 'two-sided' | 'one-sided';
}): PowerNote {
  const target = options.power ?? 0.8;
  const alpha = options.alpha ?? 0.05;
  const { standardDeviation, n1, n2 } = options;
  const effect = Math.abs(options.minimumEffect);
  const zAlpha = normalQuantile(1 - (options.alternative === 'one-sided' ? alpha : alpha / 2));
  const power =
    standardDeviation > 0
      ? normalCdf(effect / (standardDeviation * Math.sqrt(1 / n1 + 1 / n2)) - zAlpha)
      : effect > 0
        ? 1
        : 0;
  const ratio = n2 / n1;
  const n1Needed =
    effect === 0
      ? Number.POSITIVE_INFINITY
      : Math.max(
          2,
          Math.ceil(
            ((zAlpha + normalQuantile(target)) ** 2 * standardDeviation ** 2 * (1 + 1 / ratio)) / effect ** 2,
          ),
        );
  const required = { n1: n1Needed, n2: Math.ceil(n1Needed * ratio) };
  const adequate = power >= target;
  const note = adequate
    ? null
    : `n too small to detect the minimum effect: power ${(100 * power).toFixed(0)}% to detect a difference in means of ` +
      `${effect} (standard deviation ${standardDeviation.toPrecision(3)}) with n = ${n1} and ${n2}; ` +
      `about ${required.n1} and ${required.n2} are needed for ${(100 * target).toFixed(0)}%`;
  return { power, required, adequate, note };
}
