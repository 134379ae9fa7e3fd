/** Ranks of a sample with ties, and the sizes of the tie groups. */
export interface RankResult {
  /** 1-based ranks in input order; tied values share the average of their ranks. */
  ranks: Float64Array;
  /** Size of every group of equal values (1 for untied values), in sorted order. */
  tieCounts: number[];
}

/**
 * Average ranks (SciPy's `rankdata(method='average')`) and the tie-group sizes that the tie
 * corrections of rank tests need. NaN is rejected.
 */
export function averageRanks(values: ArrayLike<number>): RankResult {
  const count = values.length;
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = 0; index < count; index++) {
    if (Number.isNaN(values[index]!)) throw new RangeError('averageRanks: values must not be NaN');
  }
  order.sort((left, right) => values[left]! - values[right]!);
  const ranks = new Float64Array(count);
  const tieCounts: number[] = [];
  let start = 0;
  while (start < count) {
    let end = start + 1;
    while (end < count && values[order[end]!] === values[order[start]!]) end++;
    const rank = (start + 1 + end) / 2;
    for (let position = start; position < end; position++) ranks[order[position]!] = rank;
    tieCounts.push(end - start);
    start = end;
  }
  return { ranks, tieCounts };
}
