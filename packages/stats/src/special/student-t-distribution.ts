import { regularizedBeta } from './incomplete-beta.js';

/**
 * Student t cumulative distribution function `P(T ≤ t)` with `degreesOfFreedom` (> 0), through
 * the incomplete beta: `P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2)`.
 * @param t statistic
 */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const tail =
    0.5 * regularizedBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}
