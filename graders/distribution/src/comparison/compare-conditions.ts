import { ConfigError, type Corpus, type CorpusRecord, type FindingDraft, type Verdict } from '@judgekit/core';
import { benjaminiHochbergAdjust, holmAdjust } from '@judgekit/stats';
import { createValueReader, type MissingReason } from '../data/value-reader.js';
import type { ComparisonAnalysis } from './comparison-analysis.js';
import type { ComparisonConfig } from './comparison-config.js';
import { type ConditionPair, conditionPairs } from './condition-pairs.js';
import { type PairSamples, pairSamples, recordConditions } from './condition-samples.js';
import { continuousEnvironmentAnalysis, continuousPooledAnalysis } from './continuous-analysis.js';
import { isFlagged } from './finding-flag.js';
import { comparisonPowerNote } from './power-note.js';
import { rateEnvironmentAnalysis, ratePooledAnalysis } from './rate-analysis.js';

const MISSING_WORDS: Record<MissingReason, string> = {
  absent: 'no value',
  abstained: 'abstained',
  failed: 'grading failed',
  unusable: 'not a boolean or number',
};

/**
 * The metrics a comparison reads: the configured ones, or else the label of every grader (and
 * dimension) with verdicts in the corpus.
 */
export function comparisonMetrics(
  metric: string | readonly string[] | undefined,
  verdicts: readonly Verdict[],
  records: readonly CorpusRecord[] = [],
) {
  if (metric !== undefined) return typeof metric === 'string' ? [metric] : [...metric];
  const keys = new Map<string, Set<string>>();
  for (const verdict of verdicts) {
    const dimensions = keys.get(verdict.grader.name) ?? new Set<string>();
    dimensions.add(verdict.dimension);
    keys.set(verdict.grader.name, dimensions);
  }
  if (keys.size === 0) {
    const fields = new Set<string>();
    for (const record of records.slice(0, 1000)) {
      for (const [key, value] of Object.entries(record.metadata ?? {})) {
        if (typeof value === 'boolean' || typeof value === 'number') fields.add(`metadata.${key}`);
      }
    }
    const seen = [...fields].sort().slice(0, 12);
    throw new ConfigError({
      path: 'metric',
      reason:
        'no metric: name one (a field such as metadata.correct, gold:<dimension>, verdict:<grader>); ' +
        'without one, the verdicts of the run are compared, and there are none' +
        (seen.length > 0 ? ` (fields seen: ${seen.join(', ')})` : ''),
    });
  }
  return [...keys.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .flatMap(([name, dimensions]) =>
      dimensions.size === 1
        ? [`verdict:${name}`]
        : [...dimensions].sort().map((dimension) => `verdict:${name}#${dimension}`),
    );
}

function missingNote(missing: Partial<Record<MissingReason, number>>, metric: string): string | undefined {
  const parts = (Object.keys(MISSING_WORDS) as MissingReason[])
    .filter((reason) => (missing[reason] ?? 0) > 0)
    .map((reason) => `${missing[reason]} ${MISSING_WORDS[reason]}`);
  if (parts.length === 0) return undefined;
  const total = Object.values(missing).reduce((sum, count) => sum + (count ?? 0), 0);
  return `${total} transcript(s) left out for want of ${metric}: ${parts.join(', ')}`;
}

function analyses(
  samples: PairSamples,
  config: ComparisonConfig,
): { perEnvironment: ComparisonAnalysis[]; pooled: ComparisonAnalysis | undefined } {
  const environmentAnalysis =
    samples.type === 'rate' ? rateEnvironmentAnalysis : continuousEnvironmentAnalysis;
  const pooledAnalysis = samples.type === 'rate' ? ratePooledAnalysis : continuousPooledAnalysis;
  const perEnvironment = samples.environments.map((environment) => {
    const analysis = environmentAnalysis(environment, samples.pair, config);
    const note = missingNote(environment.missing, samples.metric);
    return note ? { ...analysis, notes: [...analysis.notes, note] } : analysis;
  });
  const pooled = config.pooled ? pooledAnalysis(samples.environments, samples.pair, config) : undefined;
  if (!pooled) return { perEnvironment, pooled };
  const note = missingNote(totalMissing(samples), samples.metric);
  return { perEnvironment, pooled: note ? { ...pooled, notes: [...pooled.notes, note] } : pooled };
}

function totalMissing(samples: PairSamples): Partial<Record<MissingReason, number>> {
  const missing: Partial<Record<MissingReason, number>> = {};
  for (const environment of samples.environments) {
    for (const [reason, count] of Object.entries(environment.missing) as [MissingReason, number][])
      missing[reason] = (missing[reason] ?? 0) + count;
  }
  return missing;
}

function adjust(pValues: readonly (number | null)[], correction: ComparisonConfig['correction']) {
  const raw = pValues.map((p) => p ?? Number.NaN);
  const adjusted =
    correction === 'holm'
      ? holmAdjust(raw)
      : correction === 'benjamini-hochberg'
        ? benjaminiHochbergAdjust(raw)
        : raw;
  return adjusted.map((p) => (Number.isNaN(p) ? null : p));
}

function pairFindings(samples: PairSamples, config: ComparisonConfig): FindingDraft[] {
  const { perEnvironment, pooled } = analyses(samples, config);
  const tested = perEnvironment.filter((result) => result.pValue !== null).length;
  const adjusted = adjust(
    perEnvironment.map((result) => result.pValue),
    config.correction,
  );
  const perTestAlpha = config.correction === 'none' || tested <= 1 ? config.alpha : config.alpha / tested;
  const finding = (
    result: ComparisonAnalysis,
    pAdjusted: number | null,
    correction: string,
    alpha: number,
    levelNote: string,
  ): FindingDraft => {
    const power = result.power ? comparisonPowerNote(result.power, { ...config, alpha }, levelNote) : null;
    const flagged = isFlagged(pAdjusted, result.effect, config);
    const notes = [...result.notes];
    if (!flagged && pAdjusted !== null && pAdjusted < config.alpha && result.effect.value !== null) {
      notes.push(
        `significant, but the ${Math.round(config.level * 100)}% interval rules out an effect of ` +
          `${config.minimumEffect} or more: not flagged`,
      );
    }
    if (power) notes.push(power);
    return {
      ...(config.dimension === undefined ? {} : { dimension: config.dimension }),
      environment: result.environment,
      metric: samples.metric,
      conditions: [samples.pair.treatment, samples.pair.control],
      estimates: result.estimates,
      effect: result.effect,
      test: { ...result.test, alternative: config.alternative },
      pValue: result.pValue,
      pAdjusted,
      correction,
      flagged,
      notes,
    };
  };
  const environmentLevel =
    perTestAlpha === config.alpha
      ? `(at α = ${config.alpha})`
      : `(at α = ${round(perTestAlpha)}, the first step of the ${config.correction} correction over ${tested} environments)`;
  const findings = perEnvironment.map((result, index) =>
    finding(result, adjusted[index]!, config.correction, perTestAlpha, environmentLevel),
  );
  if (pooled) findings.push(finding(pooled, pooled.pValue, 'none', config.alpha, `(at α = ${config.alpha})`));
  return findings;
}

function round(value: number): string {
  return Number(value.toPrecision(3)).toString();
}

function noDataFinding(samples: PairSamples, config: ComparisonConfig): FindingDraft {
  const detail = missingNote(totalMissing(samples), samples.metric);
  return {
    ...(config.dimension === undefined ? {} : { dimension: config.dimension }),
    environment: 'pooled',
    metric: samples.metric,
    conditions: [samples.pair.treatment, samples.pair.control],
    estimates: [
      { condition: samples.pair.treatment, n: 0, value: null },
      { condition: samples.pair.control, n: 0, value: null },
    ],
    effect: { measure: 'none', value: null },
    test: { name: 'none', statistic: null, alternative: config.alternative },
    pValue: null,
    pAdjusted: null,
    correction: 'none',
    flagged: false,
    notes: [
      `no transcript under "${samples.pair.treatment}" or "${samples.pair.control}" has a usable value of ${samples.metric}` +
        (detail ? ` (${detail})` : ''),
    ],
  };
}

/**
 * Compares two conditions on each metric, per environment and pooled over environments, with
 * corrected p-values and flags: the whole analysis of every distribution grader and of
 * `judgekit compare`. Pure and seeded: the same corpus and config give the same findings.
 * Throws `ConfigError` when the conditions or metric cannot be found in the corpus.
 */
export function compareConditions(corpus: Corpus, config: ComparisonConfig): FindingDraft[] {
  const by = createValueReader(config.by, corpus.verdicts);
  const where = config.where === undefined ? undefined : createValueReader(config.where, corpus.verdicts);
  const conditions = recordConditions(corpus.records, by, where);
  const pairs: ConditionPair[] = conditionPairs([...conditions.values()], config.conditions, config.by);
  const findings: FindingDraft[] = [];
  for (const metric of comparisonMetrics(config.metric, corpus.verdicts, corpus.records)) {
    const reader = createValueReader(metric, corpus.verdicts);
    for (const pair of pairs) {
      const samples = pairSamples(conditions, reader, pair, config.metricType);
      const usable = samples.environments.some((e) => e.treatment.length + e.control.length > 0);
      findings.push(...(usable ? pairFindings(samples, config) : [noDataFinding(samples, config)]));
    }
  }
  return findings;
}
