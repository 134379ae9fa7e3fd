import { ConfigError, type GoldLabel, type Split, type Verdict } from '@judgekit/core';
import type { TranscriptInfo } from '../run/transcript-info.js';
import { labelKey } from './label-key.js';

/**
 * How a verdict counts against gold:
 * - `no_gold`: no gold label for this transcript and dimension (whatever the verdict);
 * - `error`: grading failed (`verdict.error`);
 * - `abstained`: the grader answered `null` without an error;
 * - `gold_unknown`: the annotator could not tell (`label: null`);
 * - `scored`: both the verdict and the gold label are `true`/`false`.
 */
export type JoinOutcome = 'scored' | 'abstained' | 'error' | 'gold_unknown' | 'no_gold';

/** A verdict beside its gold label. */
export interface LabelledVerdict {
  verdict: Verdict;
  gold: GoldLabel | undefined;
  outcome: JoinOutcome;
}

/** Options of `joinVerdictsWithGold`. */
export interface JoinVerdictsOptions {
  /** Keep only transcripts of this split (needs `transcripts`). */
  split?: Split;
  /** Transcripts by id, for the split filter. */
  transcripts?: ReadonlyMap<string, TranscriptInfo>;
}

/** How a verdict counts against the gold label it was paired with (see `JoinOutcome`). */
export function joinOutcome(verdict: Verdict, gold: GoldLabel | undefined): JoinOutcome {
  if (gold === undefined) return 'no_gold';
  if (verdict.error) return 'error';
  if (verdict.label === null) return 'abstained';
  if (gold.label === null) return 'gold_unknown';
  return 'scored';
}

/**
 * Pairs every verdict with the gold label of its (transcript, dimension). Nothing is dropped
 * except by the split filter: abstentions, errors and verdicts without gold come back with their
 * outcome so that reports can count them.
 */
export function joinVerdictsWithGold(
  verdicts: readonly Verdict[],
  gold: ReadonlyMap<string, GoldLabel>,
  options: JoinVerdictsOptions = {},
): LabelledVerdict[] {
  const { split, transcripts } = options;
  if (split !== undefined && transcripts === undefined)
    throw new ConfigError({
      path: 'split',
      reason: 'the split filter needs the transcripts (their `split` field); none were given',
    });
  const joined: LabelledVerdict[] = [];
  for (const verdict of verdicts) {
    if (split !== undefined && transcripts!.get(verdict.transcriptId)?.split !== split) continue;
    const label = gold.get(labelKey(verdict.transcriptId, verdict.dimension));
    joined.push({ verdict, gold: label, outcome: joinOutcome(verdict, label) });
  }
  return joined;
}
