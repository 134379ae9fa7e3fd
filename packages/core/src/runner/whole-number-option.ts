import { ConfigError } from '../errors/config-error.js';

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/**
 * A numeric option that must be a whole number (a safe integer) ≥ `min` (default 1), or
 * `undefined` for `fallback` when there is one. Anything else (NaN, a number out of range or
 * fractional, Infinity, a numeric string, null) throws a `ConfigError` naming the option and the
 * value, before any work.
 * @param fallback what `undefined` means; without one, `undefined` is refused too
 */
export function wholeNumberOption(
  name: string,
  value: unknown,
  { fallback, min = 1 }: { fallback?: number; min?: number } = {},
): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return value;
  const otherwise = fallback === undefined ? '' : `, or left out for the default (${fallback})`;
  throw new ConfigError({
    path: name,
    reason: `must be a whole number of at least ${min}${otherwise}; got ${describeValue(value)}`,
  });
}

/**
 * The `concurrency` option of `runGrading`, `gradeMany` and `mapConcurrent` (`wholeNumberOption`,
 * at least 1): NaN used to start no worker and end a "complete" run of nothing, and the other bad
 * values to be clamped or coerced into a manifest the run's reader refuses.
 */
export function concurrencyOption(value: unknown, fallback?: number): number {
  return wholeNumberOption('concurrency', value, { fallback });
}
