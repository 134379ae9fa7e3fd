import { categoryKey, type RatingMatrix, type RatingValue } from './rating-matrix.js';

/** Agreement of one pair of raters. */
export interface PairAgreement {
  /** Rater indices (columns of the matrix). */
  first: number;
  second: number;
  /** Items both rated. */
  items: number;
  percentAgreement: number;
  cohensKappa: number;
}

/**
 * Cohen's kappa between two raters on the items both rated (Cohen 1960, "A coefficient of
 * agreement for nominal scales"): `(p_o − p_e) / (1 − p_e)`, `p_e = Σ_k p_1k p_2k` from each
 * rater's own margins; scikit-learn's `cohen_kappa_score`. In [−1, 1]; NaN when `p_e = 1` (both
 * raters constant and equal) or no item was rated by both.
 */
export function cohensKappa(first: readonly RatingValue[], second: readonly RatingValue[]): number {
  return pairStatistics(first, second).cohensKappa;
}

/** Cohen's kappa and percent agreement for every pair of raters (columns) of a matrix. */
export function pairwiseAgreement(matrix: RatingMatrix): PairAgreement[] {
  const raters = matrix[0]?.length ?? 0;
  const pairs: PairAgreement[] = [];
  for (let first = 0; first < raters; first++) {
    for (let second = first + 1; second < raters; second++) {
      const statistics = pairStatistics(
        matrix.map((row) => row[first] ?? null),
        matrix.map((row) => row[second] ?? null),
      );
      pairs.push({ first, second, ...statistics });
    }
  }
  return pairs;
}

function pairStatistics(
  first: readonly RatingValue[],
  second: readonly RatingValue[],
): { items: number; percentAgreement: number; cohensKappa: number } {
  if (first.length !== second.length)
    throw new RangeError('cohensKappa: the raters rated different item lists');
  const firstMargins = new Map<string, number>();
  const secondMargins = new Map<string, number>();
  let items = 0;
  let agreeing = 0;
  for (let index = 0; index < first.length; index++) {
    const a = first[index];
    const b = second[index];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    const keyA = categoryKey(a);
    const keyB = categoryKey(b);
    items++;
    if (keyA === keyB) agreeing++;
    firstMargins.set(keyA, (firstMargins.get(keyA) ?? 0) + 1);
    secondMargins.set(keyB, (secondMargins.get(keyB) ?? 0) + 1);
  }
  if (items === 0) return { items, percentAgreement: Number.NaN, cohensKappa: Number.NaN };
  let expected = 0;
  for (const [key, count] of firstMargins)
    expected += (count / items) * ((secondMargins.get(key) ?? 0) / items);
  const observed = agreeing / items;
  return { items, percentAgreement: observed, cohensKappa: (observed - expected) / (1 - expected) };
}
