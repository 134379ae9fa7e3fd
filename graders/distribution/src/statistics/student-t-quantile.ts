import { inverseRegularizedBeta } from '@judgekit/stats';

/**
 * Quantile of Student's t with `degreesOfFreedom` (> 0): the `t` with `P(T ≤ t) = probability`,
 * from the inverse incomplete beta through `P(|T| > t) = I_{ν/(ν+t²)}(ν/2, ½)`.
 * @param probability in (0, 1)
 */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  if (!(probability > 0 && probability < 1)) {
    throw new RangeError(`studentTQuantile: probability must be in (0, 1), got ${probability}`);
  }
  if (!(degreesOfFreedom > 0)) {
    throw new RangeError(`studentTQuantile: degrees of freedom must be > 0, got ${degreesOfFreedom}`);
  }
  if (probability === 0.5) return 0;
  const tail = 2 * Math.min(probability, 1 - probability);
  const x = inverseRegularizedBeta(tail, degreesOfFreedom / 2, 0.5);
  const magnitude = Math.sqrt((degreesOfFreedom * (1 - x)) / x);
  return probability < 0.5 ? -magnitude : magnitude;
}
