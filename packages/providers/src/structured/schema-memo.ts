import type { z } from 'zod';

/**
 * Remembers what was derived from a schema (JSON Schema, response formats): deriving it is the
 * costliest part of building a request, and a rubric's schema is the same object on every call.
 * The derived value must not be mutated by callers.
 */
export function memoizeBySchema<T>(derive: (schema: z.ZodType, variant: string) => T) {
  const memo = new WeakMap<z.ZodType, Map<string, T>>();
  return (schema: z.ZodType, variant = ''): T => {
    let variants = memo.get(schema);
    if (!variants) {
      variants = new Map();
      memo.set(schema, variants);
    }
    if (!variants.has(variant)) variants.set(variant, derive(schema, variant));
    return variants.get(variant) as T;
  };
}
