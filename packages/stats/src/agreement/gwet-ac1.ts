import { categoryShares, observedAgreement } from './percent-agreement.js';
import { categoryCounts, type RatingMatrix } from './rating-matrix.js';

/**
 * Gwet's AC1 (Gwet 2008, "Computing inter-rater reliability and its variance in the presence of
 * high agreement", Br. J. Math. Stat. Psychol. 61:29–48): `(p_a − p_e) / (1 − p_e)` with chance
 * agreement `p_e = Σ_k π_k(1 − π_k) / (q − 1)` over q categories. Unlike kappa it does not collapse
 * when one category is rare — the usual case for covert actions. Handles missing ratings as
 * irrCAC's `gwet.ac1.raw`. `categories` (keys from `categoryKey`) adds categories nobody used,
 * which changes q. In [−1, 1].
 */
export function gwetAc1(matrix: RatingMatrix, options: { categories?: readonly string[] } = {}): number {
  const { counts, categories } = categoryCounts(matrix, options.categories);
  const observed = observedAgreement(counts);
  const q = categories.length;
  if (q < 2) return observed === 1 ? 1 : Number.NaN;
  const expected = categoryShares(counts).reduce((sum, share) => sum + share * (1 - share), 0) / (q - 1);
  return (observed - expected) / (1 - expected);
}
