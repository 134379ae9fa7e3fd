import { validIndices } from './holm-adjust.js';

/**
 * Benjamini-Hochberg adjusted p-values (Benjamini & Hochberg 1995), controlling the false
 * discovery rate for independent or positively dependent tests: sorted ascending,
 * `p̃(i) = min_{j ≥ i} min(1, m p(j) / j)`. With `dependence: 'arbitrary'` the Benjamini-Yekutieli
 * variant multiplies by `Σ 1/i` and holds under any dependence. Matches
 * `scipy.stats.false_discovery_control(ps, method='bh' | 'by')`; NaN entries stay NaN.
 */
export function benjaminiHochbergAdjust(
  pValues: readonly number[],
  options: { dependence?: 'positive' | 'arbitrary' } = {},
): number[] {
  const indices = validIndices(pValues);
  const count = indices.length;
  let factor = 1;
  if (options.dependence === 'arbitrary') {
    factor = 0;
    for (let index = 1; index <= count; index++) factor += 1 / index;
  }
  const adjusted = pValues.map(() => Number.NaN);
  let running = 1;
  for (let rank = count - 1; rank >= 0; rank--) {
    const index = indices[rank]!;
    running = Math.min(running, (pValues[index]! * count * factor) / (rank + 1));
    adjusted[index] = Math.min(1, running);
  }
  return adjusted;
}
