import { describe, expect, it } from 'vitest';
import { predictionPoweredMean } from '../src/prevalence/prediction-powered-mean.js';
import { correctPrevalence, type PrevalenceIntervalMethod } from '../src/prevalence/rogan-gladen.js';
import { sampleBinomial } from '../src/random/random-variates.js';
import { createXoshiro128 } from '../src/random/xoshiro128.js';
import { expectClose, loadVectors } from './helpers/vectors.js';

interface PrevalenceCase {
  counts: [number, number, number, number, number, number];
  level: number;
  estimate: number;
  delta: [number, number];
  langReiczigel: [number, number];
}

describe('Rogan-Gladen correction', () => {
  it('estimate, delta and Lang-Reiczigel intervals match the published formulas', () => {
    for (const c of loadVectors<PrevalenceCase>('prevalence')) {
      const [flagged, graded, truePositives, goldPositives, trueNegatives, goldNegatives] = c.counts;
      const counts = { flagged, graded, truePositives, goldPositives, trueNegatives, goldNegatives };
      const where = `counts ${c.counts}`;
      const delta = correctPrevalence(counts, { method: 'delta', level: c.level });
      const langReiczigel = correctPrevalence(counts, { level: c.level });
      expectClose(delta.estimate, c.estimate, 'prevalence', where, { absolute: 1e-15 });
      expectClose(delta.ci.lower, c.delta[0], 'prevalence', where, { absolute: 1e-15 });
      expectClose(delta.ci.upper, c.delta[1], 'prevalence', where, { absolute: 1e-15 });
      expectClose(langReiczigel.ci.lower, c.langReiczigel[0], 'prevalence', where, { absolute: 1e-15 });
      expectClose(langReiczigel.ci.upper, c.langReiczigel[1], 'prevalence', where, { absolute: 1e-15 });
    }
  });

  it('corrects a judge with 2% false positives measuring a 0.4% behaviour', () => {
    // 10,000 transcripts, true rate 0.4%: 40 real cases, 36 caught, plus 2% of 9,960 false alarms.
    const result = correctPrevalence({
      flagged: 36 + 199,
      graded: 10_000,
      truePositives: 90,
      goldPositives: 100,
      trueNegatives: 392,
      goldNegatives: 400,
    });
    expect(result.naive).toBeCloseTo(0.0235, 4);
    expect(result.estimate).toBeCloseTo((0.0235 + 0.98 - 1) / (0.9 + 0.98 - 1), 12);
    expect(result.ci.lower).toBe(0);
    expect(result.ci.upper).toBeGreaterThan(0.004);
    expect(result.ci.method).toBe('lang-reiczigel');
  });

  it('says so when the grader is no better than chance', () => {
    const result = correctPrevalence({
      flagged: 50,
      graded: 100,
      truePositives: 5,
      goldPositives: 10,
      trueNegatives: 5,
      goldNegatives: 10,
    });
    expect(result.estimate).toBeNaN();
    expect(result.ci).toMatchObject({ lower: 0, upper: 1 });
    expect(result.note).toMatch(/no better than chance/);
  });

  it('clamps estimate and bounds to [0, 1] for every method', () => {
    for (const method of ['delta', 'lang-reiczigel', 'bootstrap'] as const) {
      const result = correctPrevalence(
        {
          flagged: 1,
          graded: 1000,
          truePositives: 40,
          goldPositives: 50,
          trueNegatives: 190,
          goldNegatives: 200,
        },
        { method, resamples: 500 },
      );
      expect(result.unclampedEstimate).toBeLessThan(0);
      expect(result.estimate).toBe(0);
      expect(result.ci.lower).toBeGreaterThanOrEqual(0);
      expect(result.ci.upper).toBeLessThanOrEqual(1);
    }
  });
});

describe('PPI++', () => {
  it('with λ = 1 is classical PPI: mean of unlabelled predictions plus the labelled bias correction', () => {
    const result = predictionPoweredMean({
      labels: [1, 0, 0, 1, 0],
      labelledPredictions: [1, 1, 0, 0, 0],
      unlabelledPredictions: [1, 0, 0, 0, 1, 0, 0, 0],
      lambda: 1,
    });
    // mean(f̃) = 2/8; mean(Y − f) = (0 − 1 + 0 + 1 + 0)/5 = 0.
    expect(result.estimate).toBeCloseTo(0.25, 15);
    const classical = predictionPoweredMean({
      labels: [1, 0, 0, 1, 0],
      labelledPredictions: [1, 1, 0, 0, 0],
      unlabelledPredictions: [1, 0, 0, 0, 1, 0, 0, 0],
      lambda: 0,
    });
    expect(classical.estimate).toBeCloseTo(0.4, 15);
    expect(classical.estimate).toBe(classical.classicalEstimate);
  });

  it('tuned λ gives a standard error no larger than classical inference or plain PPI', () => {
    const random = createXoshiro128(12);
    for (const accuracy of [0.6, 0.8, 0.95]) {
      const labels: number[] = [];
      const labelledPredictions: number[] = [];
      const unlabelledPredictions: number[] = [];
      for (let item = 0; item < 3000; item++) {
        const truth = random.nextDouble() < 0.1 ? 1 : 0;
        const prediction = random.nextDouble() < accuracy ? truth : 1 - truth;
        if (item < 400) {
          labels.push(truth);
          labelledPredictions.push(prediction);
        } else unlabelledPredictions.push(prediction);
      }
      const input = { labels, labelledPredictions, unlabelledPredictions };
      const tuned = predictionPoweredMean(input);
      expect(tuned.lambda).toBeGreaterThanOrEqual(0);
      expect(tuned.lambda).toBeLessThanOrEqual(1);
      const worst = Math.min(
        predictionPoweredMean({ ...input, lambda: 0 }).standardError,
        predictionPoweredMean({ ...input, lambda: 1 }).standardError,
      );
      expect(tuned.standardError).toBeLessThanOrEqual(worst * 1.01);
    }
  });
});

/**
 * Coverage simulation (seeded). Scenarios: true prevalence 0.5%–5% in a run of 5,000 graded
 * transcripts; judges with (sensitivity, specificity) of (0.7, 0.95), (0.8, 0.98), (0.9, 0.99);
 * Se and Sp measured on a gold calibration set of 100 positives + 300 negatives or 50 + 250.
 * PPI++ instead uses a random gold subset of 300 or 600 transcripts of the same run.
 */
const PREVALENCES = [0.005, 0.01, 0.02, 0.05];
const JUDGES = [
  { sensitivity: 0.7, specificity: 0.95 },
  { sensitivity: 0.8, specificity: 0.98 },
  { sensitivity: 0.9, specificity: 0.99 },
];
const GOLD_SETS = [
  { positives: 100, negatives: 300 },
  { positives: 50, negatives: 250 },
];
const RUN_SIZE = 5000;

function roganGladenCoverage(
  method: PrevalenceIntervalMethod,
  simulations: number,
  seed: number,
): { scenario: string; coverage: number; meanWidth: number }[] {
  const random = createXoshiro128(seed);
  const rows: { scenario: string; coverage: number; meanWidth: number }[] = [];
  for (const prevalence of PREVALENCES) {
    for (const judge of JUDGES) {
      for (const gold of GOLD_SETS) {
        let covered = 0;
        let width = 0;
        for (let simulation = 0; simulation < simulations; simulation++) {
          const cases = sampleBinomial(random, RUN_SIZE, prevalence);
          const flagged =
            sampleBinomial(random, cases, judge.sensitivity) +
            sampleBinomial(random, RUN_SIZE - cases, 1 - judge.specificity);
          const result = correctPrevalence(
            {
              flagged,
              graded: RUN_SIZE,
              truePositives: sampleBinomial(random, gold.positives, judge.sensitivity),
              goldPositives: gold.positives,
              trueNegatives: sampleBinomial(random, gold.negatives, judge.specificity),
              goldNegatives: gold.negatives,
            },
            { method, resamples: 600, random },
          );
          if (result.ci.lower <= prevalence && prevalence <= result.ci.upper) covered++;
          width += result.ci.upper - result.ci.lower;
        }
        rows.push({
          scenario: `π=${prevalence} Se=${judge.sensitivity} Sp=${judge.specificity} gold=${gold.positives}+${gold.negatives}`,
          coverage: covered / simulations,
          meanWidth: width / simulations,
        });
      }
    }
  }
  return rows;
}

function summarize(label: string, rows: { scenario: string; coverage: number; meanWidth: number }[]): string {
  const overall = rows.reduce((sum, row) => sum + row.coverage, 0) / rows.length;
  const minimum = rows.reduce((worst, row) => (row.coverage < worst.coverage ? row : worst));
  const width = rows.reduce((sum, row) => sum + row.meanWidth, 0) / rows.length;
  const byPrevalence = PREVALENCES.map((prevalence) => {
    const selected = rows.filter((row) => row.scenario.startsWith(`π=${prevalence} `));
    const coverage = selected.reduce((sum, row) => sum + row.coverage, 0) / selected.length;
    return `π=${prevalence}: ${(100 * coverage).toFixed(1)}%`;
  });
  return (
    `${label}: mean coverage ${(100 * overall).toFixed(1)}%, minimum ${(100 * minimum.coverage).toFixed(1)}% ` +
    `(${minimum.scenario}), mean width ${width.toFixed(4)}; by prevalence ${byPrevalence.join(', ')}`
  );
}

/** The comparison of the other methods prints figures for the README; it runs with JUDGEKIT_LONG_TESTS=1. */
const LONG = Boolean(process.env.JUDGEKIT_LONG_TESTS);

describe('coverage of the 95% prevalence interval over rare-behaviour scenarios (seeded)', {
  timeout: 300_000,
}, () => {
  it('Lang-Reiczigel (recommended) covers at least 93% in every scenario', () => {
    const rows = roganGladenCoverage('lang-reiczigel', 1000, 101);
    console.log(summarize('lang-reiczigel (1000 runs per scenario)', rows));
    for (const row of rows) expect(row.coverage, row.scenario).toBeGreaterThanOrEqual(0.93);
  });

  it.runIf(LONG)('reports the delta method and the parametric bootstrap honestly', () => {
    const delta = roganGladenCoverage('delta', 1000, 202);
    const bootstrap = roganGladenCoverage('bootstrap', 150, 303);
    console.log(summarize('delta (1000 runs per scenario)', delta));
    console.log(summarize('bootstrap (150 runs per scenario, 600 draws each)', bootstrap));
    for (const rows of [delta, bootstrap]) {
      for (const row of rows) expect(row.coverage).toBeGreaterThan(0.5);
    }
  });

  it.runIf(LONG)('reports PPI++ coverage with a random gold subset of the same run', () => {
    const random = createXoshiro128(404);
    const simulations = 400;
    const rows: { scenario: string; coverage: number; meanWidth: number }[] = [];
    for (const prevalence of PREVALENCES) {
      for (const judge of JUDGES) {
        for (const labelled of [300, 600]) {
          let covered = 0;
          let width = 0;
          for (let simulation = 0; simulation < simulations; simulation++) {
            const labels: number[] = [];
            const labelledPredictions: number[] = [];
            const unlabelledPredictions: number[] = [];
            for (let item = 0; item < RUN_SIZE; item++) {
              const truth = random.nextDouble() < prevalence ? 1 : 0;
              const flagged = truth
                ? random.nextDouble() < judge.sensitivity
                : random.nextDouble() < 1 - judge.specificity;
              if (item < labelled) {
                labels.push(truth);
                labelledPredictions.push(flagged ? 1 : 0);
              } else {
                unlabelledPredictions.push(flagged ? 1 : 0);
              }
            }
            const result = predictionPoweredMean({ labels, labelledPredictions, unlabelledPredictions });
            if (result.ci.lower <= prevalence && prevalence <= result.ci.upper) covered++;
            width += result.ci.upper - result.ci.lower;
          }
          rows.push({
            scenario: `π=${prevalence} Se=${judge.sensitivity} Sp=${judge.specificity} gold subset=${labelled}`,
            coverage: covered / simulations,
            meanWidth: width / simulations,
          });
        }
      }
    }
    console.log(summarize(`ppi++ (${simulations} runs per scenario)`, rows));
    for (const row of rows) console.log(`  ppi++ ${row.scenario}: ${(100 * row.coverage).toFixed(1)}%`);
    expect(rows.length).toBe(24);
  });
});
