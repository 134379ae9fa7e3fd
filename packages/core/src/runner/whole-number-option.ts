import { ConfigError } from '../errors/config-error.js';

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/**
 * A numeric option that must be a whole number (a safe integer) ≥ `min` (default 1) and, when
 * given, ≤ `max`, or `undefined` for `fallback` when there is one. Anything else (NaN, a number out
 * of range or fractional, Infinity, a numeric string, null) throws a `ConfigError` naming the option
 * and the value, before any work.
 * @param fallback what `undefined` means; without one, `undefined` is refused too
 */
export function wholeNumberOption(
  name: string,
  value: unknown,
  { fallback, min = 1, max }: { fallback?: number; min?: number; max?: number } = {},
): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    value >= min &&
    (max === undefined || value <= max)
  ) {
    return value;
  }
  const otherwise = fallback === undefined ? '' : `, or left out for the default (${fallback})`;
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  throw new ConfigError({
    path: name,
    reason: `must be a whole number ${range}${otherwise}; got ${describeValue(value)}`,
  });
}

/** The most units a run or map keeps in progress: each is a pending promise, and more is a mistake. */
export const MAX_CONCURRENCY = 10_000;

/**
 * The `concurrency` option of `runGrading`, `gradeMany` and `mapConcurrent` (`wholeNumberOption`,
 * from 1 to {@link MAX_CONCURRENCY}): NaN used to start no worker and end a "complete" run of
 * nothing, the other bad values to be clamped or coerced into a manifest the run's reader refuses,
 * and a huge one (1e9) to allocate a worker per unit until the process ran out of memory.
 */
export function concurrencyOption(value: unknown, fallback?: number): number {
  return wholeNumberOption('concurrency', value, { fallback, max: MAX_CONCURRENCY });
}
