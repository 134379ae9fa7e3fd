import { DimensionSchema, GraderRefSchema, IntervalSchema, SplitSchema } from '@judgekit/core';
import { z } from 'zod';

/** The format tag of a calibration report. */
export const CALIBRATION_FORMAT = 'judgekit.calibration/v1';

/** A point estimate with its confidence interval; `value: null` when undefined (e.g. 0/0). */
export const EstimateSchema = z.object({
  value: z.number().nullable(),
  ci: IntervalSchema.nullable(),
});

/** Counts of a 2×2 confusion matrix against gold (positive = behaviour present). */
export const ConfusionMatrixSchema = z.object({
  truePositives: z.number().int().nonnegative(),
  falsePositives: z.number().int().nonnegative(),
  falseNegatives: z.number().int().nonnegative(),
  trueNegatives: z.number().int().nonnegative(),
});

/** Where every verdict went: nothing is dropped without being counted here. */
export const CalibrationCountsSchema = z.object({
  /** Verdicts of this grader and dimension in scope (after the split filter). */
  verdicts: z.number().int().nonnegative(),
  /** Verdicts with a true/false label against a true/false gold label: the confusion matrix. */
  scored: z.number().int().nonnegative(),
  /** The grader answered `null` (abstained). */
  abstained: z.number().int().nonnegative(),
  /** Grading failed (`verdict.error`). */
  errors: z.number().int().nonnegative(),
  /** The gold label is `null` (the annotator could not tell). */
  goldUnknown: z.number().int().nonnegative(),
  /** Verdicts on transcripts without a gold label for this dimension. */
  noGold: z.number().int().nonnegative(),
  /** Gold labels in scope that this grader never gave a verdict for. */
  missingVerdicts: z.number().int().nonnegative(),
});

/** Binary classification metrics against gold, each with its CI. */
export const ClassificationMetricsSchema = z.object({
  accuracy: EstimateSchema,
  precision: EstimateSchema,
  /** Sensitivity, true-positive rate. */
  recall: EstimateSchema,
  /** True-negative rate, 1 − FPR. */
  specificity: EstimateSchema,
  f1: EstimateSchema,
  /** Matthews correlation coefficient, in [−1, 1]. */
  mcc: EstimateSchema,
  /** Cohen's kappa between grader and gold, in [−1, 1]. */
  cohenKappa: EstimateSchema,
});

/** One row of a threshold sweep: flag when `score ≥ threshold`. */
export const ThresholdRowSchema = z.object({
  threshold: z.number(),
  truePositives: z.number().int().nonnegative(),
  falsePositives: z.number().int().nonnegative(),
  falseNegatives: z.number().int().nonnegative(),
  trueNegatives: z.number().int().nonnegative(),
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  /** False-positive rate on gold negatives (benign transcripts). */
  fpr: z.number().nullable(),
  f1: z.number().nullable(),
});

/** One bin of a reliability diagram. */
export const ReliabilityBinSchema = z.object({
  lower: z.number(),
  upper: z.number(),
  n: z.number().int().nonnegative(),
  meanScore: z.number().nullable(),
  /** Share of gold positives in the bin. */
  observedRate: z.number().nullable(),
  ci: IntervalSchema.nullable(),
});

/** A point of an ROC or PR curve. */
export const CurvePointSchema = z.object({ threshold: z.number(), x: z.number(), y: z.number() });

/** The threshold that meets a target precision or recall on gold. */
export const TargetThresholdSchema = z.object({
  metric: z.enum(['precision', 'recall']),
  target: z.number().min(0).max(1),
  /** `null` when no threshold meets the target. */
  threshold: z.number().nullable(),
  row: ThresholdRowSchema.nullable(),
});

/** The monitor threshold at a fixed false-positive rate on benign (gold-negative) transcripts. */
export const MonitorThresholdSchema = z.object({
  /** The FPR allowed on benign transcripts, e.g. 0.05. */
  targetFPR: z.number().min(0).max(1),
  /** Lowest score threshold whose FPR on benign transcripts is ≤ `targetFPR`. */
  threshold: z.number().nullable(),
  /** FPR actually reached on benign transcripts at that threshold, with its CI. */
  fpr: EstimateSchema,
  /** Share of gold-positive transcripts flagged at that threshold, with its CI. */
  tpr: EstimateSchema,
  benign: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative(),
});

/** What a grader's scores are worth: discrimination, thresholds and calibration. */
export const ScoreCalibrationSchema = z.object({
  /** Verdicts with a score and a true/false gold label (abstentions with a score count). */
  n: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative(),
  negatives: z.number().int().nonnegative(),
  rocAUC: EstimateSchema,
  /** Average precision (area under the step-wise PR curve). */
  prAUC: EstimateSchema,
  brier: EstimateSchema,
  /** Expected calibration error over `reliability` bins (equal-width). */
  ece: z.number().nullable(),
  reliability: z.array(ReliabilityBinSchema),
  roc: z.array(CurvePointSchema),
  pr: z.array(CurvePointSchema),
  sweep: z.array(ThresholdRowSchema),
  targets: z.array(TargetThresholdSchema),
  monitor: MonitorThresholdSchema,
});

/** Metrics of one group of a breakdown (by category, environment, view or a metadata key). */
export const BreakdownGroupSchema = z.object({
  key: z.string(),
  counts: CalibrationCountsSchema.omit({ missingVerdicts: true }),
  confusion: ConfusionMatrixSchema,
  metrics: ClassificationMetricsSchema,
});

/** A breakdown of one grader's calibration by one key. */
export const BreakdownSchema = z.object({
  /** `category` (gold category), `environment`, `view`, or `metadata.<key>`. */
  by: z.string(),
  groups: z.array(BreakdownGroupSchema),
});

/** One grader's calibration on one dimension. */
export const GraderCalibrationSchema = z.object({
  grader: GraderRefSchema,
  dimension: DimensionSchema,
  counts: CalibrationCountsSchema,
  confusion: ConfusionMatrixSchema,
  metrics: ClassificationMetricsSchema,
  /** Environments the cluster bootstrap resampled; `null` when the bootstrap was i.i.d. */
  clusters: z.number().int().nullable(),
  scores: ScoreCalibrationSchema.nullable(),
  breakdowns: z.array(BreakdownSchema),
});

/** `judgekit calibrate --json`: every grader's calibration against gold, with its settings. */
export const CalibrationReportSchema = z.object({
  format: z.literal(CALIBRATION_FORMAT),
  /** Where gold came from: a labels file, or `transcripts` (labels embedded in the inputs). */
  gold: z.object({
    source: z.string(),
    annotator: z.string().nullable(),
    labels: z.number().int().nonnegative(),
  }),
  split: SplitSchema.nullable(),
  settings: z.object({
    level: z.number().gt(0).lt(1),
    resamples: z.number().int().positive(),
    seed: z.number().int(),
    targetFPR: z.number().min(0).max(1),
    targetPrecision: z.number().min(0).max(1).nullable(),
    targetRecall: z.number().min(0).max(1).nullable(),
    reliabilityBins: z.number().int().positive(),
    breakdowns: z.array(z.string()),
  }),
  graders: z.array(GraderCalibrationSchema),
  /** What a reader should know about how this report was made (skipped inputs, fallbacks). */
  notes: z.array(z.string()).default([]),
});

export type Estimate = z.infer<typeof EstimateSchema>;
export type ConfusionMatrix = z.infer<typeof ConfusionMatrixSchema>;
export type CalibrationCounts = z.infer<typeof CalibrationCountsSchema>;
export type ClassificationMetrics = z.infer<typeof ClassificationMetricsSchema>;
export type ThresholdRow = z.infer<typeof ThresholdRowSchema>;
export type ReliabilityBin = z.infer<typeof ReliabilityBinSchema>;
export type CurvePoint = z.infer<typeof CurvePointSchema>;
export type TargetThreshold = z.infer<typeof TargetThresholdSchema>;
export type MonitorThreshold = z.infer<typeof MonitorThresholdSchema>;
export type ScoreCalibration = z.infer<typeof ScoreCalibrationSchema>;
export type BreakdownGroup = z.infer<typeof BreakdownGroupSchema>;
export type Breakdown = z.infer<typeof BreakdownSchema>;
export type GraderCalibration = z.infer<typeof GraderCalibrationSchema>;
export type CalibrationReport = z.infer<typeof CalibrationReportSchema>;
