import { categoryCounts, type RatingMatrix } from './rating-matrix.js';

/**
 * Percent agreement among any number of raters with missing ratings: over items rated at least
 * twice, the mean share of agreeing rater pairs, `Σ_k r_ik(r_ik − 1) / (r_i(r_i − 1))` (Gwet 2014,
 * Handbook of Inter-Rater Reliability, eq. 2.9; irrCAC's `pa.coeff.raw`). In [0, 1]; NaN when no
 * item has two ratings. For two raters it is the share of items they label alike.
 */
export function percentAgreement(matrix: RatingMatrix): number {
  return observedAgreement(categoryCounts(matrix).counts);
}

/** Observed pairwise agreement `p_a` from per-item category counts (items with ≥ 2 ratings). */
export function observedAgreement(counts: readonly (readonly number[])[]): number {
  let total = 0;
  let items = 0;
  for (const row of counts) {
    const ratings = row.reduce((sum, value) => sum + value, 0);
    if (ratings < 2) continue;
    let agreeing = 0;
    for (const count of row) agreeing += count * (count - 1);
    total += agreeing / (ratings * (ratings - 1));
    items++;
  }
  return items === 0 ? Number.NaN : total / items;
}

/**
 * Average category shares `π_k = (1/n) Σ_i r_ik / r_i` over the n items with at least one rating
 * (Gwet 2014): the chance model of Fleiss' kappa and AC1 when raters rate different numbers of items.
 */
export function categoryShares(counts: readonly (readonly number[])[]): number[] {
  const categories = counts[0]?.length ?? 0;
  const shares = new Array<number>(categories).fill(0);
  let items = 0;
  for (const row of counts) {
    const ratings = row.reduce((sum, value) => sum + value, 0);
    if (ratings === 0) continue;
    items++;
    row.forEach((count, category) => {
      shares[category]! += count / ratings;
    });
  }
  return shares.map((share) => share / items);
}
