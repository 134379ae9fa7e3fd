import { readFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';

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

const worst = new Map<string, { error: number; where: string }>();

/**
 * Asserts `actual` is within `relative` (default 1e-9) of `expected`, or within `absolute`
 * (default 1e-300) for values at zero; NaN and infinities must match exactly. Records the largest
 * relative error per `topic` and prints a summary after the file's tests.
 */
export function expectClose(
  actual: number,
  expected: number,
  topic: string,
  where: string,
  tolerance: { relative?: number; absolute?: number } = {},
): void {
  const relative = tolerance.relative ?? 1e-9;
  const absolute = tolerance.absolute ?? 1e-300;
  if (Number.isNaN(expected) || !Number.isFinite(expected)) {
    expect(actual, where).toBe(expected);
    return;
  }
  const difference = Math.abs(actual - expected);
  const error = expected === 0 ? difference : difference / Math.abs(expected);
  const previous = worst.get(topic);
  if (!previous || error > previous.error) worst.set(topic, { error, where });
  if (!(difference <= absolute || difference <= relative * Math.abs(expected))) {
    expect.fail(`${where}: expected ${expected}, got ${actual} (relative error ${error.toExponential(3)})`);
  }
}

afterAll(() => {
  if (worst.size === 0) return;
  const lines = [...worst.entries()].map(
    ([topic, { error, where }]) => `  ${topic}: max relative error ${error.toExponential(2)} (${where})`,
  );
  console.log(`vector agreement\n${lines.join('\n')}`);
  worst.clear();
});
