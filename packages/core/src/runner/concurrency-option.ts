import { ConfigError } from '../errors/config-error.js';

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/**
 * The `concurrency` option of `runGrading`, `gradeMany` and `mapConcurrent`: a whole number ≥ 1
 * (a safe integer), or `undefined` for `fallback` when there is one. Anything else (NaN, 0, a
 * negative or fractional number, Infinity, a numeric string, null) throws a `ConfigError` naming
 * the option and the value, before any work: NaN used to start no worker and end a "complete" run
 * of nothing, and the others to be clamped or coerced into a manifest the run's reader refuses.
 * @param fallback what `undefined` means; without one, `undefined` is refused too
 */
export function concurrencyOption(value: unknown, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  const otherwise = fallback === undefined ? '' : `, or left out for the default (${fallback})`;
  throw new ConfigError({
    path: 'concurrency',
    reason: `must be a whole number of at least 1${otherwise}; got ${describeValue(value)}`,
  });
}
