/**
 * The value at a dot-separated path of an object (`metadata.outcome.correct`), or `undefined` when
 * a step is missing. Keys that themselves hold dots are reached when no shorter key matches
 * (`metadata.a.b` finds `metadata["a.b"]`).
 */
export function valueAtPath(value: unknown, path: string): unknown {
  return fieldPathReader(path)(value);
}

/** A reader for one path, split once: what `valueAtPath` does, for reading many records. */
export function fieldPathReader(path: string): (value: unknown) => unknown {
  if (path === '') return (value) => value;
  const parts = path.split('.');
  return (value) => {
    let current = value;
    for (let index = 0; index < parts.length; index++) {
      if (typeof current !== 'object' || current === null) return undefined;
      const record = current as Record<string, unknown>;
      const part = parts[index]!;
      if (!Object.hasOwn(record, part)) return dottedKeyValue(record, parts.slice(index));
      current = record[part];
    }
    return current;
  };
}

function dottedKeyValue(record: Record<string, unknown>, parts: readonly string[]): unknown {
  for (let length = 2; length <= parts.length; length++) {
    const key = parts.slice(0, length).join('.');
    if (!Object.hasOwn(record, key)) continue;
    if (length === parts.length) return record[key];
    const found = fieldPathReader(parts.slice(length).join('.'))(record[key]);
    if (found !== undefined) return found;
  }
  return undefined;
}
