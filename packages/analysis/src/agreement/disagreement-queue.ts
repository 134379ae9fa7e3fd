import type { GoldLabel, Verdict } from '@judgekit/core';
import { labelKey } from '../gold/label-key.js';
import type { DisagreementQueueRecord, QueueRating } from './disagreement-queue-schema.js';

/** Options of `disagreementQueue`. */
export interface DisagreementQueueOptions {
  /** The rater name of a verdict; default its grader's configured name. */
  rater?: (verdict: Verdict) => string;
  /** Gold labels by `labelKey`; when given, gold counts as one more rater and is shown. */
  gold?: ReadonlyMap<string, GoldLabel>;
  /** Keep items on which every rater agrees (default false). */
  includeAgreed?: boolean;
  /** At most this many items (default all). */
  limit?: number;
}

function toQueueRating(verdict: Verdict, rater: string): QueueRating {
  return {
    rater,
    label: verdict.error ? null : verdict.label,
    score: verdict.error ? null : (verdict.score ?? null),
    category: verdict.category ?? null,
    rationale: verdict.rationale ?? null,
    evidence: verdict.evidence,
    error: verdict.error ? verdict.error.message : null,
  };
}

/**
 * The disagreement queue: every (transcript, dimension) rated by two raters or more, ranked by
 * how much they disagree (the share of raters outside the most common answer), then by the spread
 * of their scores, then by how confidently a score contradicts gold, so a reviewer starts where a
 * human look settles the most. Each item carries
 * every rater's label, score, evidence and rationale side by side.
 */
export function disagreementQueue(
  verdicts: readonly Verdict[],
  options: DisagreementQueueOptions = {},
): DisagreementQueueRecord[] {
  const rater = options.rater ?? ((verdict: Verdict) => verdict.grader.name);
  const groups = new Map<string, { transcriptId: string; dimension: string; ratings: QueueRating[] }>();
  for (const verdict of verdicts) {
    const key = labelKey(verdict.transcriptId, verdict.dimension);
    let group = groups.get(key);
    if (!group) {
      group = { transcriptId: verdict.transcriptId, dimension: verdict.dimension, ratings: [] };
      groups.set(key, group);
    }
    group.ratings.push(toQueueRating(verdict, rater(verdict)));
  }
  const records: (Omit<DisagreementQueueRecord, 'rank'> & { goldDistance: number })[] = [];
  for (const [key, group] of groups) {
    const gold = options.gold?.get(key);
    const labels = group.ratings.map((rating) => rating.label);
    if (gold) labels.push(gold.label);
    const positives = labels.filter((label) => label === true).length;
    const negatives = labels.filter((label) => label === false).length;
    const answered = positives + negatives;
    if (labels.length < 2) continue;
    const disagreement = answered === 0 ? 0 : Math.min(positives, negatives) / answered;
    if (disagreement === 0 && !options.includeAgreed) continue;
    const scores = group.ratings.flatMap((rating) => (rating.score === null ? [] : [rating.score]));
    const goldValue = gold?.label === true ? 1 : gold?.label === false ? 0 : undefined;
    const goldDistance =
      goldValue === undefined ? -1 : Math.max(-1, ...scores.map((score) => Math.abs(score - goldValue)));
    records.push({
      goldDistance,
      transcriptId: group.transcriptId,
      dimension: group.dimension,
      disagreement,
      positives,
      negatives,
      missing: labels.length - answered,
      scoreSpread: scores.length < 2 ? null : Math.max(...scores) - Math.min(...scores),
      ratings: group.ratings.sort((a, b) => a.rater.localeCompare(b.rater)),
      gold: gold
        ? {
            label: gold.label,
            annotator: gold.annotator,
            category: gold.category ?? null,
            rationale: gold.rationale ?? null,
            evidence: gold.evidence ?? [],
          }
        : null,
      review: {},
    });
  }
  records.sort(
    (a, b) =>
      b.disagreement - a.disagreement ||
      (b.scoreSpread ?? -1) - (a.scoreSpread ?? -1) ||
      b.goldDistance - a.goldDistance ||
      b.positives + b.negatives - (a.positives + a.negatives) ||
      a.dimension.localeCompare(b.dimension) ||
      a.transcriptId.localeCompare(b.transcriptId),
  );
  const limited = options.limit === undefined ? records : records.slice(0, options.limit);
  return limited.map(({ goldDistance: _, ...record }, index) => ({ rank: index + 1, ...record }));
}
