import type { Rating } from '@judgekit/core';
import { categoryKey } from '@judgekit/stats';

/**
 * A pseudo-rater that gives, per item, the most common value among `raters` (missing ratings
 * ignored). An item with a tie for most common, or with no rating, gets `null` (missing) — so the
 * majority never invents a tie-break.
 * @param name the pseudo-rater's name, e.g. `human-majority`
 */
export function majorityRatings(
  ratings: readonly Rating[],
  raters: readonly string[],
  name: string,
): Rating[] {
  const chosen = new Set(raters);
  const byItem = new Map<string, Map<string, { value: Rating['value']; count: number }>>();
  const order: string[] = [];
  for (const rating of ratings) {
    if (!chosen.has(rating.rater)) continue;
    let counts = byItem.get(rating.itemId);
    if (!counts) {
      counts = new Map();
      byItem.set(rating.itemId, counts);
      order.push(rating.itemId);
    }
    if (rating.value === null) continue;
    const key = categoryKey(rating.value);
    const entry = counts.get(key) ?? { value: rating.value, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return order.map((itemId) => {
    const entries = [...byItem.get(itemId)!.values()].sort((a, b) => b.count - a.count);
    const tie = entries.length > 1 && entries[0]!.count === entries[1]!.count;
    return { itemId, rater: name, value: entries.length === 0 || tie ? null : entries[0]!.value };
  });
}
