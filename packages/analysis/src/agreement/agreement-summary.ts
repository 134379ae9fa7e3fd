import type { Rating } from '@judgekit/core';
import {
  agreementInterval,
  categoryKey,
  cohensKappa,
  fleissKappa,
  gwetAc1,
  krippendorffAlpha,
  percentAgreement,
  type RatingMatrix,
  type RatingValue,
  ratingMatrix,
  wilsonInterval,
} from '@judgekit/stats';
import type { Estimate } from '../calibration/calibration-report-schema.js';
import { unionInterval } from '../calibration/classification-estimates.js';
import { type IntervalSettings, toEstimate } from '../calibration/estimate.js';
import type { AgreementGroup, PairAgreementRecord } from './agreement-report-schema.js';

/** Options of `agreementSummary`. */
export interface AgreementSummaryOptions extends Partial<IntervalSettings> {
  /** The group's dimension, recorded in the result. */
  dimension?: string | null;
  /** Scores (interval scale) of the same raters and items, for Krippendorff's alpha on scores. */
  scores?: readonly Rating[];
  /** itemId → cluster (e.g. environment): intervals then resample whole clusters of items. */
  clusters?: ReadonlyMap<string, string>;
  /** Raters in the order to report them (default: sorted). */
  raters?: readonly string[];
  /**
   * A rater to compare every other rater against (gold, or a `majorityRatings` pseudo-rater), with
   * missing ratings counted as disagreements — e.g. "the judge equals the human majority on 69.3%
   * of the items".
   */
  reference?: string;
  /**
   * Derived raters (e.g. a `majorityRatings` pseudo-rater) left out of the all-rater coefficients,
   * which assume independent raters; they still appear in the pairs and as the reference.
   */
  derivedRaters?: readonly string[];
}

function referenceAgreement(
  matrix: readonly (readonly RatingValue[])[],
  raters: readonly string[],
  reference: string,
  level: number,
): NonNullable<AgreementGroup['reference']> {
  const column = raters.indexOf(reference);
  if (column < 0) throw new RangeError(`agreementSummary: the reference rater "${reference}" rated nothing`);
  const rated = matrix.filter((row) => row[column] !== null);
  return {
    rater: reference,
    raters: raters.flatMap((rater, index) => {
      if (index === column) return [];
      const answered = rated.filter((row) => row[index] !== null);
      const agreed = answered.filter((row) => categoryKey(row[index]!) === categoryKey(row[column]!)).length;
      const share = (count: number, total: number): Estimate =>
        total === 0
          ? { value: null, ci: null }
          : toEstimate(count / total, wilsonInterval(count, total, { level }));
      return [
        {
          rater,
          items: rated.length,
          answered: answered.length,
          agreed,
          agreement: share(agreed, rated.length),
          agreementAnswered: share(agreed, answered.length),
        },
      ];
    }),
  };
}

/** Whether every non-missing value is a boolean: AC1 then counts both categories even if one is unused. */
function booleanCategories(matrix: RatingMatrix): string[] | undefined {
  const values = matrix.flat().filter((value) => value !== null);
  return values.length > 0 && values.every((value) => typeof value === 'boolean')
    ? [categoryKey(true), categoryKey(false)]
    : undefined;
}

function itemClusters(itemIds: readonly string[], clusters: ReadonlyMap<string, string> | undefined) {
  if (!clusters) return undefined;
  const list = itemIds.map((itemId) => clusters.get(itemId));
  if (list.some((cluster) => cluster === undefined)) return undefined;
  return new Set(list).size >= 2 ? (list as string[]) : undefined;
}

/** A clustered share's interval joined with the Wilson interval of the same share (see `unionInterval`). */
function clusteredShare(estimate: Estimate, successes: number, trials: number, level: number): Estimate {
  if (estimate.value === null || !estimate.ci) return estimate;
  return {
    value: estimate.value,
    ci: unionInterval(estimate.ci, wilsonInterval(successes, trials, { level })),
  };
}

function coefficientEstimate(
  matrix: RatingMatrix,
  coefficient: (matrix: RatingMatrix) => number,
  settings: IntervalSettings,
  seedOffset: number,
  clusters: string[] | undefined,
): Estimate {
  const value = coefficient(matrix);
  if (!Number.isFinite(value) || matrix.length < 2) return toEstimate(value, null);
  const { ci } = agreementInterval({
    matrix,
    coefficient,
    level: settings.level,
    resamples: settings.resamples,
    random: settings.seed + seedOffset,
    ...(clusters ? { clusters } : {}),
  });
  return toEstimate(value, clusters ? { ...ci, method: 'cluster-bootstrap-percentile' } : ci);
}

/**
 * Agreement among raters on one group of items (all through `@judgekit/stats`): percent
 * agreement, Fleiss' kappa, Krippendorff's alpha (nominal) and Gwet's AC1 over all raters, with
 * item-bootstrap CIs; per pair of raters, percent agreement (Wilson), Cohen's kappa and AC1
 * (bootstrap); Krippendorff's alpha on the interval scale over scores when given. Missing ratings
 * (abstentions, failures) are allowed and counted per rater.
 */
export function agreementSummary(
  ratings: readonly Rating[],
  options: AgreementSummaryOptions = {},
): AgreementGroup {
  const settings: IntervalSettings = {
    level: options.level ?? 0.95,
    resamples: options.resamples ?? 1000,
    seed: options.seed ?? 0,
  };
  const named = ratingMatrix(ratings);
  const raters = options.raters ? [...options.raters] : [...named.raters].sort();
  const columns = raters.map((rater) => named.raters.indexOf(rater));
  const rows = named.values.map((row) =>
    columns.map((column) => (column < 0 ? null : (row[column] ?? null))),
  );
  const keep = rows.map((row) => row.some((value) => value !== null));
  const matrix: RatingValue[][] = rows.filter((_, index) => keep[index]);
  const itemIds = named.itemIds.filter((_, index) => keep[index]);
  const clusters = itemClusters(itemIds, options.clusters);
  const categories = booleanCategories(matrix);
  const derived = new Set(options.derivedRaters ?? []);
  const overall = matrix.map((row) => row.filter((_, column) => !derived.has(raters[column]!)));
  const ac1 = (m: RatingMatrix) => gwetAc1(m, categories ? { categories } : {});
  const pairs: PairAgreementRecord[] = [];
  raters.forEach((a, first) => {
    raters.slice(first + 1).forEach((b, offset) => {
      const second = first + 1 + offset;
      const both = matrix.flatMap((row, index) =>
        row[first] !== null && row[second] !== null ? [{ row: [row[first]!, row[second]!], index }] : [],
      );
      const pairMatrix = both.map((entry) => entry.row);
      const pairClusters = clusters ? both.map((entry) => clusters[entry.index]!) : undefined;
      const usablePairClusters = pairClusters && new Set(pairClusters).size >= 2 ? pairClusters : undefined;
      const agreeing = pairMatrix.filter(([x, y]) => categoryKey(x!) === categoryKey(y!)).length;
      const seed = 1000 + 10 * pairs.length;
      pairs.push({
        a,
        b,
        items: pairMatrix.length,
        percentAgreement:
          pairMatrix.length === 0
            ? { value: null, ci: null }
            : usablePairClusters
              ? clusteredShare(
                  coefficientEstimate(pairMatrix, percentAgreement, settings, seed, usablePairClusters),
                  agreeing,
                  pairMatrix.length,
                  settings.level,
                )
              : toEstimate(
                  agreeing / pairMatrix.length,
                  wilsonInterval(agreeing, pairMatrix.length, { level: settings.level }),
                ),
        cohenKappa: coefficientEstimate(
          pairMatrix,
          (m) =>
            cohensKappa(
              m.map((row) => row[0] ?? null),
              m.map((row) => row[1] ?? null),
            ),
          settings,
          seed + 1,
          usablePairClusters,
        ),
        gwetAC1: coefficientEstimate(pairMatrix, ac1, settings, seed + 2, usablePairClusters),
      });
    });
  });
  let scoreAlpha: Estimate | null = null;
  if (options.scores && options.scores.length > 0) {
    const scoreMatrix = ratingMatrix(options.scores);
    const scored = scoreMatrix.values.filter((row) => row.filter((value) => value !== null).length >= 2);
    const scoredRaters = scoreMatrix.raters.filter((_, column) =>
      scoreMatrix.values.some((row) => row[column] !== null),
    );
    if (scoredRaters.length >= 2 && scored.length >= 2) {
      const scoreItems = scoreMatrix.itemIds.filter(
        (_, index) => scoreMatrix.values[index]!.filter((value) => value !== null).length >= 2,
      );
      scoreAlpha = coefficientEstimate(
        scored,
        (m) => krippendorffAlpha(m, 'interval'),
        settings,
        5,
        itemClusters(scoreItems, options.clusters),
      );
    }
  }
  return {
    dimension: options.dimension ?? null,
    raters,
    items: matrix.length,
    pairableItems: overall.filter((row) => row.filter((value) => value !== null).length >= 2).length,
    coverage: raters.map((rater, column) => {
      const rated = matrix.filter((row) => row[column] !== null).length;
      return { rater, rated, missing: matrix.length - rated };
    }),
    percentAgreement: coefficientEstimate(overall, percentAgreement, settings, 1, clusters),
    fleissKappa: coefficientEstimate(overall, fleissKappa, settings, 2, clusters),
    krippendorffAlpha: coefficientEstimate(
      overall,
      (m) => krippendorffAlpha(m, 'nominal'),
      settings,
      3,
      clusters,
    ),
    gwetAC1: coefficientEstimate(overall, ac1, settings, 4, clusters),
    krippendorffAlphaScores: scoreAlpha,
    pairs,
    reference:
      options.reference === undefined
        ? null
        : referenceAgreement(matrix, raters, options.reference, settings.level),
  };
}
