import type { Dimension, Verdict } from '@judgekit/core';

/** What a set of verdicts says about one dimension. */
export interface DimensionOutcome {
  dimension: Dimension;
  /** `true` when any grader flagged it, `false` when every grader that answered did not, `null` when none answered. */
  shown: boolean | null;
  /** The highest probability-like score of the behaviour in [0, 1] (a label without score counts as 0 or 1); `null` when none answered. */
  presence: number | null;
  /** The verdicts on this dimension, in the order given. */
  verdicts: Verdict[];
  /** Verdicts that failed (`error`) or abstained (`label: null`). */
  undecided: Verdict[];
}

/** The probability-like score of the behaviour a verdict gives, or `null` when it failed or abstained. */
export function verdictPresence(verdict: Verdict): number | null {
  if (verdict.error || verdict.label === null) return null;
  return verdict.score ?? (verdict.label ? 1 : 0);
}

/**
 * Folds verdicts per dimension, in the order dimensions first appear: a dimension is shown when any
 * grader flags it (a monitor's OR), and its presence is the highest score.
 */
export function dimensionOutcomes(verdicts: readonly Verdict[]): DimensionOutcome[] {
  const byDimension = new Map<Dimension, Verdict[]>();
  for (const verdict of verdicts) {
    const list = byDimension.get(verdict.dimension) ?? [];
    list.push(verdict);
    byDimension.set(verdict.dimension, list);
  }
  return [...byDimension.entries()].map(([dimension, list]) => {
    const presences = list.map(verdictPresence).filter((value): value is number => value !== null);
    const undecided = list.filter((verdict) => verdictPresence(verdict) === null);
    const shown = list.some((verdict) => verdict.label === true && !verdict.error)
      ? true
      : presences.length > 0
        ? false
        : null;
    return {
      dimension,
      shown,
      presence: presences.length > 0 ? Math.max(...presences) : null,
      verdicts: list,
      undecided,
    };
  });
}
