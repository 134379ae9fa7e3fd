/** JSON with object keys sorted at every level, so equal values always serialize to equal bytes. */
export function canonicalJSON(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** Sorted copies of the values given to {@link freezeJSON}, made once. */
const sortedCopies = new WeakMap<object, unknown>();

/**
 * Deep-freezes a JSON value that many bodies share (a response format with its JSON Schema), so
 * that {@link canonicalJSON} sorts it once and reuses the sorted copy in every body.
 */
export function freezeJSON<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !sortedCopies.has(value)) {
    for (const child of Object.values(value)) freezeJSON(child);
    Object.freeze(value);
    sortedCopies.set(value, sortKeys(value));
  }
  return value;
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const frozen = sortedCopies.get(value);
  if (frozen !== undefined) return frozen;
  if (Array.isArray(value)) return value.map(sortKeys);
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) sorted[key] = sortKeys(child);
  }
  return sorted;
}
