import { normalCdf, normalSurvival } from '../special/normal-distribution.js';
import type { Alternative } from './interval.js';

/**
 * The p-value of a standard-normal statistic `z` for an alternative: `greater` is `P(Z ≥ z)`,
 * `less` is `P(Z ≤ z)`, `two-sided` is `2 · P(Z ≥ |z|)` (capped at 1).
 */
export function normalPValue(z: number, alternative: Alternative): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (alternative === 'greater') return normalSurvival(z);
  if (alternative === 'less') return normalCdf(z);
  return Math.min(1, 2 * normalSurvival(Math.abs(z)));
}
