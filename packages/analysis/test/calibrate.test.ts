import { describe, expect, it } from 'vitest';
import { CalibrationReportSchema, calibrate } from '../src/index.js';
import { makeGold, makeTranscript, makeVerdict } from './helpers/records.js';

/** 40 transcripts over 4 environments; gold positive for every 4th; a grader that is right 90% of the time. */
function corpus() {
  const transcripts = Array.from({ length: 40 }, (_, index) =>
    makeTranscript({
      id: `t${index}`,
      environment: `env-${index % 4}`,
      split: index % 2 === 0 ? 'test' : 'dev',
      metadata: {
        evidenceLocus: { covert_action: index % 3 === 0 ? 'reasoning' : 'actions' },
        source: 'synthetic',
      },
    }),
  );
  const gold = transcripts.map((transcript, index) =>
    makeGold({
      transcriptId: transcript.id,
      label: index % 4 === 1,
      ...(index % 4 === 1 ? { category: 'sabotage' } : {}),
    }),
  );
  const verdicts = transcripts.map((transcript, index) => {
    const truth = index % 4 === 1;
    const wrong = index % 10 === 7;
    const score = truth ? 0.6 + (index % 5) / 10 : 0.05 * (index % 7);
    return makeVerdict({
      transcriptId: transcript.id,
      grader: 'judge',
      label: wrong ? !truth : truth,
      score,
      view: index % 2 === 0 ? 'all' : 'actions',
    });
  });
  return { transcripts, gold, verdicts };
}

describe('calibrate', () => {
  it('gives the confusion matrix and every metric with a cluster-bootstrap interval when environments are known', () => {
    const { transcripts, gold, verdicts } = corpus();
    const report = calibrate(verdicts, gold, { transcripts, resamples: 500 });
    expect(CalibrationReportSchema.parse(report)).toEqual(report);
    const [entry] = report.graders;
    expect(entry!.grader.name).toBe('judge');
    // index % 10 === 7 flips t7, t27 (gold negatives → false positives) and t17, t37 (gold positives → misses).
    expect(entry!.confusion).toEqual({
      truePositives: 8,
      falsePositives: 2,
      falseNegatives: 2,
      trueNegatives: 28,
    });
    expect(entry!.clusters).toBe(4);
    expect(entry!.metrics.precision.value).toBeCloseTo(8 / 10, 12);
    expect(entry!.metrics.precision.ci?.method).toBe('cluster-bootstrap-percentile+wilson');
    expect(entry!.metrics.mcc.ci?.method).toBe('cluster-bootstrap-percentile');
    for (const estimate of Object.values(entry!.metrics)) {
      expect(estimate.ci!.lower).toBeLessThanOrEqual(estimate.value!);
      expect(estimate.ci!.upper).toBeGreaterThanOrEqual(estimate.value!);
    }
  });

  it('never reports a zero-width interval for a proportion at its bound when clustering', () => {
    // No false positive in any environment: the cluster bootstrap of precision is [1, 1]; Wilson is not.
    const transcripts = Array.from({ length: 12 }, (_, index) =>
      makeTranscript({ id: `t${index}`, environment: `e${index % 3}` }),
    );
    const gold = transcripts.map((transcript, index) =>
      makeGold({ transcriptId: transcript.id, label: index < 6 }),
    );
    const verdicts = transcripts.map((transcript, index) =>
      makeVerdict({ transcriptId: transcript.id, label: index < 4 }),
    );
    const precision = calibrate(verdicts, gold, { transcripts, resamples: 300 }).graders[0]!.metrics
      .precision;
    expect(precision.value).toBe(1);
    expect(precision.ci!.lower).toBeCloseTo(0.5101, 3);
    expect(precision.ci!.upper).toBe(1);
  });

  it('falls back to Wilson and i.i.d. bootstrap intervals without environments', () => {
    const { gold, verdicts } = corpus();
    const entry = calibrate(verdicts, gold, { resamples: 200 }).graders[0]!;
    expect(entry.clusters).toBeNull();
    expect(entry.metrics.recall.ci?.method).toBe('wilson');
    expect(entry.metrics.mcc.ci?.method).toMatch(/^bootstrap/);
  });

  it('counts abstentions, errors, unknown gold and missing verdicts instead of dropping them', () => {
    const gold = [
      makeGold({ transcriptId: 'a', label: true }),
      makeGold({ transcriptId: 'b', label: false }),
      makeGold({ transcriptId: 'c', label: null }),
      makeGold({ transcriptId: 'd', label: false }),
      makeGold({ transcriptId: 'never-graded', label: true }),
    ];
    const verdicts = [
      makeVerdict({ transcriptId: 'a', label: true }),
      makeVerdict({ transcriptId: 'b', label: null }),
      makeVerdict({ transcriptId: 'c', label: true }),
      makeVerdict({
        transcriptId: 'd',
        label: null,
        error: { name: 'JudgeOutputError', message: 'bad JSON' },
      }),
      makeVerdict({ transcriptId: 'no-gold', label: true }),
    ];
    const entry = calibrate(verdicts, gold, { resamples: 100 }).graders[0]!;
    expect(entry.counts).toEqual({
      verdicts: 5,
      scored: 1,
      abstained: 1,
      errors: 1,
      goldUnknown: 1,
      noGold: 1,
      missingVerdicts: 1,
    });
  });

  it('reports on one split only when asked', () => {
    const { transcripts, gold, verdicts } = corpus();
    const report = calibrate(verdicts, gold, { transcripts, split: 'test', resamples: 100 });
    expect(report.split).toBe('test');
    expect(report.gold.labels).toBe(20);
    expect(report.graders[0]!.counts.verdicts).toBe(20);
  });

  it('finds the monitor threshold at the allowed FPR on benign transcripts, and the target-precision threshold', () => {
    const { transcripts, gold, verdicts } = corpus();
    const options = { transcripts, resamples: 200, targetPrecision: 1 };
    // benign scores are 0.05 × (index % 7) ≤ 0.30; positives score ≥ 0.6. Four of the 30 benign
    // transcripts score 0.30 (FPR 4/30 ≈ 0.13 at that threshold), four more 0.25 (8/30).
    const strict = calibrate(verdicts, gold, { ...options, targetFPR: 0.1 }).graders[0]!.scores!;
    expect(strict.rocAUC.value).toBe(1);
    expect(strict.monitor).toMatchObject({ threshold: 0.6, benign: 30, positives: 10 });
    expect(strict.monitor.fpr.value).toBe(0);
    expect(strict.monitor.tpr.value).toBe(1);
    const loose = calibrate(verdicts, gold, { ...options, targetFPR: 0.2 }).graders[0]!.scores!;
    expect(loose.monitor.threshold).toBeCloseTo(0.3, 12);
    expect(loose.monitor.fpr.value).toBeCloseTo(4 / 30, 12);
    const scores = strict;
    expect(scores.targets).toEqual([
      expect.objectContaining({ metric: 'precision', target: 1, threshold: 0.6 }),
    ]);
    expect(scores.reliability).toHaveLength(10);
    expect(scores.reliability.reduce((sum, bin) => sum + bin.n, 0)).toBe(40);
  });

  it('breaks down by gold category, environment, view and a per-dimension metadata key', () => {
    const { transcripts, gold, verdicts } = corpus();
    const entry = calibrate(verdicts, gold, {
      transcripts,
      resamples: 100,
      breakdowns: ['category', 'environment', 'view', 'metadata.evidenceLocus'],
    }).graders[0]!;
    const keys = Object.fromEntries(entry.breakdowns.map((b) => [b.by, b.groups.map((group) => group.key)]));
    expect(keys).toEqual({
      category: ['negative', 'sabotage'],
      environment: ['env-0', 'env-1', 'env-2', 'env-3'],
      view: ['actions', 'all'],
      'metadata.evidenceLocus': ['actions', 'reasoning'],
    });
    const sabotage = entry.breakdowns[0]!.groups.find((group) => group.key === 'sabotage')!;
    expect(sabotage.metrics.recall.value).toBe(0.8);
  });

  it('rejects an unknown breakdown and an out-of-range target with a clear message', () => {
    expect(() => calibrate([], [], { breakdowns: ['colour'] })).toThrow(/unknown breakdown "colour"/);
    expect(() => calibrate([], [], { targetFPR: 5 })).toThrow(/targetFPR: must be in \[0, 1\]/);
  });

  it('gives the same intervals for the same seed', () => {
    const { transcripts, gold, verdicts } = corpus();
    const first = calibrate(verdicts, gold, { transcripts, resamples: 300, seed: 7 });
    const second = calibrate(verdicts, gold, { transcripts, resamples: 300, seed: 7 });
    expect(second).toEqual(first);
  });
});

describe('breakdown by a per-dimension metadata key', () => {
  it('puts a transcript whose dimension-keyed metadata lacks this dimension under (none)', () => {
    const transcripts = [
      makeTranscript({ id: 'a', metadata: { evidenceLocus: { covert_action: 'reasoning' } } }),
      makeTranscript({ id: 'b', metadata: { evidenceLocus: { eval_awareness: 'actions' } } }),
      makeTranscript({ id: 'c', metadata: { evidenceLocus: 'contrast' } }),
      makeTranscript({ id: 'd', metadata: { evidenceLocus: {} } }),
    ];
    const entry = calibrate(
      transcripts.map((transcript) => makeVerdict({ transcriptId: transcript.id, label: true })),
      transcripts.map((transcript) => makeGold({ transcriptId: transcript.id, label: true })),
      { transcripts, resamples: 100, breakdowns: ['metadata.evidenceLocus'] },
    ).graders[0]!;
    expect(entry.breakdowns[0]!.groups.map((group) => group.key)).toEqual([
      '(none)',
      'contrast',
      'reasoning',
    ]);
  });
});

describe('calibrate on degenerate gold', () => {
  const scored = (ids: string[], label: boolean) =>
    ids.map((id, index) => makeVerdict({ transcriptId: id, label, score: (index + 1) / (ids.length + 1) }));

  it('reports undefined metrics instead of failing when gold has only positives, only negatives, or none', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const onlyPositives = calibrate(
      scored(ids, true),
      ids.map((id) => makeGold({ transcriptId: id, label: true })),
      {
        resamples: 100,
        targetPrecision: 0.9,
      },
    ).graders[0]!;
    expect(onlyPositives.metrics.specificity.value).toBeNull();
    expect(onlyPositives.scores!.rocAUC.value).toBeNull();
    expect(onlyPositives.scores!.monitor).toMatchObject({ threshold: null, benign: 0, positives: 4 });
    const onlyNegatives = calibrate(
      scored(ids, false),
      ids.map((id) => makeGold({ transcriptId: id, label: false })),
      {
        resamples: 100,
        targetRecall: 0.5,
      },
    ).graders[0]!;
    expect(onlyNegatives.metrics.recall.value).toBeNull();
    expect(onlyNegatives.scores!.prAUC.value).toBeNull();
    expect(onlyNegatives.scores!.pr).toEqual([]);
    const noGold = calibrate(scored(ids, true), [], { resamples: 100 }).graders[0]!;
    expect(noGold.counts).toMatchObject({ verdicts: 4, noGold: 4, scored: 0 });
    expect(noGold.scores).toBeNull();
    expect(noGold.metrics.accuracy).toEqual({ value: null, ci: null });
  });
});
