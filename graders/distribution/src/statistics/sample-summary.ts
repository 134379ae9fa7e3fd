/** Size, mean and unbiased variance of a sample. */
export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample variance with denominator n − 1 (NaN when n < 2). */
  variance: number;
}

/** Summarizes a sample in one pass (Welford's algorithm, stable for large n). */
export function sampleSummary(values: ArrayLike<number>): SampleSummary {
  let mean = 0;
  let squares = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    const delta = value - mean;
    mean += delta / (index + 1);
    squares += delta * (value - mean);
  }
  const n = values.length;
  return { n, mean: n === 0 ? Number.NaN : mean, variance: n < 2 ? Number.NaN : squares / (n - 1) };
}
