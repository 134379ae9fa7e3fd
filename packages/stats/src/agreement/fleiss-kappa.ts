import { categoryShares, observedAgreement } from './percent-agreement.js';
import { categoryCounts, type RatingMatrix } from './rating-matrix.js';

/**
 * Fleiss' kappa for any number of raters (Fleiss 1971, "Measuring nominal scale agreement among
 * many raters", Psychological Bulletin 76:378–382): `(p_a − p_e) / (1 − p_e)` with `p_a` the mean
 * pairwise agreement per item and `p_e = Σ_k π_k²`. With missing ratings it uses Gwet's
 * generalization (Handbook of Inter-Rater Reliability, 2014; irrCAC's `fleiss.kappa.raw`): `p_a`
 * over items rated at least twice, `π_k` the mean per-item share of category k; with the same number
 * of raters on every item this is exactly Fleiss' statistic. In [−1, 1]; NaN when `p_e = 1`.
 */
export function fleissKappa(matrix: RatingMatrix): number {
  const { counts } = categoryCounts(matrix);
  const observed = observedAgreement(counts);
  const expected = categoryShares(counts).reduce((sum, share) => sum + share * share, 0);
  return (observed - expected) / (1 - expected);
}
