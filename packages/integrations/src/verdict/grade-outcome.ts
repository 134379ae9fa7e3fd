import type { Dimension, Verdict } from '@judgekit/core';
import { type DimensionOutcome, dimensionOutcomes } from './dimension-outcome.js';

/** The verdicts of one transcript folded for a harness that wants one pass/score answer. */
export interface GradeOutcome {
  verdicts: Verdict[];
  /** One outcome per selected dimension. */
  outcomes: DimensionOutcome[];
  /** Whether any selected dimension was flagged. */
  shown: boolean;
  /** Whether any selected verdict failed or abstained. */
  undecided: boolean;
  /**
   * 1 − the highest presence over the selected dimensions, in [0, 1]: 1 means no grader saw the
   * behaviour (higher is better, as promptfoo, autoevals and LangSmith read scores). `null` when no
   * verdict decided.
   */
  cleanScore: number | null;
}

/**
 * Folds a transcript's verdicts into one answer over `dimensions` (default: every dimension the
 * verdicts speak about).
 */
export function gradeOutcome(verdicts: readonly Verdict[], dimensions?: readonly Dimension[]): GradeOutcome {
  const outcomes = dimensionOutcomes(verdicts).filter(
    (outcome) => !dimensions || dimensions.includes(outcome.dimension),
  );
  const presences = outcomes
    .map((outcome) => outcome.presence)
    .filter((value): value is number => value !== null);
  return {
    verdicts: outcomes.flatMap((outcome) => outcome.verdicts),
    outcomes,
    shown: outcomes.some((outcome) => outcome.shown === true),
    undecided: outcomes.some((outcome) => outcome.undecided.length > 0) || outcomes.length === 0,
    cleanScore: presences.length > 0 ? 1 - Math.max(...presences) : null,
  };
}
