import { chiSquareSurvival } from '../special/chi-square-distribution.js';

/** Options of `chiSquareIndependenceTest`. */
export interface ChiSquareIndependenceOptions {
  /** Yates' continuity correction, applied (as in SciPy) only when there is 1 degree of freedom; default true. */
  correction?: boolean;
}

/** Result of `chiSquareIndependenceTest`. */
export interface ChiSquareIndependenceResult {
  statistic: number;
  pValue: number;
  degreesOfFreedom: number;
  /** Expected counts under independence, `row total × column total / total`. */
  expected: number[][];
}

/**
 * Pearson's chi-square test of independence on an r×c table of counts, matching
 * `scipy.stats.chi2_contingency(observed, correction)`: with one degree of freedom and
 * `correction`, each observed count moves toward its expected count by min(0.5, |difference|)
 * (Yates). Throws when an expected count is zero (an empty row or column), as SciPy does.
 * @param table rows × columns of non-negative counts, at least 1×1
 */
export function chiSquareIndependenceTest(
  table: readonly (readonly number[])[],
  options: ChiSquareIndependenceOptions = {},
): ChiSquareIndependenceResult {
  const rows = table.length;
  const columns = table[0]?.length ?? 0;
  if (rows === 0 || columns === 0 || table.some((row) => row.length !== columns)) {
    throw new RangeError('chi-square test: the table must be a non-empty rectangle');
  }
  const rowTotals = table.map((row) => row.reduce((sum, value) => sum + value, 0));
  const columnTotals = Array.from({ length: columns }, (_, column) =>
    table.reduce((sum, row) => sum + row[column]!, 0),
  );
  const total = rowTotals.reduce((sum, value) => sum + value, 0);
  for (const row of table) {
    for (const value of row) if (!(value >= 0)) throw new RangeError('chi-square test: counts must be >= 0');
  }
  const expected = rowTotals.map((rowTotal) =>
    columnTotals.map((columnTotal) => (rowTotal * columnTotal) / total),
  );
  if (expected.some((row) => row.some((value) => value === 0))) {
    throw new RangeError('chi-square test: an expected count is zero (empty row or column)');
  }
  const degreesOfFreedom = rows * columns - rows - columns + 1;
  if (degreesOfFreedom === 0) return { statistic: 0, pValue: 1, degreesOfFreedom, expected };
  const correct = (options.correction ?? true) && degreesOfFreedom === 1;
  let statistic = 0;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const expectedCount = expected[row]![column]!;
      let observed = table[row]![column]!;
      if (correct) {
        const difference = expectedCount - observed;
        observed += Math.sign(difference) * Math.min(0.5, Math.abs(difference));
      }
      statistic += (observed - expectedCount) ** 2 / expectedCount;
    }
  }
  return { statistic, pValue: chiSquareSurvival(statistic, degreesOfFreedom), degreesOfFreedom, expected };
}
