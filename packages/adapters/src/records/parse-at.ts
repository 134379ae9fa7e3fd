import type { z } from 'zod';
import { RecordShapeError } from './record-shape-error.js';

/** A path inside a source record. */
export type RecordPath = readonly (string | number)[];

/**
 * Parses `value` with `schema`, or throws a `RecordShapeError` whose path is `path` followed by
 * the first zod issue's path (so the error points into the whole source record).
 */
export function parseAt<TOutput>(schema: z.ZodType<TOutput>, value: unknown, path: RecordPath): TOutput {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const issue = issues[0]!;
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
  throw new RecordShapeError({ path: [...path, ...issue.path], reason: `${issue.message}${more}` });
}

/** Throws a `RecordShapeError` at `path`. */
export function failAt(path: RecordPath, reason: string): never {
  throw new RecordShapeError({ path, reason });
}
