import type { EffectSize } from './effect-size.js';

/**
 * Cohen's h, `2 asin √p1 − 2 asin √p2`: a difference of proportions on the variance-stabilizing
 * arcsine scale (Cohen 1988, §6.2), in [−π, π]; 0.2 / 0.5 / 0.8 are Cohen's small / medium / large.
 * @param first proportion in [0, 1]
 * @param second proportion in [0, 1]
 */
export function cohensH(first: number, second: number): EffectSize {
  for (const p of [first, second]) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`cohensH: proportions must be in [0, 1], got ${p}`);
  }
  return { measure: 'cohens_h', value: 2 * Math.asin(Math.sqrt(first)) - 2 * Math.asin(Math.sqrt(second)) };
}
