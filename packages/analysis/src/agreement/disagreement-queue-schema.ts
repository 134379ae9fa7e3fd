import { DimensionSchema, EvidenceSchema, GoldEvidenceSchema } from '@judgekit/core';
import { z } from 'zod';

/** One rater's answer on a queued item, with what it pointed at. */
export const QueueRatingSchema = z.object({
  rater: z.string(),
  label: z.boolean().nullable(),
  score: z.number().nullable(),
  category: z.string().nullable(),
  rationale: z.string().nullable(),
  evidence: z.array(EvidenceSchema),
  /** The grading error message, when the verdict failed. */
  error: z.string().nullable(),
});

/** What a human reviewer fills in; a filled `label` makes the line importable as a gold label. */
export const QueueReviewSchema = z.object({
  label: z.boolean().nullable().optional(),
  category: z.string().optional(),
  rationale: z.string().optional(),
  evidence: z.array(GoldEvidenceSchema).optional(),
});

/** One line of the disagreement queue (JSONL export). */
export const DisagreementQueueRecordSchema = z.object({
  rank: z.number().int().positive(),
  transcriptId: z.string().min(1),
  dimension: DimensionSchema,
  /** 1 − the share of the most common answer among raters who answered, in [0, 1). */
  disagreement: z.number().min(0).max(1),
  positives: z.number().int().nonnegative(),
  negatives: z.number().int().nonnegative(),
  /** Raters who abstained or failed on this item. */
  missing: z.number().int().nonnegative(),
  /** Highest minus lowest score among raters that gave one; `null` with fewer than two scores. */
  scoreSpread: z.number().nullable(),
  ratings: z.array(QueueRatingSchema),
  /** The gold label, when one exists and was asked for. */
  gold: z
    .object({
      label: z.boolean().nullable(),
      annotator: z.string(),
      category: z.string().nullable(),
      rationale: z.string().nullable().default(null),
      evidence: z.array(GoldEvidenceSchema).default([]),
    })
    .nullable(),
  review: QueueReviewSchema.default({}),
});

export type QueueRating = z.infer<typeof QueueRatingSchema>;
export type QueueReview = z.infer<typeof QueueReviewSchema>;
export type DisagreementQueueRecord = z.infer<typeof DisagreementQueueRecordSchema>;
