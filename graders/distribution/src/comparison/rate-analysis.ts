import { fisherExactTest, riskDifference, wilsonInterval } from '@judgekit/stats';
import { clusterJackknifeInterval } from '../statistics/cluster-jackknife-interval.js';
import { cochranMantelHaenszelTest } from '../statistics/cochran-mantel-haenszel-test.js';
import { exactConditionalTest } from '../statistics/exact-conditional-test.js';
import type { StratumCounts } from '../statistics/stratum-table.js';
import {
  type AnalysisSettings,
  type ComparisonAnalysis,
  finiteInterval,
  finiteOrNull,
} from './comparison-analysis.js';
import type { ConditionPair } from './condition-pairs.js';
import type { EnvironmentSamples } from './condition-samples.js';

function countsOf(samples: EnvironmentSamples): StratumCounts {
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  return {
    treatmentEvents: sum(samples.treatment),
    treatmentTrials: samples.treatment.length,
    controlEvents: sum(samples.control),
    controlTrials: samples.control.length,
  };
}

function rateEstimate(condition: string, events: number, trials: number, level: number) {
  return trials === 0
    ? { condition, n: 0, value: null }
    : { condition, n: trials, value: events / trials, ci: wilsonInterval(events, trials, { level }) };
}

/**
 * One environment's comparison of two rates: Wilson intervals per condition, the risk difference
 * with Newcombe's interval, and the 'N − 1' chi-square test (Campbell 2007) — or Fisher's exact
 * test when an expected count is below 1, Campbell's rule for where the chi-square stops holding
 * its level.
 */
export function rateEnvironmentAnalysis(
  samples: EnvironmentSamples,
  pair: ConditionPair,
  settings: AnalysisSettings,
): ComparisonAnalysis {
  const counts = countsOf(samples);
  const { treatmentEvents: a, treatmentTrials: n1, controlEvents: c, controlTrials: n2 } = counts;
  const estimates = [
    rateEstimate(pair.treatment, a, n1, settings.level),
    rateEstimate(pair.control, c, n2, settings.level),
  ];
  const base = { environment: samples.environment, estimates };
  if (n1 === 0 || n2 === 0) {
    return {
      ...base,
      effect: { measure: 'risk_difference', value: null },
      test: { name: 'none', statistic: null },
      pValue: null,
      notes: [`no transcripts under "${n1 === 0 ? pair.treatment : pair.control}" in this environment`],
    };
  }
  const effect = riskDifference({ successes: a, trials: n1 }, { successes: c, trials: n2 }, settings.level);
  const total = n1 + n2;
  const events = a + c;
  const smallestExpected = (Math.min(n1, n2) * Math.min(events, total - events)) / total;
  const notes: string[] = [];
  let test: ComparisonAnalysis['test'];
  let pValue: number;
  const exact =
    settings.rateTest === 'exact' ||
    (settings.rateTest === 'auto' && smallestExpected < 1 && events > 0 && events < total);
  if (exact) {
    if (settings.rateTest === 'auto') {
      notes.push(
        `an expected count is ${smallestExpected.toFixed(2)} (< 1): Fisher's exact test instead of the 'N − 1' chi-square`,
      );
    }
    const result = fisherExactTest(
      [
        [a, n1 - a],
        [c, n2 - c],
      ],
      settings.alternative,
    );
    test = { name: 'fisher-exact', statistic: a };
    pValue = result.pValue;
  } else {
    const result = cochranMantelHaenszelTest([counts], { alternative: settings.alternative });
    test = { name: 'n-1-chi-square', statistic: result.statistic };
    pValue = result.pValue;
  }
  return {
    ...base,
    effect: { measure: effect.measure, value: effect.value, ...optionalInterval(effect.ci) },
    test,
    pValue: finiteOrNull(pValue),
    notes,
    power: { kind: 'rate', baseline: c / n2, n1, n2 },
  };
}

/**
 * The comparison pooled over environments, respecting that transcripts of one environment are
 * not independent: the test is stratified by environment (Cochran-Mantel-Haenszel, or the exact
 * conditional test when the Mantel-Fleiss criterion fails); the effect is the Mantel-Haenszel
 * risk difference with a delete-one-environment jackknife interval (t on G − 1 degrees of
 * freedom); the rate per condition has one too. Undefined with fewer than two environments.
 */
export function ratePooledAnalysis(
  environments: readonly EnvironmentSamples[],
  pair: ConditionPair,
  settings: AnalysisSettings,
): ComparisonAnalysis | undefined {
  const strata = environments.map(countsOf).filter((s) => s.treatmentTrials > 0 && s.controlTrials > 0);
  if (strata.length < 2) return undefined;
  const notes = [`pooled over ${strata.length} environments with both conditions`];
  const exactAsked = settings.rateTest === 'exact';
  const asymptotic = cochranMantelHaenszelTest(strata, { alternative: settings.alternative });
  let test: ComparisonAnalysis['test'];
  let pValue: number;
  if (exactAsked || (settings.rateTest === 'auto' && !asymptotic.mantelFleissSatisfied)) {
    if (!exactAsked) notes.push('too few events for the Mantel-Fleiss criterion: exact conditional test');
    const exact = exactConditionalTest(strata, settings.alternative);
    test = { name: 'exact-conditional-stratified', statistic: exact.statistic };
    pValue = exact.pValue;
  } else {
    test = { name: 'cochran-mantel-haenszel', statistic: asymptotic.statistic };
    pValue = asymptotic.pValue;
  }
  const difference = clusterJackknifeInterval({
    level: settings.level,
    clusters: strata.map((s) => {
      const total = s.treatmentTrials + s.controlTrials;
      return [
        (s.treatmentEvents * s.controlTrials - s.controlEvents * s.treatmentTrials) / total,
        (s.treatmentTrials * s.controlTrials) / total,
      ];
    }),
    statistic: (totals) => totals[0]! / totals[1]!,
  });
  const all = environments.map(countsOf);
  const pooledRate = (condition: string, events: number[], trials: number[]) => {
    const n = trials.reduce((sum, value) => sum + value, 0);
    const k = events.reduce((sum, value) => sum + value, 0);
    if (n === 0) return { condition, n, value: null };
    const clusters = events.map((value, index) => [value, trials[index]!]).filter(([, t]) => t! > 0);
    if (clusters.length < 2) return rateEstimate(condition, k, n, settings.level);
    const result = clusterJackknifeInterval({
      level: settings.level,
      clusters,
      statistic: (totals) => totals[0]! / totals[1]!,
    });
    return { condition, n, value: k / n, ...optionalInterval(clamped(finiteInterval(result.ci), 0, 1)) };
  };
  const treatmentEvents = all.map((s) => s.treatmentEvents);
  const controlEvents = all.map((s) => s.controlEvents);
  const estimates = [
    pooledRate(
      pair.treatment,
      treatmentEvents,
      all.map((s) => s.treatmentTrials),
    ),
    pooledRate(
      pair.control,
      controlEvents,
      all.map((s) => s.controlTrials),
    ),
  ];
  const controlTrials = strata.reduce((sum, s) => sum + s.controlTrials, 0);
  const controlTotal = strata.reduce((sum, s) => sum + s.controlEvents, 0);
  return {
    environment: 'pooled',
    estimates,
    effect: {
      measure: 'mantel_haenszel_risk_difference',
      value: finiteOrNull(difference.estimate),
      ...optionalInterval(clamped(finiteInterval(difference.ci), -1, 1)),
    },
    test,
    pValue: finiteOrNull(pValue),
    notes,
    power: {
      kind: 'rate',
      baseline: controlTotal / controlTrials,
      n1: strata.reduce((sum, s) => sum + s.treatmentTrials, 0),
      n2: controlTrials,
    },
  };
}

/** An interval cut to the range its quantity can take (a rate to [0, 1]). */
function clamped<TInterval extends { lower: number; upper: number }>(
  ci: TInterval | undefined,
  lower: number,
  upper: number,
): TInterval | undefined {
  return ci && { ...ci, lower: Math.max(lower, ci.lower), upper: Math.min(upper, ci.upper) };
}

/** `{ ci }` when the interval is defined, else `{}` (optional properties stay absent). */
export function optionalInterval<TInterval>(ci: TInterval | undefined): { ci?: TInterval } {
  return ci === undefined ? {} : { ci };
}
