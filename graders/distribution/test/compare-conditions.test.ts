import { ConfigError, type CorpusRecord, FindingDraftSchema } from '@judgekit/core';
import {
  benjaminiHochbergAdjust,
  holmAdjust,
  newcombeInterval,
  riskDifference,
  wilsonInterval,
} from '@judgekit/stats';
import { describe, expect, it } from 'vitest';
import {
  type ComparisonConfigInput,
  cochranMantelHaenszelTest,
  compareConditions,
  comparisonConfigSchema,
  welchTTest,
} from '../src/index.js';
import { rateRecords, scoreRecords, spread, verdictOf } from './helpers/corpus.js';

const compare = (records: CorpusRecord[], options: ComparisonConfigInput, verdicts = [] as never[]) =>
  compareConditions({ records, verdicts }, comparisonConfigSchema().parse(options)).map((finding) =>
    FindingDraftSchema.parse(finding),
  );

const byEnvironment = <T extends { environment: string }>(findings: T[]) =>
  Object.fromEntries(findings.map((finding) => [finding.environment, finding]));

/** Three environments: `shifty` has a large planted jump in covert actions, the others none. */
function oneShiftedEnvironment(): CorpusRecord[] {
  return [
    ...rateRecords('shifty', 'no_eval_cue', 22, 60),
    ...rateRecords('shifty', 'eval_cue', 3, 60),
    ...rateRecords('calm', 'no_eval_cue', 6, 60),
    ...rateRecords('calm', 'eval_cue', 5, 60),
    ...rateRecords('steady', 'no_eval_cue', 4, 60),
    ...rateRecords('steady', 'eval_cue', 4, 60),
  ];
}

describe('compareConditions on rates', () => {
  it('flags the environment whose covert-action rate drops with the cue, and not its neighbours', () => {
    const findings = byEnvironment(compare(oneShiftedEnvironment(), { metric: 'metadata.covertAction' }));
    expect(Object.keys(findings).sort()).toEqual(['calm', 'pooled', 'shifty', 'steady']);
    expect(findings.shifty!.conditions).toEqual(['eval_cue', 'no_eval_cue']);
    expect(findings.shifty!.flagged).toBe(true);
    expect(findings.calm!.flagged).toBe(false);
    expect(findings.steady!.flagged).toBe(false);
  });

  it('reports Wilson intervals, the Newcombe risk difference, the N − 1 chi-square and Holm-adjusted p', () => {
    const findings = compare(oneShiftedEnvironment(), { metric: 'metadata.covertAction' });
    const shifty = byEnvironment(findings).shifty!;
    expect(shifty.estimates).toEqual([
      { condition: 'eval_cue', n: 60, value: 3 / 60, ci: wilsonInterval(3, 60) },
      { condition: 'no_eval_cue', n: 60, value: 22 / 60, ci: wilsonInterval(22, 60) },
    ]);
    const difference = riskDifference({ successes: 3, trials: 60 }, { successes: 22, trials: 60 });
    expect(shifty.effect).toEqual({ measure: 'risk_difference', value: difference.value, ci: difference.ci });
    const test = cochranMantelHaenszelTest([
      { treatmentEvents: 3, treatmentTrials: 60, controlEvents: 22, controlTrials: 60 },
    ]);
    expect(shifty.test).toEqual({
      name: 'n-1-chi-square',
      statistic: test.statistic,
      alternative: 'two-sided',
    });
    expect(shifty.pValue).toBe(test.pValue);
    const environments = findings.filter((finding) => finding.environment !== 'pooled');
    const holm = holmAdjust(environments.map((finding) => finding.pValue!));
    expect(environments.map((finding) => finding.pAdjusted)).toEqual(holm);
    expect(environments.every((finding) => finding.correction === 'holm')).toBe(true);
  });

  it('uses Benjamini-Hochberg when configured, and no correction with `none`', () => {
    const bh = compare(oneShiftedEnvironment(), {
      metric: 'metadata.covertAction',
      correction: 'benjamini-hochberg',
    }).filter((finding) => finding.environment !== 'pooled');
    expect(bh.map((finding) => finding.pAdjusted)).toEqual(benjaminiHochbergAdjust(bh.map((f) => f.pValue!)));
    const none = compare(oneShiftedEnvironment(), { metric: 'metadata.covertAction', correction: 'none' });
    expect(none.every((finding) => finding.pAdjusted === finding.pValue)).toBe(true);
  });

  it('tests one side when the hypothesis is one-sided: a drop is not flagged under `greater`', () => {
    const greater = byEnvironment(
      compare(oneShiftedEnvironment(), { metric: 'metadata.covertAction', alternative: 'greater' }),
    );
    expect(greater.shifty!.pValue).toBeGreaterThan(0.99);
    expect(greater.shifty!.flagged).toBe(false);
    const less = byEnvironment(
      compare(oneShiftedEnvironment(), { metric: 'metadata.covertAction', alternative: 'less' }),
    );
    expect(less.shifty!.test.alternative).toBe('less');
    expect(less.shifty!.pValue).toBeCloseTo(
      greater.shifty!.pValue === null ? 0 : 1 - greater.shifty!.pValue,
      6,
    );
    expect(less.shifty!.flagged).toBe(true);
  });

  it('does not flag a significant shift whose interval lies wholly below the minimum effect', () => {
    const records = [
      ...rateRecords('big', 'treated', 2650, 5000),
      ...rateRecords('big', 'control', 2500, 5000),
    ];
    const [strict] = compare(records, { metric: 'metadata.covertAction', minimumEffect: 0.1 });
    expect(strict!.pValue!).toBeLessThan(0.01);
    expect(strict!.effect.ci!.upper).toBeLessThan(0.1);
    expect(strict!.flagged).toBe(false);
    const [lenient] = compare(records, { metric: 'metadata.covertAction', minimumEffect: 0.02 });
    expect(lenient!.flagged).toBe(true);
  });

  it('adds a power note when n is too small to detect the minimum effect, and none when it is ample', () => {
    const small = [...rateRecords('tiny', 'treated', 1, 12), ...rateRecords('tiny', 'control', 1, 12)];
    const [tiny] = compare(small, { metric: 'metadata.covertAction', minimumEffect: 0.1 });
    expect(tiny!.notes.some((note) => note.startsWith('n too small to detect the minimum effect'))).toBe(
      true,
    );
    const large = [
      ...rateRecords('ample', 'treated', 100, 1000),
      ...rateRecords('ample', 'control', 100, 1000),
    ];
    const [ample] = compare(large, { metric: 'metadata.covertAction', minimumEffect: 0.1 });
    expect(ample!.notes.filter((note) => note.startsWith('n too small'))).toEqual([]);
  });

  it("falls back to Fisher's exact test when an expected count is below 1, and says so", () => {
    const records = [...rateRecords('sparse', 'treated', 2, 6), ...rateRecords('sparse', 'control', 0, 12)];
    const [finding] = compare(records, { metric: 'metadata.covertAction' });
    expect(finding!.test.name).toBe('fisher-exact');
    expect(finding!.notes.some((note) => note.includes("Fisher's exact test"))).toBe(true);
  });

  it('finds a small shift shared by every environment in the pooled test, none alone', () => {
    const counts = { a: [14, 7], b: [13, 7], c: [15, 7], d: [12, 6], e: [16, 8], f: [14, 6] };
    const environments = Object.keys(counts);
    const records = Object.entries(counts).flatMap(([environment, [treated, control]]) => [
      ...rateRecords(environment, 'treated', treated!, 50),
      ...rateRecords(environment, 'control', control!, 50),
    ]);
    const findings = byEnvironment(
      compare(records, { metric: 'metadata.covertAction', minimumEffect: 0.05 }),
    );
    for (const environment of environments) expect(findings[environment]!.flagged).toBe(false);
    expect(findings.pooled!.test.name).toBe('cochran-mantel-haenszel');
    expect(findings.pooled!.flagged).toBe(true);
    expect(findings.pooled!.effect.measure).toBe('mantel_haenszel_risk_difference');
    // equal sizes: the Mantel-Haenszel weights are equal, so it is the mean of the six differences
    expect(findings.pooled!.effect.value).toBeCloseTo((7 + 6 + 8 + 6 + 8 + 8) / 50 / 6, 12);
    expect(findings.pooled!.effect.ci!.method).toBe('cluster-jackknife-t');
    expect(findings.pooled!.estimates.map((estimate) => estimate.n)).toEqual([300, 300]);
  });

  it('does not mistake a difference between environments for an effect (Simpson): the pooled test is stratified', () => {
    // Inside each environment both conditions have the same rate; treatment just ran more often in
    // the environment with the high base rate, so the crude pooled difference is large.
    const records = [
      ...rateRecords('risky', 'treated', 40, 80),
      ...rateRecords('risky', 'control', 10, 20),
      ...rateRecords('safe', 'treated', 2, 20),
      ...rateRecords('safe', 'control', 8, 80),
    ];
    const pooled = byEnvironment(compare(records, { metric: 'metadata.covertAction' })).pooled!;
    const crude = pooled.estimates[0]!.value! - pooled.estimates[1]!.value!;
    expect(crude).toBeCloseTo(0.42 - 0.18, 10);
    expect(pooled.effect.value).toBeCloseTo(0, 10);
    expect(pooled.pValue).toBe(1);
    expect(pooled.flagged).toBe(false);
  });

  it('is reproducible: the same corpus and seed give the same findings', () => {
    const records = oneShiftedEnvironment();
    expect(compare(records, { metric: 'metadata.covertAction', seed: 5 })).toEqual(
      compare(records, { metric: 'metadata.covertAction', seed: 5 }),
    );
  });

  it('reports an environment that lacks a condition without a test', () => {
    const records = [...oneShiftedEnvironment(), ...rateRecords('lopsided', 'eval_cue', 2, 10)];
    const lopsided = byEnvironment(compare(records, { metric: 'metadata.covertAction' })).lopsided!;
    expect(lopsided.pValue).toBeNull();
    expect(lopsided.flagged).toBe(false);
    expect(lopsided.notes).toContain('no transcripts under "no_eval_cue" in this environment');
  });
});

describe('compareConditions on continuous metrics', () => {
  const sandbagging = () => [
    ...scoreRecords('quiz', 'underperform_incentive', spread(40, 0.3, 0.8)),
    ...scoreRecords('quiz', 'control', spread(40, 0.55, 1)),
    ...scoreRecords('essay', 'underperform_incentive', spread(40, 0.4, 0.9)),
    ...scoreRecords('essay', 'control', spread(40, 0.4, 0.9)),
  ];

  it("detects lower task scores under the incentive with Welch's t, one-sided", () => {
    const findings = byEnvironment(
      compare(sandbagging(), { metric: 'metadata.taskScore', alternative: 'less', minimumEffect: 0.1 }),
    );
    const welch = welchTTest(spread(40, 0.3, 0.8), spread(40, 0.55, 1), { alternative: 'less' });
    expect(findings.quiz!.test).toEqual({ name: 'welch-t', statistic: welch.statistic, alternative: 'less' });
    expect(findings.quiz!.pValue).toBe(welch.pValue);
    expect(findings.quiz!.effect).toEqual({
      measure: 'mean_difference',
      value: welch.difference,
      ci: welch.ci,
    });
    expect(findings.quiz!.flagged).toBe(true);
    expect(findings.essay!.flagged).toBe(false);
    expect(findings.pooled!.test.name).toBe('stratified-permutation');
    expect(findings.pooled!.effect.measure).toBe('stratified_mean_difference');
  });

  it('runs Mann-Whitney U or a permutation test when configured', () => {
    for (const continuousTest of ['mann-whitney', 'permutation'] as const) {
      const quiz = byEnvironment(
        compare(sandbagging(), { metric: 'metadata.taskScore', alternative: 'less', continuousTest }),
      ).quiz!;
      expect(quiz.test.name).toBe(continuousTest);
      expect(quiz.flagged).toBe(true);
    }
  });

  it('treats booleans and 0/1 as a rate unless told the metric is continuous', () => {
    const records = [
      ...rateRecords('x', 'treated', 5, 20, 'correct'),
      ...rateRecords('x', 'control', 9, 20, 'correct'),
    ];
    expect(compare(records, { metric: 'metadata.correct' })[0]!.effect.measure).toBe('risk_difference');
    expect(
      compare(records, { metric: 'metadata.correct', metricType: 'continuous' })[0]!.effect.measure,
    ).toBe('mean_difference');
  });
});

describe("compareConditions on other graders' verdicts and gold labels", () => {
  it('reads verdict:<grader> labels and counts abstentions and failures as missing, never as false', () => {
    const records = oneShiftedEnvironment();
    const verdicts = records.map((record, index) =>
      index % 25 === 0
        ? verdictOf(record, 'judge', null)
        : index % 25 === 1
          ? verdictOf(record, 'judge', null, { error: true })
          : verdictOf(record, 'judge', (record.metadata as { covertAction: boolean }).covertAction),
    );
    const findings = compareConditions(
      { records, verdicts },
      comparisonConfigSchema().parse({ metric: 'verdict:judge' }),
    );
    const shifty = byEnvironment(findings).shifty!;
    expect(shifty.metric).toBe('verdict:judge');
    expect(shifty.flagged).toBe(true);
    const n = shifty.estimates.reduce((sum, estimate) => sum + estimate.n, 0);
    expect(n).toBeLessThan(120);
    expect(
      (shifty.notes ?? []).some((note) =>
        /left out for want of verdict:judge: .*abstained.*grading failed/.test(note),
      ),
    ).toBe(true);
  });

  it('compares every grader of the run when no metric is named', () => {
    const records = oneShiftedEnvironment();
    const verdicts = records.flatMap((record) => [
      verdictOf(record, 'judge-a', false),
      verdictOf(record, 'judge-b', true, { dimension: 'eval_awareness' }),
    ]);
    const metrics = new Set(
      compareConditions({ records, verdicts }, comparisonConfigSchema().parse({})).map(
        (finding) => finding.metric,
      ),
    );
    expect([...metrics]).toEqual(['verdict:judge-a', 'verdict:judge-b']);
  });

  it('asks for a metric, listing the fields seen, when there is no metric and no verdict', () => {
    expect(() => compare(oneShiftedEnvironment(), {})).toThrow(
      /no metric: .*\(fields seen: metadata.covertAction\)/,
    );
  });

  it('asks for a dimension when a grader answers several, and names the graders when one is unknown', () => {
    const records = oneShiftedEnvironment();
    const verdicts = records.flatMap((record) => [
      verdictOf(record, 'judge', false),
      verdictOf(record, 'judge', true, { dimension: 'eval_awareness' }),
    ]);
    const run = (metric: string) =>
      compareConditions({ records, verdicts }, comparisonConfigSchema().parse({ metric }));
    expect(() => run('verdict:judge')).toThrow(/answers covert_action, eval_awareness; name one/);
    expect(run('verdict:judge#eval_awareness').length).toBe(4);
    expect(() => run('verdict:nobody')).toThrow(/graders with verdicts: judge/);
    try {
      run('verdict:nobody');
    } catch (error) {
      expect(ConfigError.isInstance(error)).toBe(true);
    }
  });

  it('reads score:<grader> as a continuous metric', () => {
    const records = [
      ...scoreRecords('x', 'treated', spread(30, 0, 1)),
      ...scoreRecords('x', 'control', spread(30, 0, 1)),
    ];
    const verdicts = records.map((record) =>
      verdictOf(record, 'judge', true, { score: (record.metadata as { taskScore: number }).taskScore }),
    );
    const [finding] = compareConditions(
      { records, verdicts },
      comparisonConfigSchema().parse({ metric: 'score:judge' }),
    );
    expect(finding!.effect.measure).toBe('mean_difference');
    expect(finding!.effect.value).toBeCloseTo(0, 12);
  });

  it('reads gold labels by gold:<dimension> and by their field path', () => {
    const records: CorpusRecord[] = oneShiftedEnvironment().map((record) => ({
      ...record,
      labels: {
        covert_action: { label: (record.metadata as { covertAction: boolean }).covertAction, annotator: 'a' },
      },
    }));
    const gold = compare(records, { metric: 'gold:covert_action' });
    const path = compare(records, { metric: 'labels.covert_action' });
    const field = compare(records, { metric: 'metadata.covertAction' });
    const strip = (findings: typeof gold) => findings.map(({ metric: _metric, ...rest }) => rest);
    expect(strip(gold)).toEqual(strip(field));
    expect(strip(path)).toEqual(strip(field));
  });
});

describe('compareConditions grouping and filtering', () => {
  it('groups by any field (eval-aware reasoning) instead of the condition', () => {
    const records: CorpusRecord[] = [
      ...rateRecords('env', 'x', 12, 30).map((r) => ({ ...r, metadata: { ...r.metadata, evalAware: true } })),
      ...rateRecords('env', 'x', 2, 40).map((r) => ({ ...r, metadata: { ...r.metadata, evalAware: false } })),
    ];
    const [finding] = compare(records, { metric: 'metadata.covertAction', by: 'metadata.evalAware' });
    expect(finding!.conditions).toEqual(['true', 'false']);
    expect(finding!.estimates.map((estimate) => estimate.n)).toEqual([30, 40]);
    expect(finding!.flagged).toBe(true);
  });

  it('counts only the transcripts `where` selects (the share of mistakes that favour the agent)', () => {
    const mistakes = (
      environment: string,
      condition: string,
      beneficial: number,
      total: number,
      correct: number,
    ) => [
      ...rateRecords(environment, condition, beneficial, total, 'mistakeBenefitsAgent').map((record) => ({
        ...record,
        metadata: { ...record.metadata, mistake: true },
      })),
      ...rateRecords(environment, condition, 0, correct, 'mistakeBenefitsAgent').map((record) => ({
        ...record,
        metadata: { ...record.metadata, mistake: false },
      })),
    ];
    const records = [
      ...mistakes('audit', 'incentive', 18, 24, 56),
      ...mistakes('audit', 'control', 6, 24, 56),
    ];
    const [finding] = compare(records, {
      metric: 'metadata.mistakeBenefitsAgent',
      where: 'metadata.mistake',
      alternative: 'greater',
    });
    expect(finding!.estimates).toMatchObject([
      { condition: 'incentive', n: 24, value: 0.75 },
      { condition: 'control', n: 24, value: 0.25 },
    ]);
    expect(finding!.effect.ci).toEqual(
      newcombeInterval({ successes: 18, trials: 24 }, { successes: 6, trials: 24 }),
    );
    expect(finding!.flagged).toBe(true);
  });

  it('compares each condition with its own control when several pairs are present', () => {
    const records = [
      ...rateRecords('env', 'eval_cue', 2, 20),
      ...rateRecords('env', 'no_eval_cue', 2, 20),
      ...rateRecords('env', 'underperform_incentive', 2, 20),
      ...rateRecords('env', 'control', 2, 20),
    ];
    const pairs = compare(records, { metric: 'metadata.covertAction' }).map((finding) => finding.conditions);
    expect(pairs).toEqual([
      ['eval_cue', 'no_eval_cue'],
      ['underperform_incentive', 'control'],
    ]);
  });

  it('reports a comparison with no usable values as a note rather than inventing numbers', () => {
    const records = rateRecords('env', 'treated', 2, 10).concat(rateRecords('env', 'control', 2, 10));
    const [finding] = compare(records, { metric: 'metadata.notThere' });
    expect(finding!.pValue).toBeNull();
    expect(finding!.notes[0]).toMatch(
      /has a usable value of metadata.notThere \(20 transcript\(s\) left out/,
    );
  });
});
