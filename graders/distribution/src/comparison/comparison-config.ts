import { type Dimension, DimensionSchema } from '@judgekit/core';
import { z } from 'zod';

/** Defaults a grader sets for its comparison. */
export interface ComparisonDefaults {
  metric?: string;
  by?: string;
  treatment?: string;
  control?: string;
  where?: string;
  alternative?: 'two-sided' | 'greater' | 'less';
  minimumEffect?: number;
  dimension?: Dimension;
}

const MetricSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/**
 * The options of a comparison between two conditions, shared by every distribution grader and
 * `judgekit compare`; `defaults` are the grader's own (its metric, conditions and hypothesis).
 * An unknown option (a misspelt `metrc`) is an error naming it, never silently dropped.
 */
export function comparisonConfigSchema(defaults: ComparisonDefaults = {}) {
  return z.strictObject({
    /**
     * What is compared: a field path (`metadata.correct`), `gold:<dimension>`, `verdict:<grader>`
     * or `score:<grader>` (optionally `#<dimension>`). Several give one comparison each. Omitted:
     * the label of every grader with verdicts in the run.
     */
    metric: defaults.metric === undefined ? MetricSchema.optional() : MetricSchema.default(defaults.metric),
    /** What defines a transcript's condition: `condition` or any specifier as for `metric`. */
    by: z
      .string()
      .min(1)
      .default(defaults.by ?? 'condition'),
    /** Which condition is the treatment and which the control (estimates are treatment − control). */
    conditions: z
      .strictObject({
        treatment: z.string().min(1).optional(),
        control: z.string().min(1).optional(),
      })
      .default({
        ...(defaults.treatment === undefined ? {} : { treatment: defaults.treatment }),
        ...(defaults.control === undefined ? {} : { control: defaults.control }),
      }),
    /** Only transcripts for which this specifier is `true` count (e.g. `metadata.mistake`). */
    where:
      defaults.where === undefined ? z.string().min(1).optional() : z.string().min(1).default(defaults.where),
    /** `rate` (booleans), `continuous` (numbers), or `auto`: a rate when every value is a boolean or 0/1. */
    metricType: z.enum(['auto', 'rate', 'continuous']).default('auto'),
    /** The hypothesis: `greater` means higher under treatment than control. */
    alternative: z.enum(['two-sided', 'greater', 'less']).default(defaults.alternative ?? 'two-sided'),
    /** Significance level of the corrected p-values, in (0, 1). */
    alpha: z.number().gt(0).lt(1).default(0.05),
    /**
     * Smallest effect worth a flag, in the metric's units (a rate difference or a difference in
     * means), ≥ 0; also the effect the power note is about.
     */
    minimumEffect: z
      .number()
      .nonnegative()
      .default(defaults.minimumEffect ?? 0.1),
    /** Multiple-comparison correction across environments. */
    correction: z.enum(['holm', 'benjamini-hochberg', 'none']).default('holm'),
    /** Confidence level of every interval, in (0, 1). */
    level: z.number().gt(0).lt(1).default(0.95),
    /**
     * Test for rates: `auto` is the 'N − 1' chi-square (per environment; Cochran-Mantel-Haenszel
     * pooled) unless the counts are too sparse for it, then the exact conditional test; or force one.
     */
    rateTest: z.enum(['auto', 'n-1-chi-square', 'exact']).default('auto'),
    /** Test per environment for continuous metrics. Pooled is always a stratified permutation test. */
    continuousTest: z.enum(['welch-t', 'mann-whitney', 'permutation']).default('welch-t'),
    /** Add a finding pooled over environments (when there are at least two). */
    pooled: z.boolean().default(true),
    /** Power the power note asks for, in (0, 1). */
    targetPower: z.number().gt(0).lt(1).default(0.8),
    /** Resamples of the permutation tests (continuous metrics). */
    resamples: z.number().int().min(99).max(1_000_000).default(2000),
    /** Seed of every resampling step: the same data and seed give the same findings. */
    seed: z.number().int().default(0),
    /** The dimension the findings speak about. */
    dimension:
      defaults.dimension === undefined
        ? DimensionSchema.optional()
        : DimensionSchema.default(defaults.dimension),
  });
}

/** Options of a comparison, validated and defaulted. */
export type ComparisonConfig = z.infer<ReturnType<typeof comparisonConfigSchema>>;
/** Options of a comparison as written in a config (every field optional). */
export type ComparisonConfigInput = z.input<ReturnType<typeof comparisonConfigSchema>>;
