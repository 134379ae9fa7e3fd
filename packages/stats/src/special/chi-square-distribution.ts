import { regularizedGammaLower, regularizedGammaUpper } from './incomplete-gamma.js';

/**
 * Chi-square cumulative distribution function `P(X ≤ x)` with `degreesOfFreedom` (> 0).
 * @param x statistic, ≥ 0
 */
export function chiSquareCdf(x: number, degreesOfFreedom: number): number {
  if (x <= 0) return 0;
  return regularizedGammaLower(degreesOfFreedom / 2, x / 2);
}

/**
 * Chi-square survival function `P(X > x)` (the p-value of a chi-square statistic), computed
 * directly so that tiny p-values keep relative accuracy.
 * @param x statistic, ≥ 0
 */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  if (x <= 0) return 1;
  return regularizedGammaUpper(degreesOfFreedom / 2, x / 2);
}
