/**
 * A 2×2 table of counts `[[a, b], [c, d]]`: rows are the two groups (e.g. treatment, control),
 * columns the outcome (event, no event).
 */
export type TwoByTwoTable = readonly [readonly [number, number], readonly [number, number]];

/** Throws a `RangeError` unless every cell is a non-negative integer. */
export function assertTwoByTwo(table: TwoByTwoTable): void {
  for (const row of table) {
    for (const cell of row) {
      if (!Number.isInteger(cell) || cell < 0) {
        throw new RangeError(`2x2 table cells must be non-negative integers, got ${JSON.stringify(table)}`);
      }
    }
  }
}
