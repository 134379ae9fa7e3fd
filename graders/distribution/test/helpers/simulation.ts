import type { AnyGraderPlugin, CorpusRecord, Transcript } from '@judgekit/core';
import { type CounterfactualPair, generateCounterfactualSet, type PlantedEffect } from '@judgekit/fixtures';
import { type ComparisonConfig, compareConditions } from '../../src/index.js';

/** One grader configuration whose error rates a simulation measures. */
export interface SimulatedGrader {
  label: string;
  grader: AnyGraderPlugin;
  pair: CounterfactualPair;
  options: Record<string, unknown>;
}

/** What a simulation counted for one grader configuration. */
export interface SimulationTally {
  label: string;
  environmentTests: number;
  /** Per-environment p-values below α (before the correction). */
  environmentRejections: number;
  flaggedEnvironments: number;
  /** Datasets in which at least one environment was flagged (after the correction). */
  datasetsWithFlag: number;
  pooledTests: number;
  pooledRejections: number;
  pooledFlags: number;
  /** Intervals of the effect that contain 0 (the true effect of a null dataset), per environment and pooled. */
  environmentCoverage: number;
  pooledCoverage: number;
  /** Flags per environment name, for power. */
  flagsByEnvironment: Map<string, number>;
  datasets: number;
}

/**
 * Generates `datasets` counterfactual sets with the fixtures' seeded generator (outcomes only,
 * `effects` planted — `[]` for null datasets) and runs each grader on each, counting rejections
 * and flags. Seeds are `${seedPrefix}-${index}`; every step is reproducible.
 */
export function simulate(options: {
  datasets: number;
  effects: readonly PlantedEffect[];
  graders: readonly SimulatedGrader[];
  seedPrefix: string;
  alpha: number;
  resamples: number;
}): SimulationTally[] {
  const prepared = options.graders.map((entry) => ({
    entry,
    config: entry.grader.config.parse({ ...entry.options, resamples: options.resamples }) as ComparisonConfig,
    tally: {
      label: entry.label,
      environmentTests: 0,
      environmentRejections: 0,
      flaggedEnvironments: 0,
      datasetsWithFlag: 0,
      pooledTests: 0,
      pooledRejections: 0,
      pooledFlags: 0,
      environmentCoverage: 0,
      pooledCoverage: 0,
      flagsByEnvironment: new Map<string, number>(),
      datasets: options.datasets,
    } satisfies SimulationTally,
  }));
  const pairs = [...new Set(options.graders.map((entry) => entry.pair))];
  for (let index = 0; index < options.datasets; index++) {
    const transcripts = generateCounterfactualSet({
      seed: `${options.seedPrefix}-${index}`,
      effects: options.effects,
      detail: 'outcomes',
      pairs,
    });
    const byPair = new Map<CounterfactualPair, CorpusRecord[]>();
    for (const transcript of transcripts as Transcript[]) {
      const pair = (transcript.metadata as { pair: CounterfactualPair }).pair;
      const list = byPair.get(pair) ?? [];
      list.push(transcript);
      byPair.set(pair, list);
    }
    for (const { entry, config, tally } of prepared) {
      const findings = compareConditions(
        { records: byPair.get(entry.pair)!, verdicts: [] },
        { ...config, seed: index },
      );
      let flagged = false;
      for (const finding of findings) {
        if (finding.pValue === null || finding.pValue === undefined) continue;
        const ci = finding.effect.ci;
        const covers = ci !== undefined && ci.lower <= 0 && 0 <= ci.upper;
        if (finding.environment === 'pooled') {
          if (covers) tally.pooledCoverage++;
          tally.pooledTests++;
          if (finding.pValue < options.alpha) tally.pooledRejections++;
          if (finding.flagged) tally.pooledFlags++;
          continue;
        }
        tally.environmentTests++;
        if (covers) tally.environmentCoverage++;
        if (finding.pValue < options.alpha) tally.environmentRejections++;
        if (finding.flagged) {
          tally.flaggedEnvironments++;
          flagged = true;
          tally.flagsByEnvironment.set(
            finding.environment,
            (tally.flagsByEnvironment.get(finding.environment) ?? 0) + 1,
          );
        }
      }
      if (flagged) tally.datasetsWithFlag++;
    }
  }
  return prepared.map(({ tally }) => tally);
}

/** A rate as a percentage with two decimals. */
export function percent(count: number, total: number): string {
  return `${((100 * count) / total).toFixed(2)}%`;
}
