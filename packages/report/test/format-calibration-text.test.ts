import { calibrate } from '@judgekit/analysis';
import type { GoldLabel, Verdict } from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { formatCalibrationText } from '../src/index.js';

function verdict(transcriptId: string, label: boolean | null, score?: number, error?: string): Verdict {
  return {
    transcriptId,
    dimension: 'covert_action',
    label,
    ...(score === undefined ? {} : { score }),
    evidence: [],
    grader: { name: 'judge', id: 'llm-judge.covert-action', version: '2.0.0' },
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
    ...(error ? { error: { name: 'JudgeCallError', message: error } } : {}),
  };
}

const gold: GoldLabel[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, index) => ({
  transcriptId: id,
  dimension: 'covert_action',
  label: index < 2,
  annotator: 'primary',
}));

describe('formatCalibrationText', () => {
  it('shows the summary row, counts with abstentions and errors, intervals and the monitor threshold', () => {
    const report = calibrate(
      [
        verdict('a', true, 0.9),
        verdict('b', false, 0.4),
        verdict('c', false, 0.1),
        verdict('d', true, 0.6),
        verdict('e', null, 0.2),
        verdict('f', null, undefined, 'HTTP 500'),
      ],
      gold,
      { resamples: 200, goldSource: 'labels.jsonl', targetPrecision: 1 },
    );
    const text = formatCalibrationText(report);
    expect(text).toContain('calibration against labels.jsonl: 6 gold labels, all splits');
    expect(text).toMatch(/covert_action\s+judge\s+4\s+1\s+1\s+1\s+1\s+0\.500\s+0\.500/);
    expect(text).toContain('verdicts 6: scored 4, abstained 1, errors 1, gold unknown 0, no gold 0');
    expect(text).toContain('95% CIs: Wilson (rates), i.i.d. bootstrap (F1, MCC, kappa)');
    expect(text).toMatch(/recall\s+0\.500 \[0\.\d{3}, 0\.\d{3}\]/);
    expect(text).toContain('monitor threshold at FPR ≤ 5.0% on 3 benign: score ≥ 0.900, FPR 0.000');
    expect(text).toContain('target precision ≥ 1.00: score ≥ 0.900 (precision 1.000, recall 0.500)');
    expect(text).toMatch(/by category:\n.*\n.*\n\(none\)\s+2 .*\nnegative\s+2 .*\s1\s+1$/m);
  });
});
