/**
 * Holm's step-down adjusted p-values (Holm 1979), controlling the family-wise error rate under
 * any dependence: sorted ascending, `p̃(i) = max_{j ≤ i} min(1, (m − j + 1) p(j))`. Returned in
 * input order; NaN entries are kept as NaN and not counted in `m`. Same values as statsmodels'
 * `multipletests(p, method='holm')`.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const indices = validIndices(pValues);
  const count = indices.length;
  const adjusted = pValues.map(() => Number.NaN);
  let running = 0;
  indices.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (count - rank) * pValues[index]!));
    adjusted[index] = running;
  });
  return adjusted;
}

/** Indices of the non-NaN p-values, sorted by p ascending (stable). Throws outside [0, 1]. */
export function validIndices(pValues: readonly number[]): number[] {
  const indices: number[] = [];
  pValues.forEach((p, index) => {
    if (Number.isNaN(p)) return;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must be in [0, 1], got ${p}`);
    indices.push(index);
  });
  return indices.sort((left, right) => pValues[left]! - pValues[right]! || left - right);
}
