import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_METRICS, CONFUSION_METRICS } from '../src/calibration/confusion-metrics.js';
import { readVectors } from './helpers/vectors.js';

interface LabelCase extends Record<string, unknown> {
  name: string;
  counts: [number, number, number, number];
}

const vectors = readVectors<{ labels: LabelCase[] }>('classification.vectors.json');

describe('confusion metrics match scikit-learn on committed vectors', () => {
  for (const vector of vectors.labels) {
    it(`matches every metric on ${vector.name}`, () => {
      for (const name of CLASSIFICATION_METRICS) {
        const value = CONFUSION_METRICS[name](vector.counts);
        const reference = vector[name] as number;
        // scikit-learn reports 0 where a metric is 0/0 (zero_division=0); we report it as undefined.
        if (Number.isNaN(value)) expect(reference, `${name} on ${vector.name}`).toBe(0);
        else expect(value, `${name} on ${vector.name}`).toBeCloseTo(reference, 12);
      }
    });
  }

  it('reports a metric as undefined, not 0, when its denominator is empty', () => {
    expect(CONFUSION_METRICS.precision([0, 0, 2, 4])).toBeNaN();
    expect(CONFUSION_METRICS.mcc([0, 0, 2, 4])).toBeNaN();
    expect(CONFUSION_METRICS.recall([0, 0, 2, 4])).toBe(0);
  });
});
