import { describe, expect, it } from 'vitest';
import {
  averagePrecision,
  brierScore,
  expectedCalibrationError,
  rocAUC,
  scoreBins,
  thresholdSweep,
} from '../src/calibration/score-metrics.js';
import { readVectors } from './helpers/vectors.js';

interface ScoreCase {
  name: string;
  positive: boolean[];
  score: number[];
  rocAUC: number;
  averagePrecision: number;
  brier: number;
  ece: number;
  binCounts: number[];
  roc: { threshold: number; fpr: number; tpr: number }[];
}

const vectors = readVectors<{ scores: ScoreCase[] }>('classification.vectors.json');

describe('score metrics match scikit-learn on committed vectors', () => {
  for (const vector of vectors.scores) {
    const items = vector.score.map((score, index) => ({ score, positive: vector.positive[index]! }));
    it(`matches ROC-AUC, average precision, Brier and ECE on ${vector.name}`, () => {
      expect(rocAUC(items)).toBeCloseTo(vector.rocAUC, 12);
      expect(averagePrecision(items)).toBeCloseTo(vector.averagePrecision, 12);
      expect(brierScore(items)).toBeCloseTo(vector.brier, 12);
      expect(expectedCalibrationError(items, 10)).toBeCloseTo(vector.ece, 12);
      expect(scoreBins(items, 10).map((bin) => bin.n)).toEqual(vector.binCounts);
    });

    it(`passes through every ROC point scikit-learn keeps on ${vector.name}`, () => {
      const sweep = new Map(thresholdSweep(items).map((row) => [row.threshold, row]));
      const positives = vector.positive.filter(Boolean).length;
      const negatives = vector.positive.length - positives;
      for (const point of vector.roc) {
        const row = sweep.get(point.threshold)!;
        expect(row.truePositives / positives).toBeCloseTo(point.tpr, 12);
        expect(row.falsePositives / negatives).toBeCloseTo(point.fpr, 12);
      }
    });
  }

  it('is undefined without both classes', () => {
    expect(rocAUC([{ score: 0.4, positive: true }])).toBeNaN();
    expect(averagePrecision([{ score: 0.4, positive: false }])).toBeNaN();
  });
});
