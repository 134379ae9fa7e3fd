/**
 * `concurrency` values every runner entry point refuses, each with how the error shows it. `null`
 * is last: `mapConcurrent` (which has no default) is given the others.
 */
export const BAD_CONCURRENCY: ReadonlyArray<readonly [unknown, string]> = [
  [Number.NaN, 'NaN'],
  [0, '0'],
  [-3, '-3'],
  [1.5, '1.5'],
  [Number.POSITIVE_INFINITY, 'Infinity'],
  ['8', '"8"'],
  [1e9, '1000000000'],
  [null, 'null'],
];
