import { describe, expect, it } from 'vitest';
import {
  clusterBootstrap,
  correctPrevalence,
  fisherExactTest,
  holmAdjust,
  newcombeInterval,
  wilsonInterval,
} from '../src/index.js';

describe('the README example', () => {
  it('prints the numbers the README shows', () => {
    const cue = { successes: 3, trials: 120 };
    const noCue = { successes: 14, trials: 118 };
    expect(wilsonInterval(cue.successes, cue.trials)).toMatchObject({ lower: expect.closeTo(0.00854, 5) });
    expect(wilsonInterval(cue.successes, cue.trials).upper).toBeCloseTo(0.07093, 5);
    const difference = newcombeInterval(cue, noCue);
    expect(difference.lower).toBeCloseTo(-0.16622, 5);
    expect(difference.upper).toBeCloseTo(-0.02819, 5);
    expect(
      fisherExactTest([
        [3, 117],
        [14, 104],
      ]).pValue,
    ).toBeCloseTo(0.005362, 6);
    expect(holmAdjust([0.004, 0.03, 0.2])).toEqual([0.012, 0.06, 0.2]);
    const pooled = clusterBootstrap({
      clusters: [
        [3, 120, 14, 118],
        [1, 80, 6, 75],
        [0, 60, 2, 64],
        [5, 200, 12, 190],
      ],
      statistic: ([a, n1, b, n2]) => a! / n1! - b! / n2!,
      resamples: 2000,
      random: 7,
    });
    expect(pooled.estimate).toBeCloseTo(-0.0565, 4);
    expect(pooled.ci).toMatchObject({ method: 'bootstrap-bca' });
    expect(pooled.ci.lower).toBeCloseTo(-0.08916, 5);
    expect(pooled.ci.upper).toBeCloseTo(-0.03589, 5);
    const prevalence = correctPrevalence({
      flagged: 235,
      graded: 10_000,
      truePositives: 90,
      goldPositives: 100,
      trueNegatives: 392,
      goldNegatives: 400,
    });
    expect(prevalence.naive).toBe(0.0235);
    expect(prevalence.estimate).toBeCloseTo(0.00398, 5);
    expect(prevalence.ci).toMatchObject({ lower: 0, method: 'lang-reiczigel' });
    expect(prevalence.ci.upper).toBeCloseTo(0.01803, 5);
  });
});
