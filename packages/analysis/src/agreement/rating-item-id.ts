/**
 * The rating item id of one transcript on one dimension: `dimension:transcriptId`. Dimensions are
 * snake_case, so the first `:` always separates the two.
 */
export function ratingItemId(transcriptId: string, dimension: string): string {
  return `${dimension}:${transcriptId}`;
}

/** Splits a rating item id made by `ratingItemId`; `undefined` for ids made otherwise. */
export function parseRatingItemId(itemId: string): { dimension: string; transcriptId: string } | undefined {
  const colon = itemId.indexOf(':');
  if (colon <= 0) return undefined;
  return { dimension: itemId.slice(0, colon), transcriptId: itemId.slice(colon + 1) };
}
