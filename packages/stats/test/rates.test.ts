import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareIndependenceTest } from '../src/rates/chi-square-independence-test.js';
import { clopperPearsonInterval } from '../src/rates/clopper-pearson-interval.js';
import { conditionalOddsRatio } from '../src/rates/conditional-odds-ratio.js';
import { fisherExactTest } from '../src/rates/fisher-exact-test.js';
import type { Alternative } from '../src/rates/interval.js';
import { newcombeInterval } from '../src/rates/newcombe-interval.js';
import type { TwoByTwoTable } from '../src/rates/two-by-two-table.js';
import { twoProportionZTest } from '../src/rates/two-proportion-z-test.js';
import { wilsonInterval } from '../src/rates/wilson-interval.js';
import { expectClose, loadVectors } from './helpers/vectors.js';

interface RateCase {
  kind: string;
  successes: number;
  trials: number;
  level: number;
  continuityCorrection: boolean;
  lower: number;
  upper: number;
  first: [number, number];
  second: [number, number];
  alternative: Alternative;
  statistic: number;
  pValue: number;
  table: number[][];
  oddsRatio: number;
  estimate: number;
  correction: boolean;
  degreesOfFreedom: number;
  expected: number[][];
}

const cases = loadVectors<RateCase>('rates');
const ofKind = (kind: string) => {
  const selected = cases.filter((testCase) => testCase.kind === kind);
  if (selected.length === 0) throw new Error(`no vectors of kind ${kind}`);
  return selected;
};

describe('binomial intervals', () => {
  it('Wilson (with and without continuity correction) matches SciPy binomtest.proportion_ci', () => {
    for (const c of ofKind('wilson')) {
      const ci = wilsonInterval(c.successes, c.trials, {
        level: c.level,
        continuityCorrection: c.continuityCorrection,
      });
      const where = `wilson ${c.successes}/${c.trials} level ${c.level} cc ${c.continuityCorrection}`;
      expectClose(ci.lower, c.lower, 'wilson', where);
      expectClose(ci.upper, c.upper, 'wilson', where);
    }
  });

  it('Clopper-Pearson matches SciPy beta quantiles', () => {
    for (const c of ofKind('clopper-pearson')) {
      const ci = clopperPearsonInterval(c.successes, c.trials, c.level);
      const where = `clopper-pearson ${c.successes}/${c.trials} level ${c.level}`;
      expectClose(ci.lower, c.lower, 'clopper-pearson', where);
      expectClose(ci.upper, c.upper, 'clopper-pearson', where);
    }
  });

  it('Newcombe hybrid score matches the paper formula over SciPy Wilson limits', () => {
    for (const c of ofKind('newcombe')) {
      const ci = newcombeInterval(
        { successes: c.first[0], trials: c.first[1] },
        { successes: c.second[0], trials: c.second[1] },
        { continuityCorrection: c.continuityCorrection },
      );
      const where = `newcombe ${c.first} vs ${c.second} cc ${c.continuityCorrection}`;
      expectClose(ci.lower, c.lower, 'newcombe', where, { absolute: 1e-15 });
      expectClose(ci.upper, c.upper, 'newcombe', where, { absolute: 1e-15 });
    }
  });

  it('reproduces Newcombe (1998) Table II, example (a): 56/70 − 48/80, method 10 gives 0.0524 to 0.3339', () => {
    const ci = newcombeInterval({ successes: 56, trials: 70 }, { successes: 48, trials: 80 });
    expect(ci.lower).toBeCloseTo(0.0524, 4);
    expect(ci.upper).toBeCloseTo(0.3339, 4);
  });

  it('Wilson and Clopper-Pearson bounds stay in [0, 1] and contain the estimate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (trials, share) => {
          const successes = Math.round(share * trials);
          for (const ci of [
            wilsonInterval(successes, trials),
            wilsonInterval(successes, trials, { continuityCorrection: true }),
            clopperPearsonInterval(successes, trials),
          ]) {
            expect(ci.lower).toBeGreaterThanOrEqual(0);
            expect(ci.upper).toBeLessThanOrEqual(1);
            expect(ci.lower).toBeLessThanOrEqual(successes / trials + 1e-12);
            expect(ci.upper).toBeGreaterThanOrEqual(successes / trials - 1e-12);
          }
        },
      ),
    );
  });

  it('Wilson is symmetric under swapping successes and failures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (trials, share) => {
          const successes = Math.round(share * trials);
          const ci = wilsonInterval(successes, trials);
          const mirrored = wilsonInterval(trials - successes, trials);
          expect(ci.lower).toBeCloseTo(1 - mirrored.upper, 12);
          expect(ci.upper).toBeCloseTo(1 - mirrored.lower, 12);
        },
      ),
    );
  });

  it('Newcombe is antisymmetric in the order of the samples', () => {
    const sample = fc
      .tuple(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([trials, share]) => ({ trials, successes: Math.round(share * trials) }));
    fc.assert(
      fc.property(sample, sample, (first, second) => {
        const forward = newcombeInterval(first, second);
        const backward = newcombeInterval(second, first);
        expect(forward.lower).toBeCloseTo(-backward.upper, 12);
        expect(forward.upper).toBeCloseTo(-backward.lower, 12);
        expect(forward.lower).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(forward.upper).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
    expect(() => clopperPearsonInterval(0, 0)).toThrow(RangeError);
  });
});

describe('tests on rates', () => {
  it('two-proportion z-test matches the pooled formula (z² equals SciPy chi2_contingency without Yates)', () => {
    for (const c of ofKind('z-test')) {
      const result = twoProportionZTest(
        { successes: c.first[0], trials: c.first[1] },
        { successes: c.second[0], trials: c.second[1] },
        c.alternative,
      );
      const where = `z-test ${c.first} vs ${c.second} ${c.alternative}`;
      expectClose(result.statistic, c.statistic, 'two-proportion z', where);
      expectClose(result.pValue, c.pValue, 'two-proportion z', where);
    }
  });

  it('Fisher exact test matches scipy.stats.fisher_exact for every alternative', () => {
    for (const c of ofKind('fisher')) {
      const result = fisherExactTest(c.table as unknown as TwoByTwoTable, c.alternative);
      const where = `fisher ${JSON.stringify(c.table)} ${c.alternative}`;
      expectClose(result.pValue, c.pValue, 'fisher exact', where);
      expectClose(result.oddsRatio, c.oddsRatio, 'fisher exact', where);
    }
  });

  it('conditional odds ratio and its exact interval match scipy.stats.contingency.odds_ratio', () => {
    for (const c of ofKind('conditional-odds-ratio')) {
      const result = conditionalOddsRatio(c.table as unknown as TwoByTwoTable);
      const where = `conditional OR ${JSON.stringify(c.table)}`;
      expectClose(result.estimate, c.estimate, 'conditional odds ratio', where);
      expectClose(result.ci.lower, c.lower, 'conditional odds ratio', where);
      expectClose(result.ci.upper, c.upper, 'conditional odds ratio', where);
    }
  });

  it('chi-square test of independence matches scipy.stats.chi2_contingency', () => {
    for (const c of ofKind('chi-square')) {
      const result = chiSquareIndependenceTest(c.table, { correction: c.correction });
      const where = `chi2 ${JSON.stringify(c.table)} correction ${c.correction}`;
      expectClose(result.statistic, c.statistic, 'chi-square independence', where, { absolute: 1e-15 });
      expectClose(result.pValue, c.pValue, 'chi-square independence', where);
      expect(result.degreesOfFreedom).toBe(c.degreesOfFreedom);
      expect(result.expected.map((row) => row.length)).toEqual(c.expected.map((row) => row.length));
      result.expected.forEach((row, r) => {
        row.forEach((value, column) => {
          expectClose(value, c.expected[r]![column]!, 'chi-square independence', where);
        });
      });
    }
  });

  it('Fisher p-values are probabilities and one-sided tails cover the whole distribution', () => {
    const cell = fc.integer({ min: 0, max: 30 });
    fc.assert(
      fc.property(cell, cell, cell, cell, (a, b, c, d) => {
        const table: TwoByTwoTable = [
          [a, b],
          [c, d],
        ];
        const twoSided = fisherExactTest(table).pValue;
        const less = fisherExactTest(table, 'less').pValue;
        const greater = fisherExactTest(table, 'greater').pValue;
        for (const p of [twoSided, less, greater]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        // P(X ≤ a) + P(X ≥ a) = 1 + P(X = a) ≥ 1, and two-sided ≤ 2 · min(one-sided) is not
        // guaranteed, but two-sided ≥ the smaller one-sided tail always is.
        expect(less + greater).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(twoSided).toBeGreaterThanOrEqual(Math.min(less, greater) - 1e-12);
        // Transposing the table leaves the two-sided p-value unchanged.
        expect(
          fisherExactTest([
            [a, c],
            [b, d],
          ]).pValue,
        ).toBeCloseTo(twoSided, 12);
      }),
    );
  });

  it('z-test p-value is 1 when both samples are identical', () => {
    expect(twoProportionZTest({ successes: 7, trials: 20 }, { successes: 7, trials: 20 }).pValue).toBeCloseTo(
      1,
      12,
    );
    expect(twoProportionZTest({ successes: 0, trials: 20 }, { successes: 0, trials: 30 })).toEqual({
      statistic: 0,
      pValue: 1,
    });
  });
});
