/** One rating: nominal (string / boolean / number) or missing (`null`). */
export type RatingValue = string | number | boolean | null;

/** Items × raters: `values[item][rater]`, `null` where a rater did not rate an item. */
export type RatingMatrix = readonly (readonly RatingValue[])[];

/** A wide rating matrix with the item and rater names it was built from. */
export interface NamedRatingMatrix {
  itemIds: string[];
  raters: string[];
  values: RatingValue[][];
}

/**
 * Builds an items × raters matrix from long-format ratings (`@judgekit/core`'s `Rating`:
 * `{ itemId, rater, value }`). Items and raters keep their first-seen order; a rater rating an item
 * twice is an error, since no coefficient defines what that means.
 */
export function ratingMatrix(
  ratings: readonly { itemId: string; rater: string; value: RatingValue }[],
): NamedRatingMatrix {
  const itemIndex = new Map<string, number>();
  const raterIndex = new Map<string, number>();
  for (const { itemId, rater } of ratings) {
    if (!itemIndex.has(itemId)) itemIndex.set(itemId, itemIndex.size);
    if (!raterIndex.has(rater)) raterIndex.set(rater, raterIndex.size);
  }
  const values: RatingValue[][] = Array.from({ length: itemIndex.size }, () =>
    new Array<RatingValue>(raterIndex.size).fill(null),
  );
  const seen = new Set<string>();
  for (const { itemId, rater, value } of ratings) {
    const key = JSON.stringify([itemId, rater]);
    if (seen.has(key)) throw new RangeError(`ratingMatrix: ${rater} rated ${itemId} more than once`);
    seen.add(key);
    values[itemIndex.get(itemId)!]![raterIndex.get(rater)!] = value;
  }
  return { itemIds: [...itemIndex.keys()], raters: [...raterIndex.keys()], values };
}

/** A stable key that keeps `1`, `"1"` and `true` distinct categories. */
export function categoryKey(value: Exclude<RatingValue, null>): string {
  return `${typeof value}:${String(value)}`;
}

/** Per-item category counts: `counts[item][category]`, and the categories in sorted key order. */
export interface CategoryCounts {
  categories: string[];
  counts: number[][];
  /** Number of ratings of each item. */
  totals: number[];
}

/**
 * Counts how many raters put each item in each category (the "distribution of raters by subject
 * and category" that Fleiss' kappa and AC1 work on). `categories` may list categories nobody used
 * (as keys from `categoryKey`); AC1 depends on their number.
 */
export function categoryCounts(matrix: RatingMatrix, categories?: readonly string[]): CategoryCounts {
  const keys = new Set(categories ?? []);
  for (const row of matrix) for (const value of row) if (value !== null) keys.add(categoryKey(value));
  const sorted = [...keys].sort();
  const position = new Map(sorted.map((key, index) => [key, index]));
  const counts = matrix.map((row) => {
    const itemCounts = new Array<number>(sorted.length).fill(0);
    for (const value of row) if (value !== null) itemCounts[position.get(categoryKey(value))!]! += 1;
    return itemCounts;
  });
  return {
    categories: sorted,
    counts,
    totals: counts.map((row) => row.reduce((sum, value) => sum + value, 0)),
  };
}
