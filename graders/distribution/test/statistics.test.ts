import { fisherExactTest, permutationTest } from '@judgekit/stats';
import { describe, expect, it } from 'vitest';
import {
  clusterJackknifeInterval,
  cochranMantelHaenszelTest,
  exactConditionalTest,
  type StratumCounts,
  stratifiedMeanDifference,
  stratifiedPermutationTest,
  studentTQuantile,
  welchTTest,
} from '../src/index.js';
import { expectClose, loadVectors } from './helpers/vectors.js';

interface CMHCase {
  name: string;
  strata: StratumCounts[];
  continuityCorrection: boolean;
  chiSquare: number;
  pTwoSided: number;
  pGreater: number;
  pLess: number;
  nMinusOneChiSquare?: number;
}

interface ExactCase {
  name: string;
  strata: StratumCounts[];
  statistic: number;
  pTwoSided: number;
  pLess: number;
  pGreater: number;
  fisher?: Record<'two-sided' | 'less' | 'greater', number>;
}

interface WelchCase {
  name: string;
  first: number[];
  second: number[];
  level: number;
  ci: [number, number];
  'two-sided': { statistic: number; pValue: number; df: number };
  less: { statistic: number; pValue: number; df: number };
  greater: { statistic: number; pValue: number; df: number };
}

describe('cochranMantelHaenszelTest', () => {
  const cases = loadVectors<CMHCase>('cochran-mantel-haenszel');

  it('matches statsmodels (and R for one-sided) on 38 stratified tables, with and without correction', () => {
    expect(cases.length).toBe(38);
    let overshoot = 0;
    for (const testCase of cases) {
      const options = { continuityCorrection: testCase.continuityCorrection };
      const where = `${testCase.name} correction=${testCase.continuityCorrection}`;
      const twoSided = cochranMantelHaenszelTest(testCase.strata, options);
      if (testCase.continuityCorrection && Math.abs(twoSided.excess) < 0.5) {
        // statsmodels subtracts 1/2 even when |Δ| < 1/2, overshooting past 0; R subtracts min(1/2, |Δ|).
        overshoot++;
        expect(twoSided.chiSquare).toBe(0);
        expect(twoSided.pValue).toBe(1);
        continue;
      }
      expectClose(twoSided.chiSquare, testCase.chiSquare, `${where} chi-square`, { absolute: 1e-12 });
      expectClose(twoSided.pValue, testCase.pTwoSided, `${where} p`);
      expectClose(
        cochranMantelHaenszelTest(testCase.strata, { ...options, alternative: 'greater' }).pValue,
        testCase.pGreater,
        `${where} greater`,
      );
      expectClose(
        cochranMantelHaenszelTest(testCase.strata, { ...options, alternative: 'less' }).pValue,
        testCase.pLess,
        `${where} less`,
      );
    }
    expect(overshoot, "tables where |Δ| < 1/2 (compared with R's rule instead)").toBe(3);
  });

  it("reproduces R's documented Rabbits example: X-squared 3.9286, p 0.04747 with continuity correction", () => {
    const rabbits = cases.find((testCase) => testCase.name === 'rabbits' && testCase.continuityCorrection)!;
    const result = cochranMantelHaenszelTest(rabbits.strata, { continuityCorrection: true });
    expect(result.chiSquare.toFixed(4)).toBe('3.9286');
    expect(result.pValue.toFixed(5)).toBe('0.04747');
  });

  it("is the 'N − 1' chi-square on one table: Pearson's chi-square (SciPy) times (N − 1)/N", () => {
    const singles = cases.filter((testCase) => testCase.nMinusOneChiSquare !== undefined);
    expect(singles.length).toBe(6);
    for (const testCase of singles) {
      const result = cochranMantelHaenszelTest(testCase.strata);
      expectClose(result.chiSquare, testCase.nMinusOneChiSquare!, testCase.name);
    }
  });

  it('gives p = 1 when no stratum varies, and ignores strata of fewer than two transcripts', () => {
    const flat: StratumCounts = {
      treatmentEvents: 0,
      treatmentTrials: 10,
      controlEvents: 0,
      controlTrials: 12,
    };
    expect(cochranMantelHaenszelTest([flat]).pValue).toBe(1);
    const informative: StratumCounts = {
      treatmentEvents: 9,
      treatmentTrials: 20,
      controlEvents: 2,
      controlTrials: 20,
    };
    const lonely: StratumCounts = {
      treatmentEvents: 1,
      treatmentTrials: 1,
      controlEvents: 0,
      controlTrials: 0,
    };
    expect(cochranMantelHaenszelTest([informative, lonely]).pValue).toBe(
      cochranMantelHaenszelTest([informative]).pValue,
    );
  });

  it('is antisymmetric: swapping treatment and control swaps the one-sided p-values', () => {
    for (const testCase of cases.filter((c) => !c.continuityCorrection)) {
      const swapped = testCase.strata.map((s) => ({
        treatmentEvents: s.controlEvents,
        treatmentTrials: s.controlTrials,
        controlEvents: s.treatmentEvents,
        controlTrials: s.treatmentTrials,
      }));
      expectClose(
        cochranMantelHaenszelTest(swapped, { alternative: 'less' }).pValue,
        cochranMantelHaenszelTest(testCase.strata, { alternative: 'greater' }).pValue,
        testCase.name,
      );
    }
  });

  it('rejects counts that are not counts', () => {
    expect(() =>
      cochranMantelHaenszelTest([
        { treatmentEvents: 5, treatmentTrials: 4, controlEvents: 0, controlTrials: 3 },
      ]),
    ).toThrow(RangeError);
  });
});

describe('exactConditionalTest', () => {
  const cases = loadVectors<ExactCase>('exact-conditional');

  it('matches the convolution of SciPy hypergeometric laws on 19 stratified tables, each alternative', () => {
    expect(cases.length).toBe(19);
    for (const testCase of cases) {
      expect(exactConditionalTest(testCase.strata).statistic).toBe(testCase.statistic);
      expectClose(
        exactConditionalTest(testCase.strata).pValue,
        testCase.pTwoSided,
        `${testCase.name} two-sided`,
      );
      expectClose(
        exactConditionalTest(testCase.strata, 'less').pValue,
        testCase.pLess,
        `${testCase.name} less`,
      );
      expectClose(
        exactConditionalTest(testCase.strata, 'greater').pValue,
        testCase.pGreater,
        `${testCase.name} greater`,
      );
    }
  });

  it("reproduces R's documented exact Rabbits p-value 0.03994", () => {
    const rabbits = cases.find((testCase) => testCase.name === 'rabbits')!;
    expect(exactConditionalTest(rabbits.strata).pValue.toFixed(5)).toBe('0.03994');
  });

  it("is Fisher's exact test (SciPy, and @judgekit/stats) on one table", () => {
    for (const testCase of cases.filter((c) => c.fisher)) {
      const [{ treatmentEvents: a, treatmentTrials: n1, controlEvents: c, controlTrials: n2 }] =
        testCase.strata as [StratumCounts];
      for (const alternative of ['two-sided', 'less', 'greater'] as const) {
        const exact = exactConditionalTest(testCase.strata, alternative).pValue;
        expectClose(exact, testCase.fisher![alternative], `${testCase.name} ${alternative} vs SciPy`, {
          relative: 1e-6,
        });
        const stats = fisherExactTest(
          [
            [a, n1 - a],
            [c, n2 - c],
          ],
          alternative,
        ).pValue;
        expectClose(exact, stats, `${testCase.name} ${alternative} vs @judgekit/stats`, { relative: 1e-6 });
      }
    }
  });
});

describe('welchTTest', () => {
  const cases = loadVectors<WelchCase>('welch-t');

  it('matches scipy.stats.ttest_ind(equal_var=False): statistic, df, p for each alternative, and the interval', () => {
    expect(cases.length).toBe(14);
    for (const testCase of cases) {
      for (const alternative of ['two-sided', 'less', 'greater'] as const) {
        const result = welchTTest(testCase.first, testCase.second, { alternative, level: testCase.level });
        const expected = testCase[alternative];
        expectClose(result.statistic, expected.statistic, `${testCase.name} statistic`);
        expectClose(result.degreesOfFreedom, expected.df, `${testCase.name} df`);
        expectClose(result.pValue, expected.pValue, `${testCase.name} ${alternative} p`);
      }
      const { ci } = welchTTest(testCase.first, testCase.second, { level: testCase.level });
      expectClose(ci.lower, testCase.ci[0], `${testCase.name} ci lower`);
      expectClose(ci.upper, testCase.ci[1], `${testCase.name} ci upper`);
    }
  });

  it('is undefined (NaN) when neither sample varies, as SciPy', () => {
    expect(welchTTest([1, 1, 1], [1, 1]).pValue).toBeNaN();
  });
});

describe('studentTQuantile', () => {
  it('matches scipy.stats.t.ppf from 1e-10 to 0.9999 and 1 to 10,000 degrees of freedom', () => {
    const cases = loadVectors<{ probability: number; df: number; quantile: number }>('student-t-quantile');
    expect(cases.length).toBe(56);
    for (const { probability, df, quantile } of cases) {
      expectClose(studentTQuantile(probability, df), quantile, `t.ppf(${probability}, ${df})`, {
        relative: 1e-9,
        absolute: 1e-15,
      });
    }
  });
});

describe('stratifiedPermutationTest', () => {
  it('with one stratum agrees with the two-sample permutation test of @judgekit/stats (Monte Carlo error)', () => {
    const treatment = [0.9, 0.4, 0.8, 0.75, 0.95, 0.6, 0.85];
    const control = [0.3, 0.5, 0.45, 0.7, 0.2, 0.55];
    const exact = permutationTest(treatment, control, { alternative: 'greater' });
    expect(exact.exact).toBe(true);
    const ours = stratifiedPermutationTest([{ treatment, control }], {
      alternative: 'greater',
      resamples: 20_000,
      random: 3,
    });
    // the Monte Carlo standard error of p with 20,000 resamples is at most sqrt(p(1 − p)/20,000)
    const standardError = Math.sqrt((exact.pValue * (1 - exact.pValue)) / 20_000);
    expect(Math.abs(ours.pValue - exact.pValue)).toBeLessThan(4 * standardError + 1 / 20_001);
  });

  it('never compares strata with each other: a level difference between environments is not an effect', () => {
    const strata = [
      { treatment: [0.1, 0.2, 0.15, 0.12], control: [0.11, 0.18, 0.14, 0.16, 0.13] },
      { treatment: [0.9, 0.85, 0.95, 0.88, 0.92], control: [0.91, 0.87, 0.9, 0.93] },
    ];
    const result = stratifiedPermutationTest(strata, { resamples: 4999 });
    expect(result.pValue).toBeGreaterThan(0.3);
    expect(Math.abs(stratifiedMeanDifference(strata))).toBeLessThan(0.02);
  });

  it('is reproducible by seed and its p-value is (b + 1)/(m + 1), never 0', () => {
    const strata = [
      { treatment: [5, 6, 7, 8], control: [1, 2, 3] },
      { treatment: [9, 9.5], control: [1, 1.5, 2] },
    ];
    const first = stratifiedPermutationTest(strata, { resamples: 999, random: 11, alternative: 'greater' });
    const second = stratifiedPermutationTest(strata, { resamples: 999, random: 11, alternative: 'greater' });
    expect(first).toEqual(second);
    expect(first.pValue).toBeGreaterThanOrEqual(1 / 1000);
    expect(Number.isInteger(first.pValue * 1000)).toBe(true);
  });
});

describe('clusterJackknifeInterval', () => {
  it('gives the standard error of the mean of cluster means, s/√G, when clusters are the same size', () => {
    const means = [0.12, 0.3, 0.25, 0.08, 0.19, 0.4, 0.22];
    const size = 50;
    const result = clusterJackknifeInterval({
      clusters: means.map((mean) => [mean * size, size]),
      statistic: (totals) => totals[0]! / totals[1]!,
    });
    const average = means.reduce((sum, mean) => sum + mean, 0) / means.length;
    const variance = means.reduce((sum, mean) => sum + (mean - average) ** 2, 0) / (means.length - 1);
    expectClose(result.estimate, average, 'estimate');
    expectClose(result.standardError, Math.sqrt(variance / means.length), 'standard error');
    const half = studentTQuantile(0.975, means.length - 1) * result.standardError;
    expect(result.ci).toMatchObject({ level: 0.95, method: 'cluster-jackknife-t' });
    expectClose(result.ci!.lower, average - half, 'lower');
    expectClose(result.ci!.upper, average + half, 'upper');
  });

  it('has no interval when leaving a cluster out leaves the statistic undefined', () => {
    const result = clusterJackknifeInterval({
      clusters: [
        [3, 10],
        [0, 0],
      ],
      statistic: (totals) => totals[0]! / totals[1]!,
    });
    expect(result.ci).toBeUndefined();
  });
});
