import type { Evidence, GoldLabel, Transcript, Verdict } from '@judgekit/core';

/** A verdict with sensible defaults, for tests. */
export function makeVerdict(
  fields: Partial<Omit<Verdict, 'grader'>> & { transcriptId: string; grader?: string | Verdict['grader'] },
): Verdict {
  const grader =
    typeof fields.grader === 'object'
      ? fields.grader
      : {
          name: fields.grader ?? 'rules.covert-action',
          id: fields.grader ?? 'rules.covert-action',
          version: '1.0.0',
        };
  return {
    dimension: 'covert_action',
    label: false,
    evidence: [] as Evidence[],
    timing: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
    ...fields,
    grader,
  };
}

/** A gold label with sensible defaults, for tests. */
export function makeGold(fields: Partial<GoldLabel> & { transcriptId: string }): GoldLabel {
  return { dimension: 'covert_action', label: false, annotator: 'annotator-a', ...fields };
}

/** A transcript with one user message, for tests. */
export function makeTranscript(fields: Partial<Transcript> & { id: string }): Transcript {
  return { messages: [{ role: 'user', content: [{ type: 'text', text: 'do the task' }] }], ...fields };
}
