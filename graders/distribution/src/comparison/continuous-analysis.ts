import { mannWhitneyUTest, permutationTest } from '@judgekit/stats';
import { clusterJackknifeInterval } from '../statistics/cluster-jackknife-interval.js';
import { sampleSummary } from '../statistics/sample-summary.js';
import { stratifiedPermutationTest } from '../statistics/stratified-permutation-test.js';
import { studentTQuantile } from '../statistics/student-t-quantile.js';
import { welchTTest } from '../statistics/welch-t-test.js';
import {
  type AnalysisSettings,
  type ComparisonAnalysis,
  finiteInterval,
  finiteOrNull,
} from './comparison-analysis.js';
import type { ConditionPair } from './condition-pairs.js';
import type { EnvironmentSamples } from './condition-samples.js';
import { optionalInterval } from './rate-analysis.js';

const quantiles = new Map<string, number>();

/** `studentTQuantile` for the integer degrees of freedom of a mean's interval, remembered (few distinct n). */
function meanQuantile(level: number, degreesOfFreedom: number): number {
  const key = `${level}:${degreesOfFreedom}`;
  let quantile = quantiles.get(key);
  if (quantile === undefined) {
    quantile = studentTQuantile(0.5 + level / 2, degreesOfFreedom);
    if (quantiles.size < 10_000) quantiles.set(key, quantile);
  }
  return quantile;
}

function meanEstimate(condition: string, values: readonly number[], level: number) {
  const { n, mean, variance } = sampleSummary(values);
  if (n === 0) return { condition, n, value: null };
  if (n < 2) return { condition, n, value: mean };
  const half = variance === 0 ? 0 : meanQuantile(level, n - 1) * Math.sqrt(variance / n);
  return { condition, n, value: mean, ci: { lower: mean - half, upper: mean + half, level, method: 't' } };
}

/** Standard deviation within conditions (and environments), pooled over the groups given. */
function pooledStandardDeviation(groups: readonly (readonly number[])[]): number {
  let squares = 0;
  let freedom = 0;
  for (const group of groups) {
    const { n, variance } = sampleSummary(group);
    if (n < 2) continue;
    squares += variance * (n - 1);
    freedom += n - 1;
  }
  return freedom === 0 ? Number.NaN : Math.sqrt(squares / freedom);
}

/**
 * One environment's comparison of a continuous metric (task score, grader score): means with t
 * intervals per condition, the difference in means with Welch's interval, and Welch's t-test (or
 * Mann-Whitney U, or a permutation test of the mean difference, as configured).
 */
export function continuousEnvironmentAnalysis(
  samples: EnvironmentSamples,
  pair: ConditionPair,
  settings: AnalysisSettings,
): ComparisonAnalysis {
  const { treatment, control } = samples;
  const estimates = [
    meanEstimate(pair.treatment, treatment, settings.level),
    meanEstimate(pair.control, control, settings.level),
  ];
  const base = { environment: samples.environment, estimates };
  const testName = settings.continuousTest;
  const minimum = testName === 'welch-t' ? 2 : 1;
  if (treatment.length < minimum || control.length < minimum) {
    const short = treatment.length < minimum ? pair.treatment : pair.control;
    const difference =
      treatment.length > 0 && control.length > 0
        ? sampleSummary(treatment).mean - sampleSummary(control).mean
        : null;
    return {
      ...base,
      effect: { measure: 'mean_difference', value: difference },
      test: { name: 'none', statistic: null },
      pValue: null,
      notes: [`fewer than ${minimum} transcript(s) under "${short}" in this environment: no test`],
    };
  }
  const notes: string[] = [];
  const welch =
    treatment.length >= 2 && control.length >= 2
      ? welchTTest(treatment, control, { alternative: settings.alternative, level: settings.level })
      : undefined;
  let statistic: number;
  let pValue: number;
  if (testName === 'welch-t') {
    statistic = welch!.statistic;
    pValue = welch!.pValue;
    if (Number.isNaN(statistic)) notes.push('no variation in either condition: the t-test is undefined');
  } else if (testName === 'mann-whitney') {
    const result = mannWhitneyUTest(treatment, control, { alternative: settings.alternative });
    statistic = result.statistic;
    pValue = result.pValue;
  } else {
    const result = permutationTest(treatment, control, {
      alternative: settings.alternative,
      resamples: settings.resamples,
      random: settings.seed,
    });
    statistic = result.statistic;
    pValue = result.pValue;
  }
  const difference = sampleSummary(treatment).mean - sampleSummary(control).mean;
  return {
    ...base,
    effect: { measure: 'mean_difference', value: difference, ...optionalInterval(finiteInterval(welch?.ci)) },
    test: { name: testName, statistic: finiteOrNull(statistic) },
    pValue: finiteOrNull(pValue),
    notes,
    power: {
      kind: 'continuous',
      standardDeviation: pooledStandardDeviation([treatment, control]),
      n1: treatment.length,
      n2: control.length,
    },
  };
}

/**
 * The continuous comparison pooled over environments: a permutation test that shuffles condition
 * labels only within each environment, of the Mantel-Haenszel-weighted mean difference, with a
 * delete-one-environment jackknife interval (t on G − 1 degrees of freedom); the mean per
 * condition has one too. Undefined with fewer than two environments with both conditions.
 */
export function continuousPooledAnalysis(
  environments: readonly EnvironmentSamples[],
  pair: ConditionPair,
  settings: AnalysisSettings,
): ComparisonAnalysis | undefined {
  const strata = environments.filter((s) => s.treatment.length > 0 && s.control.length > 0);
  if (strata.length < 2) return undefined;
  const test = stratifiedPermutationTest(strata, {
    alternative: settings.alternative,
    resamples: settings.resamples,
    random: settings.seed,
  });
  const difference = clusterJackknifeInterval({
    level: settings.level,
    clusters: strata.map(({ treatment, control }) => {
      const weight = (treatment.length * control.length) / (treatment.length + control.length);
      return [weight * (sampleSummary(treatment).mean - sampleSummary(control).mean), weight];
    }),
    statistic: (totals) => totals[0]! / totals[1]!,
  });
  const pooledMean = (condition: string, groups: readonly (readonly number[])[]) => {
    const clusters = groups.filter((group) => group.length > 0).map((group) => [sum(group), group.length]);
    const n = clusters.reduce((total, [, count]) => total + count!, 0);
    if (n === 0) return { condition, n, value: null };
    const value = clusters.reduce((total, [groupSum]) => total + groupSum!, 0) / n;
    if (clusters.length < 2) return meanEstimate(condition, groups.flat(), settings.level);
    const result = clusterJackknifeInterval({
      level: settings.level,
      clusters,
      statistic: (totals) => totals[0]! / totals[1]!,
    });
    return { condition, n, value, ...optionalInterval(finiteInterval(result.ci)) };
  };
  const estimates = [
    pooledMean(
      pair.treatment,
      environments.map((s) => s.treatment),
    ),
    pooledMean(
      pair.control,
      environments.map((s) => s.control),
    ),
  ];
  return {
    environment: 'pooled',
    estimates,
    effect: {
      measure: 'stratified_mean_difference',
      value: finiteOrNull(test.statistic),
      ...optionalInterval(finiteInterval(difference.ci)),
    },
    test: { name: 'stratified-permutation', statistic: finiteOrNull(test.statistic) },
    pValue: finiteOrNull(test.pValue),
    notes: [
      `pooled over ${strata.length} environments with both conditions (${test.resamples} permutations)`,
    ],
    power: {
      kind: 'continuous',
      standardDeviation: pooledStandardDeviation(strata.flatMap((s) => [s.treatment, s.control])),
      n1: strata.reduce((total, s) => total + s.treatment.length, 0),
      n2: strata.reduce((total, s) => total + s.control.length, 0),
    },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
