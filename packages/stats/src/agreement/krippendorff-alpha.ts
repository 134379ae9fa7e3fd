import { categoryKey, type RatingMatrix } from './rating-matrix.js';

/** Metric of Krippendorff's alpha: `nominal` (any values) or `interval` (numbers, squared differences). */
export type KrippendorffLevel = 'nominal' | 'interval';

/**
 * Krippendorff's alpha, `1 − D_o / D_e`, for any number of raters and missing data (Krippendorff
 * 2011, "Computing Krippendorff's Alpha-Reliability", Annenberg School for Communication): only
 * items with at least two values are pairable; observed disagreement counts each ordered pair
 * within an item with weight `1/(m_u − 1)`, expected disagreement pairs all pairable values.
 * `nominal`: δ = 0 for equal values, 1 otherwise; `interval`: δ² = (c − k)². In (−1, 1]; NaN when
 * there is no variation at all.
 */
export function krippendorffAlpha(matrix: RatingMatrix, level: KrippendorffLevel = 'nominal'): number {
  let pairable = 0;
  let observed = 0;
  if (level === 'nominal') {
    const totals = new Map<string, number>();
    for (const row of matrix) {
      const values = row.filter((value) => value !== null);
      const m = values.length;
      if (m < 2) continue;
      const counts = new Map<string, number>();
      for (const value of values) {
        const key = categoryKey(value);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        totals.set(key, (totals.get(key) ?? 0) + 1);
      }
      let same = 0;
      for (const count of counts.values()) same += count * count;
      observed += (m * m - same) / (m - 1);
      pairable += m;
    }
    let same = 0;
    for (const count of totals.values()) same += count * count;
    const expected = (pairable * pairable - same) / (pairable - 1);
    return 1 - observed / expected;
  }
  let sum = 0;
  let squares = 0;
  for (const row of matrix) {
    const values = row.filter((value) => value !== null).map((value) => toNumber(value));
    const m = values.length;
    if (m < 2) continue;
    let itemSum = 0;
    let itemSquares = 0;
    for (const value of values) {
      itemSum += value;
      itemSquares += value * value;
    }
    // Σ_{i≠j} (x_i − x_j)² = 2 (m Σx² − (Σx)²), over ordered pairs.
    observed += (2 * (m * itemSquares - itemSum * itemSum)) / (m - 1);
    pairable += m;
    sum += itemSum;
    squares += itemSquares;
  }
  const expected = (2 * (pairable * squares - sum * sum)) / (pairable - 1);
  return 1 - observed / expected;
}

function toNumber(value: Exclude<RatingMatrix[number][number], null>): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw new RangeError(`krippendorffAlpha: interval level needs numbers, got ${JSON.stringify(value)}`);
}
