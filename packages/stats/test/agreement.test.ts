import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementInterval } from '../src/agreement/agreement-interval.js';
import { cohensKappa, pairwiseAgreement } from '../src/agreement/cohens-kappa.js';
import { fleissKappa } from '../src/agreement/fleiss-kappa.js';
import { gwetAc1 } from '../src/agreement/gwet-ac1.js';
import { krippendorffAlpha } from '../src/agreement/krippendorff-alpha.js';
import { percentAgreement } from '../src/agreement/percent-agreement.js';
import { type RatingMatrix, type RatingValue, ratingMatrix } from '../src/agreement/rating-matrix.js';
import { expectClose, loadVectors } from './helpers/vectors.js';

const N = null;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers
 * (A–D) code twelve units on a 1–5 scale with missing values. Published: nominal α = 0.743,
 * interval α = 0.849. The same data are `cac.raw4raters` in Gwet's irrCAC package (Handbook of
 * Inter-Rater Reliability, 4th ed., 2014), whose documentation prints AC1 = 0.77544.
 */
const KRIPPENDORFF_2011: RatingMatrix = [
  [1, 1, N, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [N, 5, 5, 5],
  [N, N, 1, 1],
  [N, N, 3, N],
];

/**
 * Fleiss' kappa worked example (Wikipedia, "Fleiss' kappa", using Fleiss 1971's formulas): 10
 * subjects, 14 raters each, 5 categories; counts per category. Published: P̄ = 0.378, P̄e = 0.213,
 * κ = 0.210.
 */
const FLEISS_EXAMPLE_COUNTS = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

function countsToMatrix(counts: number[][]): RatingMatrix {
  return counts.map((row) =>
    row.flatMap((count, category) => new Array<RatingValue>(count).fill(category + 1)),
  );
}

interface AgreementCase {
  kind: 'nominal' | 'interval';
  matrix: RatingValue[][];
  percentAgreement: number;
  fleissKappa: number;
  gwetAc1: number;
  alphaNominal: number;
  alphaInterval: number;
  pairs: { first: number; second: number; percentAgreement: number; cohensKappa: number }[];
}

describe('published worked examples', () => {
  it("Krippendorff's alpha reproduces Krippendorff (2011): nominal 0.743, interval 0.849", () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(KRIPPENDORFF_2011, 'interval')).toBeCloseTo(0.849, 3);
  });

  it("Krippendorff's alpha reproduces Krippendorff (2011) example A: two observers, binary, α = 0.095", () => {
    const first = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const second = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlpha(first.map((value, index) => [value, second[index]!]))).toBeCloseTo(0.095, 3);
  });

  it("Gwet's AC1 reproduces irrCAC's gwet.ac1.raw(cac.raw4raters) = 0.77544 (Gwet 2014)", () => {
    expect(gwetAc1(KRIPPENDORFF_2011)).toBeCloseTo(0.77544, 5);
  });

  it("Fleiss' kappa reproduces the 10 × 14 worked example: κ = 0.210", () => {
    const matrix = countsToMatrix(FLEISS_EXAMPLE_COUNTS);
    expect(percentAgreement(matrix)).toBeCloseTo(0.378, 3);
    expect(fleissKappa(matrix)).toBeCloseTo(0.21, 3);
  });

  it("Cohen's kappa reproduces irrCAC's kappa2.table(cont3x3abstractors) = 0.7964094 (Gwet 2014)", () => {
    // Contingency table of two abstractors over Ectopic / AIU / NIU.
    const table = [
      [13, 0, 0],
      [0, 20, 7],
      [0, 4, 56],
    ];
    const first: RatingValue[] = [];
    const second: RatingValue[] = [];
    table.forEach((row, a) => {
      row.forEach((count, b) => {
        for (let index = 0; index < count; index++) {
          first.push(a);
          second.push(b);
        }
      });
    });
    expect(cohensKappa(first, second)).toBeCloseTo(0.7964094, 7);
  });
});

describe('agreement coefficients match independent implementations', () => {
  const cases = loadVectors<AgreementCase>('agreement');
  it('percent agreement, Fleiss, AC1, nominal alpha and pairwise kappa match the vectors', () => {
    const nominal = cases.filter((c) => c.kind === 'nominal');
    expect(nominal.length).toBeGreaterThan(0);
    for (const c of nominal) {
      const where = `${c.matrix.length} items × ${c.matrix[0]!.length} raters`;
      expectClose(percentAgreement(c.matrix), c.percentAgreement, 'agreement', where);
      expectClose(fleissKappa(c.matrix), c.fleissKappa, 'agreement', where);
      expectClose(gwetAc1(c.matrix), c.gwetAc1, 'agreement', where);
      expectClose(krippendorffAlpha(c.matrix, 'nominal'), c.alphaNominal, 'agreement', where);
      const pairs = pairwiseAgreement(c.matrix);
      c.pairs.forEach((pair, index) => {
        expect(pairs[index]).toMatchObject({ first: pair.first, second: pair.second });
        expectClose(pairs[index]!.percentAgreement, pair.percentAgreement, 'agreement', where);
        expectClose(pairs[index]!.cohensKappa, pair.cohensKappa, 'agreement', where);
      });
    }
  });

  it('interval alpha matches the coincidence-matrix computation', () => {
    const interval = cases.filter((c) => c.kind === 'interval');
    expect(interval.length).toBeGreaterThan(0);
    for (const c of interval) {
      expectClose(
        krippendorffAlpha(c.matrix, 'interval'),
        c.alphaInterval,
        'agreement',
        `${c.matrix.length} items`,
      );
    }
  });
});

describe('properties', () => {
  const matrixArbitrary = fc.array(
    fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }), { minLength: 3, maxLength: 3 }),
    { minLength: 4, maxLength: 40 },
  );

  it('perfect agreement gives 1 for every coefficient', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 30 }), (truth) => {
        if (new Set(truth).size < 2) return;
        const matrix = truth.map((value) => [value, value, value]);
        expect(percentAgreement(matrix)).toBe(1);
        expect(fleissKappa(matrix)).toBeCloseTo(1, 12);
        expect(gwetAc1(matrix)).toBeCloseTo(1, 12);
        expect(krippendorffAlpha(matrix)).toBeCloseTo(1, 12);
        expect(krippendorffAlpha(matrix, 'interval')).toBeCloseTo(1, 12);
      }),
    );
  });

  it('coefficients do not depend on the order of raters or items, and stay ≤ 1', () => {
    fc.assert(
      fc.property(matrixArbitrary, (matrix) => {
        const reversedRaters = matrix.map((row) => [...row].reverse());
        const reversedItems = [...matrix].reverse();
        for (const coefficient of [percentAgreement, fleissKappa, gwetAc1, krippendorffAlpha]) {
          const value = coefficient(matrix);
          if (Number.isNaN(value)) continue;
          expect(value).toBeLessThanOrEqual(1 + 1e-12);
          expect(coefficient(reversedRaters)).toBeCloseTo(value, 12);
          expect(coefficient(reversedItems)).toBeCloseTo(value, 12);
        }
      }),
    );
  });

  it('AC1 stays high when a behaviour is rare and raters agree, where kappa collapses', () => {
    // 98 items both raters call negative, 2 items where they disagree: kappa ≈ 0, AC1 ≈ 0.98.
    const matrix: RatingMatrix = [
      ...Array.from({ length: 98 }, () => [false, false]),
      [true, false],
      [false, true],
    ];
    expect(
      cohensKappa(
        matrix.map((row) => row[0]!),
        matrix.map((row) => row[1]!),
      ),
    ).toBeCloseTo(-0.0101, 3);
    expect(gwetAc1(matrix)).toBeGreaterThan(0.97);
  });

  it('builds the matrix from long-format ratings and refuses duplicate ratings', () => {
    const named = ratingMatrix([
      { itemId: 't1', rater: 'judge', value: true },
      { itemId: 't1', rater: 'human', value: true },
      { itemId: 't2', rater: 'human', value: false },
    ]);
    expect(named).toEqual({
      itemIds: ['t1', 't2'],
      raters: ['judge', 'human'],
      values: [
        [true, true],
        [null, false],
      ],
    });
    expect(() =>
      ratingMatrix([
        { itemId: 't1', rater: 'judge', value: true },
        { itemId: 't1', rater: 'judge', value: false },
      ]),
    ).toThrow(/more than once/);
  });

  it('bootstraps an interval over items that contains the estimate', () => {
    const result = agreementInterval({
      matrix: KRIPPENDORFF_2011,
      coefficient: gwetAc1,
      resamples: 500,
      random: 5,
    });
    expect(result.estimate).toBeCloseTo(0.77544, 5);
    expect(result.ci.lower).toBeLessThan(result.estimate);
    expect(result.ci.upper).toBeLessThanOrEqual(1);
    expect(result.ci.upper).toBeGreaterThan(result.estimate);
  });
});
