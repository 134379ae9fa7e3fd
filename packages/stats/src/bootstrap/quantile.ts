/**
 * Sample quantile of already-sorted values with linear interpolation between order statistics
 * (Hyndman & Fan type 7; numpy's and SciPy's default `linear` method).
 * @param sorted values in ascending order, non-empty
 * @param probability in [0, 1]
 */
export function sortedQuantile(sorted: ArrayLike<number>, probability: number): number {
  const count = sorted.length;
  if (count === 0) throw new RangeError('sortedQuantile: no values');
  if (Number.isNaN(probability)) return Number.NaN;
  const position = Math.min(Math.max(probability, 0), 1) * (count - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, count - 1);
  const fraction = position - below;
  const low = sorted[below]!;
  const high = sorted[above]!;
  return fraction === 0 ? low : low + fraction * (high - low);
}

/** Type-7 quantile of unsorted values (copies and sorts them). */
export function quantile(values: ArrayLike<number>, probability: number): number {
  return sortedQuantile(Float64Array.from(values).sort(), probability);
}
