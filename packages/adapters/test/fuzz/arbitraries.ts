import fc from 'fast-check';

/** Runs per property; raise with FUZZ_RUNS=2000 for a longer local hunt. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

/** A valid judgekit transcript line (without id; the caller assigns unique ids). */
export const transcriptBody = fc.record({
  messages: fc.array(
    fc.record({
      role: fc.constantFrom('system', 'user', 'assistant', 'tool'),
      content: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.array(
          fc.oneof(
            fc.record({ type: fc.constant('text'), text: fc.string({ maxLength: 40 }) }),
            fc.record({
              type: fc.constant('reasoning'),
              text: fc.string({ maxLength: 40 }),
              redacted: fc.boolean(),
            }),
          ),
          { maxLength: 3 },
        ),
      ),
    }),
    { maxLength: 4 },
  ),
});

/** Deeply nested JSON text: `[[[…]]]` or `{"a":{"a":…}}`. */
export const deepJson = fc
  .tuple(fc.integer({ min: 1000, max: 200_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

/** A JSON value of the wrong shape for any record: numbers, strings, arrays, objects of junk. */
export const junkJson = fc.jsonValue({ maxDepth: 4 });

/** Replaces the value at a random path of a JSON value with `replacement`. */
export function replaceAt(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  if (Array.isArray(value) && value.length > 0) {
    const index = path[0]! % value.length;
    return value.map((item, position) =>
      position === index ? replaceAt(item, path.slice(1), replacement) : item,
    );
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 0) return replacement;
    const key = keys[path[0]! % keys.length]!;
    return {
      ...value,
      [key]: replaceAt((value as Record<string, unknown>)[key], path.slice(1), replacement),
    };
  }
  return replacement;
}

/** A random path for `replaceAt`. */
export const randomPath = fc.array(fc.nat(), { maxLength: 6 });
