import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kolmogorovSmirnovTest } from '../src/continuous/kolmogorov-smirnov-test.js';
import { mannWhitneyUTest } from '../src/continuous/mann-whitney-u-test.js';
import { permutationTest } from '../src/continuous/permutation-test.js';
import type { Alternative } from '../src/rates/interval.js';
import { expectClose, loadVectors } from './helpers/vectors.js';

interface ContinuousCase {
  kind: string;
  first: number[];
  second: number[];
  alternative: Alternative;
  method: 'exact' | 'asymptotic';
  continuityCorrection: boolean;
  statistic: number;
  pValue: number;
  statisticLocation: number;
  statisticSign: 1 | -1;
  resamples: number;
}

const cases = loadVectors<ContinuousCase>('continuous');
const ofKind = (kind: string) => {
  const selected = cases.filter((testCase) => testCase.kind === kind);
  if (selected.length === 0) throw new Error(`no vectors of kind ${kind}`);
  return selected;
};

describe('Mann-Whitney U', () => {
  it('matches scipy.stats.mannwhitneyu (asymptotic with tie and continuity corrections, and exact)', () => {
    for (const c of ofKind('mann-whitney')) {
      const result = mannWhitneyUTest(c.first, c.second, {
        alternative: c.alternative,
        method: c.method,
        continuityCorrection: c.continuityCorrection,
      });
      const where = `MWU n=${c.first.length},${c.second.length} ${c.alternative} ${c.method} cc=${c.continuityCorrection}`;
      expectClose(result.statistic, c.statistic, 'mann-whitney', where);
      expectClose(result.pValue, c.pValue, 'mann-whitney', where);
    }
  });

  it('reproduces the SciPy documentation example (females vs males, exact, less): U = 3, p = 1/18', () => {
    const result = mannWhitneyUTest([20, 11, 17, 12], [19, 22, 16, 29, 24], {
      alternative: 'less',
      method: 'exact',
    });
    expect(result.statistic).toBe(3);
    expect(result.pValue).toBeCloseTo(0.05555555555555555, 15);
  });

  it('U1 + U2 = n1 n2 and the two-sided p-value is symmetric in the samples', () => {
    const sample = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(sample, sample, (first, second) => {
        const forward = mannWhitneyUTest(first, second);
        const backward = mannWhitneyUTest(second, first);
        expect(forward.statistic + backward.statistic).toBeCloseTo(first.length * second.length, 9);
        expect(forward.pValue).toBeCloseTo(backward.pValue, 12);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('exact null distribution sums to C(n1 + n2, n1)', () => {
    // Counted via the tail: P(U ≥ 0) must be exactly 1.
    expect(
      mannWhitneyUTest([1, 2, 3], [4, 5, 6, 7], { method: 'exact', alternative: 'greater' }).pValue,
    ).toBe(1);
    // All of x below all of y: U1 = 0, P(U2 ≥ 12) = 1 / C(7, 3) = 1/35.
    expect(
      mannWhitneyUTest([1, 2, 3], [4, 5, 6, 7], { method: 'exact', alternative: 'less' }).pValue,
    ).toBeCloseTo(1 / 35, 15);
  });
});

describe('two-sample Kolmogorov-Smirnov', () => {
  it('matches scipy.stats.ks_2samp (exact and asymptotic, every alternative)', () => {
    for (const c of ofKind('kolmogorov-smirnov')) {
      const result = kolmogorovSmirnovTest(c.first, c.second, {
        alternative: c.alternative,
        method: c.method,
      });
      const where = `KS n=${c.first.length},${c.second.length} ${c.alternative} ${c.method}`;
      expectClose(result.statistic, c.statistic, 'kolmogorov-smirnov', where);
      expectClose(result.pValue, c.pValue, 'kolmogorov-smirnov', where);
      expect(result.statisticLocation, where).toBe(c.statisticLocation);
      expect(result.statisticSign, where).toBe(c.statisticSign);
    }
  });

  it('identical samples give D = 0 and p = 1; disjoint samples give D = 1', () => {
    expect(kolmogorovSmirnovTest([1, 2, 3], [1, 2, 3])).toMatchObject({ statistic: 0, pValue: 1 });
    const disjoint = kolmogorovSmirnovTest([1, 2, 3, 4, 5], [10, 11, 12, 13, 14]);
    expect(disjoint.statistic).toBe(1);
    expect(disjoint.pValue).toBeLessThan(0.01);
  });

  it('D is in [0, 1], symmetric in the samples for two-sided tests', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(sample, sample, (first, second) => {
        const forward = kolmogorovSmirnovTest(first, second);
        const backward = kolmogorovSmirnovTest(second, first);
        expect(forward.statistic).toBeGreaterThanOrEqual(0);
        expect(forward.statistic).toBeLessThanOrEqual(1);
        expect(forward.statistic).toBeCloseTo(backward.statistic, 12);
        expect(forward.pValue).toBeCloseTo(backward.pValue, 9);
      }),
    );
  });
});

describe('permutation test', () => {
  it('exact enumeration matches scipy.stats.permutation_test on the difference in means', () => {
    for (const c of ofKind('permutation')) {
      const result = permutationTest(c.first, c.second, { alternative: c.alternative, resamples: 1_000_000 });
      const where = `permutation n=${c.first.length},${c.second.length} ${c.alternative}`;
      expect(result.exact).toBe(true);
      expect(result.resamples).toBe(c.resamples);
      expectClose(result.statistic, c.statistic, 'permutation', where, { absolute: 1e-15 });
      expectClose(result.pValue, c.pValue, 'permutation', where);
    }
  });

  it('Monte Carlo p-values use (b + 1)/(m + 1), are reproducible by seed, and are never 0', () => {
    const first = Array.from({ length: 40 }, (_, index) => index + 100);
    const second = Array.from({ length: 40 }, (_, index) => index);
    const result = permutationTest(first, second, { resamples: 999, random: 7, alternative: 'greater' });
    expect(result.exact).toBe(false);
    expect(result.pValue).toBe(1 / 1000);
    expect(permutationTest(first, second, { resamples: 999, random: 7 })).toEqual(
      permutationTest(first, second, { resamples: 999, random: 7 }),
    );
  });

  it('Monte Carlo agrees with exact enumeration within sampling error', () => {
    const first = [1.2, 3.4, 2.2, 5.1, 4.4, 3.9, 2.8];
    const second = [0.5, 1.9, 2.1, 1.1, 3.0, 0.2, 1.4, 2.6];
    const exact = permutationTest(first, second, { resamples: 10_000 });
    const sampled = permutationTest(first, second, { resamples: 5_000, random: 3 });
    expect(exact.exact).toBe(true);
    expect(sampled.exact).toBe(false);
    const standardError = Math.sqrt((exact.pValue * (1 - exact.pValue)) / 5_000) * 2;
    expect(Math.abs(sampled.pValue - exact.pValue)).toBeLessThan(4 * standardError + 1e-3);
  });

  it('accepts a custom statistic (difference in medians)', () => {
    const median = (values: Float64Array) => {
      const sorted = Float64Array.from(values).sort();
      const middle = sorted.length >> 1;
      return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    };
    const result = permutationTest([5, 6, 7, 8], [1, 2, 3], {
      statistic: (left, right) => median(left) - median(right),
      alternative: 'greater',
    });
    expect(result.statistic).toBe(4.5);
    // Of the C(7, 4) = 35 splits, {5,6,7,8} and {3,6,7,8} both reach 6.5 − 2 = 4.5.
    expect(result.pValue).toBeCloseTo(2 / 35, 15);
  });
});
