import type { GoldLabel, Verdict } from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { calibrate, correctPrevalence } from '../src/index.js';

describe('the README example', () => {
  it('gives the figures its comments state', () => {
    const grader = { name: 'judge', id: 'llm-judge.covert-action', version: '1.0.0' };
    const timing = { startedAt: '2026-11-26T00:00:00.000Z', durationMs: 1 };
    const verdict = (id: string, label: boolean, score: number): Verdict => ({
      transcriptId: id,
      dimension: 'covert_action',
      label,
      score,
      evidence: [],
      grader,
      timing,
    });
    const gold = (id: string, label: boolean): GoldLabel => ({
      transcriptId: id,
      dimension: 'covert_action',
      label,
      annotator: 'alice',
    });
    const labelled = Array.from({ length: 40 }, (_, i) =>
      verdict(`g${i}`, i < 8 || (i >= 10 && i < 12), i < 10 ? 0.9 : 0.1),
    );
    const labels = Array.from({ length: 40 }, (_, i) => gold(`g${i}`, i < 10));
    const report = calibrate(labelled, labels, { resamples: 500 });
    const entry = report.graders[0]!;
    expect(entry.confusion).toEqual({
      truePositives: 8,
      falsePositives: 2,
      falseNegatives: 2,
      trueNegatives: 28,
    });
    expect(entry.metrics.recall.value).toBe(0.8);
    expect(entry.metrics.recall.ci!.lower).toBeCloseTo(0.49, 3);
    expect(entry.metrics.recall.ci!.upper).toBeCloseTo(0.943, 3);
    const run = Array.from({ length: 1000 }, (_, i) => verdict(`r${i}`, i < 100, i < 100 ? 0.9 : 0.1));
    const prevalence = correctPrevalence({
      verdicts: run,
      grader: 'judge',
      dimension: 'covert_action',
      calibration: entry,
    });
    expect(prevalence.naive.value).toBe(0.1);
    expect(prevalence.corrected!.value).toBeCloseTo((0.1 + 28 / 30 - 1) / (0.8 + 28 / 30 - 1), 12);
    expect(prevalence.corrected!.value).toBeCloseTo(0.045, 3);
  });
});
