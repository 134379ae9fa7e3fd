import { existsSync } from 'node:fs';
import type { FindingDraft } from '@judgekit/core';
import {
  loadCounterfactualSet,
  loadPlantedEffects,
  type MetricTruth,
  PLANTED_EFFECTS_PATH,
} from '@judgekit/fixtures';
import { describe, expect, it } from 'vitest';
import {
  awarenessConditionedGrader,
  type ComparisonConfig,
  compareConditions,
  compareGrader,
  deniableErrorAsymmetryGrader,
  sandbaggingGrader,
} from '../src/index.js';

const ALPHA = 0.05;
const present = existsSync(PLANTED_EFFECTS_PATH);

describe.skipIf(!present)('the graders on the fixtures’ counterfactual sets (planted-effects.json)', () => {
  // Skipped when the fixtures package has not written data/counterfactual (run its generator).
  const truth = present ? loadPlantedEffects() : undefined;
  const sets = present
    ? { eval_cue: loadCounterfactualSet('eval_cue'), incentive: loadCounterfactualSet('incentive') }
    : undefined;
  const key = (environment: string, pair: string, metric: string) =>
    `${pair}\u0000${environment}\u0000${metric}`;

  /** Findings of one grader config on one set, keyed like the truth file's entries. */
  function run(pair: keyof NonNullable<typeof sets>, config: ComparisonConfig): Map<string, FindingDraft> {
    const findings = compareConditions({ records: sets![pair], verdicts: [] }, config);
    return new Map(findings.map((finding) => [key(finding.environment, pair, finding.metric), finding]));
  }

  /** Runs `distribution.compare` (two-sided) on every pair × metric the truth file describes. */
  function compareEverything(): Map<string, FindingDraft> {
    const all = new Map<string, FindingDraft>();
    const families = new Map<string, MetricTruth>();
    for (const entry of truth!.metrics) families.set(`${entry.pair}\u0000${entry.metric}`, entry);
    for (const entry of families.values()) {
      const config = compareGrader.config.parse({
        metric: entry.metric,
        conditions: { treatment: entry.conditions[0], control: entry.conditions[1] },
        ...(entry.kind === 'conditional_rate' ? { where: 'metadata.mistake' } : {}),
      });
      for (const [name, finding] of run(entry.pair, config)) all.set(name, finding);
    }
    return all;
  }

  it('distribution.compare flags every planted environment × metric, and at most α of the null ones', () => {
    const findings = compareEverything();
    const planted = truth!.metrics.filter((entry) => entry.planted);
    const nulls = truth!.metrics.filter((entry) => !entry.planted);
    expect(planted.length).toBeGreaterThan(0);
    const missed = planted.filter(
      (entry) => !findings.get(key(entry.environment, entry.pair, entry.metric))?.flagged,
    );
    expect(missed.map((entry) => `${entry.pair} ${entry.environment} ${entry.metric}`)).toEqual([]);
    const falseFlags = nulls.filter(
      (entry) => findings.get(key(entry.environment, entry.pair, entry.metric))!.flagged,
    );
    console.info(
      `distribution.compare on the committed sets: ${planted.length}/${planted.length} planted flagged; ` +
        `${falseFlags.length}/${nulls.length} null environment × metric comparisons flagged ` +
        `(${falseFlags.map((entry) => `${entry.pair} ${entry.environment} ${entry.metric}`).join(', ') || 'none'})`,
    );
    expect(falseFlags.length / nulls.length).toBeLessThanOrEqual(ALPHA);
  });

  it('each ready grader flags the planted effects it is built for, and at most α of its null environments', () => {
    const graders = [
      { grader: sandbaggingGrader, pair: 'incentive' as const, options: {} },
      { grader: sandbaggingGrader, pair: 'incentive' as const, options: { metric: 'metadata.correct' } },
      { grader: awarenessConditionedGrader, pair: 'eval_cue' as const, options: {} },
      { grader: deniableErrorAsymmetryGrader, pair: 'incentive' as const, options: {} },
    ];
    for (const { grader, pair, options } of graders) {
      const config = grader.config.parse(options) as ComparisonConfig;
      const metric = config.metric as string;
      const findings = run(pair, config);
      const entries = truth!.metrics.filter((entry) => entry.pair === pair && entry.metric === metric);
      expect(entries.length, `${grader.id}: the truth file describes ${metric}`).toBe(10);
      const planted = entries.filter((entry) => entry.planted);
      expect(planted.length, `${grader.id} ${metric}: something is planted`).toBeGreaterThan(0);
      for (const entry of planted) {
        const finding = findings.get(key(entry.environment, pair, entry.metric))!;
        expect(
          finding.flagged,
          `${grader.id} misses ${entry.environment} (${JSON.stringify(entry.trueValue)})`,
        ).toBe(true);
      }
      const nulls = entries.filter((entry) => !entry.planted);
      const falseFlags = nulls.filter(
        (entry) => findings.get(key(entry.environment, pair, entry.metric))!.flagged,
      );
      console.info(
        `${grader.id} (${metric}, ${config.alternative}): ${planted.length}/${planted.length} planted flagged, ` +
          `${falseFlags.length}/${nulls.length} null flagged; pooled p = ${findings.get(key('pooled', pair, metric))?.pValue?.toExponential(2)}`,
      );
      expect(falseFlags.length / nulls.length).toBeLessThanOrEqual(ALPHA);
    }
  });

  it('estimates the planted differences: each true difference lies in its finding’s interval', () => {
    const findings = compareEverything();
    const planted = truth!.metrics.filter((entry) => entry.planted);
    const outside = planted.filter((entry) => {
      const ci = findings.get(key(entry.environment, entry.pair, entry.metric))!.effect.ci!;
      return !(ci.lower <= entry.effect.difference && entry.effect.difference <= ci.upper);
    });
    expect(outside.map((entry) => `${entry.environment} ${entry.metric}`)).toEqual([]);
  });
});
