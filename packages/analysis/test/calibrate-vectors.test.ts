import { describe, expect, it } from 'vitest';
import { calibrate } from '../src/index.js';
import { makeGold, makeVerdict } from './helpers/records.js';
import { readVectors } from './helpers/vectors.js';

interface LabelCase extends Record<string, unknown> {
  name: string;
  counts: [number, number, number, number];
}

interface ScoreCase {
  name: string;
  positive: boolean[];
  score: number[];
  rocAUC: number;
  averagePrecision: number;
  brier: number;
  ece: number;
}

const vectors = readVectors<{ labels: LabelCase[]; scores: ScoreCase[] }>('classification.vectors.json');

/** Verdicts and gold that reproduce a confusion matrix `[tp, fp, fn, tn]`. */
function fromCounts([tp, fp, fn, tn]: [number, number, number, number]) {
  const cells: [boolean, boolean, number][] = [
    [true, true, tp],
    [true, false, fp],
    [false, true, fn],
    [false, false, tn],
  ];
  const verdicts = [];
  const gold = [];
  let index = 0;
  for (const [predicted, actual, count] of cells) {
    for (let copy = 0; copy < count; copy++, index++) {
      verdicts.push(makeVerdict({ transcriptId: `t${index}`, label: predicted }));
      gold.push(makeGold({ transcriptId: `t${index}`, label: actual }));
    }
  }
  return { verdicts, gold };
}

const METRIC_NAMES = ['accuracy', 'precision', 'recall', 'specificity', 'f1', 'mcc', 'cohenKappa'] as const;

describe('calibrate reproduces scikit-learn end to end on committed vectors', () => {
  for (const vector of vectors.labels) {
    it(`gives scikit-learn's metrics on ${vector.name}`, () => {
      const { verdicts, gold } = fromCounts(vector.counts);
      const entry = calibrate(verdicts, gold, { resamples: 200 }).graders[0]!;
      expect(Object.values(entry.confusion)).toEqual(vector.counts);
      for (const name of METRIC_NAMES) {
        const value = entry.metrics[name].value;
        // scikit-learn reports 0 where a metric is 0/0 (zero_division=0); calibrate reports it as undefined.
        if (value === null) expect(vector[name], name).toBe(0);
        else expect(value, name).toBeCloseTo(vector[name] as number, 12);
      }
    });
  }

  for (const vector of vectors.scores) {
    it(`gives scikit-learn's ROC-AUC, average precision and Brier score on ${vector.name}`, () => {
      const verdicts = vector.score.map((score, index) =>
        makeVerdict({ transcriptId: `t${index}`, label: score >= 0.5, score }),
      );
      const gold = vector.positive.map((positive, index) =>
        makeGold({ transcriptId: `t${index}`, label: positive }),
      );
      const scores = calibrate(verdicts, gold, { resamples: 200 }).graders[0]!.scores!;
      expect(scores.rocAUC.value).toBeCloseTo(vector.rocAUC, 12);
      expect(scores.prAUC.value).toBeCloseTo(vector.averagePrecision, 12);
      expect(scores.brier.value).toBeCloseTo(vector.brier, 12);
      // ECE bins: stats uses [lower, upper) bins, scikit-learn (lower, upper]; they agree when no score sits on an edge.
      if (vector.score.every((score) => Math.abs(score * 10 - Math.round(score * 10)) > 1e-9))
        expect(scores.ece).toBeCloseTo(vector.ece, 12);
    });
  }
});
