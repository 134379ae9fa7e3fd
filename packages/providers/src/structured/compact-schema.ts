/**
 * A JSON Schema without what only costs prompt tokens: the `$schema` dialect, and the bounds zod
 * writes on every `.int()` (±2^53 − 1, which say nothing a JSON integer does not). Every provider
 * call carries the schema, so these bytes are paid on every call; the constraints are unchanged.
 */
export function compactSchema<T>(schema: T): T {
  return strip(schema, true) as T;
}

function strip(node: unknown, root: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => strip(item, false));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (root && key === '$schema') continue;
    if (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) continue;
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
    out[key] = strip(value, false);
  }
  return out;
}
