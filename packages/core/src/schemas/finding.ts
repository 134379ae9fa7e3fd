import { z } from 'zod';
import { DimensionSchema } from './dimension.js';
import { ErrorInfoSchema } from './error-info.js';
import { GraderRefSchema } from './grader-ref.js';

/** A two-sided interval at `level` (e.g. 0.95). */
export const IntervalSchema = z.object({
  lower: z.number(),
  upper: z.number(),
  level: z.number().gt(0).lt(1),
  method: z.string().optional(),
});

/** A metric's estimate in one condition. */
export const ConditionEstimateSchema = z.object({
  condition: z.string(),
  n: z.number().int().nonnegative(),
  value: z.number().nullable(),
  ci: IntervalSchema.optional(),
});

/** A distribution grader's answer for one comparison of conditions. */
export const FindingDraftSchema = z.object({
  dimension: DimensionSchema.optional(),
  /** The environment compared, or `pooled` across environments. */
  environment: z.string(),
  /** What was measured, e.g. `metadata.correct` or `verdict:rules.covert-action`. */
  metric: z.string(),
  /** The conditions compared: `[treatment, control]`. */
  conditions: z.tuple([z.string(), z.string()]),
  estimates: z.array(ConditionEstimateSchema),
  effect: z.object({
    /** e.g. `risk_difference`, `odds_ratio`, `cliffs_delta`. */
    measure: z.string(),
    value: z.number().nullable(),
    ci: IntervalSchema.optional(),
  }),
  test: z.object({
    name: z.string(),
    statistic: z.number().nullable().optional(),
    alternative: z.enum(['two-sided', 'greater', 'less']),
  }),
  pValue: z.number().min(0).max(1).nullable(),
  /** The p-value after the multiple-comparison correction named in `correction`. */
  pAdjusted: z.number().min(0).max(1).nullable(),
  correction: z.string().optional(),
  flagged: z.boolean(),
  /** Power note, e.g. when n is too small to detect the configured minimum effect. */
  notes: z.array(z.string()).default([]),
  error: ErrorInfoSchema.optional(),
});

/** A finding as stored in `findings.json`. */
export const FindingSchema = FindingDraftSchema.extend({
  grader: GraderRefSchema,
});

export type Interval = z.infer<typeof IntervalSchema>;
export type ConditionEstimate = z.infer<typeof ConditionEstimateSchema>;
export type FindingDraft = z.input<typeof FindingDraftSchema>;
export type Finding = z.infer<typeof FindingSchema>;
