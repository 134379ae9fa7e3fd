import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accuracyOf,
  cohensKappaOf,
  f1Of,
  matthewsCorrelationOf,
  precisionOf,
  recallOf,
  specificityOf,
} from '../src/classification/binary-metrics.js';
import { classificationReport } from '../src/classification/classification-report.js';
import { confusionMatrix } from '../src/classification/confusion-matrix.js';
import { averagePrecision, precisionRecallCurve } from '../src/classification/precision-recall-curve.js';
import {
  brierScore,
  expectedCalibrationError,
  reliabilityTable,
} from '../src/classification/probability-calibration.js';
import { rocAuc, rocCurve } from '../src/classification/roc-curve.js';
import { thresholdAtFalsePositiveRate } from '../src/classification/threshold-at-false-positive-rate.js';
import { thresholdForTarget, thresholdSweep } from '../src/classification/threshold-sweep.js';
import { createXoshiro128 } from '../src/random/xoshiro128.js';
import { expectClose, loadVectors } from './helpers/vectors.js';

interface ScoreCase {
  kind: 'scores';
  scores: number[];
  labels: boolean[];
  rocFalsePositiveRates: number[];
  rocTruePositiveRates: number[];
  rocThresholds: number[];
  auc: number;
  aucFromMannWhitney: number;
  precisions: number[];
  recalls: number[];
  prThresholds: number[];
  averagePrecision: number;
  brier: number;
  ece: number;
  reliability: { count: number; meanPredicted: number; observedRate: number }[];
}

interface MatrixCase {
  kind: 'matrix';
  cells: [number, number, number, number];
  accuracy: number;
  precision: number;
  recall: number;
  specificity: number;
  f1: number;
  mcc: number;
  kappa: number;
}

const cases = loadVectors<ScoreCase | MatrixCase>('classification');
const scoreCases = cases.filter((c): c is ScoreCase => c.kind === 'scores');
const matrixCases = cases.filter((c): c is MatrixCase => c.kind === 'matrix');

function expectArrayClose(actual: ArrayLike<number>, expected: number[], topic: string, where: string) {
  expect(actual.length, where).toBe(expected.length);
  for (let index = 0; index < expected.length; index++)
    expectClose(actual[index]!, expected[index]!, topic, where);
}

describe('confusion matrix and metrics', () => {
  it('counts abstentions and missing gold labels apart from the four cells', () => {
    const matrix = confusionMatrix(
      [true, false, null, true, null, false, true],
      [true, false, true, false, false, null, true],
    );
    expect(matrix).toEqual({
      truePositives: 2,
      falsePositives: 1,
      trueNegatives: 1,
      falseNegatives: 0,
      abstentions: { positive: 1, negative: 1 },
      missingGold: 1,
    });
  });

  it('accuracy, precision, recall, specificity, F1, MCC and kappa match scikit-learn definitions', () => {
    expect(matrixCases.length).toBeGreaterThan(0);
    for (const c of matrixCases) {
      const where = `cells ${c.cells}`;
      expectClose(accuracyOf(c.cells), c.accuracy, 'binary metrics', where);
      expectClose(precisionOf(c.cells), c.precision, 'binary metrics', where);
      expectClose(recallOf(c.cells), c.recall, 'binary metrics', where);
      expectClose(specificityOf(c.cells), c.specificity, 'binary metrics', where);
      expectClose(f1Of(c.cells), c.f1, 'binary metrics', where);
      expectClose(matthewsCorrelationOf(c.cells), c.mcc, 'binary metrics', where);
      expectClose(cohensKappaOf(c.cells), c.kappa, 'binary metrics', where);
    }
  });

  it('reports Wilson intervals for proportions and bootstrap intervals for F1, MCC and kappa', () => {
    const random = createXoshiro128(21);
    const gold = Array.from({ length: 400 }, () => random.nextDouble() < 0.2);
    const predicted = gold.map((truth) =>
      random.nextDouble() < 0.05 ? null : random.nextDouble() < 0.85 ? truth : !truth,
    );
    const report = classificationReport({ predicted, gold, resamples: 1000, random: 1 });
    expect(report.answered + report.matrix.abstentions.positive + report.matrix.abstentions.negative).toBe(
      400,
    );
    expect(report.precision.ci?.method).toBe('wilson');
    for (const metric of [report.f1, report.matthewsCorrelation, report.cohensKappa]) {
      expect(metric.ci?.method).toBe('bootstrap-percentile');
      expect(metric.ci!.lower).toBeLessThanOrEqual(metric.value);
      expect(metric.ci!.upper).toBeGreaterThanOrEqual(metric.value);
    }
    const clustered = classificationReport({
      predicted,
      gold,
      clusters: gold.map((_, index) => index % 8),
      resamples: 1000,
      random: 1,
    });
    expect(clustered.f1.value).toBe(report.f1.value);
    expect(clustered.f1.ci?.method).toBe('cluster-bootstrap-percentile');
  });

  it('leaves undefined metrics undefined instead of reporting 0', () => {
    const report = classificationReport({
      predicted: [false, false, false],
      gold: [false, true, false],
      resamples: 50,
    });
    expect(report.precision.value).toBeNaN();
    expect(report.precision.ci).toBeUndefined();
    expect(report.recall.value).toBe(0);
  });

  it('metrics stay in their ranges', () => {
    const cell = fc.integer({ min: 0, max: 1000 });
    fc.assert(
      fc.property(cell, cell, cell, cell, (tp, fp, fn, tn) => {
        const cells = [tp, fp, fn, tn];
        for (const value of [accuracyOf(cells), precisionOf(cells), recallOf(cells), f1Of(cells)]) {
          if (!Number.isNaN(value)) expect(value >= 0 && value <= 1).toBe(true);
        }
        for (const value of [matthewsCorrelationOf(cells), cohensKappaOf(cells)]) {
          if (!Number.isNaN(value)) expect(value >= -1 - 1e-12 && value <= 1 + 1e-12).toBe(true);
        }
      }),
    );
  });
});

describe('scores: ROC, PR, thresholds, calibration', () => {
  it('ROC curve and AUC match scikit-learn; AUC equals the Mann-Whitney U / (n+ n−)', () => {
    for (const c of scoreCases) {
      const where = `n=${c.scores.length}`;
      const curve = rocCurve(c.scores, c.labels);
      expectArrayClose(curve.falsePositiveRates, c.rocFalsePositiveRates, 'roc', where);
      expectArrayClose(curve.truePositiveRates, c.rocTruePositiveRates, 'roc', where);
      expectArrayClose(curve.thresholds, c.rocThresholds, 'roc', where);
      expectClose(rocAuc(c.scores, c.labels), c.auc, 'roc auc', where);
      expectClose(rocAuc(c.scores, c.labels), c.aucFromMannWhitney, 'roc auc', where);
    }
  });

  it('precision-recall curve and average precision match scikit-learn', () => {
    for (const c of scoreCases) {
      const where = `n=${c.scores.length}`;
      const curve = precisionRecallCurve(c.scores, c.labels);
      expectArrayClose(curve.precisions, c.precisions, 'precision-recall', where);
      expectArrayClose(curve.recalls, c.recalls, 'precision-recall', where);
      expectArrayClose(curve.thresholds, c.prThresholds, 'precision-recall', where);
      expectClose(averagePrecision(c.scores, c.labels), c.averagePrecision, 'average precision', where);
    }
  });

  it('Brier score, equal-width ECE and the reliability table match their formulas', () => {
    for (const c of scoreCases) {
      const where = `n=${c.scores.length}`;
      expectClose(brierScore(c.scores, c.labels), c.brier, 'calibration', where);
      expectClose(expectedCalibrationError(c.scores, c.labels), c.ece, 'calibration', where);
      const table = reliabilityTable(c.scores, c.labels);
      expect(table, where).toHaveLength(c.reliability.length);
      table.forEach((bin, index) => {
        const expected = c.reliability[index]!;
        expect(bin.count).toBe(expected.count);
        expectClose(bin.meanPredicted, expected.meanPredicted, 'calibration', where);
        expectClose(bin.observedRate, expected.observedRate, 'calibration', where);
      });
    }
  });

  it('picks the monitor threshold at a fixed false-positive rate on negatives', () => {
    // 20 negatives scored 0.00..0.19 and 10 positives scored 0.10..0.28.
    const negatives = Array.from({ length: 20 }, (_, index) => index / 100);
    const positives = Array.from({ length: 10 }, (_, index) => 0.1 + (2 * index) / 100);
    const scores = [...negatives, ...positives];
    const labels = [...negatives.map(() => false), ...positives.map(() => true)];
    const point = thresholdAtFalsePositiveRate(scores, labels, 0.05);
    // 5% of 20 negatives is 1: only 0.19 may be flagged, so the threshold is 0.19 and flags the
    // positives 0.20, 0.22, …, 0.28 (5 of 10) plus nothing else.
    expect(point.threshold).toBe(0.19);
    expect(point.falsePositiveRate).toBe(0.05);
    expect(point.truePositiveRate).toBe(0.5);
    expect(point.truePositiveRateCi?.method).toBe('wilson');
    expect(thresholdAtFalsePositiveRate(scores, labels, 0).threshold).toBe(0.2);
  });

  it('finds thresholds meeting a target precision or recall', () => {
    const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
    const labels = [true, true, false, true, false, false];
    expect(thresholdForTarget(scores, labels, { metric: 'precision', value: 0.75 })).toMatchObject({
      threshold: 0.6,
      precision: 0.75,
      recall: 1,
    });
    expect(thresholdForTarget(scores, labels, { metric: 'recall', value: 0.6 })?.threshold).toBe(0.8);
    expect(thresholdForTarget(scores, labels, { metric: 'precision', value: 1.01 })).toBeNull();
    expect(thresholdSweep(scores, labels)).toHaveLength(6);
  });

  it('AUC is 1 − AUC of the negated scores, and the FPR at the chosen threshold never exceeds the target', () => {
    const sample = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), {
      minLength: 2,
      maxLength: 60,
    });
    fc.assert(
      fc.property(sample, fc.double({ min: 0, max: 1, noNaN: true }), (pairs, target) => {
        const scores = pairs.map(([score]) => score / 20);
        const labels = pairs.map(([, label]) => label);
        if (!labels.includes(true) || !labels.includes(false)) return;
        const auc = rocAuc(scores, labels);
        expect(
          auc +
            rocAuc(
              scores.map((score) => -score),
              labels,
            ),
        ).toBeCloseTo(1, 12);
        expect(thresholdAtFalsePositiveRate(scores, labels, target).falsePositiveRate).toBeLessThanOrEqual(
          target,
        );
        const ap = averagePrecision(scores, labels);
        expect(ap).toBeGreaterThanOrEqual(0);
        expect(ap).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});
