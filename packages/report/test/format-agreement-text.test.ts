import { agreementReport, disagreementQueue, ratingItemId, ratingsFromVerdicts } from '@judgekit/analysis';
import type { Verdict } from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { formatAgreementText } from '../src/index.js';

function verdict(transcriptId: string, grader: string, label: boolean | null): Verdict {
  return {
    transcriptId,
    dimension: 'eval_awareness',
    label,
    evidence: [],
    grader: { name: grader, id: grader, version: '1' },
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  };
}

describe('formatAgreementText', () => {
  it('shows coefficients, coverage, pairs and the top of the queue', () => {
    const verdicts = ['t1', 't2', 't3', 't4'].flatMap((id, index) => [
      verdict(id, 'lexicon', index < 2),
      verdict(id, 'judge', index < 1 ? true : index === 3 ? null : false),
    ]);
    const report = agreementReport(ratingsFromVerdicts(verdicts), { resamples: 100 });
    const text = formatAgreementText(report, disagreementQueue(verdicts));
    expect(ratingItemId('t1', 'eval_awareness')).toBe('eval_awareness:t1');
    expect(text).toContain('## eval_awareness: 2 raters, 4 items (3 rated twice or more)');
    expect(text).toContain('coverage: judge 3 (1 missing), lexicon 4');
    expect(text).toMatch(/judge\s+lexicon\s+3\s+0\.667 \[/);
    expect(text).toContain('disagreement queue: 1 item(s); top 1:');
    expect(text).toMatch(/1\s+eval_awareness\s+t2\s+0\.50\s+1\s+1\s+0\s+-\s+lexicon/);
  });
});
