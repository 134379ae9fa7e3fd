import type { Verdict } from '@judgekit/core';

/** What a user reads off verdicts (label, score, category, evidence, error), sorted by (transcript, grader, dimension). */
export function verdictFacts(verdicts: readonly Verdict[]) {
  return verdicts
    .map((verdict) => ({
      transcriptId: verdict.transcriptId,
      grader: verdict.grader.name,
      dimension: verdict.dimension,
      label: verdict.label,
      score: verdict.score,
      category: verdict.category,
      evidence: verdict.evidence,
      error: verdict.error,
    }))
    .sort((a, b) =>
      `${a.transcriptId}/${a.grader}/${a.dimension}`.localeCompare(
        `${b.transcriptId}/${b.grader}/${b.dimension}`,
      ),
    );
}
