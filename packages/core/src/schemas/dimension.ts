import { z } from 'zod';

/** The three dimensions judgekit ships graders for. */
export const BUILTIN_DIMENSIONS = ['covert_action', 'plausible_deniability', 'eval_awareness'] as const;

/** A built-in dimension name. */
export type BuiltinDimension = (typeof BUILTIN_DIMENSIONS)[number];

/**
 * A dimension a verdict or gold label speaks about. Built-in names autocomplete; other
 * snake_case names (e.g. `unsafe_action` for a public dataset's labels) are allowed.
 */
export const DimensionSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'a dimension is a snake_case name such as covert_action');

/** A dimension name: a built-in one, or any other snake_case name. */
export type Dimension = BuiltinDimension | (string & {});
