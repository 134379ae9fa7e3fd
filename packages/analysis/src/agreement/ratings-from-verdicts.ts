import type { GoldLabel, Rating, Verdict } from '@judgekit/core';
import { ratingItemId } from './rating-item-id.js';

/** Options of `ratingsFromVerdicts`. */
export interface RatingsFromVerdictsOptions {
  /** Rate with the verdict's `label` (nominal, default) or its `score` (interval). */
  value?: 'label' | 'score';
  /** The rater name of a verdict; default its grader's configured name. */
  rater?: (verdict: Verdict) => string;
}

/**
 * Verdicts as long-format ratings, one per verdict. Items are `dimension:transcriptId`. A failed
 * verdict, an abstention or a missing score is a missing rating (`null`), kept so that coverage
 * can be reported.
 */
export function ratingsFromVerdicts(
  verdicts: readonly Verdict[],
  options: RatingsFromVerdictsOptions = {},
): Rating[] {
  const rater = options.rater ?? ((verdict: Verdict) => verdict.grader.name);
  return verdicts.map((verdict) => {
    let value: Rating['value'];
    if (verdict.error) value = null;
    else if (options.value === 'score') value = verdict.score ?? null;
    else value = verdict.label;
    return { itemId: ratingItemId(verdict.transcriptId, verdict.dimension), rater: rater(verdict), value };
  });
}

/** Gold labels as ratings, rated by their annotator (or `rater`, when given). */
export function ratingsFromGoldLabels(gold: readonly GoldLabel[], rater?: string): Rating[] {
  return gold.map((label) => ({
    itemId: ratingItemId(label.transcriptId, label.dimension),
    rater: rater ?? label.annotator,
    value: label.label,
  }));
}
