/**
 * The value at a dot-separated path of an object (`metadata.outcome.correct`), or `undefined` when
 * a step is missing. Keys that themselves hold dots are reached when no shorter key matches
 * (`metadata.a.b` finds `metadata["a.b"]`).
 */
export function valueAtPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (Object.hasOwn(record, path)) return record[path];
  const parts = path.split('.');
  for (let length = 1; length < parts.length; length++) {
    const key = parts.slice(0, length).join('.');
    if (Object.hasOwn(record, key)) {
      const found = valueAtPath(record[key], parts.slice(length).join('.'));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
