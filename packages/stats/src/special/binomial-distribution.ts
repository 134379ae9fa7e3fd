import { regularizedBeta } from './incomplete-beta.js';
import { logBinomialCoefficient } from './log-gamma.js';

/**
 * Binomial cumulative distribution function `P(X ≤ k)` for `X ~ Binomial(trials, probability)`,
 * via `I_{1−p}(n − k, k + 1)`.
 */
export function binomialCdf(k: number, trials: number, probability: number): number {
  if (k < 0) return 0;
  if (k >= trials) return 1;
  const floor = Math.floor(k);
  return regularizedBeta(1 - probability, trials - floor, floor + 1);
}

/**
 * Binomial survival function `P(X > k)`, via `I_p(k + 1, n − k)`, accurate in the upper tail.
 */
export function binomialSurvival(k: number, trials: number, probability: number): number {
  if (k < 0) return 1;
  if (k >= trials) return 0;
  const floor = Math.floor(k);
  return regularizedBeta(probability, floor + 1, trials - floor);
}

/** Natural log of the binomial probability mass `P(X = k)`; `-Infinity` outside the support. */
export function binomialLogPmf(k: number, trials: number, probability: number): number {
  if (k < 0 || k > trials || !Number.isInteger(k)) return Number.NEGATIVE_INFINITY;
  if (probability === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (probability === 1) return k === trials ? 0 : Number.NEGATIVE_INFINITY;
  return (
    logBinomialCoefficient(trials, k) + k * Math.log(probability) + (trials - k) * Math.log1p(-probability)
  );
}
