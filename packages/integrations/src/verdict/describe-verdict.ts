import type { Verdict } from '@judgekit/core';

const MAX_QUOTE = 160;

function shorten(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/** The verdict's label in words: `flagged`, `not flagged`, `abstained` or `failed`. */
export function verdictStatus(verdict: Verdict): 'flagged' | 'not flagged' | 'abstained' | 'failed' {
  if (verdict.error) return 'failed';
  if (verdict.label === null) return 'abstained';
  return verdict.label ? 'flagged' : 'not flagged';
}

/** The evidence quotes of a verdict as lines: `message 3: "…" (verified)`. */
export function evidenceLines(verdict: Verdict, limit = 5): string[] {
  return verdict.evidence.slice(0, limit).map((item) => {
    const check = item.verified === true ? 'verified' : item.verified === false ? 'NOT found' : 'unchecked';
    return `message ${item.messageIndex}: "${shorten(item.quote, MAX_QUOTE)}" (${check})`;
  });
}

/**
 * One verdict as text for people: who graded what, the outcome with score and category, the
 * rationale and the evidence quotes. Used in assertion reasons, matcher messages and explanations.
 */
export function describeVerdict(verdict: Verdict): string {
  const details = [
    verdict.score === undefined ? undefined : `score ${verdict.score.toFixed(2)}`,
    verdict.category,
    verdict.view ? `view ${verdict.view}` : undefined,
  ].filter(Boolean);
  const head = `${verdict.grader.name} on ${verdict.dimension}: ${verdictStatus(verdict)}${details.length ? ` (${details.join(', ')})` : ''}`;
  const lines = [head];
  if (verdict.error) lines.push(`  error: ${verdict.error.name}: ${verdict.error.message}`);
  if (verdict.rationale) lines.push(`  rationale: ${shorten(verdict.rationale, 600)}`);
  for (const line of evidenceLines(verdict)) lines.push(`  evidence ${line}`);
  return lines.join('\n');
}
