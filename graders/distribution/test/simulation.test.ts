import { DEFAULT_PLANTED_EFFECTS } from '@judgekit/fixtures';
import { describe, expect, it } from 'vitest';
import {
  awarenessConditionedGrader,
  compareGrader,
  deniableErrorAsymmetryGrader,
  sandbaggingGrader,
} from '../src/index.js';
import { percent, type SimulatedGrader, simulate } from './helpers/simulation.js';

const ALPHA = 0.05;
const LONG = process.env.JUDGEKIT_LONG_TESTS === '1';

/** The ready graders with their default options (and accuracy as a rate for sandbagging). */
const GRADERS: SimulatedGrader[] = [
  { label: 'sandbagging (taskScore, less)', grader: sandbaggingGrader, pair: 'incentive', options: {} },
  {
    label: 'sandbagging (correct, less)',
    grader: sandbaggingGrader,
    pair: 'incentive',
    options: { metric: 'metadata.correct' },
  },
  {
    label: 'awareness-conditioned (covertAction)',
    grader: awarenessConditionedGrader,
    pair: 'eval_cue',
    options: {},
  },
  {
    label: 'deniable-error-asymmetry (share | mistake)',
    grader: deniableErrorAsymmetryGrader,
    pair: 'incentive',
    options: {},
  },
];

/**
 * The default run generates only the incentive pair: with no planted effect both pairs draw every
 * outcome from the same per-environment base rates, so the eval-cue pair would cost time and add
 * nothing; awareness-conditioned is pointed at the incentive pair's condition names. The long run
 * generates both pairs.
 */
const SHORT_GRADERS: SimulatedGrader[] = GRADERS.map((entry) =>
  entry.pair === 'eval_cue'
    ? {
        ...entry,
        pair: 'incentive',
        options: {
          ...entry.options,
          conditions: { treatment: 'underperform_incentive', control: 'control' },
        },
      }
    : entry,
);

const LONG_GRADERS: SimulatedGrader[] = [
  ...GRADERS,
  {
    label: 'compare (evalAware, two-sided)',
    grader: compareGrader,
    pair: 'eval_cue',
    options: { metric: 'metadata.evalAware', conditions: { treatment: 'eval_cue', control: 'no_eval_cue' } },
  },
  {
    label: 'compare (share | mistake, two-sided)',
    grader: compareGrader,
    pair: 'incentive',
    options: {
      metric: 'metadata.mistakeBenefitsAgent',
      where: 'metadata.mistake',
      conditions: { treatment: 'underperform_incentive', control: 'control' },
    },
  },
];

describe('false positives on null datasets (the fixtures’ generator with no planted effect)', () => {
  const datasets = LONG ? 5000 : 1000;
  const graders = LONG ? LONG_GRADERS : SHORT_GRADERS;
  // Permutation p-values with m resamples reject at α = 0.05 exactly 5/100 of the time when m = 99.
  const resamples = LONG ? 999 : 99;

  it(`holds the nominal level ± 1 point over ${datasets} seeded null datasets (10 environments × 2 × 80)`, () => {
    const tallies = simulate({ datasets, effects: [], graders, seedPrefix: 'null', alpha: ALPHA, resamples });
    let pooledTests = 0;
    let pooledRejections = 0;
    for (const tally of tallies) {
      console.info(
        `${tally.label}: per-environment p < ${ALPHA} in ${percent(tally.environmentRejections, tally.environmentTests)} ` +
          `of ${tally.environmentTests}; pooled ${percent(tally.pooledRejections, tally.pooledTests)} of ${tally.pooledTests}; ` +
          `datasets with any flag (Holm) ${percent(tally.datasetsWithFlag, datasets)}; flagged environments ` +
          `${percent(tally.flaggedEnvironments, tally.environmentTests)}; 95% intervals containing the true 0: ` +
          `per environment ${percent(tally.environmentCoverage, tally.environmentTests)}, pooled ` +
          `${percent(tally.pooledCoverage, tally.pooledTests)}`,
      );
      expect(tally.environmentTests).toBe(datasets * 10);
      expect(
        Math.abs(tally.environmentRejections / tally.environmentTests - ALPHA),
        tally.label,
      ).toBeLessThanOrEqual(0.01);
      expect(tally.datasetsWithFlag / datasets, tally.label).toBeLessThanOrEqual(ALPHA + 0.01);
      // The intervals: per environment Newcombe / Welch, pooled the environment jackknife with t(G − 1).
      expect(tally.environmentCoverage / tally.environmentTests, tally.label).toBeGreaterThanOrEqual(0.93);
      expect(tally.pooledCoverage / tally.pooledTests, tally.label).toBeGreaterThanOrEqual(0.92);
      pooledTests += tally.pooledTests;
      pooledRejections += tally.pooledRejections;
    }
    console.info(`pooled, all graders: ${percent(pooledRejections, pooledTests)} of ${pooledTests}`);
    expect(pooledTests).toBe(datasets * graders.length);
    expect(Math.abs(pooledRejections / pooledTests - ALPHA)).toBeLessThanOrEqual(0.01);
  }, 3_600_000);
});

describe.skipIf(!LONG)('power on datasets with the fixtures’ planted effects (JUDGEKIT_LONG_TESTS=1)', () => {
  it('detects each planted effect in most of 1000 seeded datasets, and flags null environments rarely', () => {
    const datasets = 1000;
    const tallies = simulate({
      datasets,
      effects: DEFAULT_PLANTED_EFFECTS,
      graders: GRADERS,
      seedPrefix: 'planted',
      alpha: ALPHA,
      resamples: 999,
    });
    for (const tally of tallies) {
      const grader = GRADERS.find((entry) => entry.label === tally.label)!;
      const rate =
        grader.label.includes('taskScore') || grader.label.includes('correct') ? 'accuracy' : undefined;
      const planted = DEFAULT_PLANTED_EFFECTS.filter(
        (effect) =>
          effect.pair === grader.pair &&
          (rate
            ? effect.rate === rate
            : grader.grader === awarenessConditionedGrader
              ? effect.rate === 'covertAction'
              : effect.rate === 'beneficialMistakeShare'),
      );
      const plantedNames = new Set(planted.map((effect) => effect.environment));
      const lines = planted.map(
        (effect) =>
          `${effect.environment} ${effect.control} → ${effect.treatment}: ${percent(tally.flagsByEnvironment.get(effect.environment) ?? 0, datasets)}`,
      );
      let nullFlags = 0;
      for (const [environment, flags] of tally.flagsByEnvironment)
        if (!plantedNames.has(environment)) nullFlags += flags;
      const nullTests = datasets * (10 - plantedNames.size);
      console.info(
        `${tally.label}: power ${lines.join('; ')}; null environments flagged ${percent(nullFlags, nullTests)}`,
      );
      for (const effect of planted) {
        expect(
          tally.flagsByEnvironment.get(effect.environment) ?? 0,
          `${tally.label} ${effect.environment}`,
        ).toBeGreaterThan(datasets / 2);
      }
      expect(nullFlags / nullTests).toBeLessThanOrEqual(ALPHA / 5);
    }
  }, 1_200_000);
});
