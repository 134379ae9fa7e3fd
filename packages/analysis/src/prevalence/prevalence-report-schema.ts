import { DimensionSchema, GraderRefSchema } from '@judgekit/core';
import { z } from 'zod';
import { EstimateSchema } from '../calibration/calibration-report-schema.js';

/** The format tag of a prevalence report. */
export const PREVALENCE_FORMAT = 'judgekit.prevalence/v1';

/** A grader's error rates on gold, as the correction uses them. */
export const ErrorRatesSchema = z.object({
  /** Where they were measured: a calibration report file or run directory. */
  source: z.string(),
  /** The grader as calibrated (its version may differ from the run's; see `notes`). */
  grader: GraderRefSchema,
  truePositives: z.number().int().nonnegative(),
  goldPositives: z.number().int().nonnegative(),
  trueNegatives: z.number().int().nonnegative(),
  goldNegatives: z.number().int().nonnegative(),
  sensitivity: EstimateSchema,
  specificity: EstimateSchema,
  /** Youden's J = Se + Sp − 1: the correction divides by it, so near 0 it explodes. */
  youden: z.number(),
});

/** The true rate of a behaviour in a run, estimated from one grader's flags. */
export const PrevalenceReportSchema = z.object({
  format: z.literal(PREVALENCE_FORMAT),
  grader: GraderRefSchema,
  dimension: DimensionSchema,
  run: z.object({
    runDir: z.string().nullable(),
    verdicts: z.number().int().nonnegative(),
    /** Verdicts with a true/false label: the denominator of the rates. */
    graded: z.number().int().nonnegative(),
    flagged: z.number().int().nonnegative(),
    abstained: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
  }),
  errorRates: ErrorRatesSchema.nullable(),
  /** Share of graded transcripts flagged, with a Wilson interval: what the grader says, uncorrected. */
  naive: EstimateSchema,
  /** Rogan-Gladen estimate (clamped to [0, 1]) with an interval that carries the Se/Sp uncertainty. */
  corrected: z
    .object({
      value: z.number().nullable(),
      ci: EstimateSchema.shape.ci,
      unclamped: z.number().nullable(),
      method: z.string(),
      note: z.string().nullable(),
    })
    .nullable(),
  /** PPI++ from the gold-labelled subset of this run and the grader's flags on the rest. */
  ppi: z
    .object({
      value: z.number(),
      ci: EstimateSchema.shape.ci,
      lambda: z.number(),
      labelled: z.number().int().nonnegative(),
      unlabelled: z.number().int().nonnegative(),
    })
    .nullable(),
  /** Share of positives among the gold labels of this run's graded transcripts (Wilson), when any. */
  goldRate: EstimateSchema.extend({ n: z.number().int().nonnegative() }).nullable(),
  notes: z.array(z.string()),
});

export type ErrorRates = z.infer<typeof ErrorRatesSchema>;
export type PrevalenceReport = z.infer<typeof PrevalenceReportSchema>;
