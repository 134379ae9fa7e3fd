import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrap } from '../src/bootstrap/bootstrap.js';
import { bootstrapInterval } from '../src/bootstrap/bootstrap-interval.js';
import { clusterBootstrap } from '../src/bootstrap/cluster-bootstrap.js';
import { countBootstrap } from '../src/bootstrap/count-bootstrap.js';
import { indexBootstrap } from '../src/bootstrap/index-bootstrap.js';
import { quantile } from '../src/bootstrap/quantile.js';
import { sampleBinomial, sampleGamma, sampleMultinomial } from '../src/random/random-variates.js';
import { createXoshiro128, createXoshiro128FromState } from '../src/random/xoshiro128.js';
import { expectClose, loadVectors } from './helpers/vectors.js';

interface BootstrapCase {
  data: number[];
  estimate: number;
  replicates: number[];
  jackknife: number[];
  method: 'percentile' | 'bca';
  level: number;
  lower: number;
  upper: number;
  standardError: number;
}

describe('xoshiro128**', () => {
  it('reproduces the reference implementation from state {1, 2, 3, 4}', () => {
    // First outputs of xoshiro128** (prng.di.unimi.it/xoshiro128starstar.c) from s = {1, 2, 3, 4},
    // as listed in the test suite of the Rust rand_xoshiro crate.
    const random = createXoshiro128FromState([1, 2, 3, 4]);
    const outputs = Array.from({ length: 10 }, () => random.nextUint32());
    expect(outputs).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('is reproducible by seed and different across seeds', () => {
    const draw = (seed: number) => {
      const random = createXoshiro128(seed);
      return Array.from({ length: 5 }, () => random.nextDouble());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('gives uniform doubles in [0, 1) and unbiased bounded integers', () => {
    const random = createXoshiro128(1);
    const counts = new Array(6).fill(0);
    let sum = 0;
    for (let index = 0; index < 60_000; index++) {
      const value = random.nextDouble();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      sum += value;
      counts[random.nextInteger(6)]++;
    }
    expect(sum / 60_000).toBeCloseTo(0.5, 2);
    // Chi-square goodness of fit with 5 degrees of freedom: 20.5 is the 0.999 quantile.
    const chiSquare = counts.reduce((total, count) => total + (count - 10_000) ** 2 / 10_000, 0);
    expect(chiSquare).toBeLessThan(20.5);
  });
});

describe('random variates', () => {
  it('binomial draws have the right mean and variance, for small and large n·p', () => {
    const random = createXoshiro128(11);
    for (const [trials, probability] of [
      [20, 0.3],
      [1_000_000, 0.004],
      [5_000, 0.5],
      [100, 0.97],
    ] as const) {
      const draws = 20_000;
      let sum = 0;
      let squares = 0;
      for (let index = 0; index < draws; index++) {
        const value = sampleBinomial(random, trials, probability);
        expect(Number.isInteger(value) && value >= 0 && value <= trials).toBe(true);
        sum += value;
        squares += value * value;
      }
      const mean = sum / draws;
      const variance = squares / draws - mean * mean;
      const expectedVariance = trials * probability * (1 - probability);
      expect(Math.abs(mean - trials * probability)).toBeLessThan(5 * Math.sqrt(expectedVariance / draws));
      expect(variance / expectedVariance).toBeGreaterThan(0.95);
      expect(variance / expectedVariance).toBeLessThan(1.05);
    }
  });

  it('gamma draws have mean = shape', () => {
    const random = createXoshiro128(5);
    for (const shape of [0.4, 1, 7.5]) {
      let sum = 0;
      for (let index = 0; index < 40_000; index++) sum += sampleGamma(random, shape);
      expect(Math.abs(sum / 40_000 - shape)).toBeLessThan(5 * Math.sqrt(shape / 40_000));
    }
  });

  it('multinomial draws sum to the number of trials', () => {
    const random = createXoshiro128(9);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 6 }),
        (trials, weights) => {
          const total = weights.reduce((sum, value) => sum + value, 0);
          if (total === 0) return;
          const counts = sampleMultinomial(
            random,
            trials,
            weights.map((weight) => weight / total),
          );
          expect(counts.reduce((sum, value) => sum + value, 0)).toBe(trials);
          weights.forEach((weight, index) => {
            if (weight === 0) expect(counts[index]).toBe(0);
          });
        },
      ),
    );
  });
});

describe('bootstrap intervals', () => {
  it('percentile and BCa intervals match scipy.stats.bootstrap given its bootstrap distribution', () => {
    for (const c of loadVectors<BootstrapCase>('bootstrap')) {
      const result = bootstrapInterval({
        replicates: c.replicates,
        estimate: c.estimate,
        jackknife: c.jackknife,
        level: c.level,
        method: c.method,
      });
      const where = `${c.method} n=${c.data.length} B=${c.replicates.length} level ${c.level}`;
      expectClose(result.ci.lower, c.lower, 'bootstrap interval', where);
      expectClose(result.ci.upper, c.upper, 'bootstrap interval', where);
      expectClose(result.standardError, c.standardError, 'bootstrap interval', where);
    }
  });

  it('type-7 quantile interpolates between order statistics', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0)).toBe(1);
    expect(quantile([4, 1, 3, 2], 1)).toBe(4);
    expect(quantile([10, 20], 0.25)).toBe(12.5);
  });

  it('one-sample bootstrap of a mean is reproducible and close to the normal-theory interval', () => {
    const random = createXoshiro128(3);
    const values = Array.from({ length: 400 }, () => random.nextDouble() * 10);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1));
    const statistic = (sample: Float64Array) => sample.reduce((sum, value) => sum + value, 0) / sample.length;
    const result = bootstrap(values, statistic, { resamples: 4000, random: 1 });
    expect(result).toEqual(bootstrap(values, statistic, { resamples: 4000, random: 1 }));
    expect(result.ci.method).toBe('bootstrap-bca');
    const halfWidth = (1.959964 * sd) / Math.sqrt(values.length);
    expect(Math.abs(result.ci.lower - (mean - halfWidth))).toBeLessThan(0.1 * halfWidth);
    expect(Math.abs(result.ci.upper - (mean + halfWidth))).toBeLessThan(0.1 * halfWidth);
  });

  it('cluster bootstrap is wider than the i.i.d. bootstrap when clusters are correlated', () => {
    // 40 environments whose rates differ a lot: the i.i.d. bootstrap ignores that.
    const random = createXoshiro128(17);
    const clusters: number[][] = [];
    const outcomes: number[] = [];
    const environment: number[] = [];
    for (let cluster = 0; cluster < 40; cluster++) {
      const rate = cluster % 2 === 0 ? 0.05 : 0.45;
      let events = 0;
      for (let item = 0; item < 50; item++) {
        const outcome = random.nextDouble() < rate ? 1 : 0;
        events += outcome;
        outcomes.push(outcome);
        environment.push(cluster);
      }
      clusters.push([events, 50]);
    }
    const proportion = (totals: Float64Array) => totals[0]! / totals[1]!;
    const clustered = clusterBootstrap({ clusters, statistic: proportion, resamples: 3000, random: 2 });
    const independent = countBootstrap({
      counts: [
        outcomes.filter((value) => value === 1).length,
        outcomes.filter((value) => value === 0).length,
      ],
      statistic: (counts) => counts[0]! / (counts[0]! + counts[1]!),
      resamples: 3000,
      random: 2,
    });
    const width = (result: { ci: { lower: number; upper: number } }) => result.ci.upper - result.ci.lower;
    expect(clustered.estimate).toBeCloseTo(independent.estimate, 12);
    expect(width(clustered)).toBeGreaterThan(1.5 * width(independent));
    // The generic index bootstrap with cluster labels resamples the same way.
    const byIndex = indexBootstrap({
      size: outcomes.length,
      clusters: environment,
      statistic: (indices) => indices.reduce((sum, index) => sum + outcomes[index]!, 0) / indices.length,
      resamples: 3000,
      random: 2,
    });
    expect(width(byIndex) / width(clustered)).toBeGreaterThan(0.8);
    expect(width(byIndex) / width(clustered)).toBeLessThan(1.25);
  });

  it('count bootstrap of a proportion matches the binomial standard error', () => {
    const result = countBootstrap({
      counts: [300, 700],
      statistic: (counts) => counts[0]! / (counts[0]! + counts[1]!),
      resamples: 20_000,
      random: 4,
    });
    const expected = Math.sqrt((0.3 * 0.7) / 1000);
    expect(result.standardError / expected).toBeGreaterThan(0.97);
    expect(result.standardError / expected).toBeLessThan(1.03);
    expect(result.ci.lower).toBeLessThan(0.3);
    expect(result.ci.upper).toBeGreaterThan(0.3);
  });

  it('falls back to the percentile interval when the jackknife is degenerate', () => {
    const result = clusterBootstrap({
      clusters: [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      statistic: (totals) => totals[0]! / totals[1]!,
      resamples: 50,
    });
    expect(result.ci).toMatchObject({ lower: 1, upper: 1, method: 'bootstrap-percentile' });
  });

  it('counts undefined replicates instead of hiding them', () => {
    const result = countBootstrap({
      counts: [1, 1, 0],
      statistic: (counts) => counts[0]! / counts[1]!,
      resamples: 200,
      random: 8,
      method: 'percentile',
    });
    expect(
      result.undefinedReplicates + result.replicates.filter((value) => !Number.isNaN(value)).length,
    ).toBe(200);
  });
});
