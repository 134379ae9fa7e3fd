import type { Rating } from '@judgekit/core';
import { AGREEMENT_FORMAT, type AgreementReport } from './agreement-report-schema.js';
import { agreementSummary } from './agreement-summary.js';
import { parseRatingItemId } from './rating-item-id.js';

/** Options of `agreementReport`. */
export interface AgreementReportOptions {
  /** Confidence level, default 0.95. */
  level?: number;
  /** Bootstrap resamples, default 1000 (each resample re-evaluates every coefficient over all items). */
  resamples?: number;
  /** Bootstrap seed, default 0. */
  seed?: number;
  /** Score ratings (interval scale) of the same items, for Krippendorff's alpha on scores. */
  scores?: readonly Rating[];
  /** itemId → cluster (environment), for cluster-bootstrap intervals. */
  clusters?: ReadonlyMap<string, string>;
  /** A rater every other rater is compared against (see `AgreementSummaryOptions.reference`). */
  reference?: string;
  /** Derived raters left out of the all-rater coefficients (see `AgreementSummaryOptions.derivedRaters`). */
  derivedRaters?: readonly string[];
}

function groupByDimension(ratings: readonly Rating[]): Map<string | null, Rating[]> {
  const groups = new Map<string | null, Rating[]>();
  for (const rating of ratings) {
    const dimension = parseRatingItemId(rating.itemId)?.dimension ?? null;
    const group = groups.get(dimension);
    if (group) group.push(rating);
    else groups.set(dimension, [rating]);
  }
  return groups;
}

/**
 * Agreement among every rater in `ratings`, one group per dimension (items made by
 * `ratingItemId`; other item ids form one group with dimension `null`).
 */
export function agreementReport(
  ratings: readonly Rating[],
  options: AgreementReportOptions = {},
): AgreementReport {
  const settings = {
    level: options.level ?? 0.95,
    resamples: options.resamples ?? 1000,
    seed: options.seed ?? 0,
  };
  const scoreGroups = groupByDimension(options.scores ?? []);
  const groups = [...groupByDimension(ratings).entries()]
    .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
    .map(([dimension, group]) =>
      agreementSummary(group, {
        ...settings,
        dimension,
        ...(scoreGroups.get(dimension) ? { scores: scoreGroups.get(dimension)! } : {}),
        ...(options.clusters ? { clusters: options.clusters } : {}),
        ...(options.derivedRaters ? { derivedRaters: options.derivedRaters } : {}),
        ...(options.reference !== undefined && group.some((rating) => rating.rater === options.reference)
          ? { reference: options.reference }
          : {}),
      }),
    );
  return {
    format: AGREEMENT_FORMAT,
    settings: { ...settings, clustered: options.clusters !== undefined && options.clusters.size > 0 },
    groups,
    notes: [],
  };
}
