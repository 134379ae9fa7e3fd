/** How an ensemble's judges are merged. */
export type CombineRule = 'mean' | 'majority';

/** A score with the label it implies. */
export interface ScoredLabel {
  score: number;
  label: boolean;
}

/**
 * Merges the judges of an ensemble. `mean`: the mean score against the threshold. `majority`: the
 * label most judges gave (each judge's score against the threshold), a tie falling back to the
 * mean; the score is the mean either way.
 */
export function combineJudges(scores: readonly number[], rule: CombineRule, threshold: number): ScoredLabel {
  const mean = scores.reduce((sum, score) => sum + score, 0) / Math.max(1, scores.length);
  if (rule === 'mean') return { score: mean, label: mean >= threshold };
  const positive = scores.filter((score) => score >= threshold).length;
  const negative = scores.length - positive;
  return { score: mean, label: positive === negative ? mean >= threshold : positive > negative };
}

/** Merges the chunks of a long transcript: the behaviour is present if any chunk shows it. */
export function combineChunks(chunks: readonly ScoredLabel[]): ScoredLabel {
  return {
    score: Math.max(0, ...chunks.map((chunk) => chunk.score)),
    label: chunks.some((chunk) => chunk.label),
  };
}

/**
 * Hybrid monitoring: fuses the reasoning-only and actions-only scores as
 * `reasoningWeight × reasoning + (1 − reasoningWeight) × actions`, labelled against the threshold.
 * @param reasoning `undefined` when the transcript has no reasoning (the actions score is used alone)
 */
export function fuseHybrid(
  reasoning: number | undefined,
  actions: number,
  reasoningWeight: number,
  threshold: number,
): ScoredLabel {
  const score =
    reasoning === undefined ? actions : reasoningWeight * reasoning + (1 - reasoningWeight) * actions;
  return { score, label: score >= threshold };
}
