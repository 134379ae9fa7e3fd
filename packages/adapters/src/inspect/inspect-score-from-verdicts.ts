import type { Dimension, Verdict } from '@judgekit/core';

/** An Inspect `Score` (inspect_ai/scorer/_metric.py): `value`, `answer`, `explanation`, `metadata`. */
export interface InspectScore {
  /** 1 flagged, 0 not flagged, NaN undecided; a `{ dimension: 1 | 0 | null }` dict for graders of several dimensions. */
  value: number | Record<string, number | null>;
  answer?: string;
  explanation?: string;
  metadata?: Record<string, unknown>;
}

/** The Inspect scorer name of a judgekit grader: `judgekit/<grader name>`. */
export function inspectScorerName(graderName: string): string {
  return `judgekit/${graderName}`;
}

function labelValue(verdict: Verdict): number | null {
  if (verdict.error || verdict.label === null) return null;
  return verdict.label ? 1 : 0;
}

function verdictLines(verdict: Verdict): string[] {
  const status = verdict.error
    ? 'failed'
    : verdict.label === null
      ? 'abstained'
      : verdict.label
        ? 'flagged'
        : 'not flagged';
  const details = [
    verdict.score === undefined ? undefined : `score ${verdict.score.toFixed(2)}`,
    verdict.category,
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [`${verdict.dimension}: ${status}${details ? ` (${details})` : ''}`];
  if (verdict.error) lines.push(`error: ${verdict.error.message}`);
  if (verdict.rationale) lines.push(verdict.rationale);
  for (const item of verdict.evidence.slice(0, 8)) {
    lines.push(
      `message ${item.messageIndex}: "${item.quote}"${item.verified === false ? ' (quote not found)' : ''}`,
    );
  }
  return lines;
}

/**
 * One Inspect `Score` from one grader's verdicts on one sample: `value` 1 when the grader flags the
 * behaviour, 0 when it does not, NaN when it failed or abstained (Inspect's unscored sentinel); a
 * dict keyed by dimension for a grader of several dimensions. `answer` holds the flagged
 * categories, `explanation` the rationale and evidence quotes, `metadata.judgekit` the verdicts.
 */
export function inspectScoreFromVerdicts(verdicts: readonly Verdict[]): InspectScore {
  const dimensions: Dimension[] = [...new Set(verdicts.map((verdict) => verdict.dimension))];
  const byDimension = new Map(verdicts.map((verdict) => [verdict.dimension, verdict]));
  const value: InspectScore['value'] =
    dimensions.length === 1
      ? (labelValue(verdicts[0]!) ?? Number.NaN)
      : Object.fromEntries(
          dimensions.map((dimension) => [dimension, labelValue(byDimension.get(dimension)!)]),
        );
  const flagged = verdicts.filter((verdict) => verdict.label === true && !verdict.error);
  const answer = [...new Set(flagged.map((verdict) => verdict.category ?? verdict.dimension))].join(', ');
  const first = verdicts[0]!;
  return {
    value,
    ...(answer ? { answer } : {}),
    explanation: verdicts.flatMap(verdictLines).join('\n'),
    metadata: {
      judgekit: {
        grader: first.grader,
        verdicts: verdicts.map(({ transcriptId: _id, grader: _grader, ...rest }) => rest),
      },
    },
  };
}
