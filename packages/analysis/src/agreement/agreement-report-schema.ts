import { z } from 'zod';
import { EstimateSchema } from '../calibration/calibration-report-schema.js';

/** The format tag of an agreement report. */
export const AGREEMENT_FORMAT = 'judgekit.agreement/v1';

/** Agreement of one pair of raters on the items both rated. */
export const PairAgreementSchema = z.object({
  a: z.string(),
  b: z.string(),
  /** Items both rated (non-missing). */
  items: z.number().int().nonnegative(),
  /** Share of those items rated alike, with a Wilson interval (cluster bootstrap with clusters). */
  percentAgreement: EstimateSchema,
  cohenKappa: EstimateSchema,
  gwetAC1: EstimateSchema,
});

/** One rater against a reference rater (gold, or a majority of humans) on the items the reference rated. */
export const ReferenceAgreementSchema = z.object({
  rater: z.string(),
  /** Items the reference rated. */
  items: z.number().int().nonnegative(),
  /** Of those, items this rater rated too. */
  answered: z.number().int().nonnegative(),
  /** Items where the rater gave the reference's value. */
  agreed: z.number().int().nonnegative(),
  /** `agreed / items`: a missing rating counts as a disagreement (Wilson interval). */
  agreement: EstimateSchema,
  /** `agreed / answered`: agreement on the items the rater answered (Wilson interval). */
  agreementAnswered: EstimateSchema,
});

/** How many items each rater rated, and how many it left missing (abstained or failed). */
export const RaterCoverageSchema = z.object({
  rater: z.string(),
  rated: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
});

/** Agreement among a set of raters on one group of items (e.g. one dimension). */
export const AgreementGroupSchema = z.object({
  /** The dimension the items belong to; `null` for items that name none (e.g. a public dataset). */
  dimension: z.string().nullable(),
  raters: z.array(z.string()),
  /** Items with at least one rating. */
  items: z.number().int().nonnegative(),
  /** Items rated by two raters or more: the ones every coefficient uses. */
  pairableItems: z.number().int().nonnegative(),
  coverage: z.array(RaterCoverageSchema),
  /** All raters at once (missing ratings allowed; nominal scale). */
  percentAgreement: EstimateSchema,
  fleissKappa: EstimateSchema,
  krippendorffAlpha: EstimateSchema,
  gwetAC1: EstimateSchema,
  /** Krippendorff's alpha on the interval scale over the raters' scores, when at least two gave scores. */
  krippendorffAlphaScores: EstimateSchema.nullable(),
  pairs: z.array(PairAgreementSchema),
  /** Every other rater against a reference rater, when one was named. */
  reference: z
    .object({ rater: z.string(), raters: z.array(ReferenceAgreementSchema) })
    .nullable()
    .default(null),
});

/** `judgekit agree --json`: agreement among graders (and humans) per dimension. */
export const AgreementReportSchema = z.object({
  format: z.literal(AGREEMENT_FORMAT),
  settings: z.object({
    level: z.number().gt(0).lt(1),
    resamples: z.number().int().positive(),
    seed: z.number().int(),
    /** Whether item clusters (environments) were resampled for the intervals. */
    clustered: z.boolean(),
  }),
  groups: z.array(AgreementGroupSchema),
  notes: z.array(z.string()).default([]),
});

export type PairAgreementRecord = z.infer<typeof PairAgreementSchema>;
export type ReferenceAgreement = z.infer<typeof ReferenceAgreementSchema>;
export type RaterCoverage = z.infer<typeof RaterCoverageSchema>;
export type AgreementGroup = z.infer<typeof AgreementGroupSchema>;
export type AgreementReport = z.infer<typeof AgreementReportSchema>;
