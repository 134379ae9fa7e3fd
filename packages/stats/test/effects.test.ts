import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cliffsDelta } from '../src/effect-sizes/cliffs-delta.js';
import { cohensH } from '../src/effect-sizes/cohens-h.js';
import { oddsRatio } from '../src/effect-sizes/odds-ratio.js';
import { riskDifference } from '../src/effect-sizes/risk-difference.js';
import { riskRatio } from '../src/effect-sizes/risk-ratio.js';
import { benjaminiHochbergAdjust } from '../src/multiple-comparisons/benjamini-hochberg-adjust.js';
import { holmAdjust } from '../src/multiple-comparisons/holm-adjust.js';
import { powerNote, twoProportionPower, twoProportionSampleSize } from '../src/power/two-proportion-power.js';
import type { TwoByTwoTable } from '../src/rates/two-by-two-table.js';
import { expectClose, loadVectors } from './helpers/vectors.js';

interface EffectCase {
  kind: string;
  first: [number, number] & number & number[];
  second: [number, number] & number & number[];
  table: number[][];
  level: number;
  value: number;
  lower: number;
  upper: number;
  pValues: number[];
  adjusted: number[];
  alpha: number;
  power: number;
  ratio: number;
  sided: 1 | 2;
  n1: number;
  n2: number;
}

const cases = loadVectors<EffectCase>('effects');
const ofKind = (kind: string) => {
  const selected = cases.filter((testCase) => testCase.kind === kind);
  if (selected.length === 0) throw new Error(`no vectors of kind ${kind}`);
  return selected;
};

describe('effect sizes', () => {
  it('risk ratio and its Katz log interval match scipy.stats.contingency.relative_risk', () => {
    for (const c of ofKind('risk-ratio')) {
      const result = riskRatio(
        { successes: c.first[0], trials: c.first[1] },
        { successes: c.second[0], trials: c.second[1] },
        { level: c.level },
      );
      const where = `RR ${c.first} vs ${c.second}`;
      expectClose(result.value, c.value, 'risk ratio', where);
      expectClose(result.ci!.lower, c.lower, 'risk ratio', where);
      expectClose(result.ci!.upper, c.upper, 'risk ratio', where);
    }
  });

  it('odds ratio and its Woolf interval match scipy.stats.contingency.odds_ratio(kind="sample")', () => {
    for (const c of [...ofKind('odds-ratio'), ...ofKind('odds-ratio-haldane')]) {
      const result = oddsRatio(c.table as unknown as TwoByTwoTable, { level: c.level });
      const where = `${c.kind} ${JSON.stringify(c.table)}`;
      expectClose(result.value, c.value, 'odds ratio', where);
      expectClose(result.ci!.lower, c.lower, 'odds ratio', where);
      expectClose(result.ci!.upper, c.upper, 'odds ratio', where);
      expect(result.correction).toBe(c.kind === 'odds-ratio-haldane' ? 'haldane-anscombe' : undefined);
    }
  });

  it("Cohen's h and Cliff's delta match their formulas", () => {
    for (const c of ofKind('cohens-h')) {
      expectClose(cohensH(c.first, c.second).value, c.value, 'cohens h', `h(${c.first}, ${c.second})`, {
        absolute: 1e-15,
      });
    }
    for (const c of ofKind('cliffs-delta')) {
      expectClose(cliffsDelta(c.first, c.second).value, c.value, 'cliffs delta', `n=${c.first.length}`);
    }
  });

  it('zero events: risk ratio uses the Haldane-Anscombe correction by default, SciPy behaviour on request', () => {
    const corrected = riskRatio({ successes: 0, trials: 50 }, { successes: 4, trials: 50 });
    expect(corrected.correction).toBe('haldane-anscombe');
    expect(corrected.value).toBeCloseTo(0.5 / 51 / (4.5 / 51), 12);
    expect(Number.isFinite(corrected.ci!.lower) && Number.isFinite(corrected.ci!.upper)).toBe(true);
    const raw = riskRatio(
      { successes: 0, trials: 50 },
      { successes: 4, trials: 50 },
      { zeroCorrection: 'none' },
    );
    expect(raw.value).toBe(0);
  });

  it('risk difference is the rate difference with a Newcombe interval inside [−1, 1]', () => {
    const result = riskDifference({ successes: 56, trials: 70 }, { successes: 48, trials: 80 });
    expect(result.value).toBeCloseTo(0.8 - 0.6, 15);
    expect(result.ci!.method).toBe('newcombe-hybrid-score');
    expect(result.ci!.lower).toBeCloseTo(0.0524, 4);
  });

  it("Cliff's delta is antisymmetric and bounded; Cohen's h is antisymmetric", () => {
    const sample = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(sample, sample, (first, second) => {
        const delta = cliffsDelta(first, second).value;
        expect(delta).toBeGreaterThanOrEqual(-1);
        expect(delta).toBeLessThanOrEqual(1);
        expect(delta).toBeCloseTo(-cliffsDelta(second, first).value, 12);
      }),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, q) => {
          expect(cohensH(p, q).value).toBeCloseTo(-cohensH(q, p).value, 12);
        },
      ),
    );
  });

  it('odds ratio inverts when the rows are swapped', () => {
    const cell = fc.integer({ min: 1, max: 200 });
    fc.assert(
      fc.property(cell, cell, cell, cell, (a, b, c, d) => {
        const forward = oddsRatio([
          [a, b],
          [c, d],
        ]);
        const backward = oddsRatio([
          [c, d],
          [a, b],
        ]);
        expect(forward.value * backward.value).toBeCloseTo(1, 10);
        expect(forward.ci!.lower * backward.ci!.upper).toBeCloseTo(1, 10);
      }),
    );
  });
});

describe('multiple comparisons', () => {
  it('Holm matches the step-down formula; BH and BY match scipy.stats.false_discovery_control', () => {
    const expectAdjusted = (adjusted: number[], c: EffectCase, topic: string, label: string) => {
      const where = `${label} ${c.pValues.length}`;
      expect(adjusted, where).toHaveLength(c.adjusted.length);
      adjusted.forEach((value, index) => {
        expectClose(value, c.adjusted[index]!, topic, where);
      });
    };
    for (const c of ofKind('holm')) expectAdjusted(holmAdjust(c.pValues), c, 'holm', 'holm');
    for (const c of ofKind('benjamini-hochberg'))
      expectAdjusted(benjaminiHochbergAdjust(c.pValues), c, 'benjamini-hochberg', 'bh');
    for (const c of ofKind('benjamini-yekutieli')) {
      const adjusted = benjaminiHochbergAdjust(c.pValues, { dependence: 'arbitrary' });
      expectAdjusted(adjusted, c, 'benjamini-hochberg', 'by');
    }
  });

  it('adjusted p-values are ≥ raw, ≤ 1, monotone in the raw p-values, and BH ≤ Holm', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (ps) => {
          const holm = holmAdjust(ps);
          const bh = benjaminiHochbergAdjust(ps);
          ps.forEach((p, index) => {
            expect(holm[index]).toBeGreaterThanOrEqual(p);
            expect(bh[index]).toBeGreaterThanOrEqual(p - 1e-15);
            expect(holm[index]).toBeLessThanOrEqual(1);
            expect(bh[index]).toBeLessThanOrEqual(holm[index]! + 1e-15);
            ps.forEach((other, otherIndex) => {
              if (p < other) {
                expect(holm[index]).toBeLessThanOrEqual(holm[otherIndex]!);
                expect(bh[index]).toBeLessThanOrEqual(bh[otherIndex]!);
              }
            });
          });
        },
      ),
    );
  });

  it('keeps NaN p-values in place without counting them', () => {
    expect(holmAdjust([0.01, Number.NaN, 0.04])).toEqual([0.02, Number.NaN, 0.04]);
  });
});

describe('power for two proportions', () => {
  it('sample size and power match the Fleiss normal-approximation formulas', () => {
    for (const c of ofKind('sample-size')) {
      const size = twoProportionSampleSize(
        {
          first: c.first,
          second: c.second,
          alpha: c.alpha,
          alternative: c.sided === 1 ? 'one-sided' : 'two-sided',
        },
        { power: c.power, ratio: c.ratio },
      );
      expect(size).toEqual({ n1: c.n1, n2: c.n2 });
    }
    for (const c of ofKind('power')) {
      const power = twoProportionPower(
        {
          first: c.first,
          second: c.second,
          alpha: c.alpha,
          alternative: c.sided === 1 ? 'one-sided' : 'two-sided',
        },
        c.n1,
        c.n2,
      );
      expectClose(power, c.power, 'power', `power ${c.first} vs ${c.second} n=${c.n1},${c.n2}`);
    }
  });

  it('the required sample size reaches the target power', () => {
    const design = { first: 0.06, second: 0.02 };
    const { n1, n2 } = twoProportionSampleSize(design);
    expect(twoProportionPower(design, n1, n2)).toBeGreaterThanOrEqual(0.8);
    expect(twoProportionPower(design, n1 - 5, n2 - 5)).toBeLessThan(0.8);
  });

  it('writes a note when n is too small to detect the minimum effect, and none when it is enough', () => {
    const small = powerNote({ baseline: 0.02, minimumEffect: 0.03, n1: 60, n2: 60 });
    expect(small.adequate).toBe(false);
    expect(small.note).toMatch(/^n too small to detect the minimum effect/);
    const large = powerNote({ baseline: 0.02, minimumEffect: 0.03, n1: 2000, n2: 2000 });
    expect(large).toMatchObject({ adequate: true, note: null });
  });
});
