import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Reads `test/vectors/<name>.vectors.json`, decoding "NaN" / "Infinity" / "-Infinity". */
export function loadVectors<TCase>(name: string): TCase[] {
  const text = readFileSync(new URL(`../vectors/${name}.vectors.json`, import.meta.url), 'utf8');
  const payload = JSON.parse(text, (_key, value) => {
    if (value === 'NaN') return Number.NaN;
    if (value === 'Infinity') return Number.POSITIVE_INFINITY;
    if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
    return value;
  }) as { cases: TCase[] };
  return payload.cases;
}

/** Asserts agreement to `relative` (default 1e-9), or `absolute` for reference values near 0. */
export function expectClose(
  actual: number,
  expected: number,
  where: string,
  tolerance: { relative?: number; absolute?: number } = {},
): void {
  if (!Number.isFinite(expected)) {
    expect(actual, where).toBe(expected);
    return;
  }
  const difference = Math.abs(actual - expected);
  const ok =
    difference <= (tolerance.absolute ?? 1e-300) ||
    difference <= (tolerance.relative ?? 1e-9) * Math.abs(expected);
  expect(ok, `${where}: ${actual} vs ${expected} (relative error ${difference / Math.abs(expected)})`).toBe(
    true,
  );
}
